# The two commands of the README's quick start:
#   make run    set up, then build, validate, load and query the dataset on the embedded store
#   make test   set up, then run the whole test suite (what .ci/run calls)
# and, for users of the installable tool:
#   make wheel  build wheels/diplograph-VERSION-py3-none-any.whl (the model and YASGUI inside)
VENV ?= .venv
BIN := $(VENV)/bin
# The package version is the ontology's owl:versionInfo (hatch_build.py): a new versionInfo
# reinstalls the editable package, so that `diplograph --version` follows it.
VERSION_INFO := $(shell sed -n 's/.*owl:versionInfo "\([0-9-]*\)".*/\1/p' ontology/diplograph.ttl)
STAMP := $(VENV)/.installed-$(VERSION_INFO)

.PHONY: run test wheel system clean

$(STAMP): pyproject.toml hatch_build.py
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	rm -f $(VENV)/.installed*
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

# The wheel carries YASGUI's built files from node_modules/: npm ci first (never needed to run it).
wheel: $(STAMP) node_modules/.package-lock.json
	$(BIN)/python -m build --wheel --outdir wheels

test: $(STAMP) system node_modules/.package-lock.json
	$(BIN)/ruff format --check src tests hatch_build.py
	$(BIN)/ruff check src tests hatch_build.py
	$(BIN)/mypy
	$(BIN)/pytest

clean:
	rm -rf $(VENV) dist wheels .mypy_cache .pytest_cache .ruff_cache
