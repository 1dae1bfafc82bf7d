#!/usr/bin/env bash
# package.install BUILD_DIR SOURCE_DIR VERSION: `cmake --install` into a
# temporary prefix puts clerk, its theme, docs, man page, completions and
# Pagefind where GNUInstallDirs says; the installed clerk says its version,
# builds the example site with its own theme and search index, and still does
# when the whole prefix is moved elsewhere.
source "$(dirname "$0")/lib.sh"
build=$1 src=$2 version=$3

prefix=$work/x
if ! cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1; then
  cat "$work/install.log" >&2
  fail "cmake --install failed"
  finish
fi
for f in bin/clerk share/clerk/themes/default share/doc/clerk/README.md \
  share/doc/clerk/install.md share/doc/clerk/publishing.md share/man/man1/clerk.1 \
  share/bash-completion/completions/clerk share/zsh/vendor-completions/_clerk \
  share/fish/vendor_completions.d/clerk.fish lib/clerk/pagefind \
  share/clerk/schemas/meeting.schema.json share/clerk/schemas/site.schema.json; do
  check "installed: $f" test -e "$prefix/$f"
done
check "bin/clerk and lib/clerk/pagefind are programs" \
  test -x "$prefix/bin/clerk" -a -x "$prefix/lib/clerk/pagefind"
check "the installed man page reads cleanly" \
  bash -c "groff -man -ww -z '$prefix/share/man/man1/clerk.1' 2>&1 | (! grep .)"
check "man finds it by name in the prefix" \
  bash -c "MANPATH='$prefix/share/man' man -w clerk | grep -q '$prefix'"
check "the installed clerk says its version" \
  grep -q "^clerk $version (commit [^)]*)\$" <<<"$("$prefix/bin/clerk" --version)"
check "clerk version says the same" \
  test "$("$prefix/bin/clerk" version)" = "$("$prefix/bin/clerk" --version)"

example_site "$src" "$work/site"
build_with() {  # build_with CLERK OUT
  if (cd "$work" && "$1" build --source site --out "$2" >"$work/$2.log" 2>&1); then
    built_site "$work/$2"
  else
    cat "$work/$2.log" >&2
    return 1
  fi
}
check "the installed clerk builds the site with its theme and Pagefind" \
  build_with "$prefix/bin/clerk" public
# A site of its own, outside this repository: clerk init, then build there.
init_and_build() {  # init_and_build CLERK DIR
  "$1" init "$2" >"$2.init.log" 2>&1 && (cd "$2" && "$1" build >"$2.build.log" 2>&1) &&
    built_site "$2/public" || { cat "$2".*.log >&2; return 1; }
}
check "clerk init DIR, then clerk build in it" init_and_build "$prefix/bin/clerk" "$work/s"
# Moved as a whole (a copied /opt tree, say), it still finds both.
mv "$prefix" "$work/moved"
check "moved elsewhere, it still does" build_with "$work/moved/bin/clerk" public-moved
# Without its theme, the error names the places it looked.
rm -r "$work/moved/share/clerk"
(cd "$work" && "$work/moved/bin/clerk" build --source site --out none >"$work/none.log" 2>&1) &&
  fail "a clerk with no theme anywhere built the site"
check "the no-theme error names the installed place" \
  grep -q "$work/moved/share/clerk/themes/default" "$work/none.log"
finish
