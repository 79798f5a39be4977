# The commands people type. Everything runs inside .venv, created on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: install install-test-tools build check test lint format clean

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

clean:
	rm -rf output .pytest_cache .ruff_cache
