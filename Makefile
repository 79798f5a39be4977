# The commands people type. Everything runs inside .venv, created on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: install install-test-tools build check test lint format messages clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

# The Nu Html Checker (vnu.jar) for the tests, from the npm registry, pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

install: $(VENV)/.installed

install-test-tools: install node_modules/.installed

## Validate the data and build the site into output/
build: install
	$(PY) build.py build

## Validate the data only, printing every problem
check: install
	$(PY) build.py check

## Lint and run every test (needs java and Debian's chromium; .ci/run installs them)
test: install-test-tools
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest

format: install
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

## The site's own words: extract them from the code and templates, and update the catalogs to translate
messages: install
	$(VENV)/bin/pybabel extract -F babel.cfg -k tr:2 -k trp:2c,3 -k trn:2,3 -k N_ -k NP_:1c,2 \
		--no-wrap --sort-by-file --project=karrieresentre -o karriere/locale/messages.pot .
	$(VENV)/bin/pybabel update --no-wrap --ignore-obsolete --no-fuzzy-matching -i karriere/locale/messages.pot -d karriere/locale
	$(VENV)/bin/pybabel compile --statistics --use-fuzzy -d karriere/locale -o /dev/null 2>&1 | grep -v '^compiling' || true

clean:
	rm -rf output .pytest_cache .ruff_cache
