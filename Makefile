# Set-up is part of every target: a fresh machine needs nothing but this file's two commands (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := tests/data/cuad/Freecook-Hosting-Agreement.pdf

.PHONY: run test lint bench setup system-packages clean

run: $(STAMP)
	$(BIN)/python main.py review $(SAMPLE) --intake tests/data/intake/permit-portal.yaml --format md

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; rc=0; fi; exit $$rc

bench: $(STAMP)
	$(BIN)/python bench/ingest_speed.py
	$(BIN)/python bench/ingest_memory.py
	$(BIN)/python bench/segmentation_quality.py
	$(BIN)/python -m bench.ocr_quality
	$(BIN)/python bench/classify_speed.py
	$(BIN)/python bench/cuad_quality.py
	$(BIN)/python bench/unfair_tos_quality.py
	$(BIN)/python bench/pattern_quality.py --limit 100
	$(BIN)/python bench/review_speed.py
	$(BIN)/python bench/saas_forms.py
	$(BIN)/python bench/rule_speed.py
	$(BIN)/python bench/versions_speed.py
	$(BIN)/python bench/store_speed.py

setup: $(STAMP)

# Debian packages: Tesseract for scanned PDFs. Installed only where missing, and only as root.
system-packages:
	@if ! command -v tesseract >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr >/dev/null; \
		else echo "note: tesseract-ocr is not installed; scanned PDFs cannot be read (sudo apt-get install tesseract-ocr)"; fi; \
	fi

$(STAMP): pyproject.toml | system-packages
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,ocr,postgres]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
