#!/usr/bin/env bash
# clerk deploy against vsftpd on 127.0.0.1: plain FTP (ftp.sh) or explicit
# TLS with a self-signed certificate trusted through ca_file (ftps.sh).
source "$(dirname "$0")/lib.sh"
MODE=${CLERK_FTP_MODE:-ftp}
F=$T/ftp; mkdir -p "$F/root/site" "$F/empty"
USER_NAME=clerkdeploy; PASSWORD='Ftp-pw-1'
id -u "$USER_NAME" >/dev/null 2>&1 || useradd -m -s /bin/bash "$USER_NAME"
echo "$USER_NAME:$PASSWORD" | chpasswd
chown -R "$USER_NAME:" "$F/root"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
  -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$T/key.pem" -out "$T/cert.pem" 2>/dev/null
PORT=$(free_port)
cat > "$F/vsftpd.conf" <<CONF
listen=YES
listen_address=127.0.0.1
listen_port=$PORT
background=NO
anonymous_enable=NO
local_enable=YES
write_enable=YES
local_umask=022
local_root=$F/root
pam_service_name=vsftpd
secure_chroot_dir=$F/empty
pasv_address=127.0.0.1
pasv_min_port=$((PORT + 1))
pasv_max_port=$((PORT + 200))
xferlog_enable=YES
vsftpd_log_file=$F/vsftpd.log
ssl_enable=YES
rsa_cert_file=$T/cert.pem
rsa_private_key_file=$T/key.pem
force_local_logins_ssl=NO
force_local_data_ssl=NO
require_ssl_reuse=NO
CONF
start_server() {
  /usr/sbin/vsftpd "$F/vsftpd.conf" 0<>"$F/vsftpd.out" 1>&0 2>&0 & FTP_PID=$!
  PIDS+=("$FTP_PID")
  wait_port "$PORT" || fail "vsftpd did not start: $(cat "$F/vsftpd.out")"
}
stop_server() { stop_tree "$FTP_PID"; }
uploads() { grep 'OK UPLOAD' "$F/vsftpd.log" 2>/dev/null | grep -vc '\.clerk-manifest' || true; }
deletes() { grep -c 'OK DELETE' "$F/vsftpd.log" 2>/dev/null || true; }
bad_credentials() {
  local log=$1; shift
  CLERK_DEPLOY_PASSWORD=Wrong-pw deploy "$log" "$@" && return 0
  grep -q 'login to .* was refused' "$log" || { cat "$log"; fail "no clear message for a wrong password"; }
  ! grep -q 'Wrong-pw\|Ftp-pw' "$log" || fail "a password was printed"
  return 1
}
export CLERK_DEPLOY_PASSWORD=$PASSWORD
if [[ $MODE == ftps ]]; then
  URL="ftps://$USER_NAME@127.0.0.1:$PORT/site/?ca_file=$T/cert.pem"
else
  URL="ftp://$USER_NAME@127.0.0.1:$PORT/site/"
fi
REMOTE=$F/root/site
start_server
# Plain FTP on loopback uploads 500 files in under a second, faster than the
# "server stopped mid-deploy" step can stop it: 2,000 leave it time.
SITE_FILES=${SITE_FILES:-2000} run_suite
if [[ $MODE == ftps ]]; then
  # Without the CA, the self-signed certificate is refused before login.
  if deploy "$T/log8" --to "ftps://$USER_NAME@127.0.0.1:$PORT/site/" --out "$T/public" --yes; then
    fail "an untrusted certificate was accepted"
  fi
  grep -q 'not trusted' "$T/log8" || { cat "$T/log8"; fail "no clear message for an untrusted certificate"; }
  pass "untrusted certificate: $(grep 'error:' "$T/log8" | head -1)"
fi
echo "deploy.$MODE: 1 passed, 0 failed"
