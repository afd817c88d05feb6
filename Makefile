# The two commands: `make run` starts everything, `make test` runs every test.
# Both install what is missing first and are safe to re-run. `make observe` is `make run` with
# Jaeger (traces) and Prometheus (metrics and alerts) beside it.

.PHONY: run observe test reliability security lint protos bench clean

run:
	@./scripts/bootstrap.sh
	@uv run --frozen python -m parla.devstack run

observe:
	@./scripts/bootstrap.sh --for-observe
	@uv run --frozen python -m parla.devstack run --observe

test:
	@./scripts/bootstrap.sh --for-tests
	@./scripts/test.sh

# The reliability suite at full scale (make test runs it bounded): the broker SIGKILLed for 30 s,
# every consumer killed five times, 100 poison messages, PostgreSQL restarted and a service hung,
# each under load from the simulated learners.
reliability:
	@./scripts/bootstrap.sh --for-tests
	@PARLA_RELIABILITY=full uv run --frozen pytest tests/e2e/test_reliability_broker.py \
		tests/e2e/test_reliability_consumers.py tests/e2e/test_reliability_faults.py -p no:randomly -n0 -v

# The security suite at full scale (make test runs each part bounded): every operation of the
# OpenAPI document without a token, with forged tokens and with the wrong role; brute-force sign-in;
# hostile uploads; another learner's resources; schemathesis with over 2,000 generated requests.
security:
	@./scripts/bootstrap.sh --for-tests
	@PARLA_SCHEMATHESIS_EXAMPLES=25 uv run --frozen pytest gateway/tests/test_security.py gateway/tests/test_auth_api.py \
		services/content/tests/test_extract_hostile.py tests/e2e/test_auth_e2e.py tests/e2e/test_ownership_matrix.py \
		tests/e2e/test_schemathesis.py \
		-p no:randomly -n0 -q -s

lint:
	@./scripts/bootstrap.sh
	@./scripts/lint.sh

protos:
	@uv run --frozen python scripts/gen_protos.py

bench:
	@./scripts/bootstrap.sh --for-bench
	@uv run --frozen python bench/outbox_relay.py
	@uv run --frozen python bench/turn_latency.py
	@uv run --frozen python bench/turn_concurrency.py
	@uv run --frozen python bench/gateway.py
	@uv run --frozen python bench/startup.py
	@uv run --frozen python bench/ingest.py
	@uv run --frozen python bench/import_document.py
	@uv run --frozen python bench/review.py
	@uv run --frozen python bench/organization.py
	@uv run --frozen python bench/analytics.py
	@uv run --frozen python bench/web_dashboard.py

clean:
	rm -rf .data
