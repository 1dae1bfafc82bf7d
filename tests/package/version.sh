#!/usr/bin/env bash
# package.version SOURCE_DIR CLERK: cmake/clerk_version.cmake, which every
# build runs, writes the commit `git describe --always --dirty` names (a new
# commit is picked up with no new configure), "-dirty" for changed files,
# "unknown" outside a git checkout or in a folder of someone else's; and it
# leaves the file alone when nothing changed, so nothing recompiles. The
# built CLERK names the commit its build saw.
source "$(dirname "$0")/lib.sh"
src=$1 clerk=$2
script=$src/cmake/clerk_version.cmake

commit_in() {  # commit_in REPO: the commit written for REPO
  cmake -DSOURCE_DIR="$1" -DOUTPUT="$work/version_info.cpp" -DCLERK_VERSION=1.2.3 \
    -P "$script" >/dev/null
  sed -n 's/.*kClerkCommit = "\(.*\)";/\1/p' "$work/version_info.cpp"
}

repo=$work/repo
mkdir -p "$repo/sub"
git -C "$repo" init -q
git -C "$repo" config user.email test@example.org
git -C "$repo" config user.name test
echo one >"$repo/file"
git -C "$repo" add file
git -C "$repo" commit -qm one
first=$(git -C "$repo" rev-parse --short HEAD)
check "the commit is written" test "$(commit_in "$repo")" = "$first"
check "and the version" grep -q 'kClerkVersion = "1.2.3"' "$work/version_info.cpp"
before=$(stat -c %y "$work/version_info.cpp")
sleep 0.01
commit_in "$repo" >/dev/null
check "an unchanged commit leaves the file as it was" \
  test "$(stat -c %y "$work/version_info.cpp")" = "$before"
echo two >"$repo/file"
check "changed files are -dirty" test "$(commit_in "$repo")" = "$first-dirty"
git -C "$repo" commit -qam two
second=$(git -C "$repo" rev-parse --short HEAD)
check "a new commit is picked up" test "$(commit_in "$repo")" = "$second"
git -C "$repo" tag -a -m release v9.9.9
check "a tag is named" test "$(commit_in "$repo")" = v9.9.9
check "a folder inside another git checkout is unknown" \
  test "$(commit_in "$repo/sub")" = unknown
mkdir "$work/plain"
check "a folder outside git is unknown" test "$(commit_in "$work/plain")" = unknown

# The built clerk names a commit of this repository (or unknown).
built=$("$clerk" --version | sed -n 's/^clerk [0-9.]* (commit \(.*\))$/\1/p')
check "clerk --version names a commit" test -n "$built"
is_commit() { git -C "$src" rev-parse -q --verify "$1^{commit}" >/dev/null; }
if [[ $built != unknown ]]; then
  check "$built is a commit of this repository" is_commit "${built%-dirty}"
fi
finish
