// The acronym check with a glossary as real packs have it: terms of several
// meanings, hyphenated and multi-word terms, names and ignore patterns.
#include <catch2/catch.hpp>

#include "links/check_acronyms.h"
#include "model/fingerprint.h"

using namespace clerk;

namespace {

std::vector<std::string> Words(
    const std::string& text, const std::function<bool(const std::string&)>& entry = {}) {
  std::vector<std::string> words;
  for (const AcronymHit& hit : FindAcronyms(text, entry)) words.push_back(hit.word);
  return words;
}

GlossaryTerm Term(const std::string& term, const std::string& expansion) {
  GlossaryTerm t;
  t.term = term;
  t.pos = {"content/glossary.yaml", 1, 1};
  t.expansion = expansion;
  t.plain = "Plain words.";
  return t;
}

// Two committees, a meeting of each, a paper at the first; `text` is the
// first agenda item's title of each meeting and the paper's body.
Site TwoCommittees(const std::string& text) {
  Site site;
  site.committees["planning"].id = "planning";
  site.committees["licensing"].id = "licensing";
  for (const char* c : {"planning", "licensing"}) {
    Meeting& m = site.meetings[std::string("2024-01-01-") + c];
    m.id = std::string("2024-01-01-") + c;
    m.committee.id = c;
    AgendaItem item;
    item.title = text;
    item.pos = {"content/meetings/" + m.id + "/meeting.yaml", 9, 12};
    m.agenda.push_back(item);
  }
  Document& doc = site.documents["2024-01-01-licensing/report"];
  doc.id = "report";
  doc.meeting_id = "2024-01-01-licensing";
  doc.path = "content/meetings/2024-01-01-licensing/report.md";
  doc.pos = {doc.path, 1, 1};
  doc.body = "\n" + text + "\n";
  doc.body_fingerprint = FingerprintOf(doc.body);
  doc.body_line = 6;
  GlossaryTerm pcc;
  pcc.term = "PCC";
  pcc.pos = {"content/glossary.yaml", 3, 1};
  GlossaryMeaning police{{"content/glossary.yaml", 5, 7},
                         "Police and Crime Commissioner",
                         "An elected person.",
                         {}};
  police.committees.push_back({"planning", {}});
  GlossaryMeaning parish{
      {"content/glossary.yaml", 8, 7}, "Parish and community council", "A council.", {}};
  parish.committees.push_back({"audit", {}});  // no committee of the site
  pcc.meanings = {police, parish};
  site.glossary["PCC"] = pcc;
  return site;
}

std::string Messages(const Diagnostics& diag) {
  std::string out;
  for (const Diagnostic& d : diag.All()) out += FormatDiagnostic(d) + "\n";
  return out;
}

}  // namespace

TEST_CASE("hyphens and digits belong to a word", "[acronyms]") {
  // A code is one word: not "COVID" followed by "-19".
  CHECK(Words("During COVID-19, the KS2-KS4 results") ==
        std::vector<std::string>{"COVID-19", "KS2-KS4"});
  // A word that is not all capitals gives its acronyms.
  CHECK(Words("CAMHS-led work and non-EHCP pupils") ==
        std::vector<std::string>{"CAMHS", "EHCP"});
  CHECK(FindAcronyms("a CAMHS-led plan").at(0).offset == 2);
  CHECK(FindAcronyms("a non-EHCP plan").at(0).offset == 6);
  CHECK(Words("Penny-Anne and the well-being team - UK").size() == 1);
  // A glossary entry is given whole, whatever its letters.
  CHECK(Words("the CAMHS-led plan", [](const std::string& w) {
          return w == "CAMHS-led";
        }) == std::vector<std::string>{"CAMHS-led"});
}

TEST_CASE("a hyphenated glossary term is known whole", "[acronyms]") {
  Site site;
  site.glossary["COVID-19"] = Term("COVID-19", "Coronavirus disease 2019");
  Meeting& m = site.meetings["m"];
  m.id = "m";
  AgendaItem item;
  item.title = "Recovery after COVID-19 and COVID";
  item.pos = {"content/meetings/m/meeting.yaml", 4, 12};
  m.agenda.push_back(item);
  Diagnostics diag;
  CheckAcronyms(site, diag);
  // "COVID" alone is another word, and not in the glossary.
  CHECK(Messages(diag) ==
        "content/meetings/m/meeting.yaml:4:40: warning: 'COVID' is not in the glossary: "
        "add it to content/glossary.yaml with its expansion and a plain explanation\n");
}

TEST_CASE("a term of several words is known whole", "[acronyms]") {
  Site site;
  site.glossary["NHS England"] = Term("NHS England", "NHS England");
  Meeting& m = site.meetings["m"];
  m.id = "m";
  AgendaItem item;
  item.title = "A letter from NHS England about the NHS";
  item.pos = {"content/meetings/m/meeting.yaml", 4, 12};
  m.agenda.push_back(item);
  Diagnostics diag;
  CheckAcronyms(site, diag);
  CHECK(Messages(diag) ==
        "content/meetings/m/meeting.yaml:4:48: warning: 'NHS' is not in the glossary: "
        "add it to content/glossary.yaml with its expansion and a plain explanation\n");
}

TEST_CASE("names are never warned about, codes matching a pattern are silenced",
          "[acronyms]") {
  Site site;
  GlossaryTerm nexus;
  nexus.term = "NEXUS";
  nexus.name = true;
  site.glossary["NEXUS"] = nexus;
  site.glossary_ignore.push_back({{"content/glossary.yaml", 2, 5}, "[A-Z]{2,5}[0-9]+"});
  Meeting& m = site.meetings["m"];
  m.id = "m";
  AgendaItem item;
  item.title = "NEXUS rows ASL1, AGBR13 and AGBR13's trend; but not ASLX";
  item.pos = {"content/meetings/m/meeting.yaml", 4, 12};
  m.agenda.push_back(item);
  Diagnostics diag;
  CheckAcronyms(site, diag);
  CHECK(Messages(diag) ==
        "content/meetings/m/meeting.yaml:4:64: warning: 'ASLX' is not in the glossary: "
        "add it to content/glossary.yaml with its expansion and a plain explanation\n");
}

TEST_CASE("a term of several meanings warns where none applies", "[acronyms]") {
  Site site = TwoCommittees("The PCC came.");
  Diagnostics diag;
  CheckAcronyms(site, diag);
  // planning has its meaning; licensing has none, in its agenda and paper.
  CHECK(Messages(diag) ==
        "content/meetings/2024-01-01-licensing/meeting.yaml:9:16: warning: 'PCC' has 2 "
        "meanings in the glossary and none is chosen for committee 'licensing', so it is "
        "not explained: add the committee to one meaning's committees in "
        "content/glossary.yaml\n"
        "content/meetings/2024-01-01-licensing/report.md:7:5: warning: 'PCC' has 2 "
        "meanings in the glossary and none is chosen for committee 'licensing', so it is "
        "not explained: add the committee to one meaning's committees in "
        "content/glossary.yaml, or choose one in the paper's front matter (glossary: "
        "{PCC: <expansion>})\n");

  // The paper chooses; a meaning without committees covers the rest.
  site.documents.begin()->second.glossary.push_back(
      {{"report.md", 3, 8}, "PCC", "Parish and community council"});
  Diagnostics chosen;
  CheckAcronyms(site, chosen);
  CHECK(Messages(chosen).find("report.md") == std::string::npos);
  site.glossary["PCC"].meanings[1].committees.clear();
  Diagnostics everywhere;
  CheckAcronyms(site, everywhere);
  CHECK(Messages(everywhere).empty());
}

TEST_CASE("a paper's choice names a term and one of its meanings", "[acronyms]") {
  Site site = TwoCommittees("Nothing here.");
  site.glossary["SEND"] = Term("SEND", "Special educational needs and disabilities");
  auto& choices = site.documents.begin()->second.glossary;
  const std::string path = "content/meetings/2024-01-01-licensing/report.md";
  choices.push_back({{path, 3, 9}, "PCC", "Police & Crime Commissioner"});
  choices.push_back({{path, 4, 9}, "QQQ", "Something"});
  choices.push_back({{path, 5, 9}, "SEND", "Special educational needs and disabilities"});
  Diagnostics diag;
  CheckAcronyms(site, diag);
  CHECK(
      Messages(diag) ==
      path +
          ":3:9: error: 'PCC' has no meaning 'Police & Crime Commissioner' in the "
          "glossary: write one of 'Police and Crime Commissioner' or 'Parish and "
          "community council'\n" +
          path +
          ":4:9: error: 'QQQ' is not in the glossary, so it has no meaning to choose\n" +
          path +
          ":5:9: warning: 'SEND' has one meaning in the glossary: there is nothing to "
          "choose\n");
}
