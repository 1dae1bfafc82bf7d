// Fuzz target: the Mustache parser and renderer (render/mustache.h), which
// read a theme's templates (a site may bring its own theme).
// Invariants: no crash, no sanitizer report, no uncaught exception, no hang
// (partials that include themselves and sections that multiply stop with
// an error); an invalid template says where, inside the text, and renders
// nothing; valid UTF-8 in gives valid UTF-8 out; an escaped value never
// writes the data's '<' as it is.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "fuzz_support.h"
#include "render/mustache.h"

namespace {

using nlohmann::json;

const json& Data() {
  static const json data = {
      {"title", "<b>Budget</b> & \"plans\" it's"},
      {"empty", ""},
      {"none", nullptr},
      {"yes", true},
      {"no", false},
      {"count", 12},
      {"items",
       {{{"name", "<one>"}, {"sub", json::array()}}, {{"name", "two"}, {"sub", {1, 2}}}}},
      {"nothing", json::array()},
      {"person", {{"name", "<i>Ada</i>"}, {"role", {{"title", "Chair"}}}}},
  };
  return data;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using namespace clerk;
  if (size > 64 * 1024) return -1;
  const std::string text(reinterpret_cast<const char*>(bytes), size);
  MustacheTemplate tmpl(text);
  if (!tmpl.valid()) {
    FUZZ_CHECK(!tmpl.error().empty());
    FUZZ_CHECK_MSG(tmpl.error_offset() < text.size(), tmpl.error());
    FUZZ_CHECK(tmpl.Render(MustacheScope{Data()}).empty());
    return 0;
  }
  // The input is also every partial, so {{> _self}} includes itself.
  std::map<std::string, MustacheTemplate, std::less<>> partials;
  partials.emplace("_self", MustacheTemplate(text));
  const json over = {{"content", "<p>body</p>"}};
  std::string error;
  const std::string out =
      tmpl.Render(MustacheScope{Data(), {&over, nullptr}, &partials}, &error);
  if (!error.empty()) FUZZ_CHECK(out.empty());
  if (clerk::fuzz::IsValidUtf8(text)) FUZZ_CHECK_MSG(clerk::fuzz::IsValidUtf8(out), out);
  // Without triple braces, & or changed delimiters, nothing is unescaped:
  // the data's tags appear only escaped.
  if (text.find("{{{") == std::string::npos && text.find('&') == std::string::npos &&
      text.find('=') == std::string::npos && text.find('<') == std::string::npos)
    FUZZ_CHECK_MSG(out.find('<') == std::string::npos, out);
  return 0;
}
