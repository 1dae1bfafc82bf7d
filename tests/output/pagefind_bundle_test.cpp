// Reading back what a Pagefind bundle holds (output/pagefind_bundle.h): the
// page behind each result id, from a bundle the real Pagefind made (npm ci
// puts it in node_modules/), from a group of pages in one fragment, and
// nothing from a fragment that is not one.
#include "output/pagefind_bundle.h"

#include <sys/wait.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <cstdlib>

#include "output/pagefind_program.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace {

void WriteGzip(const fs::path& file, const std::string& text) {
  gzFile out = gzopen(file.c_str(), "wb");
  REQUIRE(out != nullptr);
  gzwrite(out, text.data(), static_cast<unsigned>(text.size()));
  gzclose(out);
}

std::string Page(const std::string& title) {
  return "<!DOCTYPE html><html lang=\"en\"><head><title>" + title +
         "</title></head><body><main data-pagefind-body><h1>" + title +
         "</h1><p>Words about " + title + ".</p></main></body></html>";
}

}  // namespace

TEST_CASE("pagefind bundle: each page's id is its fragment's name", "[output][search]") {
  const std::string program =
      clerk::output::FindPagefind(clerk::testing::SourceDir().string());
  REQUIRE_FALSE(program.empty());  // npm ci
  clerk::testing::TempDir dir;
  clerk::testing::WriteFile(dir.path() / "site/index.html", Page("Home"));
  clerk::testing::WriteFile(dir.path() / "site/meetings/2020-01-01-x/index.html",
                            Page("A meeting"));
  clerk::testing::WriteFile(dir.path() / "site/404.html",
                            "<!DOCTYPE html><html lang=\"en\"><title>x</title><p>None");
  const fs::path bundle = dir.path() / "bundle";
  const std::string command = "'" + program + "' --site '" +
                              (dir.path() / "site").string() + "' --output-path '" +
                              bundle.string() + "' --keep-index-url --quiet";
  REQUIRE(std::system(command.c_str()) == 0);

  const std::map<std::string, std::string> pages =
      clerk::output::BundlePages(bundle.string());
  REQUIRE(pages.size() == 2);  // the page with no body has no fragment
  for (const char* url : {"/index.html", "/meetings/2020-01-01-x/index.html"}) {
    INFO(url);
    REQUIRE(pages.count(url) == 1);
    CHECK(fs::exists(bundle / "fragment" / (pages.at(url) + ".pf_fragment")));
  }
  CHECK(pages.at("/index.html") != pages.at("/meetings/2020-01-01-x/index.html"));
}

TEST_CASE("pagefind bundle: a group of pages in one fragment, and damaged fragments",
          "[output][search]") {
  clerk::testing::TempDir dir;
  const fs::path fragments = dir.path() / "fragment";
  fs::create_directories(fragments);
  WriteGzip(fragments / "en_group1.pf_fragment",
            "pagefind_dcd{\"en_a1\":{\"url\":\"/a.html\",\"content\":\"A\"},"
            "\"en_b2\":{\"url\":\"/b.html\",\"content\":\"B\"}}");
  WriteGzip(fragments / "en_single.pf_fragment",
            "pagefind_dcd{\"url\":\"/c.html\",\"content\":\"C\"}");
  WriteGzip(fragments / "en_nosig.pf_fragment", "{\"url\":\"/d.html\"}");
  WriteGzip(fragments / "en_badjson.pf_fragment", "pagefind_dcd{\"url\":\"/e.ht");
  clerk::testing::WriteFile(fragments / "en_plain.pf_fragment", "not gzip at all");
  WriteGzip(fragments / "en_other.txt", "pagefind_dcd{\"url\":\"/f.html\"}");
  WriteGzip(fragments / "en_\"quoted\".pf_fragment", "pagefind_dcd{\"url\":\"/g.html\"}");
  WriteGzip(fragments / "en_group2.pf_fragment",
            "pagefind_dcd{\"en_\\\"x\":{\"url\":\"/h.html\"}}");
  const std::map<std::string, std::string> pages =
      clerk::output::BundlePages(dir.path().string());
  CHECK(pages == std::map<std::string, std::string>{{"/a.html", "en_a1"},
                                                    {"/b.html", "en_b2"},
                                                    {"/c.html", "en_single"}});
  CHECK(clerk::output::BundlePages((dir.path() / "none").string()).empty());
}
