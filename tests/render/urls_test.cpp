#include "render/urls.h"

#include <catch2/catch.hpp>

using namespace clerk;

TEST_CASE("\"@/\" links become relative links in each rendition; other text is kept",
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
