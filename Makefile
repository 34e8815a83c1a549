# The two commands of the README's quick start:
#   make run    set up, then build, validate, load and query the dataset on the embedded store
#   make test   set up, then run the whole test suite (what .ci/run calls)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test system clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/diplograph build
	$(BIN)/diplograph validate
	$(BIN)/diplograph load
	$(BIN)/diplograph query meetings --store data/.store

# Debian packages the tests need (a Java runtime for HermiT, ...), installed when missing.
system:
	bash scripts/system-packages.sh

# YASGUI for the SPARQL query page (publish, serve), from package-lock.json.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

test: $(STAMP) system node_modules/.package-lock.json
	$(BIN)/ruff format --check src tests
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/pytest

clean:
	rm -rf $(VENV) dist .mypy_cache .pytest_cache .ruff_cache
