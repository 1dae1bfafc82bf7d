#include "model/dates.h"

#include <catch2/catch.hpp>

using namespace clerk;

TEST_CASE("dates that do not exist are refused with the reason", "[dates]") {
  CHECK(ParseDate("2019-09-16").date == Date{2019, 9, 16});
  DateParse november = ParseDate("2019-11-31");
  CHECK(!november.date);
  CHECK(november.error == "'2019-11-31' is not a date: November 2019 has 30 days");
  CHECK(ParseDate("2024-02-29").date);  // leap year
  CHECK(!ParseDate("2023-02-29").date);
  CHECK(!ParseDate("1900-02-29").date);  // not a leap year
  CHECK(ParseDate("2000-02-29").date);   // is one
  CHECK(!ParseDate("2019-13-01").date);
  CHECK(!ParseDate("16/09/2019").date);
  CHECK(!ParseDate("2019-9-16").date);
}

TEST_CASE("times and date-times parse in the forms clerks type", "[dates]") {
  CHECK(ParseTime("10:15").time == TimeOfDay{10, 15});
  CHECK(ParseTime("10.15").time == TimeOfDay{10, 15});
  CHECK(ParseTime("9:30").time == TimeOfDay{9, 30});
  CHECK(!ParseTime("24:00").time);
  CHECK(!ParseTime("10:60").time);
  CHECK(!ParseTime("10am").time);
  CHECK(ParseDateTime("2019-09-16 10:15").value == DateTime{{2019, 9, 16}, {10, 15}});
  CHECK(ParseDateTime("2019-09-16T10:15").value);
  CHECK(!ParseDateTime("2019-09-16").value);
}

TEST_CASE("dates and times are written the way council papers write them", "[dates]") {
  CHECK(LongDate({2019, 9, 16}) == "Monday 16 September 2019");
  CHECK(LongDate({2023, 12, 6}) == "Wednesday 6 December 2023");
  CHECK(LongDate({2024, 9, 17}) == "Tuesday 17 September 2024");
  CHECK(ClockTime({10, 15}) == "10.15am");
  CHECK(ClockTime({14, 0}) == "2pm");
  CHECK(ClockTime({12, 0}) == "12 noon");
  CHECK(ClockTime({0, 30}) == "12.30am");
  CHECK(IsoDate({2019, 9, 6}) == "2019-09-06");
}

TEST_CASE("names of a date that failed to parse are empty, never a crash", "[dates]") {
  CHECK(std::string(MonthName(0)) == "");
  CHECK(std::string(MonthName(13)) == "");
  CHECK(std::string(DayName(7)) == "");
  CHECK(std::string(MonthName(12)) == "December");
}
