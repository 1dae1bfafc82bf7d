#!/usr/bin/env bash
# clerk deploy against OpenSSH's sshd (SFTP, key authentication, a generated
# host key checked against known_hosts) on 127.0.0.1.
source "$(dirname "$0")/lib.sh"
S=$T/ssh; mkdir -p "$S/remote"
mkdir -p -m 0755 /run/sshd
ssh-keygen -q -t ed25519 -N '' -f "$S/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$S/client_key"
ssh-keygen -q -t ed25519 -N '' -f "$S/other_key"
cp "$S/client_key.pub" "$S/authorized_keys"
PORT=$(free_port)
cat > "$S/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $PORT
HostKey $S/host_key
AuthorizedKeysFile $S/authorized_keys
PidFile $S/sshd.pid
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
Subsystem sftp internal-sftp
CONF
/usr/sbin/sshd -t -f "$S/sshd_config" || fail "sshd config"
echo "[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$S/host_key.pub")" > "$S/known_hosts"
echo "[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$S/other_key.pub")" > "$S/wrong_known_hosts"
start_server() {
  /usr/sbin/sshd -D -e -f "$S/sshd_config" 2>>"$S/sshd.log" & SSHD_PID=$!
  PIDS+=("$SSHD_PID")
  wait_port "$PORT" || fail "sshd did not start: $(cat "$S/sshd.log")"
}
stop_server() { stop_tree "$SSHD_PID"; }
bad_credentials() {
  local log=$1; shift
  CLERK_DEPLOY_KEY=$S/other_key deploy "$log" "$@" && return 0
  grep -q 'login to .* was refused' "$log" || { cat "$log"; fail "no clear message for a key that is not authorized"; }
  return 1
}
export CLERK_DEPLOY_KEY=$S/client_key
unset CLERK_DEPLOY_PASSWORD
URL="sftp://root@127.0.0.1:$PORT$S/remote/?known_hosts=$S/known_hosts"
REMOTE=$S/remote
start_server
SITE_FILES=1500 run_suite

# An unknown or changed host key: refused before anything is sent.
before=$(snapshot "$REMOTE")
printf 'changed again\n' >> "$T/public/index.html"
if deploy "$T/log8" --to "sftp://root@127.0.0.1:$PORT$S/remote/?known_hosts=$S/wrong_known_hosts" --out "$T/public" --yes; then
  fail "a wrong host key deployed"
fi
grep -q 'host key of 127.0.0.1:.* does not match' "$T/log8" || { cat "$T/log8"; fail "no clear message for a changed host key"; }
: > "$S/empty_known_hosts"
if deploy "$T/log9" --to "sftp://root@127.0.0.1:$PORT$S/remote/?known_hosts=$S/empty_known_hosts" --out "$T/public" --yes; then
  fail "an unknown host key deployed"
fi
grep -q 'is not in' "$T/log9" || { cat "$T/log9"; fail "no clear message for an unknown host key"; }
[[ $(snapshot "$REMOTE") == "$before" ]] || fail "a bad host key changed the host"
pass "changed / unknown host key: $(grep 'error:' "$T/log8" | head -1)"

# A key given inline (as a CI secret is) works too, and is not printed.
CLERK_DEPLOY_KEY=$(cat "$S/client_key") deploy "$T/log10" --to "$URL" --out "$T/public" --yes --verbose ||
  { cat "$T/log10"; fail "inline key"; }
grep -q 'PRIVATE KEY' "$T/log10" && fail "the key was printed"
same_tree "$T/public" "$REMOTE" || fail "remote differs after the inline-key deploy"
pass "inline CLERK_DEPLOY_KEY"
echo "deploy.sftp: 1 passed, 0 failed"
