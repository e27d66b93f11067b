# Set-up is part of every target: a fresh machine needs nothing but this file's two commands (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := tests/data/cuad/Freecook-Hosting-Agreement.pdf
# The app's translations: gui/translations/app_<language>.ts are committed, the compiled .qm files are built here.
TS := $(wildcard gui/translations/app_*.ts)
QM := $(TS:.ts=.qm)
GUI_SOURCES := $(wildcard gui/*.py)

.PHONY: run memo test lint bench setup system-packages clean translations translations-update

run: $(STAMP) $(QM)
	$(BIN)/python main.py

# The command-line review of the sample contract, as a Markdown memo (no window needed).
memo: $(STAMP)
	$(BIN)/python main.py review $(SAMPLE) --intake tests/data/intake/permit-portal.yaml --format md

test: $(STAMP) $(QM)
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
	$(BIN)/python bench/gui_stall.py --preload

setup: $(STAMP)

# Build the .qm files the app loads (gui/app.py install_translators).
translations: $(QM)

gui/translations/%.qm: gui/translations/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# After adding or changing a tr() string: refresh the .ts files from the code, then translate the new entries
# (Qt Linguist, or by hand: every entry of app_es.ts, only the plural forms in app_en.ts).
translations-update: $(STAMP)
	$(BIN)/pyside6-lupdate -silent -locations relative -no-obsolete -source-language en -target-language es \
		$(GUI_SOURCES) -ts gui/translations/app_es.ts
	$(BIN)/pyside6-lupdate -silent -locations relative -no-obsolete -source-language en -target-language en \
		-pluralonly $(GUI_SOURCES) -ts gui/translations/app_en.ts

# Debian packages: Tesseract for scanned PDFs, the libraries Qt needs (offscreen and on X11) and fonts.
# Installed only where missing, and only as root.
DEBIAN_PACKAGES := tesseract-ocr libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
	libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 fonts-dejavu-core
system-packages:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else echo "note: missing Debian packages: $$missing (sudo apt-get install $$missing)"; fi; \
	fi

$(STAMP): pyproject.toml | system-packages
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,ocr,postgres]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache $(QM)
