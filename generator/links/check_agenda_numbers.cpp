#include "links/check_agenda_numbers.h"

#include <map>
#include <string>
#include <vector>

// The anchor rule itself, so this check and the pages can never disagree.
#include "model/item_anchor.h"

namespace clerk {
namespace {

struct FirstItem {
  std::string full_number;
  SourcePos pos;
  const std::vector<AgendaItem>* list;  // the list it is in
};

void Walk(const std::vector<AgendaItem>& items, std::map<std::string, FirstItem>& seen,
          Diagnostics& diag) {
  for (const AgendaItem& item : items) {
    if (!item.number.empty()) {
      std::string anchor = ItemAnchorSuffix(item.full_number);
      auto [it, fresh] =
          seen.try_emplace(anchor, FirstItem{item.full_number, item.pos, &items});
      const FirstItem& first = it->second;
      // The same number twice in one list is the loader's error already.
      if (!fresh && (first.list != &items || first.full_number != item.full_number)) {
        std::string what =
            first.full_number == item.full_number
                ? "is numbered like"
                : "has the same address on the page (#item-" + anchor + ") as";
        diag.Error(item.pos, "agenda item '" + item.full_number + "' " + what +
                                 " item '" + first.full_number + "' on line " +
                                 std::to_string(first.pos.line) +
                                 " (a sub-item's number is its item's and its own, "
                                 "like 1(2)): number them so they differ");
      }
    }
    Walk(item.sub_items, seen, diag);
  }
}

}  // namespace

void CheckAgendaNumbers(const Site& site, Diagnostics& diag) {
  for (const auto& [id, meeting] : site.meetings) {
    std::map<std::string, FirstItem> seen;
    Walk(meeting.agenda, seen, diag);
  }
}

}  // namespace clerk
