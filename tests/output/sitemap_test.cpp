// Sitemaps that stay small at any size of site (issue 20, point 6): a
// sitemap file is closed before it passes its byte budget (4.5 MB in a
// build, a few hundred bytes here) or the protocol's 50,000 URLs, and
// sitemap.xml becomes an index of every file, which robots.txt names.
#include "output/sitemap.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

using namespace clerk;

namespace {

const std::string kBase = "https://x.example/";

// `n` pages of one rendition, as a build lists them, with an asset and the
// 404 page among them (which no sitemap lists).
std::vector<std::string> Pages(int n) {
  std::vector<std::string> paths = {"404.html", "theme/site.css"};
  for (int i = 0; i < n; ++i)
    paths.push_back("meetings/2019-09-" + std::to_string(10 + i) + "-cyp/index.html");
  return paths;
}

std::map<std::string, std::string> ByPath(const std::vector<OutputFile>& files) {
  std::map<std::string, std::string> out;
  for (const OutputFile& f : files) out[f.path] = f.content;
  return out;
}

// The text of every <loc> of a sitemap or sitemap index, in order.
std::vector<std::string> Locs(const std::string& xml) {
  std::vector<std::string> out;
  for (size_t at = xml.find("<loc>"); at != std::string::npos;
       at = xml.find("<loc>", at)) {
    size_t end = xml.find("</loc>", at);
    out.push_back(xml.substr(at + 5, end - at - 5));
    at = end;
  }
  return out;
}

// The pages every sitemap file of `files` lists, following the index.
std::vector<std::string> ListedPages(const std::map<std::string, std::string>& files) {
  const std::string& top = files.at("sitemap.xml");
  if (top.find("<urlset") != std::string::npos) return Locs(top);
  std::vector<std::string> pages;
  for (const std::string& loc : Locs(top)) {
    std::string name = loc.substr(kBase.size());
    for (const std::string& page : Locs(files.at(name))) pages.push_back(page);
  }
  return pages;
}

}  // namespace

TEST_CASE("sitemap: split by bytes, every file within the budget", "[sitemap]") {
  // Each <url> line is 67 bytes and a file's frame (XML head, <urlset>
  // and its end) 110: three lines fit in 350 bytes (311), four do not (378).
  const std::vector<std::string> paths = Pages(10);
  auto files = ByPath(output::SitemapFiles(paths, {kBase}, {.bytes = 350}));

  const std::string& index = files.at("sitemap.xml");
  CHECK(index.find("<sitemapindex") != std::string::npos);
  CHECK(Locs(index) ==
        std::vector<std::string>{kBase + "sitemap-1.xml", kBase + "sitemap-2.xml",
                                 kBase + "sitemap-3.xml", kBase + "sitemap-4.xml"});
  for (int i = 1; i <= 4; ++i) {
    const std::string& file = files.at("sitemap-" + std::to_string(i) + ".xml");
    INFO("sitemap-" << i << ".xml");
    CHECK(file.size() <= 350);
    CHECK(file.find("<urlset") != std::string::npos);
    CHECK(Locs(file).size() == (i < 4 ? 3u : 1u));
  }
  CHECK_FALSE(files.count("sitemap-5.xml"));
  // Every page once, in the order given; robots.txt names the index.
  std::vector<std::string> want;
  for (size_t i = 2; i < paths.size(); ++i)
    want.push_back(kBase + paths[i].substr(0, paths[i].size() - 10));
  CHECK(ListedPages(files) == want);
  CHECK(files.at("robots.txt").find("Sitemap: " + kBase + "sitemap.xml\n") !=
        std::string::npos);
}

TEST_CASE("sitemap: the default budget keeps a file under 5 MB", "[sitemap]") {
  // 45,000 URLs of about 130 bytes: 5.8 MB in one file, though under the
  // protocol's 50,000 URLs a file; the 4.5 MB budget splits them in two.
  std::vector<std::string> paths;
  for (int i = 0; i < 45000; ++i)
    paths.push_back("large-print/meetings/2019-09-16-children-and-young-people-" +
                    std::to_string(i) + "/report-of-the-director/index.html");
  std::vector<OutputFile> files = output::SitemapFiles(paths, {kBase});
  size_t sitemaps = 0;
  for (const OutputFile& f : files) {
    INFO(f.path << ": " << f.content.size() << " bytes");
    CHECK(f.content.size() <= output::SitemapLimits{}.bytes);
    if (f.path.starts_with("sitemap-")) ++sitemaps;
  }
  CHECK(sitemaps == 2);
  CHECK(ListedPages(ByPath(files)).size() == paths.size());
}

TEST_CASE("sitemap: a URL longer than the budget gets a file of its own", "[sitemap]") {
  auto files = ByPath(output::SitemapFiles(Pages(3), {kBase}, {.bytes = 10}));
  CHECK(Locs(files.at("sitemap.xml")).size() == 3);  // no empty file
  for (int i = 1; i <= 3; ++i)
    CHECK(Locs(files.at("sitemap-" + std::to_string(i) + ".xml")).size() == 1);
}

TEST_CASE("sitemap: split by count, and one file when the pages fit", "[sitemap]") {
  auto by_count = ByPath(output::SitemapFiles(Pages(5), {kBase}, {.urls = 2}));
  CHECK(Locs(by_count.at("sitemap.xml")).size() == 3);
  CHECK(Locs(by_count.at("sitemap-3.xml")).size() == 1);

  auto one = ByPath(output::SitemapFiles(Pages(5), {kBase}));
  CHECK(one.size() == 2);  // robots.txt and sitemap.xml
  CHECK(one.at("sitemap.xml").find("<urlset") != std::string::npos);
  CHECK(Locs(one.at("sitemap.xml")).size() == 5);
}

TEST_CASE("sitemap: the same pages give the same bytes", "[sitemap]") {
  const std::vector<std::string> paths = Pages(30);
  std::vector<OutputFile> a = output::SitemapFiles(paths, {kBase}, {.bytes = 500});
  std::vector<OutputFile> b = output::SitemapFiles(paths, {kBase}, {.bytes = 500});
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].path == b[i].path);
    CHECK(a[i].content == b[i].content);
  }
}
