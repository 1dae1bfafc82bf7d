// Values typed on the command line go into YAML as typed, and ids made from
// names follow the id rule.
#include "scaffold/yaml_text.h"

#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>

#include "content/yaml_reader.h"

using clerk::scaffold::IdFromName;
using clerk::scaffold::YamlQuoted;
using clerk::scaffold::YamlString;

TEST_CASE("a value written by the scaffold reads back as typed", "[scaffold]") {
  for (const char* text : {"Youth justice plan",
                           "Care leavers: a plan",
                           "No",
                           "yes",
                           "7",
                           "2024/25 budget",
                           "& more",
                           "!important",
                           "? why",
                           "'quoted'",
                           "say \"hi\"",
                           "back\\slash",
                           "item # 3",
                           "- dash",
                           "Zoë Brontë",
                           "Tab\there",
                           "tbc",
                           " leading space",
                           "Disclosures of Pecuniary and Non-Pecuniary Interests",
                           "[list]",
                           "{map}"}) {
    INFO(text);
    YAML::Node node = YAML::Load("key: " + YamlString(text) + "\n");
    REQUIRE(node["key"].IsScalar());
    CHECK(node["key"].as<std::string>() == text);
    CHECK(YAML::Load("key: " + YamlQuoted(text))["key"].as<std::string>() == text);
  }
  // Plain where plain is safe: the files stay as a clerk would write them.
  CHECK(YamlString("Youth justice plan") == "Youth justice plan");
  CHECK(YamlString("Non-Pecuniary Interests") == "Non-Pecuniary Interests");
  CHECK(YamlString("No") == "\"No\"");  // YAML 1.1 reads a plain No as false
  CHECK(YamlQuoted("7") == "\"7\"");
}

TEST_CASE("an id made from a name follows the id rule", "[scaffold]") {
  CHECK(IdFromName("Jo Bloggs") == "jo-bloggs");
  CHECK(IdFromName("Councillor Jo O'Neill") == "jo-oneill");
  CHECK(IdFromName("Cllr. Dr Amy Whiles") == "amy-whiles");
  CHECK(IdFromName("Zoë Brontë") == "zoe-bronte");
  CHECK(IdFromName("Youth justice plan 2024/25") == "youth-justice-plan-2024-25");
  CHECK(IdFromName("Children & Young People -- Overview") ==
        "children-young-people-overview");
  CHECK(IdFromName("  Planning   committee  ") == "planning-committee");
  CHECK(IdFromName("Mr").empty());  // nothing but a title: the clerk gives --id
  CHECK(IdFromName("???").empty());
  for (const char* name :
       {"Jo Bloggs", "Youth justice plan 2024/25", "Zoë Brontë", "A -- B", "x/y/z"})
    CHECK(clerk::IsValidId(IdFromName(name)));
}
