#include "render/urls.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace clerk;

TEST_CASE("site links (@/) become relative links in each rendition, other text is kept",
          "[render][urls]") {
  const Rendition standard{"standard", "Standard", ""};
  const Rendition large{"large-print", "Large print", "large-print/"};
  const std::string from = "meetings/m1/report/index.html";
  // No marker: the page comes back as it was.
  const std::string plain = "<p>Email clerk@example.org; see @/meetings/m1 in text.</p>";
  CHECK(urls::ResolveSiteLinks(plain, from, standard) == plain);
  // Two links, one with an anchor, and an "@/" that is not a link between them.
  const std::string html =
      "<a href=\"@/meetings/m2\">next</a> (@/x) <a href=\"@/people/jo#contact\">Jo</a>";
  CHECK(urls::ResolveSiteLinks(html, from, standard) ==
        "<a href=\"../../m2/index.html\">next</a> (@/x) "
        "<a href=\"../../../people/jo/index.html#contact\">Jo</a>");
  CHECK(urls::ResolveSiteLinks(html, "large-print/" + from, large) ==
        "<a href=\"../../m2/index.html\">next</a> (@/x) "
        "<a href=\"../../../people/jo/index.html#contact\">Jo</a>");
  // At the very start of the page.
  CHECK(urls::ResolveSiteLinks("href=\"@/glossary\"", "index.html", standard) ==
        "href=\"glossary/index.html\"");
}

TEST_CASE("pictures and files are resolved once for every rendition", "[urls]") {
  Rendition standard{"standard", "Standard", ""};
  Rendition large{"large-print", "Large print", "large-print/"};
  const std::string html =
      "<img src=\"@/meetings/m/chart.png\" alt=\"Chart\"> <a "
      "href=\"@/assets/plan.pdf\">plan</a>";
  CHECK(urls::ResolveSiteLinks(html, "meetings/m/report/index.html", standard) ==
        "<img src=\"../chart.png\" alt=\"Chart\"> <a "
        "href=\"../../../assets/plan.pdf\">plan</a>");
  CHECK(urls::ResolveSiteLinks(html, "large-print/meetings/m/report/index.html", large) ==
        "<img src=\"../../../../meetings/m/chart.png\" alt=\"Chart\"> "
        "<a href=\"../../../../assets/plan.pdf\">plan</a>");
}

namespace {

// Relative() as it was written first, splitting both paths: the reference.
std::string SplitRelative(const std::string& from, const std::string& to) {
  std::string fragment, target = to;
  if (size_t hash = to.find('#'); hash != std::string::npos) {
    fragment = to.substr(hash);
    target = to.substr(0, hash);
  }
  std::vector<std::string> a = urls::SplitPath(from), b = urls::SplitPath(target);
  size_t common = 0;
  while (common + 1 < a.size() && common + 1 < b.size() && a[common] == b[common])
    ++common;
  std::string out;
  for (size_t i = common; i + 1 < a.size(); ++i) out += "../";
  for (size_t i = common; i < b.size(); ++i) {
    out += b[i];
    if (i + 1 < b.size()) out += '/';
  }
  return out + fragment;
}

}  // namespace

TEST_CASE("relative links agree with splitting both paths, for every pair of paths",
          "[render][urls]") {
  // Paths of one to three parts from names that share prefixes ("a", "ab")
  // or are empty ("a//b"), with and without a fragment.
  const std::vector<std::string> names = {"a", "ab", "b", "", "index.html"};
  std::vector<std::string> paths;
  for (const std::string& x : names) {
    paths.push_back(x);
    for (const std::string& y : names) {
      paths.push_back(x + "/" + y);
      for (const std::string& z : names) paths.push_back(x + "/" + y + "/" + z);
    }
  }
  size_t pairs = 0;
  for (const std::string& from : paths) {
    for (const std::string& to : paths) {
      for (const std::string& fragment : {std::string(), std::string("#item-1")}) {
        CAPTURE(from, to + fragment);
        CHECK(urls::Relative(from, to + fragment) == SplitRelative(from, to + fragment));
        ++pairs;
      }
    }
  }
  CHECK(pairs == 155u * 155u * 2u);
}
