# `make run` and `make test` each build the virtual environment they need on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench eval clean

$(BIN)/sourcecheck: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: $(BIN)/sourcecheck
	$(BIN)/sourcecheck

test: $(BIN)/sourcecheck
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) .pytest_cache
