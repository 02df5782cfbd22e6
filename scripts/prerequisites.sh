#!/usr/bin/env bash
# What the tests need on a machine of this project's kind (Debian, run as root), installed or
# started only when missing:
# - the local PostgreSQL accepting connections on 127.0.0.1:5432 (the tests' default server);
# - libpg_query, PostgreSQL's parser as a library, which `carriers lint` and its tests load.
set -euo pipefail

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  echo "PostgreSQL is not accepting connections; starting it"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  for _ in $(seq 1 60); do
    pg_isready -h 127.0.0.1 -p 5432 -q && break
    sleep 1
  done
  pg_isready -h 127.0.0.1 -p 5432
fi

if ! dpkg -s libpg-query1504.0 >/dev/null 2>&1; then
  echo "Installing libpg-query1504.0 (PostgreSQL's parser as a library, for carriers lint)"
  apt-get update -qq
  apt-get install -y -qq libpg-query1504.0
fi
