// Calendar dates and times of day, validated on parse (no 31 November), and
// formatted the way UK council papers write them ("Monday 16 September 2019",
// "10.15am"). No time zones: meetings happen at local (UK) time.
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

}  // namespace clerk
