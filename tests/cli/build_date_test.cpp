#include "cli/build_date.h"

#include <catch2/catch.hpp>
#include <cstdlib>

using namespace clerk;

TEST_CASE("the build's date is the UK's: BST moves late evening UTC to the next day",
          "[cli][today]") {
  // 2022-06-15 23:30 UTC is 00:30 on 16 June in London (BST).
  CHECK(UkDate(1655335800) == Date{2022, 6, 16});
  // 2022-12-15 23:30 UTC is still 15 December in London (GMT).
  CHECK(UkDate(1671147000) == Date{2022, 12, 15});
  // The clocks go forward at 01:00 UTC on 27 March 2022: 00:59 UTC is GMT.
  CHECK(UkDate(1648342740) == Date{2022, 3, 27});
  // 2022-10-29 23:30 UTC is 00:30 BST on the 30th (clocks go back at 01:00 UTC).
  CHECK(UkDate(1667086200) == Date{2022, 10, 30});
}

TEST_CASE("the --today flag wins over SOURCE_DATE_EPOCH, which wins over the clock",
          "[cli][today]") {
  std::string error;
  ::setenv("SOURCE_DATE_EPOCH", "1655335800", 1);
  CHECK(BuildDate("2024-01-02", &error) == Date{2024, 1, 2});
  CHECK(BuildDate("", &error) == Date{2022, 6, 16});
  ::setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
  CHECK_FALSE(BuildDate("", &error).has_value());
  CHECK(error.find("SOURCE_DATE_EPOCH") != std::string::npos);
  ::unsetenv("SOURCE_DATE_EPOCH");
  error.clear();
  CHECK_FALSE(BuildDate("2024-02-30", &error).has_value());
  CHECK(error.find("--today") != std::string::npos);
}
