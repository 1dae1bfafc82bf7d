#include "render/pictograms.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "model/ascii.h"

namespace clerk {
namespace {

using ascii::Lower;

// Keyword (matched at the start of a word, lower case) -> pictogram. Order
// matters: the first match wins, so specific words come before general ones.
const std::vector<std::pair<const char*, const char*>>& Rules() {
  static const std::vector<std::pair<const char*, const char*>> rules = {
      {"apolog", "apologies"},
      {"substitut", "councillor"},
      {"declaration", "interests"},
      {"interest", "interests"},
      {"minutes", "minutes"},
      {"question", "question"},
      {"date of next", "date"},
      {"next meeting", "date"},
      {"webcast", "webcast"},
      {"youth justice", "justice"},
      {"justice", "justice"},
      {"court", "justice"},
      {"crime", "justice"},
      {"offend", "justice"},
      {"exploitation", "safety"},
      {"abuse", "safety"},
      {"safeguard", "safety"},
      {"protection", "safety"},
      {"send", "school"},
      {"school", "school"},
      {"education", "school"},
      {"pupil", "school"},
      {"exclusion", "school"},
      {"referral unit", "school"},
      {"learning", "school"},
      {"health", "health"},
      {"mental", "health"},
      {"camhs", "health"},
      {"nhs", "health"},
      {"budget", "money"},
      {"financ", "money"},
      {"money", "money"},
      {"cost", "money"},
      {"fund", "money"},
      {"accommodation", "housing"},
      {"housing", "housing"},
      {"home", "housing"},
      {"transport", "transport"},
      {"travel", "transport"},
      {"performance", "chart"},
      {"measure", "chart"},
      {"data", "chart"},
      {"risk", "warning"},
      {"feedback", "talk"},
      {"complaint", "talk"},
      {"consultation", "talk"},
      {"work programme", "plan"},
      {"plan", "plan"},
      {"strategy", "plan"},
      {"recommendation", "list"},
      {"tracker", "list"},
      {"scope", "list"},
      {"decision", "decision"},
      {"vote", "vote"},
      {"adopt", "family"},
      {"foster", "family"},
      {"famil", "family"},
      {"care leaver", "housing"},
      {"children", "children"},
      {"child", "children"},
      {"young", "children"},
      {"youth", "children"},
      {"equality", "people"},
      {"chair", "councillor"},
      {"member", "councillor"},
      {"report", "report"},
  };
  return rules;
}

}  // namespace

std::string ChoosePictogram(const std::string& text, const std::string& fallback) {
  std::string lower = Lower(text);
  for (const auto& [word, picture] : Rules()) {
    size_t at = 0;
    std::string w = word;
    while ((at = lower.find(w, at)) != std::string::npos) {
      bool start = at == 0 || !ascii::IsAlnum(lower[at - 1]);
      // "send" only as the whole word (SEND), not "sending".
      bool end_ok = w != "send" || at + w.size() == lower.size() ||
                    !ascii::IsAlnum(lower[at + w.size()]);
      if (start && end_ok) return picture;
      at += w.size();
    }
  }
  return fallback;
}

}  // namespace clerk
