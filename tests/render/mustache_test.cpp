// The Mustache renderer against kainjow, the library the theme's pages were
// rendered with before: the same template and the same data (converted as
// the theme converted it for kainjow) must give the same bytes, for the
// cases themes meet and for thousands of random templates and data.
#include "render/mustache.h"

#include <catch2/catch.hpp>
#include <kainjow/mustache.hpp>
#include <random>

using namespace clerk;
namespace mustache = kainjow::mustache;
using nlohmann::json;

namespace {

// The page data as the theme gave it to kainjow: empty strings and nulls
// false, numbers as JSON writes them, a has_x beside every list x.
mustache::data Converted(const json& value) {
  switch (value.type()) {
    case json::value_t::object: {
      mustache::data object{mustache::data::type::object};
      for (const auto& [key, item] : value.items()) {
        object[key] = Converted(item);
        if (item.is_array()) object["has_" + key] = mustache::data{!item.empty()};
      }
      return object;
    }
    case json::value_t::array: {
      mustache::data list{mustache::data::type::list};
      for (const auto& item : value) list.push_back(Converted(item));
      return list;
    }
    case json::value_t::string:
      if (value.get<std::string>().empty()) return mustache::data{false};
      return mustache::data{value.get<std::string>()};
    case json::value_t::boolean:
      return mustache::data{value.get<bool>()};
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return mustache::data{value.dump()};
    default:
      return mustache::data{false};
  }
}

struct Outcome {
  bool valid = false;
  std::string text;
};

Outcome Kainjow(const std::string& text, const json& data,
                const std::map<std::string, std::string>& partials) {
  mustache::mustache tmpl(text);
  if (!tmpl.is_valid()) return {};
  mustache::data context = Converted(data);
  for (const auto& [name, body] : partials) {
    const std::string* kept = &body;
    context[name] = mustache::data{mustache::partial{[kept] { return *kept; }}};
  }
  std::string out = tmpl.render(context);
  return {tmpl.is_valid(), out};
}

Outcome Ours(const std::string& text, const json& data,
             const std::map<std::string, std::string>& partials) {
  MustacheTemplate tmpl(text);
  if (!tmpl.valid()) return {};
  std::map<std::string, MustacheTemplate, std::less<>> parsed;
  for (const auto& [name, body] : partials) parsed.emplace(name, MustacheTemplate(body));
  return {true, tmpl.Render(MustacheScope{data, {}, &parsed})};
}

void Same(const std::string& text, const json& data,
          const std::map<std::string, std::string>& partials = {}) {
  CAPTURE(text, data.dump());
  const Outcome theirs = Kainjow(text, data, partials);
  const Outcome ours = Ours(text, data, partials);
  CHECK(ours.valid == theirs.valid);
  CHECK(ours.text == theirs.text);
}

const json kData = {
    {"title", "Budget & <plan> \"2026\" it's"},
    {"empty", ""},
    {"none", nullptr},
    {"yes", true},
    {"no", false},
    {"count", 12},
    {"ratio", 1.5},
    {"items",
     {{{"name", "one"}, {"n", 1}},
      {{"name", "two"}, {"sub", {{"name", "deep"}, {"sub", json::array()}}}}}},
    {"nothing", json::array()},
    {"words", {"alpha", "", "gamma"}},
    {"person", {{"name", "Cllr Ada"}, {"role", {{"title", "Chair"}}}}},
    {"blank", json::object()},
    // Explicit has_ keys beside lists: kainjow's conversion wrote has_x when
    // it came to x in key order, so the list decides where x sorts after has_x.
    {"agenda", {1}},
    {"has_agenda", false},
    {"zones", json::array()},
    {"has_zones", true},
};

}  // namespace

TEST_CASE("mustache: variables, escaping, numbers and false values as kainjow",
          "[render][mustache]") {
  for (const char* text :
       {"{{title}}", "{{{title}}}", "{{& title}}", "{{ title }}", "[{{empty}}][{{none}}]",
        "[{{yes}}][{{no}}]", "{{count}} {{ratio}}", "{{missing}}", "{{person.name}}",
        "{{person.role.title}}", "{{person.role}}", "{{person.}}", "{{.person}}", "{{}}",
        "{{a..b}}", "{{has_items}} {{has_nothing}} {{has_words}}", "{{has_title}}",
        "{{#has_agenda}}A{{/has_agenda}}{{^has_agenda}}no A{{/has_agenda}}",
        "{{#has_zones}}Z{{/has_zones}}{{^has_zones}}no Z{{/has_zones}}"}) {
    Same(text, kData);
  }
}

TEST_CASE("mustache: sections, lists, inverted sections and the current item",
          "[render][mustache]") {
  for (const char* text :
       {"{{#items}}<{{name}}:{{n}}:{{title}}>{{/items}}",
        "{{#items}}{{#sub}}{{name}}/{{/sub}}{{/items}}", "{{#words}}[{{.}}]{{/words}}",
        "{{#title}}{{.}}{{/title}}", "{{#count}}{{.}}{{/count}}",
        "{{#yes}}{{.}}y{{/yes}}", "{{#no}}n{{/no}}{{^no}}not{{/no}}",
        "{{#empty}}e{{/empty}}{{^empty}}E{{/empty}}",
        "{{#none}}n{{/none}}{{^none}}N{{/none}}",
        "{{#nothing}}x{{/nothing}}{{^nothing}}0{{/nothing}}",
        "{{#blank}}b{{title}}{{/blank}}", "{{#person}}{{name}} {{role.title}}{{/person}}",
        "{{^missing}}m{{/missing}}", "{{#missing}}m{{/missing}}",
        "{{#person.role}}{{title}}{{/person.role}}", "{{.}}", "{{#items}}{{.}}{{/items}}",
        "{{^no}}[{{.}}]{{#.}}x{{/.}}{{/no}}",
        "{{^nothing}}{{#.}}x{{/.}}{{title}}{{/nothing}}"}) {
    Same(text, kData);
  }
}

TEST_CASE("mustache: standalone lines are dropped only where kainjow drops them",
          "[render][mustache]") {
  for (const char* text : {
           "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n</ul>\n",
           "<ul>\n  {{#nothing}}\n  <li>x</li>\n  {{/nothing}}\n</ul>\n",
           "a\n  {{#no}}\n  b\n  {{/no}}\nc\n",
           "a\n  {{^no}}\n  b\n  {{/no}}\nc\n",
           "a\n\t{{#yes}}\t\n b \n{{/yes}}  \n",
           "a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\nc\rd{{#yes}}\re{{/yes}}",
           "{{! a comment }}\nx\n  {{! alone }}  \ny",
           "  {{#yes}}  ",
           "x{{#yes}}\n{{/yes}}",
           "{{#items}} {{#sub}} {{/sub}} \n{{/items}}end",
           "{{#yes}}{{empty}}\n{{/yes}}",
           "  {{title}}  {{#yes}}\n",
       }) {
    Same(text, kData);
  }
}

TEST_CASE("mustache: set delimiters, partials, and the root's values set over the data",
          "[render][mustache]") {
  Same("{{=<% %>=}}<% title %><%#items%>(<%name%>)<%/items%><%={{ }}=%>{{{title}}}",
       kData);
  Same("{{= | | =}}|title|", kData);
  const std::map<std::string, std::string> partials = {
      {"_line", "  <li>{{name}}</li>\n"},
      {"_sub", "{{#sub}}[{{> _sub}}{{name}}]{{/sub}}"}};
  Same("<ul>\n{{#items}}\n{{> _line}}\n{{/items}}\n</ul>{{> _unknown}}", kData, partials);
  Same("{{#items}}{{> _sub}}{{/items}}", kData, partials);

  // A partial that includes itself with no end (here the inner item has no
  // `sub`, so the name is found again outside it) is an error, not a crash.
  std::map<std::string, MustacheTemplate, std::less<>> endless;
  endless.emplace("_loop", MustacheTemplate("{{#person}}{{> _loop}}{{/person}}"));
  std::string error;
  CHECK(MustacheTemplate("x{{> _loop}}")
            .Render(MustacheScope{kData, {}, &endless}, &error)
            .empty());
  CHECK(error.find("'_loop'") != std::string::npos);

  // Sections that multiply (2 to the 40th lines here) stop with an error.
  std::string nested;
  for (int i = 0; i < 40; ++i) nested += "{{#words}}";
  nested += "x";
  for (int i = 0; i < 40; ++i) nested += "{{/words}}";
  error.clear();
  CHECK(MustacheTemplate(nested).Render(MustacheScope{kData}, &error).empty());
  CHECK(error.find("repeat without end") != std::string::npos);

  // "content" over the data, as the layout gets a page's body: it replaces
  // the data's own, and an empty one is false.
  const json data = {{"content", "old"}, {"title", "T"}};
  const MustacheTemplate layout(
      "{{#content}}<main>{{{content}}}</main>{{/content}}{{title}}");
  json over = {{"content", "<p>new</p>"}};
  CHECK(layout.Render(MustacheScope{data, {&over, nullptr}}) ==
        "<main><p>new</p></main>T");
  over["content"] = "";
  CHECK(layout.Render(MustacheScope{data, {&over, nullptr}}) == "T");
  CHECK(layout.Render(MustacheScope{data}) == "<main>old</main>T");
}

TEST_CASE("mustache: objects set over the root read as one object with the data",
          "[render][mustache]") {
  // The data a page's renditions share, with a rendition's fields and then
  // the layout's content set over it: kainjow rendered the one object made
  // of all three, and a list's has_x follows the list the root ends with.
  const json data = {{"title", "Shared"},
                     {"x", {1, 2}},
                     {"has_y", true},
                     {"y", {1}},
                     {"z", json::array()},
                     {"keep", "k"},
                     {"person", {{"name", "Ada"}}}};
  const json over = {
      {"title", "Own"}, {"y", json::array()}, {"x", json::array()}, {"n", 3}};
  const json content = {{"content", "<p>body</p>"}, {"z", {"one"}}};
  json merged = data;
  for (const auto& [key, value] : over.items()) merged[key] = value;
  for (const auto& [key, value] : content.items()) merged[key] = value;
  for (const char* text :
       {"{{title}} {{keep}} {{n}} {{{content}}}",
        "{{#has_x}}X{{/has_x}}{{^has_x}}no x{{/has_x}}",
        "{{#has_y}}Y{{/has_y}}{{^has_y}}no y{{/has_y}}",
        "{{#has_z}}{{#z}}[{{.}}]{{/z}}{{/has_z}}",
        "{{#person}}{{name}} {{title}} {{n}}{{/person}}",
        "{{#.}}{{title}} {{#has_z}}z{{/has_z}}{{/.}}", "{{#x}}x{{/x}}{{#y}}y{{/y}}"}) {
    CAPTURE(text);
    const Outcome theirs = Kainjow(text, merged, {});
    MustacheTemplate tmpl(text);
    CHECK(tmpl.Render(MustacheScope{data, {&content, &over}}) == theirs.text);
  }
}

TEST_CASE("mustache: syntax errors say what and where", "[render][mustache]") {
  struct Case {
    std::string text;
    size_t offset;
    std::string says;
  };
  for (const Case& c : std::vector<Case>{
           {"ab {{title", 3, "unclosed tag"},
           {"ab {{{title}}", 3, "unclosed tag"},
           {"x\n{{/items}}", 2, "closes a section that is not open"},
           // kainjow's rule: {{/a}} closes b, and a is the first section left open.
           {"{{#a}}\n {{#b}}{{/a}}", 0, "section 'a' is not closed"},
           {"{{#a}}{{#b}}{{/b}}", 0, "section 'a' is not closed"},
           {"{{#a}}{{/b}}{{#c}}", 0, "section 'a' is not closed"},
           {"{{=<% =}}", 0, "invalid set-delimiter tag"},
           {"{{= a= b =}}", 0, "invalid set-delimiter tag"},
       }) {
    CAPTURE(c.text);
    MustacheTemplate tmpl(c.text);
    CHECK_FALSE(tmpl.valid());
    CHECK(tmpl.error_offset() == c.offset);
    CHECK(tmpl.error().find(c.says) != std::string::npos);
    CHECK(tmpl.Render(MustacheScope{kData}).empty());
    CHECK_FALSE(mustache::mustache(c.text).is_valid());
  }
}

namespace {

// A random template over kData's names: well formed when `broken` is
// false, and otherwise with a tag cut or a section end dropped or misnamed.
std::string RandomTemplate(std::mt19937& rng, int depth, bool broken) {
  static const std::vector<std::string> kNames = {
      "title",      "empty",       "none",
      "yes",        "no",          "count",
      "items",      "nothing",     "words",
      "person",     "name",        "sub",
      "has_items",  "has_nothing", "agenda",
      "has_agenda", "person.name", "person.role.title",
      ".",          "missing",     "n",
      "blank"};
  static const std::vector<std::string> kText = {"a",    " ",   "\t", "\n",
                                                 "\r\n", "<b>", "&",  "\r"};
  std::string out;
  const int parts = std::uniform_int_distribution<int>(0, 6)(rng);
  auto name = [&] {
    return kNames[std::uniform_int_distribution<size_t>(0, kNames.size() - 1)(rng)];
  };
  for (int i = 0; i < parts; ++i) {
    const int kind = std::uniform_int_distribution<int>(0, 9)(rng);
    if (kind <= 2) {
      out += kText[std::uniform_int_distribution<size_t>(0, kText.size() - 1)(rng)];
    } else if (kind == 3) {
      out += "{{" + name() + "}}";
    } else if (kind == 4) {
      out += (rng() % 2 ? "{{{" + name() + "}}}" : "{{& " + name() + "}}");
    } else if (kind == 5) {
      out += "{{! note }}";
    } else if (kind == 6) {
      out += "{{> _part}}";
    } else if (depth < 3) {
      const std::string n = name();
      const std::string open = rng() % 3 == 0 ? "^" : "#";
      std::string close = "{{/" + n + "}}";
      if (broken && rng() % 4 == 0) close = rng() % 2 ? "" : "{{/other}}";
      out += (rng() % 2 ? "\n  " : "") + ("{{" + open + n + "}}") +
             (rng() % 2 ? "\n" : "") + RandomTemplate(rng, depth + 1, broken) +
             (rng() % 2 ? "\n " : "") + close;
    }
  }
  if (broken && depth == 0 && !out.empty() && rng() % 3 == 0)
    out.erase(std::uniform_int_distribution<size_t>(0, out.size() - 1)(rng), 1);
  return out;
}

}  // namespace

TEST_CASE("mustache: thousands of random templates render as kainjow renders them",
          "[render][mustache]") {
  std::mt19937 rng(20261206);
  const std::map<std::string, std::string> partials = {
      {"_part", "[{{name}}{{#sub}}\n{{name}}{{/sub}}]\n"}};
  int valid = 0;
  for (int i = 0; i < 4000; ++i) {
    const bool broken = i % 4 == 3;
    const std::string text = RandomTemplate(rng, 0, broken);
    CAPTURE(i, text);
    const Outcome theirs = Kainjow(text, kData, partials);
    const Outcome ours = Ours(text, kData, partials);
    REQUIRE(ours.valid == theirs.valid);
    REQUIRE(ours.text == theirs.text);
    valid += ours.valid;
  }
  // Both kinds were tried: most templates are valid, and some broken ones not.
  CHECK(valid > 2500);
  CHECK(valid < 4000);
}
