#!/usr/bin/env bash
# When `clerk deploy` asks before deleting (docs/publishing.md, "When a deploy
# asks before deleting"), end to end: the example site, built with its search
# index by the real clerk and Pagefind, deployed to a file:// folder and to
# nginx's WebDAV on 127.0.0.1, never on a terminal unless `script` gives one.
#   1. one report edited again, rebuilt (Pagefind renames the files of the
#      part of recent changes),
#      redeployed without --yes: the old index files go, nothing is asked, exit 0;
#   2. three meetings deleted, rebuilt, redeployed without --yes: refused
#      (exit 2), the pages listed, nothing changed on the host; --dry-run lists
#      them; on a terminal the prompt lists them and "n" changes nothing;
#   3. with --yes the host matches the site.
# Usage: prompts.sh /path/to/clerk /path/to/clerk/sources
source "$(dirname "$0")/lib.sh"
SOURCES=${2:?usage: $0 /path/to/clerk /path/to/clerk/sources}
SRC=$T/site
OUT=$SRC/public
GONE=(2023-09-27-children-families-panel 2023-12-06-children-families-panel 2024-01-10-children-families-panel)
REPORT=content/meetings/2024-09-17-cyp-osc/youth-justice-plan-2024-25.md

# The site's files as a deploy sees them (Clerk's bookkeeping left out).
site_snapshot() { snapshot "$1" | grep -v '\./\.clerk-\|/pagefind/\.clerk-\|/pagefind/\.staging/'; }
same_site() {
  diff <(site_snapshot "$OUT") <(snapshot "$1" | grep -v '\./\.clerk-manifest') >"$T/diff.txt" ||
    { head -20 "$T/diff.txt" >&2; return 1; }
}
build() {
  (cd "$SRC" && "$CLERK" build --jobs 1 --today 2026-01-01) >"$T/build.log" 2>&1 ||
    { cat "$T/build.log"; fail "clerk build"; }
  grep -q 'search index: ' "$T/build.log" || { cat "$T/build.log"; fail "no search index (is Pagefind installed?)"; }
}
# The numbers of the summary line "uploaded U (...), deleted D ...".
uploaded() { sed -n 's/.*: uploaded \([0-9,]*\) (.*/\1/p' "$1" | tr -d ,; }
deleted() { sed -n 's/.*), deleted \([0-9,]*\).*/\1/p' "$1" | tr -d ,; }

# ---- nginx with WebDAV, as deploy.webdav starts it ----
D=$T/dav; mkdir -p "$D/www/site"
PORT=$(free_port)
cat > "$D/nginx.conf" <<CONF
user root;  worker_processes 1;  daemon off;
pid $D/nginx.pid;  error_log $D/error.log;
events { worker_connections 64; }
http {
    log_format dav '\$request_method \$uri \$status';
    access_log $D/access.log dav;  client_body_temp_path $D/tmp_body;
    server {
        listen 127.0.0.1:$PORT;
        root $D/www;  client_max_body_size 0;
        location / {
            dav_methods PUT DELETE MKCOL COPY MOVE;  create_full_put_path on;
            dav_access user:rw group:r all:r;
        }
    }
}
CONF
/usr/sbin/nginx -e "$D/error.log" -p "$D" -c "$D/nginx.conf" & PIDS+=("$!")
wait_port "$PORT" || fail "nginx did not start: $(cat "$D/error.log")"
dav_puts() { grep '^PUT /site/' "$D/access.log" | grep -vc '/.clerk-manifest ' || true; }
dav_deletes() { grep -c '^DELETE ' "$D/access.log" || true; }
unset CLERK_DEPLOY_PASSWORD
declare -A HOSTDIR=([file]=$T/www [dav]=$D/www/site)
declare -A URL=([file]="file://$T/www/" [dav]="webdav://127.0.0.1:$PORT/site/")

# ---- the example site, built and deployed ----
mkdir -p "$SRC"
for part in site.yaml content assets; do [[ -e $SOURCES/$part ]] && cp -r "$SOURCES/$part" "$SRC/"; done
build
# An edit already: the search index has its part of recent changes, which
# the next edit indexes again (its files renamed) while the rest stays.
printf '\nA first extra sentence about the plan.\n' >> "$SRC/$REPORT"
build
[[ -e $OUT/pagefind/standard/recent/pagefind-entry.json ]] || fail "an edit made no part of recent changes"
for t in file dav; do
  deploy "$T/first-$t.log" --to "${URL[$t]}" --out "$OUT" --yes </dev/null ||
    { cat "$T/first-$t.log"; fail "first deploy to $t"; }
  same_site "${HOSTDIR[$t]}" || fail "$t: the host differs from the site after the first deploy"
done
pass "example site deployed: $(count_files "${HOSTDIR[file]}") files on each host"

# ---- 1. one edit: the renamed search index files go, nothing is asked ----
before_index=$(cd "$OUT" && find pagefind -type f ! -path '*/.*' | sort)
printf '\nAn extra sentence about the plan, added to check the redeploy.\n' >> "$SRC/$REPORT"
build
renamed=$(comm -23 <(echo "$before_index") <(cd "$OUT" && find pagefind -type f ! -path '*/.*' | sort) | wc -l)
(( renamed > 0 )) || fail "the rebuild renamed no search index file: this test proves nothing"
for t in file dav; do
  p0=$(dav_puts); d0=$(dav_deletes)
  rc=0; deploy "$T/edit-$t.log" --to "${URL[$t]}" --out "$OUT" </dev/null || rc=$?
  [[ $rc == 0 ]] || { cat "$T/edit-$t.log"; fail "$t: one edit redeployed without --yes exited $rc"; }
  grep -q '\[y/N\]\|--yes' "$T/edit-$t.log" && { cat "$T/edit-$t.log"; fail "$t: one edit asked about deleting"; }
  grep -q "deleted $renamed ($renamed of them old search index files)" "$T/edit-$t.log" ||
    { cat "$T/edit-$t.log"; fail "$t: expected $renamed old search index files deleted"; }
  same_site "${HOSTDIR[$t]}" || fail "$t: the host differs from the site after one edit"
  echo "  $t: $(grep 'uploaded' "$T/edit-$t.log")"
done
(( $(dav_puts) - p0 == $(uploaded "$T/edit-dav.log") )) || fail "nginx logged $(( $(dav_puts) - p0 )) uploads"
(( $(dav_deletes) - d0 == renamed )) || fail "nginx logged $(( $(dav_deletes) - d0 )) deletions, not $renamed"
pass "one edit: uploaded $(uploaded "$T/edit-file.log"), deleted $renamed old search index files, asked nothing (exit 0)"

# ---- 2. three meetings deleted: a person must agree ----
for m in "${GONE[@]}"; do rm -r "$SRC/content/meetings/$m"; done
build
for t in file dav; do
  before=$(snapshot "${HOSTDIR[$t]}")
  rc=0; deploy "$T/gone-$t.log" --to "${URL[$t]}" --out "$OUT" </dev/null || rc=$?
  [[ $rc == 2 ]] || { cat "$T/gone-$t.log"; fail "$t: deleting pages without --yes off a terminal exited $rc, not 2"; }
  log=$T/gone-$t.log
  grep -q "^  'meetings/${GONE[0]}/index.html'$" "$log" || { cat "$log"; fail "$t: the gone page is not listed"; }
  grep -q '^  and [0-9]* more$' "$log" || { cat "$log"; fail "$t: no 'and N more' after 20 files"; }
  (( $(grep -c "^  '" "$log") == 20 )) || { cat "$log"; fail "$t: not 20 files listed"; }
  grep -q -- '--max-deletes is 256: up to 256 files may be deleted with --yes' "$log" || { cat "$log"; fail "$t: no --max-deletes line"; }
  grep -q 'not on a terminal.*--yes' "$log" || { cat "$log"; fail "$t: does not say to give --yes"; }
  grep -q 'pagefind/' <(grep "^  '" "$log") && { cat "$log"; fail "$t: search index files listed as needing agreement"; }
  [[ $(snapshot "${HOSTDIR[$t]}") == "$before" ]] || fail "$t: a refused deploy changed the host"
done
pass "meetings deleted, no terminal: refused (exit 2), $(sed -n 's/.*: \([0-9,]* files\) on .*would be deleted.*/\1/p' "$T/gone-file.log") listed (20 shown), host unchanged"
head -3 "$T/gone-file.log" | sed 's/^/  /'

deploy "$T/dry.log" --to "${URL[file]}" --out "$OUT" --dry-run </dev/null || { cat "$T/dry.log"; fail "dry run"; }
grep -q "would be deleted" "$T/dry.log" && grep -q "^  'meetings/${GONE[0]}/index.html'$" "$T/dry.log" ||
  { cat "$T/dry.log"; fail "--dry-run does not list the pages"; }
pass "--dry-run lists them"

# On a terminal (script(1) gives one): the prompt lists them; "n" changes nothing.
before=$(snapshot "${HOSTDIR[file]}")
rc=0
printf 'n\n' | script -qec "'$CLERK' deploy --to '${URL[file]}' --out '$OUT'" /dev/null >"$T/tty.log" 2>&1 || rc=$?
grep -q 'Delete these [0-9]* files from file://.*? \[y/N\]' "$T/tty.log" || { cat "$T/tty.log"; fail "no prompt on a terminal"; }
grep -q "meetings/${GONE[0]}/index.html" "$T/tty.log" || { cat "$T/tty.log"; fail "the prompt does not list the pages"; }
grep -q -- '--max-deletes is 256' "$T/tty.log" || { cat "$T/tty.log"; fail "the prompt does not say what --max-deletes allows"; }
[[ $(snapshot "${HOSTDIR[file]}") == "$before" ]] || fail "answering n changed the host"
pass "terminal: asked, listed, 'n' changed nothing"

# ---- 3. with --yes the host matches the site ----
for t in file dav; do
  deploy "$T/yes-$t.log" --to "${URL[$t]}" --out "$OUT" --yes </dev/null || { cat "$T/yes-$t.log"; fail "$t: --yes"; }
  same_site "${HOSTDIR[$t]}" || fail "$t: the host differs from the site after --yes"
  [[ ! -e ${HOSTDIR[$t]}/meetings/${GONE[0]}/index.html ]] || fail "$t: a gone page is still there"
done
pass "--yes: $(grep 'uploaded' "$T/yes-file.log" | sed 's/^clerk deploy: //')"
echo "deploy.prompts: 1 passed, 0 failed"
