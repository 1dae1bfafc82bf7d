#!/usr/bin/env bash
# clerk deploy to S3 (SigV4 through libcurl) against s3rver (npm, pinned in
# package.json) on 127.0.0.1. s3rver checks the key id but not signatures, so
# this proves the S3 protocol path; the remote is read back over HTTP.
source "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../../.." && pwd)
S3RVER=$top/node_modules/.bin/s3rver
[[ -x $S3RVER ]] || fail "s3rver is not installed (npm ci in $top)"
mkdir -p "$T/s3"
"$S3RVER" -d "$T/s3" -a 127.0.0.1 -p 0 --configure-bucket papers >"$T/s3rver.log" 2>&1 & PIDS+=($!)
for _ in $(seq 200); do grep -q 'S3rver listening' "$T/s3rver.log" && break; sleep 0.1; done
PORT=$(sed -n 's/.*S3rver listening on 127.0.0.1:\([0-9]*\).*/\1/p' "$T/s3rver.log")
[[ -n $PORT ]] || fail "s3rver did not start: $(cat "$T/s3rver.log")"
export AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER
URL="s3://papers/site?endpoint=http://127.0.0.1:$PORT"
BASE=http://127.0.0.1:$PORT/papers/site
SITE=$T/public
make_site "$SITE" 20
# same_remote: every site file reads back byte for byte.
same_remote() {
  local f
  while IFS= read -r f; do
    curl -sSf -o "$T/got" "$BASE/$(python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1]))' "$f")" || return 1
    cmp -s "$T/got" "$SITE/$f" || return 1
  done < <(cd "$SITE" && find . -type f ! -name .clerk-site | sed 's|^\./||')
}
deploy "$T/log1" --to "$URL" --out "$SITE" --yes || { cat "$T/log1"; fail "first deploy"; }
same_remote || fail "the bucket differs from the site"
pass "first deploy: the bucket equals the site"
deploy "$T/log2" --to "$URL" --out "$SITE" --yes || { cat "$T/log2"; fail "second deploy"; }
grep -q 'uploaded 0 ' "$T/log2" || { cat "$T/log2"; fail "an unchanged redeploy uploaded something"; }
pass "unchanged redeploy: no upload"
printf 'edited\n' > "$SITE/meetings/m3/index.html"; rm -r "$SITE/meetings/m7"
deploy "$T/log3" --to "$URL" --out "$SITE" --yes || { cat "$T/log3"; fail "third deploy"; }
grep -q 'uploaded 1 (.*), deleted 1,' "$T/log3" || { cat "$T/log3"; fail "one edit + one removal: wrong counts"; }
same_remote || fail "the bucket differs after edit + removal"
[[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/meetings/m7/index.html") == 404 ]] || fail "the removed file is still there"
pass "one edit + one removal: 1 upload and 1 deletion"
if AWS_ACCESS_KEY_ID=WRONG deploy "$T/log4" --to "$URL" --out "$SITE" --yes; then fail "a wrong key deployed"; fi
grep -q 'refused the credentials' "$T/log4" || { cat "$T/log4"; fail "no clear message for a wrong key"; }
grep -q 'S3RVER' "$T/log4" && fail "a secret was printed"
pass "wrong key: $(grep 'error:' "$T/log4" | head -1)"
echo "deploy.s3: 1 passed, 0 failed"
