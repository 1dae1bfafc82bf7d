#!/usr/bin/env bash
# package.deb BUILD_DIR SOURCE_DIR VERSION: builds the Debian package with
# CPack and checks it: its name, its control fields (Depends from
# dpkg-shlibdeps, and apt could install them), its files (clerk, theme, man
# page, three completions, Pagefind, copyright), and, unpacked into a
# temporary root, that its clerk builds the example site with its own theme
# and search index, and warns (fails with --strict) when Pagefind is gone.
# Nothing is installed into the system.
source "$(dirname "$0")/lib.sh"
build=$1 src=$2 version=$3

if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log" >&2
  fail "cpack -G DEB failed"
  finish
fi
deb=$work/out/clerk_${version}_amd64.deb
check "the package is named clerk_${version}_amd64.deb" test -f "$deb"
[[ -f $deb ]] || finish

field() { dpkg-deb -f "$deb" "$1"; }
check "Package is clerk" test "$(field Package)" = clerk
check "Version is $version" test "$(field Version)" = "$version"
check "Architecture is amd64" test "$(field Architecture)" = amd64
check "Section is web" test "$(field Section)" = web
check "a Maintainer" test -n "$(field Maintainer)"
check "a Homepage" test -n "$(field Homepage)"
check "a long Description" test "$(field Description | wc -l)" -gt 2
depends=$(field Depends)
echo "Depends: $depends"
for lib in libc6 libstdc++6 libyaml-cpp libcurl libcmark-gfm0 libcmark-gfm-extensions \
  libical libjemalloc libssl libcpp-httplib; do
  check "Depends names $lib" grep -q "\(^\|, \)$lib" <<<"$depends"
done
# Every package named in Depends is one apt knows (installed or to be had).
for pkg in $(tr ',|' '\n\n' <<<"$depends" | sed 's/(.*//; s/ //g' | sort -u); do
  policy=$(apt-cache policy "$pkg" 2>/dev/null)
  check "apt knows $pkg" grep -qE 'Installed: [^(]|Candidate: [^(]' <<<"$policy"
done
# And apt would install the package with them: a simulation, nothing changes.
if apt-get install -s -qq "$deb" >"$work/apt.log" 2>&1; then
  pass
else
  cat "$work/apt.log" >&2
  fail "apt-get install ./$(basename "$deb") would not resolve"
fi

dpkg-deb -c "$deb" | awk '{print $1, $NF}' >"$work/files"
has() { grep -qE "^$1 \./usr/$2\$" "$work/files"; }
check "bin/clerk, executable" has '-rwxr-xr-x' bin/clerk
check "the theme" has '-rw-r--r--' share/clerk/themes/default/templates/.*
check "the man page, gzipped" has '-rw-r--r--' share/man/man1/clerk.1.gz
check "bash completion" has '-rw-r--r--' share/bash-completion/completions/clerk
check "zsh completion" has '-rw-r--r--' share/zsh/vendor-completions/_clerk
check "fish completion" has '-rw-r--r--' share/fish/vendor_completions.d/clerk.fish
check "pagefind, executable" has '-rwxr-xr-x' lib/clerk/pagefind
check "the JSON Schemas" has '-rw-r--r--' share/clerk/schemas/meeting.schema.json
check "copyright" has '-rw-r--r--' share/doc/clerk/copyright
check "docs/install.md" has '-rw-r--r--' share/doc/clerk/install.md
check "the copyright gives Pagefind's MIT (Expat) licence" \
  bash -c "dpkg-deb --fsys-tarfile '$deb' | tar -xO ./usr/share/doc/clerk/copyright | grep -q 'License: Expat'"

root=$work/root
dpkg-deb -x "$deb" "$root"
clerk=$root/usr/bin/clerk
check "the unpacked clerk says its version" grep -q "^clerk $version (commit " <<<"$("$clerk" --version)"
check "its man page reads cleanly" \
  bash -c "zcat '$root/usr/share/man/man1/clerk.1.gz' | groff -man -ww -z 2>&1 | (! grep .)"
check "its bash completion is what it prints" \
  cmp -s "$root/usr/share/bash-completion/completions/clerk" <("$clerk" completion bash)

example_site "$src" "$work/site"
if (cd "$work" && "$clerk" build --source site --out public >"$work/build.log" 2>&1); then
  pass
  check "the site is built with the package's theme and Pagefind" built_site "$work/public"
  check "no warning about search" bash -c "! grep -q 'warning: no search index' '$work/build.log'"
else
  cat "$work/build.log" >&2
  fail "the unpacked clerk could not build the example site"
fi

# A site of its own: clerk init, then build there.
if "$clerk" init "$work/s" >"$work/init.log" 2>&1 &&
  (cd "$work/s" && "$clerk" build >"$work/s-build.log" 2>&1); then
  check "clerk init DIR, then clerk build in it" built_site "$work/s/public"
else
  cat "$work/init.log" "$work/s-build.log" >&2
  fail "the unpacked clerk could not init and build a new site"
fi

# Without Pagefind: the build warns, and --strict fails.
rm "$root/usr/lib/clerk/pagefind"
(cd "$work" && "$clerk" build --source site --out bare >"$work/bare.log" 2>&1) || true
check "a build with no Pagefind warns" \
  grep -q "clerk build: warning: no search index was made" "$work/bare.log"
check "the warning says what to do" grep -q "CLERK_PAGEFIND" "$work/bare.log"
if (cd "$work" && "$clerk" build --strict --source site --out strict >"$work/strict.log" 2>&1); then
  fail "--strict passed with no Pagefind"
else
  pass
fi
# CLERK_PAGEFIND names another one.
cp "$(readlink -f "$src/node_modules/@pagefind/linux-x64/bin/pagefind_extended")" "$work/pf"
(cd "$work" && CLERK_PAGEFIND=$work/pf "$clerk" build --source site --out public2 \
  >"$work/env.log" 2>&1) || cat "$work/env.log" >&2
check "CLERK_PAGEFIND is used" built_site "$work/public2"
finish
