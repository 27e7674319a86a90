# Two entry points for a fresh machine: `make dashboard` and `make test`.
# Everything lives in .venv; the browser test also needs Debian's chromium.
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CONFIG ?= config.yaml
HOST   ?= 127.0.0.1
PORT   ?= 8501

.PHONY: setup pipeline dashboard test lint bench golden quality chromium clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

setup: $(STAMP)

pipeline: setup
	$(BIN)/perspectives build --config $(CONFIG)

dashboard: pipeline
	$(BIN)/streamlit run dashboard/app.py --server.address $(HOST) --server.port $(PORT) -- --config $(CONFIG)

# The end-to-end test drives Debian's chromium; install it when it is missing (root or sudo).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

test: setup chromium
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check src tests dashboard benchmarks
	$(BIN)/mypy src dashboard

# How well the rules place and attribute: scores on the bundled articles and, when DEV names an annotated
# folder with articles/ and gold/ inside (make quality DEV=../shared/dev), on those articles too.
quality: pipeline
	$(BIN)/perspectives evaluate --config $(CONFIG) --gold data/gold
	@if [ -n "$(DEV)" ]; then echo; echo "$(DEV):"; \
		$(BIN)/perspectives score --config $(CONFIG) --articles $(DEV)/articles --gold $(DEV)/gold; fi

# Rewrite the golden tables (tests/data/expected) from the current code; review the diff before committing.
golden: setup
	$(BIN)/python tests/golden.py

bench: setup
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) data/processed .pytest_cache
