#!/usr/bin/env bash
# Installs (if missing) and starts Debian's PostgreSQL 15 for tests and CI, with a
# superuser role "inclusion" (password "inclusion") that test suites use to create
# their own databases. Idempotent. Needs root (apt-get, pg_ctlcluster).
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /etc/postgresql ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /etc/postgresql | sort -n | tail -n 1)
hba=/etc/postgresql/$version/main/pg_hba.conf
# Password authentication on loopback, peer for the postgres system user.
if ! grep -q '# plateforme-inclusion' "$hba"; then
  cat > "$hba" <<HBA
# plateforme-inclusion: local test server
local   all   postgres                 peer
local   all   all                      scram-sha-256
host    all   all        127.0.0.1/32  scram-sha-256
host    all   all        ::1/128       scram-sha-256
HBA
fi

if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$version" main start
else
  pg_ctlcluster "$version" main reload
fi

su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'inclusion') THEN
    CREATE ROLE inclusion SUPERUSER LOGIN PASSWORD 'inclusion';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE inclusion OWNER inclusion'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'inclusion') \gexec
SQL
echo "PostgreSQL $version ready: postgresql://inclusion:inclusion@127.0.0.1:5432/inclusion"
