#!/usr/bin/env bash
# clerk deploy against nginx's WebDAV module (HTTP, basic auth) on 127.0.0.1.
source "$(dirname "$0")/lib.sh"
D=$T/dav; mkdir -p "$D/www/site"
PORT=$(free_port)
printf 'deploy:%s\n' "$(openssl passwd -apr1 'Dav-pw-1')" > "$D/htpasswd"
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
            auth_basic "deploy";  auth_basic_user_file $D/htpasswd;
            dav_methods PUT DELETE MKCOL COPY MOVE;  create_full_put_path on;
            dav_access user:rw group:r all:r;
        }
    }
}
CONF
start_server() {
  /usr/sbin/nginx -e "$D/error.log" -p "$D" -c "$D/nginx.conf" & NGINX_PID=$!
  PIDS+=("$NGINX_PID")
  wait_port "$PORT" || fail "nginx did not start: $(cat "$D/error.log")"
}
stop_server() { stop_pid "$NGINX_PID"; }
uploads() { grep '^PUT /site/' "$D/access.log" | grep -vc '/.clerk-manifest ' || true; }
deletes() { grep -c '^DELETE ' "$D/access.log" || true; }
bad_credentials() {
  local log=$1; shift
  CLERK_DEPLOY_PASSWORD=Wrong-pw deploy "$log" "$@" && return 0
  grep -q 'refused the credentials' "$log" || { cat "$log"; fail "no clear message for a wrong password"; }
  ! grep -q 'Wrong-pw\|Dav-pw' "$log" || fail "a password was printed"
  return 1
}
export CLERK_DEPLOY_PASSWORD=Dav-pw-1
URL=webdav://deploy@127.0.0.1:$PORT/site/
REMOTE=$D/www/site
start_server
run_suite
echo "deploy.webdav: 1 passed, 0 failed"
