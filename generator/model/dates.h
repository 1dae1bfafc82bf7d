// Calendar dates and times of day, validated on parse (no 31 November), and
// formatted the way UK council papers write them ("Monday 16 September 2019",
// "10.15am"). Meetings happen at UK local time (Europe/London); the one rule
// for its clock changes is below, and every writer of UTC times uses it.
#pragma once

#include <optional>
#include <string>

namespace clerk {

struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
};

struct TimeOfDay {
  int hour = 0, minute = 0;
  auto operator<=>(const TimeOfDay&) const = default;
};

struct DateTime {
  Date date;
  TimeOfDay time;
  auto operator<=>(const DateTime&) const = default;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
// 0 = Monday ... 6 = Sunday.
int DayOfWeek(const Date& date);

// Parse results carry an error text for the diagnostics ("31 November is not
// a date: November has 30 days").
struct DateParse {
  std::optional<Date> date;
  std::string error;
};
struct TimeParse {
  std::optional<TimeOfDay> time;
  std::string error;
};
struct DateTimeParse {
  std::optional<DateTime> value;
  std::string error;
};

DateParse ParseDate(const std::string& text);  // "2019-09-16"
TimeParse ParseTime(const std::string& text);  // "10:15" or "10.15"
// "2019-09-16 10:15" or "2019-09-16T10:15".
DateTimeParse ParseDateTime(const std::string& text);

std::string IsoDate(const Date& d);          // "2019-09-16"
std::string IsoTime(const TimeOfDay& t);     // "10:15"
std::string LongDate(const Date& d);         // "Monday 16 September 2019"
std::string MonthYear(int year, int month);  // "September 2019"
std::string ClockTime(const TimeOfDay& t);   // "10.15am", "2pm", "12 noon"
const char* MonthName(int month);            // 1 -> "January"
const char* DayName(int day_of_week);        // 0 -> "Monday"

// The day of the month of the last Sunday of `month`.
int LastSunday(int year, int month);

// UK clock changes (the rule since 1996). On the last Sunday of March the
// clocks go forward at 01:00 GMT: local 01:00 to 01:59 never happens (the
// gap). On the last Sunday of October they go back at 02:00 BST: local
// 01:00 to 01:59 happens twice (the fold). A time in the gap is refused
// where it is read; a time in the fold is its first occurrence, in BST, as
// RFC 5545 reads such a time in a calendar.
enum class LondonClock { kOrdinary, kGap, kFold };
LondonClock LondonClockAt(const DateTime& local);
// Whether British Summer Time applies to `local` by the rule above (a time
// in the fold: yes; a time in the gap: no, the offset before the gap, as
// RFC 5545 says).
bool IsBritishSummerTime(const DateTime& local);
// "the clocks go forward at 1am on Sunday 31 March 2024: 01:00 to 01:59 does
// not happen that day" (for errors about a time in the gap).
std::string SpringGapExplanation(const Date& date);

}  // namespace clerk
