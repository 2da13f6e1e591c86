# newslake: two commands a new user needs.
#   make run   set up .venv and run the nightly flow on the bundled samples, then query the lake
#   make test  set up .venv and run the whole test suite
# The interpreter: the distribution's python3.11 when it has venv and its C headers (the statement extractor
# compiles against them), else the first python3.11 on PATH. Debian's is built with profile-guided and link-time
# optimization and a statically linked libpython; a plain source build (pyenv's default: a shared libpython, no
# PGO) runs the CPU-bound stages about 20% slower on the same code (README, Attributed statements).
# `make PYTHON=...` picks another; `rm -rf .venv` to switch.
HAS_VENV_AND_HEADERS := import ensurepip, os, sysconfig, venv; assert os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h"))
PYTHON ?= $(shell if /usr/bin/python3.11 -c '$(HAS_VENV_AND_HEADERS)' 2>/dev/null; then echo /usr/bin/python3.11; \
	elif python3.11 -c 'import ensurepip, venv' 2>/dev/null; then echo python3.11; fi)
VENV := .venv
BIN := $(VENV)/bin
LAKE ?= data_lake
# Prefect stays local (no analytics, no Cloud): the command line and the tests set that up, flows/prefect_env.py.

.PHONY: setup run test bench clean-lake

$(BIN)/newslake: pyproject.toml constraints.txt
	@test -n "$(PYTHON)" && command -v $(PYTHON) >/dev/null || { echo "need python3.11 with venv on PATH (or: make PYTHON=... )"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,bench,compile]'
	touch $(BIN)/newslake

# The statement extractor, compiled with mypyc (scripts/compile_statements.py): rebuilt when a source
# or the virtualenv changes; without a C compiler it says why and the extractor runs as Python, slower, with
# the same results.
STATEMENTS_SOURCES := $(filter-out %/__init__.py %/native.py %/statement.py,$(wildcard tasks/statements/*.py))
tasks/statements/native.json: $(STATEMENTS_SOURCES) scripts/compile_statements.py $(BIN)/newslake
	$(BIN)/python scripts/compile_statements.py

setup: $(BIN)/newslake tasks/statements/native.json

# The bundled samples are the news of one night, 2026-11-27: its date is given, so `make run` shows the same
# lake whatever day it runs (an undated article takes its run's date). The run leaves its report page in
# $(LAKE)/reports/$(SAMPLE_NIGHT).html.
SAMPLE_NIGHT := 2026-11-27

run: setup
	$(BIN)/newslake run --input samples --lake $(LAKE) --date $(SAMPLE_NIGHT)
	$(BIN)/newslake sql --lake $(LAKE) --file sql/examples/stories_by_outlet_count.sql
	$(BIN)/newslake sql --lake $(LAKE) --file sql/examples/top_speakers.sql
	$(BIN)/newslake sql --lake $(LAKE) --file sql/examples/quotes_that_spread.sql

# The production-path test needs PostgreSQL, the report's browser test Chromium: the scripts install Debian's
# packages if missing (and start a PostgreSQL cluster on 127.0.0.1); when they cannot, they print the reason
# and those tests skip with it.
test: setup
	scripts/chromium_for_tests.sh | tail -n 1
	NEWSLAKE_TEST_PG_URL="$$(scripts/postgres_for_tests.sh | tail -n 1)" $(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/metadata.py
	$(BIN)/python bench/headlines.py
	$(BIN)/python bench/statements.py
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/overhead.py --repeat 1
	$(BIN)/python bench/pipeline.py --format jsonl --sizes 1000 10000
	$(BIN)/python bench/pipeline.py --format warc --sizes 5400 --compare-trafilatura

clean-lake:
	rm -rf $(LAKE)/tables $(LAKE)/_lake $(LAKE)/_staging $(LAKE)/reports $(LAKE)/views.sql
