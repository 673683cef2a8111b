#!/usr/bin/env bash
# Starts the Debian PostgreSQL server and gives the current user a superuser role and the
# database the SQL tests use (opskit_test), reached over the local socket (peer auth).
# Idempotent: safe to run when the server is already up or the role exists.
set -euo pipefail
me="$(id -un)"
service postgresql start >/dev/null
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q" && break
  sleep 1
done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = '$me'\"" | grep -q 1 \
  || su postgres -c "createuser --superuser '$me'"
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname = 'opskit_test'\"" | grep -q 1 \
  || su postgres -c "createdb --owner '$me' opskit_test"
echo "PostgreSQL $(su postgres -c 'psql -qtAc "SHOW server_version"') is up; database opskit_test for $me"
