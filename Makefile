.PHONY: run test test-all test-postgres lint format messages ci bench
PG_URL ?= postgres://postgres@127.0.0.1:5432/sbm

run:          ## serve the demo site on http://127.0.0.1:8000 (SQLite)
	scripts/run

test:         ## the fast lane on SQLite (scripts/test --all: every lane)
	scripts/test

test-all:     ## every lane on SQLite
	scripts/test --all

test-postgres: ## every lane on PostgreSQL
	DATABASE_URL=$(PG_URL) scripts/test --all

lint:         ## ruff, bandit, system checks with the editor conventions, migrations check
	scripts/lint

format:
	.venv/bin/ruff check --fix . && .venv/bin/ruff format .

messages:     ## extract UI strings into locale/ and the apps' locale/ folders, then compile
	scripts/messages

ci:
	bash .ci/run

bench:        ## load benchmark on PostgreSQL (sbm_bench): generate a large site, gunicorn vs nginx (bench/run)
	bench/run
