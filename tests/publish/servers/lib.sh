# Shared helpers for the deploy tests against real servers on 127.0.0.1.
# Each test script sources this, starts its own server on free ports, and
# stops it on exit (kill + wait, by PID). Usage: <script> /path/to/clerk
set -euo pipefail
CLERK=${1:?usage: $0 /path/to/clerk}
T=$(mktemp -d /tmp/clerk-deploy-test.XXXXXX)
chmod 755 "$T"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$T"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0; sleep 0.1; done; return 1; }
wait_closed() { for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null || return 0; sleep 0.1; done; return 1; }
# descendants PID: the processes a server forked (sessions), by PID.
descendants() { local k; for k in $(pgrep -P "$1" || true); do echo "$k"; descendants "$k"; done; }
# stop_tree PID: stops a server we started and the sessions it forked, as a
# crashed or restarted host would (a listener alone leaves sessions running).
stop_tree() {
  local kids pid
  kids=$(descendants "$1")
  kill $kids 2>/dev/null || true
  stop_pid "$1"
  for pid in $kids; do while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done; done
}
# stop_pid PID: stops one server we started.
stop_pid() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# make_site DIR N: a small built site (N extra pages) with a home page, a
# feed, CSS, nested folders and a name with a space.
make_site() {
  local dir=$1 n=${2:-30} i
  mkdir -p "$dir/meetings" "$dir/css" "$dir/large-print" "$dir/docs"
  printf 'clerk\n' > "$dir/.clerk-site"
  printf '<!doctype html><title>Home</title><a href="meetings/m1/">m1</a>\n' > "$dir/index.html"
  printf '<!doctype html><title>LP</title>\n' > "$dir/large-print/index.html"
  printf '<?xml version="1.0"?><feed/>\n' > "$dir/feed.xml"
  printf 'body { font: 1rem sans-serif }\n' > "$dir/css/site.css"
  printf 'a file name with a space\n' > "$dir/docs/agenda pack.txt"
  head -c 70000 /dev/urandom > "$dir/docs/original.pdf"
  for ((i = 1; i <= n; i++)); do
    mkdir -p "$dir/meetings/m$i"
    printf '<!doctype html><title>Meeting %d</title><p>Item %d</p>\n' "$i" "$i" > "$dir/meetings/m$i/index.html"
  done
}

# same_tree SITE REMOTE_DIR: the same files, byte for byte, ignoring the
# marker and the manifest (folders left empty on the host do not count).
same_tree() {
  diff <(snapshot "$1" | grep -v '\./\.clerk-') <(snapshot "$2" | grep -v '\./\.clerk-') >"$T/diff.txt" 2>&1 ||
    { head -20 "$T/diff.txt" >&2; return 1; }
}
# snapshot DIR: a listing with hashes, to prove a failed deploy changed nothing.
snapshot() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum); }
count_files() { find "$1" -type f 2>/dev/null | wc -l; }

# deploy LOG ARGS...: runs clerk deploy, keeping its stderr in LOG; returns its exit code.
deploy() { local log=$1; shift; "$CLERK" deploy "$@" 2>"$log"; }

# What the host's disk shows, independent of what clerk says: files written
# (new inode or mtime) and removed since mark_remote, the manifest excluded.
mark_remote() { (cd "$REMOTE" && find . -type f ! -name .clerk-manifest -printf '%p %i %T@\n' | sort) > "$T/mark"; }
now_remote() { (cd "$REMOTE" && find . -type f ! -name .clerk-manifest -printf '%p %i %T@\n' | sort); }
written_since_mark() { comm -13 "$T/mark" <(now_remote) | wc -l; }
removed_since_mark() { comm -23 <(cut -d' ' -f1 "$T/mark") <(now_remote | cut -d' ' -f1) | wc -l; }
# Servers that log requests also count them: uploads / deletes (cumulative,
# manifest excluded). Default: trust the disk only.
uploads() { echo 0; }
deletes() { echo 0; }

# run_suite: the checks every protocol must pass. The caller defines
#   URL, REMOTE (the target's folder on disk), SITE_FILES (site size for the
#   interruption test), start_server, stop_server, bad_credentials (runs
#   clerk deploy "$@" with wrong credentials), and may redefine uploads and
#   deletes from its server's log.
run_suite() {
  local SITE=$T/public p0 d0 rc before
  make_site "$SITE" 30
  deploy "$T/log1" --to "$URL" --out "$SITE" --yes || { cat "$T/log1"; fail "first deploy"; }
  same_tree "$SITE" "$REMOTE" || fail "remote tree differs after the first deploy"
  pass "first deploy: remote equals the site ($(count_files "$REMOTE") files)"

  p0=$(uploads); sleep 0.05; mark_remote
  deploy "$T/log2" --to "$URL" --out "$SITE" --yes || { cat "$T/log2"; fail "second deploy"; }
  [[ $(uploads) == "$p0" ]] || fail "an unchanged redeploy made $(( $(uploads) - p0 )) uploads"
  [[ $(written_since_mark) == 0 ]] || fail "an unchanged redeploy wrote $(written_since_mark) files"
  grep -q 'uploaded 0 ' "$T/log2" || { cat "$T/log2"; fail "an unchanged redeploy uploaded something"; }
  pass "unchanged redeploy: no upload"

  printf '<!doctype html><title>Meeting 3</title><p>Edited</p>\n' > "$SITE/meetings/m3/index.html"
  rm -r "$SITE/meetings/m7"
  p0=$(uploads); d0=$(deletes); mark_remote
  deploy "$T/log3" --to "$URL" --out "$SITE" --yes || { cat "$T/log3"; fail "third deploy"; }
  [[ $(written_since_mark) == 1 ]] || fail "one edit wrote $(written_since_mark) files on the host"
  [[ $(removed_since_mark) == 1 ]] || fail "one removal removed $(removed_since_mark) files on the host"
  grep -q 'uploaded 1 (.*), deleted 1,' "$T/log3" || { cat "$T/log3"; fail "one edit + one removal: wrong counts"; }
  if [[ $(uploads) != 0 ]]; then
    [[ $(( $(uploads) - p0 )) == 1 ]] || fail "one edit cost $(( $(uploads) - p0 )) uploads"
    [[ $(( $(deletes) - d0 )) == 1 ]] || fail "one removal cost $(( $(deletes) - d0 )) deletions"
  fi
  same_tree "$SITE" "$REMOTE" || fail "remote differs after edit + removal"
  pass "one edit + one removal: 1 upload (+ manifest) and 1 deletion"

  before=$(snapshot "$REMOTE"); p0=$(uploads)
  printf 'changed\n' >> "$SITE/index.html"
  if bad_credentials "$T/log4" --to "$URL" --out "$SITE" --yes; then fail "bad credentials deployed"; fi
  grep -q 'error: ' "$T/log4" || { cat "$T/log4"; fail "no clear message for bad credentials"; }
  [[ $(uploads) == "$p0" && $(snapshot "$REMOTE") == "$before" ]] || fail "bad credentials changed the host"
  pass "bad credentials: $(grep 'error:' "$T/log4" | head -1)"

  make_site "$SITE" "${SITE_FILES:-800}"
  "$CLERK" deploy --to "$URL" --out "$SITE" --yes --jobs 2 2>"$T/log5" & DEPLOY_PID=$!
  # Stopped soon after the first new files land (the host held fewer than
  # 50 before), so that on a busy machine the deploy has not finished first.
  for _ in $(seq 1000); do (( $(count_files "$REMOTE") > 80 )) && break; sleep 0.02; done
  stop_server
  rc=0; wait "$DEPLOY_PID" || rc=$?
  [[ $rc == 1 ]] || { cat "$T/log5"; fail "an interrupted deploy exited $rc"; }
  grep -q 'error: ' "$T/log5" || { cat "$T/log5"; fail "no clear error when the server stopped"; }
  pass "server stopped mid-deploy: $(grep 'error:' "$T/log5" | head -1)"
  start_server
  deploy "$T/log6" --to "$URL" --out "$SITE" --yes || { cat "$T/log6"; fail "resumed deploy"; }
  same_tree "$SITE" "$REMOTE" || fail "remote differs after the resumed deploy"
  grep -q 'unchanged [1-9]' "$T/log6" || { cat "$T/log6"; fail "the resumed deploy started from scratch"; }
  pass "resumed: $(grep 'uploaded' "$T/log6" | tail -1)"

  rm "$REMOTE/.clerk-manifest"
  p0=$(uploads); sleep 0.05; mark_remote
  deploy "$T/log7" --to "$URL" --out "$SITE" --yes || { cat "$T/log7"; fail "deploy without manifest"; }
  [[ $(uploads) == "$p0" && $(written_since_mark) == 0 ]] || fail "a lost manifest cost uploads"
  [[ -f $REMOTE/.clerk-manifest ]] || fail "the manifest was not rebuilt"
  pass "lost manifest: compared files, uploaded none, rebuilt the manifest"
}
