#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "model/model.h"

using namespace clerk;

namespace {

std::vector<std::string> KeysOf(std::map<std::string, int>& map,
                                const std::string& meeting) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : OfMeeting(map, meeting)) keys.push_back(key);
  return keys;
}

}  // namespace

TEST_CASE(
    "OfMeeting gives a meeting's entries and no other meeting's, whatever their names",
    "[model]") {
  // Ids that sort next to "2024-01-15-cabinet/" on either side: a longer id
  // with the same start, one with a dot or a dash after it ('.' and '-' sort
  // before '/'), the meeting's own id with no paper, and "...cabinet0".
  std::map<std::string, int> docs = {{"2024-01-15-cabinet", 0},
                                     {"2024-01-15-cabinet-2/report", 0},
                                     {"2024-01-15-cabinet.old/report", 0},
                                     {"2024-01-15-cabinet/", 0},
                                     {"2024-01-15-cabinet/a", 0},
                                     {"2024-01-15-cabinet/z-appendix", 0},
                                     {"2024-01-15-cabinet0/report", 0},
                                     {"2024-01-15-cabinetx/report", 0},
                                     {"2024-01-15-cabinet/report/x", 0}};
  CHECK(KeysOf(docs, "2024-01-15-cabinet") ==
        std::vector<std::string>{"2024-01-15-cabinet/", "2024-01-15-cabinet/a",
                                 "2024-01-15-cabinet/report/x",
                                 "2024-01-15-cabinet/z-appendix"});
  CHECK(KeysOf(docs, "2024-01-15-cabinet-2") ==
        std::vector<std::string>{"2024-01-15-cabinet-2/report"});
  CHECK(KeysOf(docs, "2024-01-15").empty());
  CHECK(KeysOf(docs, "no-such-meeting").empty());

  SECTION("entries taken out one by one leave the rest of the range to walk") {
    std::map<std::string, int> taken;
    auto range = OfMeeting(docs, "2024-01-15-cabinet");
    for (auto it = range.begin(); it != range.end();) taken.insert(docs.extract(it++));
    CHECK(taken.size() == 4);
    CHECK(docs.size() == 5);
    CHECK(KeysOf(docs, "2024-01-15-cabinet").empty());
  }
}
