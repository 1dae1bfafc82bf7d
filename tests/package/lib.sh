# Shared by the package tests (tests/package/*.sh): a temporary folder
# removed at exit, failing with a reason, and a build of the example site
# with a given clerk program.
set -euo pipefail

work=$(mktemp -d "${TMPDIR:-/tmp}/clerk-package-XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
passes=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
pass() { passes=$((passes + 1)); }
check() {  # check "what" command...
  local what=$1
  shift
  if "$@"; then pass; else fail "$what"; fi
}
finish() {
  echo "$passes passed, $failures failed"
  ((failures == 0)) && exit 0
  exit 1
}

# example_site SOURCE_DIR TO: the example site without its themes/ folder, so
# the clerk under test must find the theme it comes with.
example_site() {
  mkdir -p "$2"
  cp -r "$1/site.yaml" "$1/content" "$2/"
  if [[ -d $1/assets ]]; then cp -r "$1/assets" "$2/"; fi
}

# built_site OUT: the three renditions' home pages, the theme's CSS and a
# search index are there.
built_site() {
  local out=$1 f
  for f in index.html large-print/index.html easy-read/index.html; do
    [[ -s $out/$f ]] || { echo "missing $out/$f" >&2; return 1; }
  done
  [[ -s $out/theme/css/standard.css ]] ||
    { echo "no CSS from the theme in $out" >&2; return 1; }
  compgen -G "$out/pagefind/standard/*/pagefind-entry.json" >/dev/null ||
    { echo "no search index in $out/pagefind" >&2; return 1; }
}

# A PATH with the usual programs but no pagefind: the one clerk finds must be
# the one it comes with.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
unset CLERK_PAGEFIND
