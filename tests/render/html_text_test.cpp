#include "render/html_text.h"

#include <catch2/catch.hpp>

using namespace clerk;

TEST_CASE("HTML escaping covers the apostrophe, XML escaping leaves it", "[render]") {
  const std::string text = "Children's <b>\"services\"</b> & more";
  CHECK(EscapeHtml(text) ==
        "Children&#39;s &lt;b&gt;&quot;services&quot;&lt;/b&gt; &amp; more");
  CHECK(EscapeXml(text) ==
        "Children's &lt;b&gt;&quot;services&quot;&lt;/b&gt; &amp; more");
  CHECK(EscapeHtml("") == "");
  CHECK(EscapeXml("plain") == "plain");
}
