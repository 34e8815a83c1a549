# The two commands of the README's quick start:
#   make run    set up, then build, validate and query the dataset on the embedded store
#   make test   set up, then run the whole test suite (what .ci/run calls)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test java clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/diplograph build
	$(BIN)/diplograph validate
	$(BIN)/diplograph query meetings

# The OWL reasoner test runs HermiT, which needs a Java runtime.
java:
	@command -v java >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

test: $(STAMP) java
	$(BIN)/ruff format --check src tests
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/pytest

clean:
	rm -rf $(VENV) dist .mypy_cache .pytest_cache .ruff_cache
