// Theme templates: partials are written into each template once, at load,
// and a partial that includes itself is written out a few levels deep and
// then rendered as a partial tag. Either way a page must read exactly as kainjow
// renders it with plain partials, looked up at each use, and escaped
// with kainjow's own escaping.
#include "render/templates.h"

#include <catch2/catch.hpp>
#include <kainjow/mustache.hpp>

#include "test_support.h"

using namespace clerk;
namespace mustache = kainjow::mustache;

namespace {

const std::map<std::string, std::string> kTemplates = {
    // Indented, standalone partial tags, as themes write them.
    {"_item",
     "<li>{{title}}\n{{#has_sub_items}}\n<ol>\n{{#sub_items}}\n  {{> _item}}\n"
     "{{/sub_items}}\n</ol>\n{{/has_sub_items}}\n</li>\n"},
    {"_note", "{{#note}}<p>{{note}}</p>{{/note}}"},
    {"_a", "a{{#next}} {{> _b}}{{/next}}"},
    {"_b", "b{{#next}} {{> _a}}{{/next}}"},
    {"page",
     "<h1>{{title}}</h1>\n{{> _note}}\n<ol>\n{{#items}}\n{{> _item}}\n{{/items}}\n</ol>\n"
     "{{> _missing}}\n{{> _a}}\n"},
};

// kainjow on its own: the reference.
std::string Reference(const std::string& name, mustache::data context) {
  for (const auto& [partial, text] : kTemplates) {
    if (partial[0] != '_') continue;
    const std::string* body = &text;
    context[partial] = mustache::data{mustache::partial{[body] { return *body; }}};
  }
  mustache::mustache tmpl(kTemplates.at(name));
  REQUIRE(tmpl.is_valid());
  return tmpl.render(context);
}

// An agenda item with `depth` levels of sub-items below it, as JSON (for
// the theme) and as kainjow data (for the reference, with the has_ flags
// the theme adds).
void Item(int depth, const std::string& title, nlohmann::json& json,
          mustache::data& data) {
  json = {{"title", title}};
  data = mustache::data{mustache::data::type::object};
  data["title"] = mustache::data{title};
  nlohmann::json subs = nlohmann::json::array();
  mustache::data sub_data{mustache::data::type::list};
  for (int i = 0; i < (depth > 0 ? 2 : 0); ++i) {
    nlohmann::json sub;
    mustache::data one;
    Item(i == 0 ? depth - 1 : 0, title + "." + std::to_string(i + 1), sub, one);
    subs.push_back(sub);
    sub_data.push_back(one);
  }
  json["sub_items"] = subs;
  data["sub_items"] = std::move(sub_data);
  data["has_sub_items"] = mustache::data{depth > 0};
}

// `depth` nested "next" objects, for the partials that include each other.
void Chain(int depth, nlohmann::json& json, mustache::data& data) {
  json = nlohmann::json::object();
  data = mustache::data{mustache::data::type::object};
  if (depth == 0) {
    data["next"] = mustache::data{false};
    json["next"] = false;
    return;
  }
  nlohmann::json next;
  mustache::data next_data;
  Chain(depth - 1, next, next_data);
  json["next"] = next;
  data["next"] = std::move(next_data);
}

}  // namespace

TEST_CASE("inlined partials render as kainjow renders partials, at any depth",
          "[render][templates]") {
  testing::TempDir dir;
  for (const auto& [name, text] : kTemplates)
    testing::WriteFile(dir.path() / "templates" / (name + ".mustache"), text);
  Theme theme;
  Diagnostics diag;
  theme.Load(dir.path().string(), Rendition{"standard", "Standard", ""}, diag);
  REQUIRE_FALSE(diag.HasErrors());

  // Deeper than the depth a self-including partial is written out to, so
  // the last levels are rendered as partial tags.
  for (int depth : {0, 1, 3, 4, 5, 9}) {
    CAPTURE(depth);
    // Escaped as kainjow escapes, "&apos;" and all.
    const std::string note = depth == 0 ? "Public" : "Public & <open> \"to\" all's";
    nlohmann::json json = {{"title", "Agenda"}, {"note", note}};
    mustache::data data{mustache::data::type::object};
    data["title"] = mustache::data{"Agenda"};
    data["note"] = mustache::data{note};
    nlohmann::json items = nlohmann::json::array();
    mustache::data item_data{mustache::data::type::list};
    for (int i = 0; i < 2; ++i) {
      nlohmann::json item;
      mustache::data one;
      Item(i == 0 ? depth : 1, std::to_string(i + 1), item, one);
      items.push_back(item);
      item_data.push_back(one);
    }
    json["items"] = items;
    data["items"] = std::move(item_data);
    nlohmann::json chain;
    mustache::data chain_data;
    Chain(depth * 2, chain, chain_data);
    json["next"] = chain["next"];
    data["next"] = mustache::data(*chain_data.get("next"));

    const std::string page = theme.Render("page", json, diag);
    REQUIRE_FALSE(diag.HasErrors());
    CHECK(page == Reference("page", data));
    // The deepest item is there, and the chain of partials ends where the data does.
    std::string deepest = "1";
    for (int level = 0; level < depth; ++level) deepest += ".1";
    CHECK(page.find("<li>" + deepest + "\n") != std::string::npos);
    std::string chain_text = "a";
    for (int i = 0; i < depth * 2; ++i) chain_text += (i % 2 == 0) ? " b" : " a";
    CHECK(page.find(chain_text + "\n") != std::string::npos);
  }
}

TEST_CASE("a template's syntax error names its file, line and column, in a partial too",
          "[render][templates]") {
  testing::TempDir dir;
  const auto templates = dir.path() / "templates";
  testing::WriteFile(templates / "page.mustache",
                     "<h1>{{title}}</h1>\n<ul>\n  {{#items}}<li>\n");
  testing::WriteFile(templates / "other.mustache", "<p>\n{{> _broken}}\n</p>\n");
  testing::WriteFile(templates / "_broken.mustache", "ok\n  {{name</p>\n");
  testing::WriteFile(templates / "fine.mustache", "{{> _fine}}{{title}}");
  testing::WriteFile(templates / "_fine.mustache", "<b>{{title}}</b>");
  Theme theme;
  Diagnostics diag;
  theme.Load(dir.path().string(), Rendition{"standard", "Standard", ""}, diag);
  REQUIRE_FALSE(diag.HasErrors());
  const nlohmann::json data = {{"title", "T"}, {"items", {1}}};

  CHECK(theme.Render("page", data, diag).empty());
  REQUIRE(diag.All().size() == 1);
  CHECK(diag.All()[0].pos.path.str() == (templates / "page.mustache").string());
  CHECK(diag.All()[0].pos.line == 3);
  CHECK(diag.All()[0].pos.column == 3);
  CHECK(diag.All()[0].message.find("section 'items' is not closed") != std::string::npos);

  CHECK(theme.Render("other", data, diag).empty());
  REQUIRE(diag.All().size() == 2);
  CHECK(diag.All()[1].pos.path.str() == (templates / "_broken.mustache").string());
  CHECK(diag.All()[1].pos.line == 2);
  CHECK(diag.All()[1].pos.column == 3);
  CHECK(diag.All()[1].message.find("unclosed tag") != std::string::npos);

  CHECK(theme.Render("fine", data, diag) == "<b>T</b>T");
  CHECK(diag.All().size() == 2);
}
