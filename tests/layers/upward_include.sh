#!/bin/bash
# layers.upward-include (issue 20): the layer table of cmake/layers.cmake is
# enforced. A copy of the source tree configures; the same copy with one
# upward include (render/ from model/) fails to configure, naming the file,
# the line, the folder included and the folders allowed. And the compiler
# holds it too: model's include root finds model/ headers, not render/'s.
# Configure only, nothing compiled: a few seconds.
#   upward_include.sh SOURCE_DIR BUILD_DIR [CMAKE]
set -u
src=$1
build=$2
cmake=${3:-cmake}
passed=0
failed=0
ok() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL: $1"; failed=$((failed + 1)); }

tmp=$(mktemp -d /tmp/clerk-layers-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/src"
for part in CMakeLists.txt cmake generator tests fuzz themes docs README.md; do
  cp -r "$src/$part" "$tmp/src/"
done

if "$cmake" -S "$tmp/src" -B "$tmp/build" >"$tmp/clean.log" 2>&1; then
  ok "the untouched copy configures"
else
  fail "the untouched copy does not configure:"; tail -20 "$tmp/clean.log"
fi

victim=generator/model/dates.cpp
sed -i '1a #include "render/site_renderer.h"' "$tmp/src/$victim"
if "$cmake" -S "$tmp/src" -B "$tmp/build" >"$tmp/upward.log" 2>&1; then
  fail "a configure with model/ including render/ succeeded"
else
  ok "a configure with model/ including render/ fails"
fi
log=$(tr -s ' \n' ' ' <"$tmp/upward.log")
for expected in "$victim:2: #include \"render/site_renderer.h\"" \
                "generator/model/ may use only model and: none"; do
  if [[ $log == *"$expected"* ]]; then
    ok "the error says: $expected"
  else
    fail "the error does not say: $expected"; cat "$tmp/upward.log"
  fi
done

# The compiler: each library's include root holds only its own folder.
compile() { echo "#include \"$1\"" | c++ -std=c++20 -fsyntax-only -x c++ - -I "$2" 2>&1; }
if compile model/dates.h "$build/layers/model" >/dev/null; then
  ok "model's include root finds model/dates.h"
else
  fail "model's include root does not find model/dates.h"
fi
out=$(compile render/site_renderer.h "$build/layers/model")
if [[ $out == *"render/site_renderer.h: No such file"* ]]; then
  ok "model's include root does not find render/site_renderer.h"
else
  fail "model's include root: $out"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
