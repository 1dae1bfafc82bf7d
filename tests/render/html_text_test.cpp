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

TEST_CASE("blank lines stay only inside <pre>, however the tags fall on lines",
          "[render]") {
  // <pre class> opens too; <preview> does not; a stray </pre> never closes
  // more than was opened; two blocks on one line open and close.
  CHECK(DropBlankLines("<pre class=\"c\">a\n\nb</pre>\n\n<p>x</p>") ==
        "<pre class=\"c\">a\n\nb</pre>\n<p>x</p>\n");
  CHECK(DropBlankLines("<preview>\n\n</preview>\n") == "<preview>\n</preview>\n");
  CHECK(DropBlankLines("</pre></pre>\n\n<pre>\n\n</pre>\n\n") ==
        "</pre></pre>\n<pre>\n\n</pre>\n");
  CHECK(DropBlankLines("<pre>a</pre><pre>b</pre>\n\n<p>\n") ==
        "<pre>a</pre><pre>b</pre>\n<p>\n");
  CHECK(DropBlankLines("<pre>\n \n<pre>\n</pre>\n\t\n</pre>\n\n") ==
        "<pre>\n \n<pre>\n</pre>\n\t\n</pre>\n");
}

TEST_CASE("a phone number as people write it becomes a tel: link", "[render]") {
  CHECK(TelHref("01432 260000") == "tel:01432260000");
  CHECK(TelHref("+44 (0)1432 260-000 ext. 12") == "tel:+440143226000012");
  CHECK(TelHref("") == "tel:");
}
