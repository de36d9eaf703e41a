.PHONY: run test test-postgres lint format messages ci bench
PG_URL ?= postgres://postgres@127.0.0.1:5432/sbm

run:          ## serve the demo site on http://127.0.0.1:8000 (SQLite)
	scripts/run

test:         ## the whole test suite on SQLite
	scripts/test

test-postgres: ## the whole test suite on PostgreSQL
	DATABASE_URL=$(PG_URL) scripts/test

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

format:
	.venv/bin/ruff check --fix . && .venv/bin/ruff format .

messages:     ## extract UI strings into locale/ and the apps' locale/ folders, then compile
	scripts/messages

ci:
	bash .ci/run

bench:        ## load benchmark on PostgreSQL (sbm_bench): generate a large site, gunicorn vs nginx (bench/run)
	bench/run
