# hoptac — two commands do all the set-up: `make demo` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
STORE  ?= hoptac-data

.PHONY: demo test lint bench venv clean browser

venv: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/hoptac ingest examples/corpus --store $(STORE)
	$(BIN)/hoptac documents --store $(STORE)
	$(BIN)/hoptac partners --store $(STORE)
	$(BIN)/hoptac explore --out out/explorer.html --store $(STORE)
	$(BIN)/hoptac report "Bắc Giang" --out out/report-bac-giang --store $(STORE)
	@echo
	@echo "Explorer (offline file): $(CURDIR)/out/explorer.html"
	@echo "Explorer (web app):      run '$(BIN)/hoptac serve --store $(STORE)' and open http://127.0.0.1:8000/explore"
	@echo "Report for Bắc Giang:    $(CURDIR)/out/report-bac-giang/report.html"

test: $(STAMP) browser
	$(BIN)/pytest

# The explorer's browser test drives Debian's Chromium (no browser download at run time).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: $(STAMP)
	$(BIN)/ruff check graph ingest api tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache .mypy_cache .ruff_cache
