// The usual agenda shape a new meeting copies: standing items, renumbered,
// without reports or what was true of one meeting only.
#include "scaffold/standing_items.h"

#include <catch2/catch.hpp>

using clerk::AgendaItem;
using clerk::Ref;
using clerk::scaffold::IsStandingTitle;
using clerk::scaffold::RenumberedLike;
using clerk::scaffold::StandingItems;

namespace {

AgendaItem Item(std::string number, std::string title, std::string purpose = "",
                std::vector<std::string> documents = {}) {
  AgendaItem item;
  item.number = std::move(number);
  item.title = std::move(title);
  item.purpose = std::move(purpose);
  for (std::string& d : documents) item.documents.push_back(Ref{d, {}});
  return item;
}

}  // namespace

TEST_CASE("standing items are known by the words agendas use", "[scaffold]") {
  for (const char* title :
       {"Apologies for absence", "Named substitutes", "Declarations of interest",
        "Disclosures of Pecuniary and Non-Pecuniary Interests",
        "Minutes of the previous meeting", "Questions from members of the public",
        "Public Speaking", "Chairperson's introduction", "Date of next meeting",
        "Urgent business", "Exclusion of the press and public"})
    CHECK(IsStandingTitle(title));
  for (const char* title : {"Youth justice plan 2024/25", "Corporate parenting update",
                            "Budget monitoring", "Local plan"})
    CHECK_FALSE(IsStandingTitle(title));
}

TEST_CASE("a new meeting keeps the standing items of the last, renumbered",
          "[scaffold]") {
  std::vector<AgendaItem> last = {
      Item("1", "Apologies for absence", "To receive apologies for absence."),
      Item("2", "Declarations of interest"),
      Item("3", "Minutes",
           "To approve the minutes of the meeting held on 11 March 2019."),
      Item("4", "Youth justice plan", "To review the plan.", {"youth-justice-plan"}),
      Item("5", "Questions from the public",
           "The deadline for questions was 5 pm on Tuesday 10 September 2019."),
      // A standing title that names a paper is a report this time: left out.
      Item("6", "Minutes of the corporate parenting panel", "", {"cpp-minutes"}),
      Item("7", "Date of next meeting")};
  std::vector<AgendaItem> kept = StandingItems(last, "Monday 16 September 2019");
  REQUIRE(kept.size() == 5);
  CHECK(kept[0].number == "1");
  CHECK(kept[0].purpose == "To receive apologies for absence.");
  CHECK(kept[2].title == "Minutes");
  CHECK(kept[2].purpose ==
        "To approve the minutes of the meeting held on Monday 16 September 2019.");
  CHECK(kept[3].number == "4");
  CHECK(kept[3].title == "Questions from the public");
  CHECK(kept[3].purpose.empty());  // that meeting's deadline, not the next one's
  CHECK(kept[4].number == "5");
  CHECK(kept[4].title == "Date of next meeting");
  for (const AgendaItem& item : kept) CHECK(item.documents.empty());
  // No meeting held before: the minutes item says so without a date.
  CHECK(StandingItems(last, "")[2].purpose ==
        "To approve the minutes of the previous meeting.");
}

TEST_CASE("an item of standing sub-items keeps only those, in its own style",
          "[scaffold]") {
  AgendaItem general = Item("1", "General");
  general.sub_items = {Item("(1)", "Apologies"), Item("(2)", "Chair's update on visits"),
                       Item("(3)", "Disclosures of interests")};
  AgendaItem report = Item("2", "Performance report");
  report.sub_items = {Item("(1)", "Quarter 1", "", {"q1"})};
  std::vector<AgendaItem> kept = StandingItems({general, report}, "");
  REQUIRE(kept.size() == 1);
  REQUIRE(kept[0].sub_items.size() == 2);
  CHECK(kept[0].sub_items[0].number == "(1)");
  CHECK(kept[0].sub_items[1].number == "(2)");
  CHECK(kept[0].sub_items[1].title == "Disclosures of interests");
}

TEST_CASE("numbers are renumbered in their own style", "[scaffold]") {
  CHECK(RenumberedLike("7", 2) == "2");
  CHECK(RenumberedLike("(3)", 1) == "(1)");
  CHECK(RenumberedLike("Item 12.", 3) == "Item 3.");
  CHECK(RenumberedLike("(c)", 2) == "(b)");
  CHECK(RenumberedLike("B", 1) == "A");
  CHECK(RenumberedLike("", 4) == "4");
}
