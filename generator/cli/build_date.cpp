#include "cli/build_date.h"

#include <cstdlib>

namespace clerk {
namespace {

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// 01:00 UTC on the last Sunday of `month` (when UK clocks change).
std::time_t LastSundayOneAm(int year, int month) {
  int day = DaysInMonth(year, month);
  while (DayOfWeek({year, month, day}) != 6) --day;
  return static_cast<std::time_t>(DaysFromCivil(year, month, day)) * 86400 + 3600;
}

}  // namespace

Date UkDate(std::time_t t) {
  std::tm utc{};
  gmtime_r(&t, &utc);
  const int year = utc.tm_year + 1900;
  const bool summer = t >= LastSundayOneAm(year, 3) && t < LastSundayOneAm(year, 10);
  if (summer) {
    t += 3600;
    gmtime_r(&t, &utc);
  }
  return {utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday};
}

std::optional<Date> BuildDate(const std::string& today_flag, std::string* error) {
  if (!today_flag.empty()) {
    DateParse d = ParseDate(today_flag);
    if (!d.date) *error = "--today: " + d.error;
    return d.date;
  }
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    long long seconds = std::strtoll(epoch, &end, 10);
    if (*end != '\0' || seconds < 0) {
      *error = std::string("SOURCE_DATE_EPOCH must be a number of seconds, not '") +
               epoch + "'";
      return std::nullopt;
    }
    return UkDate(static_cast<std::time_t>(seconds));
  }
  return UkDate(std::time(nullptr));
}

}  // namespace clerk
