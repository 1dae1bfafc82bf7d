#!/bin/sh
# check_test_names.sh CLERK_TESTS: every Catch test name can be run by ctest.
# catch_discover_tests makes one ctest test per name and hands the name back
# to Catch as a filter: a ';' splits it in two (CMake lists), and a leading
# '"', '~' or '!', or a '*', makes Catch read it as a pattern, and a leading
# '-' as an option. Either way the
# filter matches nothing, and Catch passes without running the test.
bad=$("$1" --list-test-names-only | grep -nE ';|^[[:space:]]*["~!-]|\*')
if [ -n "$bad" ]; then
  echo "test names ctest cannot run (rename them):"
  echo "$bad"
  exit 1
fi
echo "check_test_names: $("$1" --list-test-names-only | grep -c .) names, all runnable by ctest"
