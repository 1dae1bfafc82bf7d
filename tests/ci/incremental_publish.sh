#!/usr/bin/env bash
# incremental_publish.sh CLERK SOURCE_DIR: does what the CI recipes do, twice,
# as two CI runs would: a fresh clone, git restore-mtime, public/ restored from
# the cache (a tar archive, as actions/cache keeps it), clerk build and clerk
# deploy (to a file:// host). Between the runs one paper changes in one commit.
# The second run must be an incremental build and an incremental deploy; a run
# without git restore-mtime is shown for comparison.
set -euo pipefail
clerk=$1 source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.org
export GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.org

mkdir "$work/repo" "$work/host"
cp -r "$source/site.yaml" "$source/content" "$work/repo/"
[ -d "$source/assets" ] && cp -r "$source/assets" "$work/repo/"
git -C "$work/repo" init -q -b main
git -C "$work/repo" add -A
GIT_COMMITTER_DATE=2026-12-01T10:00:00Z git -C "$work/repo" commit -qm "the site" \
  --date 2026-12-01T10:00:00Z

# One CI run: $1 = run name, $2 = restore-mtime or not. Prints the build and
# deploy summaries.
ci_run() {
  local dir=$work/$1
  git clone -q "$work/repo" "$dir"
  [ "$2" = restore-mtime ] && (cd "$dir" && git restore-mtime -q)
  [ -f "$work/cache.tar" ] && tar -xf "$work/cache.tar" -C "$dir"
  (cd "$dir" && "$clerk" check --strict --today 2026-12-04 >/dev/null 2>&1 || true)
  (cd "$dir" && "$clerk" build --no-search --today 2026-12-04 2>&1 | tail -1)
  (cd "$dir" && "$clerk" deploy --to "file://$work/host/" --yes 2>&1 | tail -1)
}

first=$(ci_run run1 restore-mtime)
# What actions/cache keeps: a POSIX tar, file times to the nanosecond.
tar --posix -cf "$work/cache.tar" -C "$work/run1" public

paper=$(cd "$work/repo" && ls content/meetings/*/youth-justice-plan-report.md | head -1)
printf '\nOne more sentence in this paper.\n' >>"$work/repo/$paper"
git -C "$work/repo" commit -qam "one paper changes" --date 2026-12-02T10:00:00Z
second=$(ci_run run2 restore-mtime)
without=$(ci_run run3 plain)

echo "first run:            $first"
echo "one-paper commit:     $second"
echo "without restore-mtime: $without"
written() { sed -n 's/.*(\([0-9]*\) written.*/\1/p' <<<"$1" | head -1; }
uploaded() { sed -n 's/.*uploaded \([0-9,]*\).*/\1/p' <<<"$1" | tr -d , | head -1; }
all=$(written "$first") edit=$(written "$second") up=$(uploaded "$second")
echo "pages written: $all, then $edit for the one-paper commit; uploaded: $up"
# The second run writes and uploads a small part of the site: the paper's
# pages in three renditions and the pages and files that list it.
[ -n "$edit" ] && [ -n "$up" ] && [ "$edit" -gt 0 ] && [ $((edit * 10)) -lt "$all" ] &&
  [ "$up" -gt 0 ] && [ $((up * 10)) -lt "$all" ] ||
  { echo "FAILED: the one-paper commit was not incremental"; exit 1; }
echo "incremental_publish: 1 passed, 0 failed"
