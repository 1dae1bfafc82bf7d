#!/usr/bin/env bash
# Installs what Clerk needs on Debian 12, idempotently and quietly: apt runs
# only when a package is missing. Sourced by ./run and ./test.
#   clerk_setup build   packages to build clerk
#   clerk_setup test    also what the tests need (Chromium, Java, node packages)
set -euo pipefail

CLERK_BUILD_PACKAGES=(build-essential cmake pkg-config libcmark-gfm-dev
  libcmark-gfm-extensions-dev libyaml-cpp-dev libcurl4-openssl-dev catch2
  libkainjow-mustache-dev libcli11-dev nlohmann-json3-dev libssl-dev libical-dev libxxhash-dev
  libjemalloc-dev zlib1g-dev  # zlib: reading Pagefind's fragments (output/pagefind_bundle.h)
  libzstd-dev  # zstd: papers' HTML held packed in memory (render/packed_text.h)
  libcpp-httplib-dev)  # clerk serve's HTTP server (generator/serve/http_server.cpp)
CLERK_TEST_PACKAGES=(chromium default-jre-headless nodejs npm
  fonts-liberation  # Arial's metrics, the theme's first font: phone and zoom checks measure text
  openssh-server openssh-client vsftpd nginx-core openssl lftp curl python3
  python3-icalendar python3-jsonschema
  python3-yaml  # tests/schema/: content files read as editors read them
  git git-restore-mtime ca-certificates  # tests/ci: what the CI recipes install
  clang-14 libclang-rt-14-dev  # the fuzz targets: libFuzzer, ASan, UBSan (fuzz/run)
  dpkg-dev file groff-base man-db zsh fish)  # the package (cpack, dpkg-shlibdeps), man page, completions (tests/package/)

clerk_apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  # A machine that already has node and npm (not from Debian) needs neither package.
  if command -v node >/dev/null && command -v npm >/dev/null; then
    local kept=()
    for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || kept+=("$p"); done
    missing=("${kept[@]}")
  fi
  if command -v java >/dev/null; then
    local kept=()
    for p in "${missing[@]}"; do [[ $p == default-jre-headless ]] || kept+=("$p"); done
    missing=("${kept[@]}")
  fi
  ((${#missing[@]} == 0)) && return 0
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

clerk_build() {
  local top=$1
  cmake -S "$top" -B "$top/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$top/build" -j"$(nproc)" 2>&1 | grep -vE '^\[ *[0-9]+%\]|^-- ' || true
  test "${PIPESTATUS[0]}" -eq 0
}

clerk_setup() {
  local top
  top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  clerk_apt_install "${CLERK_BUILD_PACKAGES[@]}"
  if [[ ${1:-build} == test ]]; then
    clerk_apt_install "${CLERK_TEST_PACKAGES[@]}"
  else
    clerk_apt_install nodejs npm  # the build's search index: npm `pagefind`
  fi
  # Node packages pinned by package-lock.json (pagefind for `clerk build`, the
  # browser checks for tests); never a downloaded browser.
  # A stamp (our copy of the lock file) says node_modules matches the lock.
  if ! cmp -s "$top/package-lock.json" "$top/node_modules/.clerk-lock" 2>/dev/null; then
    echo "setup: installing node packages (npm ci)" >&2
    local log
    log=$(mktemp)
    # npm 11 leaves pagefind's binaries for other platforms out of the lock
    # file and then `npm ci` calls the lock out of sync; `npm install` with
    # the same lock installs the same versions without rewriting it.
    if ! (cd "$top" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>"$log"); then
      (cd "$top" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-save --no-audit --no-fund --loglevel=error >/dev/null 2>"$log") ||
        { cat "$log" >&2; rm -f "$log"; return 1; }
    fi
    rm -f "$log"
    cp "$top/package-lock.json" "$top/node_modules/.clerk-lock"
  fi
}
