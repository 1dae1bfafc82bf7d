// content/glossary.yaml as real packs need it: terms of several meanings,
// names that are not acronyms, patterns for codes, a paper's choice.
#include <catch2/catch.hpp>

#include "content/loader.h"
#include "test_support.h"

using namespace clerk;

namespace {

// The base site of the bad-input corpus with a second committee and
// `glossary` as content/glossary.yaml.
Site LoadWithGlossary(const testing::TempDir& dir, const std::string& glossary,
                      Diagnostics& diag) {
  testing::CopyTree(testing::SourceDir() / "tests/bad-input/base", dir.path());
  testing::WriteFile(dir.path() / "content/committees/licensing.yaml",
                     "name: Licensing committee\norganisation: Test Council\n"
                     "remit: Decides licences.\n");
  testing::WriteFile(dir.path() / "content/glossary.yaml", glossary);
  return LoadSite(dir.path().string(), diag);
}

std::string Messages(const Diagnostics& diag) {
  std::string out;
  for (const Diagnostic& d : diag.All()) out += FormatDiagnostic(d) + "\n";
  return out;
}

}  // namespace

TEST_CASE("a glossary term may have several meanings, each for some committees",
          "[glossary-load]") {
  testing::TempDir dir;
  Diagnostics diag;
  Site site = LoadWithGlossary(dir,
                               "PCC:\n"
                               "  meanings:\n"
                               "    - expansion: Police and Crime Commissioner\n"
                               "      plain: An elected person who oversees the police.\n"
                               "      committees: [planning]\n"
                               "    - expansion: Parish and community council\n"
                               "      plain: The smallest kind of council.\n"
                               "SEND:\n"
                               "  expansion: Special educational needs and disabilities\n"
                               "  plain: Extra help at school.\n",
                               diag);
  INFO(Messages(diag));
  REQUIRE(diag.ErrorCount() == 0);
  const GlossaryTerm& pcc = site.glossary.at("PCC");
  CHECK(pcc.expansion.empty());
  REQUIRE(pcc.meanings.size() == 2);
  CHECK(pcc.meanings[0].expansion == "Police and Crime Commissioner");
  CHECK(pcc.meanings[0].pos.line == 3);
  REQUIRE(pcc.meanings[0].committees.size() == 1);
  CHECK(pcc.meanings[0].committees[0].id == "planning");
  CHECK(pcc.meanings[1].committees.empty());
  // The one form still holds.
  CHECK(site.glossary.at("SEND").expansion ==
        "Special educational needs and disabilities");
  CHECK(site.glossary.at("SEND").meanings.empty());
}

TEST_CASE("meanings name committees that exist, one meaning each", "[glossary-load]") {
  testing::TempDir dir;
  Diagnostics diag;
  LoadWithGlossary(dir,
                   "PCC:\n"
                   "  meanings:\n"
                   "    - expansion: Police and Crime Commissioner\n"
                   "      plain: An elected person.\n"
                   "      committees: [planing, licensing]\n"
                   "    - expansion: Parish and community council\n"
                   "      plain: A council.\n"
                   "      committees: [licensing]\n"
                   "    - expansion: Primary care centre\n"
                   "      plain: A doctor's surgery.\n"
                   "    - expansion: Primary care centre\n"
                   "      plain: Again.\n",
                   diag);
  const std::string out = Messages(diag);
  INFO(out);
  CHECK(out.find("content/glossary.yaml:5:20: error: unknown committee 'planing'; did "
                 "you mean 'planning'?") != std::string::npos);
  CHECK(out.find("content/glossary.yaml:8:20: error: committee 'licensing' is already "
                 "given another meaning of 'PCC' (line 3)") != std::string::npos);
  CHECK(out.find("content/glossary.yaml:11:18: error: 'PCC' already has the meaning "
                 "'Primary care centre' (line 9)") != std::string::npos);
  CHECK(out.find("content/glossary.yaml:11:7: error: 'PCC' has two meanings without "
                 "committees") != std::string::npos);
}

TEST_CASE("names in capitals and ignore patterns are read with their places",
          "[glossary-load]") {
  testing::TempDir dir;
  Diagnostics diag;
  Site site = LoadWithGlossary(dir,
                               "not_acronyms: [NEXUS, RISE]\n"
                               "ignore_patterns:\n"
                               "  - '[A-Z]{2,5}[0-9]+'\n"
                               "  - '[A-Z'\n"
                               "  - 'A{2,1}'\n"
                               "MOSAIC:\n"
                               "  name: true\n"
                               "  plain: The council's social care computer system.\n"
                               "IMPACT:\n"
                               "  name: true\n"
                               "  expansion: Impact\n",
                               diag);
  const std::string out = Messages(diag);
  INFO(out);
  CHECK(site.glossary.at("NEXUS").name);
  CHECK(site.glossary.at("NEXUS").pos.line == 1);
  CHECK(site.glossary.at("RISE").pos.column == 23);
  CHECK(site.glossary.at("MOSAIC").name);
  CHECK(site.glossary.at("MOSAIC").plain == "The council's social care computer system.");
  REQUIRE(site.glossary_ignore.size() == 1);
  CHECK(site.glossary_ignore[0].pattern == "[A-Z]{2,5}[0-9]+");
  CHECK(site.glossary_ignore[0].pos.line == 3);
  CHECK(out.find("content/glossary.yaml:4:5: error: '[A-Z' is not a valid pattern: a "
                 "'[' is not closed") != std::string::npos);
  CHECK(out.find("content/glossary.yaml:5:5: error: 'A{2,1}' is not a valid pattern") !=
        std::string::npos);
  CHECK(out.find("content/glossary.yaml:11:14: error: 'IMPACT' is a name (name: true), "
                 "which is never expanded") != std::string::npos);
  CHECK(diag.ErrorCount() == 3);
}

TEST_CASE("a misspelt glossary setting and a name given twice are errors",
          "[glossary-load]") {
  testing::TempDir dir;
  Diagnostics diag;
  LoadWithGlossary(dir,
                   "ignore_pattern: ['[A-Z]+[0-9]+']\n"
                   "not_acronyms: [NEXUS]\n"
                   "NEXUS:\n"
                   "  expansion: Nexus\n"
                   "  plain: A programme.\n",
                   diag);
  const std::string out = Messages(diag);
  INFO(out);
  CHECK(out.find("content/glossary.yaml:1:1: error: 'ignore_pattern' is not a glossary "
                 "setting; did you mean 'ignore_patterns'?") != std::string::npos);
  CHECK(out.find("content/glossary.yaml:3:1: error: duplicate glossary term 'NEXUS' "
                 "(first defined on line 2)") != std::string::npos);
}

TEST_CASE("a paper chooses the meaning it uses in its front matter", "[glossary-load]") {
  testing::TempDir dir;
  testing::CopyTree(testing::SourceDir() / "tests/bad-input/base", dir.path());
  const auto paper = dir.path() / "content/meetings/2024-03-04-planning/local-plan.md";
  std::string text = testing::ReadFile(paper);
  text.insert(text.find("recommendations:"),
              "glossary:\n  PCC: Parish and community council\n");
  testing::WriteFile(paper, text);
  Diagnostics diag;
  Site site = LoadSite(dir.path().string(), diag);
  const Document& doc = site.documents.at("2024-03-04-planning/local-plan");
  REQUIRE(doc.glossary.size() == 1);
  CHECK(doc.glossary[0].term == "PCC");
  CHECK(doc.glossary[0].expansion == "Parish and community council");
  CHECK(doc.glossary[0].pos.line == 7);
  CHECK(doc.glossary[0].pos.column == 8);
}
