#include "model/dates.h"

#include <cctype>
#include <cstdio>

namespace clerk {
namespace {

const char* const kMonths[] = {"January",   "February", "March",    "April",
                               "May",       "June",     "July",     "August",
                               "September", "October",  "November", "December"};
const char* const kDays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                             "Friday", "Saturday", "Sunday"};

// Reads exactly `width` digits at text[pos]; returns -1 if they are not digits.
int Digits(const std::string& text, size_t pos, size_t width) {
  if (pos + width > text.size()) return -1;
  int value = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

bool IsLeapYear(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int DaysInMonth(int year, int month) {
  static const int kDaysIn[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDaysIn[month - 1];
}

int DayOfWeek(const Date& d) {
  // Sakamoto's method gives 0 = Sunday; shift so 0 = Monday.
  static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  int y = d.year - (d.month < 3 ? 1 : 0);
  int sunday_based = (y + y / 4 - y / 100 + y / 400 + t[d.month - 1] + d.day) % 7;
  return (sunday_based + 6) % 7;
}

DateParse ParseDate(const std::string& text) {
  DateParse r;
  int y = Digits(text, 0, 4), m = Digits(text, 5, 2), d = Digits(text, 8, 2);
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || y < 0 || m < 0 || d < 0) {
    r.error = "'" + text + "' is not a date: write it as YYYY-MM-DD, e.g. 2019-09-16";
    return r;
  }
  if (m < 1 || m > 12) {
    r.error = "'" + text + "' is not a date: there is no month " + std::to_string(m);
    return r;
  }
  if (d < 1 || d > DaysInMonth(y, m)) {
    r.error = "'" + text + "' is not a date: " + MonthName(m) + " " + std::to_string(y) +
              " has " + std::to_string(DaysInMonth(y, m)) + " days";
    return r;
  }
  r.date = Date{y, m, d};
  return r;
}

TimeParse ParseTime(const std::string& text) {
  TimeParse r;
  // Accept 10:15, 10.15 and 9:30 (one-digit hour).
  size_t sep = text.find_first_of(":.");
  if (sep == std::string::npos || sep < 1 || sep > 2 || text.size() != sep + 3) {
    r.error = "'" + text + "' is not a time: write it as HH:MM (24-hour), e.g. 14:00";
    return r;
  }
  int h = Digits(text, 0, sep), m = Digits(text, sep + 1, 2);
  if (h < 0 || m < 0) {
    r.error = "'" + text + "' is not a time: write it as HH:MM (24-hour), e.g. 14:00";
    return r;
  }
  if (h > 23 || m > 59) {
    r.error =
        "'" + text + "' is not a time of day: hours run 0 to 23 and minutes 0 to 59";
    return r;
  }
  r.time = TimeOfDay{h, m};
  return r;
}

DateTimeParse ParseDateTime(const std::string& text) {
  DateTimeParse r;
  if (text.size() < 11 || (text[10] != ' ' && text[10] != 'T')) {
    r.error = "'" + text +
              "' is not a date and time: write it as YYYY-MM-DD HH:MM, e.g. "
              "2019-09-16 10:15";
    return r;
  }
  DateParse d = ParseDate(text.substr(0, 10));
  if (!d.date) {
    r.error = d.error;
    return r;
  }
  TimeParse t = ParseTime(text.substr(11));
  if (!t.time) {
    r.error = t.error;
    return r;
  }
  r.value = DateTime{*d.date, *t.time};
  return r;
}

std::string IsoDate(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string IsoTime(const TimeOfDay& t) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
  return buf;
}

std::string LongDate(const Date& d) {
  return std::string(DayName(DayOfWeek(d))) + " " + std::to_string(d.day) + " " +
         MonthName(d.month) + " " + std::to_string(d.year);
}

std::string MonthYear(int year, int month) {
  return std::string(MonthName(month)) + " " + std::to_string(year);
}

std::string ClockTime(const TimeOfDay& t) {
  if (t.hour == 12 && t.minute == 0) return "12 noon";
  int h12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
  std::string out = std::to_string(h12);
  if (t.minute != 0) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02d", t.minute);
    out += std::string(".") + buf;
  }
  return out + (t.hour < 12 ? "am" : "pm");
}

int LastSunday(int year, int month) {
  int day = DaysInMonth(year, month);
  while (DayOfWeek({year, month, day}) != 6) --day;
  return day;
}

LondonClock LondonClockAt(const DateTime& local) {
  if (local.time.hour != 1) return LondonClock::kOrdinary;
  const Date& d = local.date;
  if (d.month == 3 && d.day == LastSunday(d.year, 3)) return LondonClock::kGap;
  if (d.month == 10 && d.day == LastSunday(d.year, 10)) return LondonClock::kFold;
  return LondonClock::kOrdinary;
}

bool IsBritishSummerTime(const DateTime& local) {
  const int y = local.date.year;
  // BST from 02:00 local (after the gap) on the last Sunday of March until
  // 02:00 local (the second time round) on the last Sunday of October; the
  // fold's hour counts as BST, the gap's as GMT.
  const DateTime starts{{y, 3, LastSunday(y, 3)}, {2, 0}};
  const DateTime ends{{y, 10, LastSunday(y, 10)}, {2, 0}};
  return !(local < starts) && local < ends;
}

std::string SpringGapExplanation(const Date& date) {
  return "the clocks go forward at 1am on " + LongDate(date) +
         " (UK time): 01:00 to 01:59 does not happen that day";
}

// Out of range (a date that failed to parse): an empty name, never a read
// past the table.
const char* MonthName(int month) {
  return month >= 1 && month <= 12 ? kMonths[month - 1] : "";
}
const char* DayName(int day_of_week) {
  return day_of_week >= 0 && day_of_week <= 6 ? kDays[day_of_week] : "";
}

}  // namespace clerk
