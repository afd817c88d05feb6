#!/usr/bin/env bash
# Every check and every test. PostgreSQL and Kafka come from PARLA_TEST_POSTGRES_DSN and
# KAFKA_BOOTSTRAP_SERVERS when set, otherwise each pytest worker starts its own (see
# parla.devstack.testing).
#
# Two workers by default (PARLA_TEST_WORKERS; 0 runs in one process): the e2e tests mostly wait
# on processes they started, so the in-process tiers run beside them on the other worker. The
# grouping that keeps one shared stack per run is in the root conftest.py.
set -euo pipefail
cd "$(dirname "$0")/.."
# The static checks and the web client's checks run side by side (each mostly uses one core);
# each one's output is shown whole once it is done, and either failing fails the run.
web_log=$(mktemp)
trap 'rm -f "$web_log"' EXIT
(
    # The web client: its API types match the gateway's OpenAPI document, it type-checks, its unit tests.
    (cd web && npm run --silent check:api && npm run --silent typecheck && npm test --silent -- --reporter=dot)
    # The trace viewer that Jaeger serves for `make observe`: its pure functions.
    node --test --test-reporter=dot deploy/jaeger/ui/
) >"$web_log" 2>&1 &
web_checks=$!
lint_status=0
./scripts/lint.sh || lint_status=$?
web_status=0
wait "$web_checks" || web_status=$?
cat "$web_log"
if [ "$lint_status" != 0 ] || [ "$web_status" != 0 ]; then
    echo "static checks failed (lint: exit $lint_status; web client: exit $web_status)" >&2
    exit 1
fi
workers="${PARLA_TEST_WORKERS:-2}"
if [ "$workers" = "0" ]; then
    uv run --frozen pytest "$@"
else
    uv run --frozen pytest -n "$workers" --dist loadgroup "$@"
fi
