#include "model/parallel.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <stdexcept>

using namespace clerk;

TEST_CASE("ParallelFor carries a worker's exception to the caller", "[parallel]") {
  // Before, the exception ended the program on its worker thread
  // (std::terminate, exit 134), clerk serve with it.
  for (int jobs : {1, 2, 8}) {
    INFO("jobs " << jobs);
    std::atomic<int> done{0};
    auto run = [&] {
      ParallelFor(10000, jobs, [&](size_t i, int) {
        if (i == 777) throw std::runtime_error("item 777 failed");
        ++done;
      });
    };
    CHECK_THROWS_WITH(run(), "item 777 failed");
    CHECK(done < 10000);  // the items not started when it failed are not run
  }
}

TEST_CASE("ParallelFor keeps a file system error as it was thrown", "[parallel]") {
  try {
    ParallelFor(64, 4, [](size_t i, int) {
      if (i == 63)
        throw std::filesystem::filesystem_error(
            "status", "content/meetings/x",
            std::make_error_code(std::errc::permission_denied));
    });
    FAIL("no exception");
  } catch (const std::filesystem::filesystem_error& e) {
    CHECK(e.path1() == "content/meetings/x");
    CHECK(e.code() == std::errc::permission_denied);
  }
}

TEST_CASE("ParallelFor runs every item once when nothing throws", "[parallel]") {
  std::vector<std::atomic<int>> runs(5000);
  ParallelFor(runs.size(), 4, [&](size_t i, int) { ++runs[i]; });
  for (const auto& r : runs) CHECK(r == 1);
}
