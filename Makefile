# Two commands for a new user: `make run` (set up and start the app) and `make test` (set up and run the tests).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test lint eval bench load clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/streamlit run app.py --server.headless true --server.port $(PORT) --browser.gatherUsageStats false

lint: $(BIN)/.installed
	$(BIN)/ruff check .

eval: $(BIN)/.installed
	$(BIN)/reply-assistant eval --drafter offline --no-progress

# The eval gate runs first so that pytest's summary is the last thing CI prints.
test: lint
	$(MAKE) eval
	$(BIN)/python -m pytest

bench: $(BIN)/.installed
	$(BIN)/python bench/run.py

# Load test of the HTTP API: two instances and one PostgreSQL on 127.0.0.1, driven by locust (the load extra).
load: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev,load]'
	$(BIN)/python bench/load_api.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts
