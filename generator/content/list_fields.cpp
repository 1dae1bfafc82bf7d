#include "content/list_fields.h"

namespace clerk {

std::string NotAListMessage(const std::string& key, const std::string& value) {
  // A value with a comma or colon needs quotes in a flow list.
  const bool quote = value.find_first_of(",:[]{}#&*!|>'\"%@`") != std::string::npos;
  const std::string entry = quote ? "\"" + value + "\"" : value;
  return "'" + key + "' is a list, even of one: write '" + key + ": [" + entry +
         "]' or '- " + entry + "' on the line below";
}

void RequireList(YamlRecord& r, const char* key) {
  YAML::Node value = r.Node(key);
  if (!r.ok() || !value.IsDefined() || value.IsNull() || !value.IsScalar()) return;
  r.diag().Error(r.PosOf(value), NotAListMessage(key, value.Scalar()));
}

}  // namespace clerk
