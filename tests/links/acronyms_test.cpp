#include <catch2/catch.hpp>

#include "links/check_acronyms.h"

using namespace clerk;

namespace {
std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  for (const AcronymHit& hit : FindAcronyms(text)) words.push_back(hit.word);
  return words;
}
}  // namespace

TEST_CASE("acronyms are words of two or more capitals, names are not", "[acronyms]") {
  CHECK(Words("The CAMHS team and the DfE met OoCD staff.") ==
        std::vector<std::string>{"CAMHS", "DfE", "OoCD"});
  CHECK(Words("Angela McErlane used SharePoint; Penny-Anne O'Donnell too.").empty());
  CHECK(Words("Two SLAs, the YJB's plan and 'SEND' support") ==
        std::vector<std::string>{"SLA", "YJB", "SEND"});
  CHECK(Words("A single Capital, I and a.").empty());
  CHECK(FindAcronyms("see ICB").at(0).offset == 4);
}

TEST_CASE("words printed in capitals are not acronyms", "[acronyms]") {
  CHECK(Words("**RESOLVED:** that the plan is AGREED.").empty());
  CHECK(Words("APOLOGIES FOR ABSENCE").empty());
  CHECK(Words("REQUEST FOR CALL IN / COUNCILLOR CALL FOR ACTION").empty());
  CHECK(
      Words(
          "REQUEST(S) FOR CALL IN/COUNCILLOR CALL FOR ACTION/PETITIONS RECEIVED (IF ANY)")
          .empty());
  // Short unknown capitals in a title in capitals are still acronyms.
  CHECK(Words("REPORT OF THE ICB") == std::vector<std::string>{"ICB"});
  // "IT" is an acronym in council papers (information technology), not a word.
  CHECK(Words("The IT team") == std::vector<std::string>{"IT"});
  // Without an ordinary word a run is a list of acronyms.
  CHECK(Words("CAMHS SEND") == std::vector<std::string>{"CAMHS", "SEND"});
  // A glossary entry stays, even in capitals around it.
  std::vector<std::string> words;
  for (const AcronymHit& hit :
       FindAcronyms("CAMHS UPDATE FOR THE BOARD",
                    [](const std::string& w) { return w == "CAMHS"; }))
    words.push_back(hit.word);
  CHECK(words == std::vector<std::string>{"CAMHS"});
}
