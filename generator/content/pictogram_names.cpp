#include "content/pictogram_names.h"

#include <algorithm>

#include "content/yaml_reader.h"
#include "model/did_you_mean.h"

namespace clerk {

const std::vector<std::string>& PictogramNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n = {
        "apologies", "calendar", "cancelled", "chart",     "children",   "councillor",
        "date",      "decision", "document",  "email",     "family",     "group",
        "health",    "help",     "housing",   "interests", "justice",    "list",
        "meeting",   "minutes",  "money",     "officer",   "people",     "phone",
        "place",     "plan",     "private",   "public",    "question",   "report",
        "safety",    "school",   "talk",      "time",      "transport",  "vote",
        "warning",   "webcast",  "website",   "person",    "information"};
    std::sort(n.begin(), n.end());
    return n;
  }();
  return names;
}

bool IsPictogram(const std::string& name) {
  const auto& names = PictogramNames();
  return std::binary_search(names.begin(), names.end(), name);
}

std::string UnknownPictogramMessage(const std::string& name) {
  std::string message = "unknown picture '" + name + "'";
  std::string suggestion = DidYouMean(name, PictogramNames());
  if (!suggestion.empty()) return message + suggestion;
  message += ": write one of ";
  const auto& names = PictogramNames();
  for (size_t i = 0; i < names.size(); ++i) message += (i ? ", " : "") + names[i];
  return message + " (the pictograms in themes/default/pictograms/)";
}

}  // namespace clerk
