# Two entry points for a fresh machine with only Python installed:
#   make demo   create .venv, install, analyse the bundled sample contracts into demo_output/
#   make test   create .venv, install with dev extras, run the test suite
#   make notebooks   install the notebook extra and open Jupyter Lab on notebooks/
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench install install-dev notebooks

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"

DEMO_OUT ?= demo_output
SAMPLES := data/sample_contracts

# score the samples (the cache makes the next three steps instant), then show one full report
demo: install
	$(BIN)/contract-analyzer score $(SAMPLES) -o $(DEMO_OUT)/results.csv --cache-dir $(DEMO_OUT)/cache
	$(BIN)/contract-analyzer deadlines $(SAMPLES) -o $(DEMO_OUT)/deadlines.ics --cache-dir $(DEMO_OUT)/cache --quiet
	$(BIN)/contract-analyzer report $(SAMPLES) -o $(DEMO_OUT)/portfolio.html --cache-dir $(DEMO_OUT)/cache --quiet
	$(BIN)/contract-analyzer analyze $(SAMPLES)/c02_saas_cobalt_silverline.pdf --format table
	@echo "wrote $(DEMO_OUT)/results.csv (+ long tables), $(DEMO_OUT)/deadlines.ics, $(DEMO_OUT)/portfolio.html"

test: install-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# install the notebook extra and open Jupyter Lab on notebooks/
notebooks: install
	$(BIN)/pip install --quiet -e ".[notebooks]"
	$(BIN)/jupyter lab notebooks/
