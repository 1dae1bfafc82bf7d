#include "scaffold/standing_items.h"

#include <array>
#include <cctype>

namespace clerk::scaffold {

namespace {

std::string Lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsMinutesTitle(std::string_view title) {
  return Lowered(title).find("minutes") != std::string::npos;
}

// Whether a purpose names a day (a month, or a year): "The deadline for
// questions was 5 pm on Tuesday 10 September 2019" is true of one meeting
// only, and copied to the next it would be wrong.
bool NamesADate(std::string_view text) {
  const std::string lower = Lowered(text);
  for (int month = 1; month <= 12; ++month)
    if (lower.find(Lowered(MonthName(month))) != std::string::npos) return true;
  int digits = 0;
  for (char c : lower) {
    digits = std::isdigit(static_cast<unsigned char>(c)) ? digits + 1 : 0;
    if (digits == 4) return true;
  }
  return false;
}

AgendaItem Item(const char* number, const char* title, const char* purpose) {
  AgendaItem item;
  item.number = number;
  item.title = title;
  item.purpose = purpose;
  return item;
}

}  // namespace

bool IsStandingTitle(std::string_view title) {
  // Words of standing items on English and Welsh council agendas.
  static const std::array<const char*, 21> kWords = {"apolog",
                                                     "substitut",
                                                     "declaration",
                                                     "disclosure",
                                                     "minutes",
                                                     "question",
                                                     "public speaking",
                                                     "public participation",
                                                     "petition",
                                                     "announcement",
                                                     "introduction",
                                                     "welcome",
                                                     "urgent business",
                                                     "urgent item",
                                                     "any other business",
                                                     "exclusion of the",
                                                     "next meeting",
                                                     "future meeting",
                                                     "chair's report",
                                                     "chairman's report",
                                                     "chairperson's report"};
  const std::string lower = Lowered(title);
  for (const char* word : kWords)
    if (lower.find(word) != std::string::npos) return true;
  return false;
}

std::string RenumberedLike(const std::string& number, int n) {
  size_t digits = number.find_first_of("0123456789");
  if (digits != std::string::npos) {
    size_t end = number.find_first_not_of("0123456789", digits);
    if (end == std::string::npos) end = number.size();
    return number.substr(0, digits) + std::to_string(n) + number.substr(end);
  }
  size_t letter = 0, letters = 0;
  for (size_t i = 0; i < number.size(); ++i)
    if (std::isalpha(static_cast<unsigned char>(number[i]))) letter = i, ++letters;
  if (letters == 1 && n <= 26) {
    std::string out = number;
    bool upper = std::isupper(static_cast<unsigned char>(number[letter]));
    out[letter] = static_cast<char>((upper ? 'A' : 'a') + n - 1);
    return out;
  }
  return std::to_string(n);
}

std::vector<AgendaItem> StandingItems(const std::vector<AgendaItem>& agenda,
                                      const std::string& previous_meeting) {
  std::vector<AgendaItem> kept;
  for (const AgendaItem& item : agenda) {
    if (!item.documents.empty()) continue;  // a report
    AgendaItem copy;
    copy.title = item.title;
    if (!NamesADate(item.purpose)) copy.purpose = item.purpose;
    if (IsMinutesTitle(item.title))
      copy.purpose =
          previous_meeting.empty()
              ? "To approve the minutes of the previous meeting."
              : "To approve the minutes of the meeting held on " + previous_meeting + ".";
    copy.sub_items = StandingItems(item.sub_items, previous_meeting);
    if (!IsStandingTitle(item.title) && copy.sub_items.empty()) continue;
    copy.number = RenumberedLike(item.number, static_cast<int>(kept.size()) + 1);
    kept.push_back(std::move(copy));
  }
  return kept;
}

std::vector<AgendaItem> DefaultStandingItems() {
  return {Item("1", "Apologies for absence", "To receive apologies for absence."),
          Item("2", "Declarations of interest",
               "To receive declarations of interest in items on the agenda."),
          Item("3", "Minutes", "To approve the minutes of the previous meeting.")};
}

}  // namespace clerk::scaffold
