# bilan: two commands for a newcomer, `make demo` and `make test`; both set everything up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BILAN := $(VENV)/bin/bilan
DEMO_OUT := demo-out

.PHONY: install install-dev demo test test-slow lint eval bench benchmarks-doc clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed  ## create .venv and install bilan (CLI at .venv/bin/bilan)

install-dev: $(VENV)/.installed-dev

demo: install  ## run bilan on the bundled sample reports
	$(BILAN) run examples/reports --out $(DEMO_OUT) --quiet
	@echo "bilan demo: outputs in $(DEMO_OUT)/ (events.json, events.csv, events.geojson, timeline.json, rejects.jsonl)"
	@echo "open the report: $(abspath $(DEMO_OUT))/report.html"

test: install-dev  ## fast offline tests, plus the evaluation gate where ../shared exists
	$(PY) -m pytest -q

test-slow: install-dev
	$(PY) -m pytest -q -m slow

lint: install-dev
	$(VENV)/bin/ruff check src tests eval benchmarks
	$(VENV)/bin/mypy

eval: install-dev  ## score on ../shared/data and compare with the pinned floors
	$(PY) eval/gate.py

bench: install-dev  ## throughput and memory per stage (reported, never asserted)
	$(PY) benchmarks/run.py

benchmarks-doc: install-dev  ## re-measure everything and regenerate docs/benchmarks.md
	$(PY) benchmarks/update_docs.py

clean:
	rm -rf $(VENV) $(DEMO_OUT) .pytest_cache .mypy_cache .ruff_cache
