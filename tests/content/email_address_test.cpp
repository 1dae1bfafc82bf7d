// One email check for people and the site contact.
#include "content/email_address.h"

#include <catch2/catch.hpp>

#include "content/site_config.h"
#include "test_support.h"

using clerk::testing::TempDir;
using clerk::testing::WriteFile;

TEST_CASE("email addresses: usable ones pass, broken ones say why", "[content][email]") {
  for (const char* good :
       {"sam.clerk@example.org", "democratic.services@herefordshire.gov.uk",
        "a+b@x-y.example", "o'neill@example.org"}) {
    INFO(good);
    CHECK(clerk::EmailProblem(good).empty());
  }
  CHECK(clerk::EmailProblem("sam clerk@example org") == ": it holds a space");
  CHECK(clerk::EmailProblem("mailto:sam@example.org") ==
        ": write it without 'mailto:' (Clerk makes the link)");
  CHECK(clerk::EmailProblem("MAILTO:sam@example.org").find("without 'mailto:'") !=
        std::string::npos);
  CHECK(clerk::EmailProblem("democracy.example.org") == ": it has no '@'");
  CHECK(clerk::EmailProblem("sam@localhost") ==
        ": the part after '@' needs a dot (example.org)");
  CHECK(clerk::EmailProblem("@example.org") == ": nothing comes before the '@'");
  CHECK(clerk::EmailProblem("a@b@example.org") == ": it has more than one '@'");
  CHECK(clerk::EmailProblem("sam@example..org") ==
        ": the part after '@' has an empty name between dots");
  CHECK(clerk::EmailProblem("sam@example.org.") ==
        ": the part after '@' has an empty name between dots");
  CHECK(clerk::EmailProblem("sam@exa_mple.org") ==
        ": 'exa_mple.org' is not a domain name");
  CHECK(clerk::EmailProblem("<sam@example.org>") == ": '<' may not be in it");
}

TEST_CASE("the site contact's email is checked like a person's", "[content][email]") {
  TempDir dir;
  WriteFile(
      dir.path() / "site.yaml",
      "title: T\norganisation: O\ncontact:\n  name: N\n  email: democracy.example.org\n");
  clerk::Diagnostics diag;
  clerk::LoadSiteConfig(dir.path().string(), "", diag);
  REQUIRE(diag.ErrorCount() == 1);
  CHECK(
      clerk::FormatDiagnostic(diag.Sorted()[0]) ==
      "site.yaml:5:10: error: 'democracy.example.org' is not an email address: it has no "
      "'@'");
}
