# Sourced by scripts/test-all.sh and .ci/run: the services the tests use.
# The PostgreSQL suites run when 127.0.0.1:5432 answers; otherwise they are
# skipped, and this says so loudly.
if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
  if (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
    export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=postgresql://postgres@127.0.0.1:5432
  else
    # Without it, CI=true makes Backstage's TestDatabases try Docker.
    export BACKSTAGE_TEST_DISABLE_DOCKER=1
    printf '\n*** PostgreSQL SKIPPED: nothing answers on 127.0.0.1:5432, so the store and\n*** scheduler tests run on SQLite only. Start PostgreSQL 15 (user postgres, trust)\n*** or set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING.\n\n' >&2
  fi
fi
