// BuildState (incremental/build_state.h): kept in memory across builds,
// saved only after a build succeeds, untouched by a failed one.
#include "incremental/build_state.h"

#include <catch2/catch.hpp>

#include "incremental/state_files.h"
#include "model/fingerprint.h"
#include "test_support.h"

using clerk::BuildState;
using clerk::FingerprintOf;
using clerk::testing::TempDir;

TEST_CASE(
    "build state: what a good build found clean is known to the next, in memory "
    "and on disk",
    "[incremental]") {
  TempDir out;
  BuildState state(out.path().string());
  state.Load();
  state.BeginBuild();
  CHECK_FALSE(state.WasCleanForAcronyms(FingerprintOf("a")));
  state.CleanForAcronyms(FingerprintOf("a"));
  CHECK_FALSE(state.WasCleanForAcronyms(FingerprintOf("a")));  // not till it is done
  REQUIRE(state.FinishBuild(FingerprintOf("stamp")));

  state.BeginBuild();  // the same process builds again
  CHECK(state.WasCleanForAcronyms(FingerprintOf("a")));
  CHECK(state.last_stamp() == FingerprintOf("stamp"));

  BuildState next(out.path().string());  // a new process
  next.Load();
  CHECK(next.WasCleanForAcronyms(FingerprintOf("a")));
  CHECK(next.last_stamp() == FingerprintOf("stamp"));
}

TEST_CASE("build state: a failed build keeps the last good state", "[incremental]") {
  TempDir out;
  BuildState state(out.path().string());
  state.Load();
  state.BeginBuild();
  state.CleanForAcronyms(FingerprintOf("a"));
  REQUIRE(state.FinishBuild(FingerprintOf("stamp")));

  state.BeginBuild();
  state.CleanForAcronyms(FingerprintOf("b"));
  state.AbandonBuild();
  state.BeginBuild();
  CHECK(state.WasCleanForAcronyms(FingerprintOf("a")));
  CHECK_FALSE(state.WasCleanForAcronyms(FingerprintOf("b")));
  BuildState reread(out.path().string());
  reread.Load();
  CHECK(reread.clean_before() == state.clean_before());
  CHECK(reread.last_stamp() == FingerprintOf("stamp"));
}

TEST_CASE("build state: a build that saves no stamp removes the old one",
          "[incremental]") {
  TempDir out;
  BuildState state(out.path().string());
  state.Load();
  state.BeginBuild();
  REQUIRE(state.FinishBuild(FingerprintOf("stamp")));
  state.BeginBuild();
  REQUIRE(state.FinishBuild(std::nullopt));
  CHECK_FALSE(state.last_stamp());
  BuildState reread(out.path().string());
  reread.Load();
  CHECK_FALSE(reread.last_stamp());
}

TEST_CASE("build state: damaged files are ignored", "[incremental]") {
  TempDir out;
  clerk::testing::WriteFile(out.path() / clerk::kAcronymScansFile,
                            "clerk fingerprints v0\n");
  clerk::testing::WriteFile(out.path() / clerk::kSourceStampName, "not hex\n");
  BuildState state(out.path().string());
  state.Load();
  CHECK(state.clean_before().empty());
  CHECK_FALSE(state.last_stamp());
}
