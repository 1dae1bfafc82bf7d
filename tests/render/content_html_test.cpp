// The papers' and minutes' HTML the Markdown stage keeps as it is for their pages is
// bounded (kKeptHtml): past it a text is kept packed, and each
// page that asks gets the same HTML, without rendering it again.
#include "render/content_html.h"

#include <catch2/catch.hpp>

#include "small_site.h"

using namespace clerk;
using clerk::render_testing::SmallSite;

namespace {

const char* const kPaper = "2019-09-16-cyp/care-leavers";

void CheckSame(const DocumentHtml& a, const DocumentHtml& b) {
  CHECK(a.body == b.body);
  CHECK(a.recommendations == b.recommendations);
  REQUIRE(a.headings.size() == b.headings.size());
  for (size_t i = 0; i < a.headings.size(); ++i)
    CHECK(a.headings[i].id == b.headings[i].id);
}

}  // namespace

TEST_CASE("papers past the kept HTML are kept packed and read back the same",
          "[render][content]") {
  Site site = SmallSite();
  const size_t papers = site.documents.size();
  Diagnostics diag, none_diag;
  RenderedContent all = RenderContent(site, diag);
  RenderedContent none = RenderContent(site, none_diag, 1, nullptr, nullptr, nullptr, 0);
  CHECK(all.DocumentsRendered() == papers);
  CHECK(none.DocumentsRendered() == papers);
  CHECK(diag.ErrorCount() == none_diag.ErrorCount());
  CHECK(diag.WarningCount() == none_diag.WarningCount());
  // The summaries and links are kept whatever the budget.
  CHECK(none.bodies.size() == all.bodies.size());
  CHECK(none.bodies.at(kPaper).source == all.bodies.at(kPaper).source);
  CHECK(none.bodies.at(kPaper).site_links.links().size() ==
        all.bodies.at(kPaper).site_links.links().size());

  std::shared_ptr<const DocumentHtml> kept = all.Document(kPaper);
  REQUIRE(kept);
  REQUIRE(!kept->body.empty());
  CHECK(all.Document(kPaper).get() == kept.get());
  CHECK(all.DocumentsRendered() == papers);  // kept: not rendered again

  std::shared_ptr<const DocumentHtml> first = none.Document(kPaper);
  std::shared_ptr<const DocumentHtml> second = none.Document(kPaper);
  REQUIRE(first);
  REQUIRE(second);
  CheckSame(*first, *kept);
  CheckSame(*second, *kept);
  CHECK(first.get() != second.get());  // each a copy, unpacked
  CHECK(none.DocumentsRendered() == papers);
  CHECK(!none.Document("2019-09-16-cyp/no-such-paper"));
}

TEST_CASE("a paper left for later is rendered once, kept packed past the budget",
          "[render][content]") {
  Site site = SmallSite();
  Diagnostics diag;
  RenderedContent first = RenderContent(site, diag);
  const std::shared_ptr<const DocumentHtml> expected = first.Document(kPaper);
  REQUIRE(expected);

  // An edit build: every paper known, so none is rendered until asked.
  Diagnostics later_diag, tight_diag;
  RenderedContent later = RenderContent(site, later_diag, 1, &first.bodies);
  RenderedContent tight =
      RenderContent(site, tight_diag, 1, &first.bodies, nullptr, nullptr, 0);
  CHECK(later.DocumentsRendered() == 0);
  CHECK(tight.DocumentsRendered() == 0);
  for (int use = 0; use < 2; ++use) {
    CheckSame(*later.Document(kPaper), *expected);
    CheckSame(*tight.Document(kPaper), *expected);
  }
  CHECK(later.DocumentsRendered() == 1);
  CHECK(tight.DocumentsRendered() == 1);
  CHECK(later.Document(kPaper).get() == later.Document(kPaper).get());
  CHECK(tight.Document(kPaper).get() != tight.Document(kPaper).get());
}

TEST_CASE("minutes past the kept HTML are kept packed and read back the same",
          "[render][content]") {
  Site site = SmallSite();
  const std::string meeting = "2019-09-16-cyp";
  REQUIRE(site.minutes.count(meeting));
  Diagnostics diag, none_diag;
  RenderedContent all = RenderContent(site, diag);
  RenderedContent none = RenderContent(site, none_diag, 1, nullptr, nullptr, nullptr, 0);
  std::shared_ptr<const MinutesHtml> kept = all.Minutes(meeting);
  REQUIRE(kept);
  REQUIRE(!kept->sections.empty());
  REQUIRE(!kept->sections[0].html.empty());
  REQUIRE(!kept->decision_html.empty());
  CHECK(all.Minutes(meeting).get() == kept.get());

  std::shared_ptr<const MinutesHtml> first = none.Minutes(meeting);
  std::shared_ptr<const MinutesHtml> second = none.Minutes(meeting);
  REQUIRE(first);
  CHECK(first.get() != second.get());  // each a copy, unpacked
  for (const auto& copy : {first, second}) {
    CHECK(copy->preamble == kept->preamble);
    CHECK(copy->decision_html == kept->decision_html);
    REQUIRE(copy->sections.size() == kept->sections.size());
    for (size_t i = 0; i < kept->sections.size(); ++i) {
      CHECK(copy->sections[i].number == kept->sections[i].number);
      CHECK(copy->sections[i].title == kept->sections[i].title);
      CHECK(copy->sections[i].html == kept->sections[i].html);
    }
  }
  CHECK(!none.Minutes("2019-09-16-no-such-meeting"));
}

TEST_CASE(
    "an edit of some meetings takes the other meetings' texts as the last build had them",
    "[render][content]") {
  Site site = SmallSite();
  // More meetings than the walk over the last build's texts has pieces, so
  // several pieces each start a walk of their own.
  const Document report = site.documents.at(kPaper);
  const Meeting held = site.meetings.at("2019-09-16-cyp");
  auto meeting = [](int i) { return "2020-01-01-cyp-" + std::to_string(100 + i); };
  for (int i = 0; i < 40; ++i) {
    Meeting m = held;
    m.id = meeting(i);
    site.meetings[m.id] = m;
    Document d = report;
    d.meeting_id = m.id;
    site.documents[m.id + "/care-leavers"] = d;
  }
  Diagnostics diag;
  const RenderedContent first = RenderContent(site, diag, 2);
  const std::string other = meeting(5) + "/care-leavers";
  const std::string unknown = meeting(7) + "/care-leavers";
  const std::string edited = meeting(10);
  std::map<std::string, BodySummary> known = first.bodies;
  known.at(other).source = Fingerprint{};  // another text, as far as it knows
  known.erase(unknown);
  known.erase("agenda:" + meeting(8));
  known.at(edited + "/care-leavers").source = Fingerprint{};
  const std::set<std::string> only = {edited};

  Diagnostics edit_diag;
  RenderedContent edit = RenderContent(site, edit_diag, 2, &known, &only);
  // Another meeting's text is taken as known, without a look at its source.
  CHECK(edit.bodies.at(other).source == Fingerprint{});
  // What the last build did not know, and the edited meeting's text that
  // changed, are rendered now; the edited meeting's agenda, the same as
  // known, is not.
  CHECK(edit.DocumentsRendered() == 2);
  CHECK(edit.MeetingTextsRendered() == 1);
  REQUIRE(edit.bodies.size() == first.bodies.size());
  for (const auto& [key, body] : first.bodies) {
    INFO(key);
    REQUIRE(edit.bodies.count(key));
    if (key != other) CHECK(edit.bodies.at(key).source == body.source);
    CHECK(edit.bodies.at(key).site_links == body.site_links);
  }
  // Every text is there for a page that asks.
  CheckSame(*edit.Document(other), *first.Document(other));
  CheckSame(*edit.Document(unknown), *first.Document(unknown));
  CHECK(edit.Agenda(meeting(8)));
  CHECK(edit.Minutes("2019-09-16-cyp"));
  CHECK_FALSE(edit.Document(meeting(41) + "/care-leavers"));
}
