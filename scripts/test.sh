#!/usr/bin/env bash
# Every check and every test. PostgreSQL and Kafka come from PARLA_TEST_POSTGRES_DSN and
# KAFKA_BOOTSTRAP_SERVERS when set, otherwise the suite starts its own (see parla.devstack.testing).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/lint.sh
uv run --frozen pytest "$@"
