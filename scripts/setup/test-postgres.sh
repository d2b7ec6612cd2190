#!/usr/bin/env bash
# Before the tests: a real PostgreSQL server must answer at TEST_DATABASE_ADMIN_URL
# (default: the local server set up by postgres-server.sh). When none answers and this
# machine can install one (root on Debian), install and start it.
set -euo pipefail
url=${TEST_DATABASE_ADMIN_URL:-postgresql://inclusion:inclusion@127.0.0.1:5432/inclusion}
if node -e "const c=new (require('pg').Client)({connectionString:process.argv[1]});c.connect().then(()=>c.end()).catch(()=>process.exit(1))" "$url" 2>/dev/null; then
  exit 0
fi
if [ -z "${TEST_DATABASE_ADMIN_URL:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  bash "$(dirname "$0")/postgres-server.sh"
  exit 0
fi
echo "PostgreSQL injoignable ($url). Lancez « sudo bash scripts/setup/postgres-server.sh » ou définissez TEST_DATABASE_ADMIN_URL." >&2
exit 1
