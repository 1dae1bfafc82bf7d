// site.yaml `language` becomes every page's lang attribute (WCAG 3.1.1):
// only BCP 47 tags are accepted, with the error at the value.
#include "config/language_tag.h"

#include <catch2/catch.hpp>

#include "content/site_config.h"
#include "test_support.h"

using clerk::testing::TempDir;
using clerk::testing::WriteFile;

TEST_CASE("language tags: BCP 47 accepted, words refused", "[config][language]") {
  std::string error;
  for (const char* good :
       {"en", "en-GB", "cy", "cy-GB", "gd", "ga-IE", "EN-gb", "zh-Hant-HK", "sr-Latn-RS",
        "es-419", "de-CH-1901", "en-GB-x-council", "yue"}) {
    INFO(good);
    CHECK(clerk::CheckLanguageTag(good, &error));
  }
  for (const char* bad : {"english", "English", "en_GB", "e", "", "en-", "-en", "en--GB",
                          "xx", "en-GB-", "en-a", "x-private", "en GB", "welsh", "1n"}) {
    INFO(bad);
    CHECK_FALSE(clerk::CheckLanguageTag(bad, &error));
  }
  clerk::CheckLanguageTag("en_GB", &error);
  CHECK(
      error ==
      "'en_GB' is not a language tag (with hyphens, not underscores): write a BCP 47 tag "
      "such as en-GB (English), cy-GB (Welsh) or en");
}

TEST_CASE("a site language that is not a tag is an error at its value",
          "[config][language]") {
  TempDir dir;
  WriteFile(dir.path() / "site.yaml",
            "title: T\norganisation: O\nlanguage: english\ncontact:\n  name: N\n"
            "  email: e@example.org\n");
  clerk::Diagnostics diag;
  clerk::SiteConfig config = clerk::LoadSiteConfig(dir.path().string(), "", diag);
  REQUIRE(diag.ErrorCount() == 1);
  CHECK(clerk::FormatDiagnostic(diag.Sorted()[0])
            .rfind("site.yaml:3:11: error: language: 'english' is not a language tag",
                   0) == 0);
  CHECK(config.language == "en-GB");  // never published as given
}
