#!/usr/bin/env bash
# clerk deploy over explicit FTPS (AUTH TLS) to vsftpd; see ftp.sh.
CLERK_FTP_MODE=ftps SITE_FILES=300 exec bash "$(dirname "$0")/ftp.sh" "$@"
