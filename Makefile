# seedconv — `make` sets up .venv and builds every format for seeds/*.txt into build/;
# `make test` runs the test suite.  Pattern rules: `make -j2` works and an
# unchanged input (with unchanged code) is not rebuilt.  The hot modules are
# compiled with Cython when that works (optional: see tools/compile.py).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CYSTAMP := $(VENV)/.compiled
CYJOBS ?= 2
CYOPT  ?= -O1
# Cython (and setuptools, which Python >= 3.12 venvs lack) into the venv when missing
CYINSTALL = $(BIN)/python -c 'import Cython, setuptools' 2>/dev/null || $(BIN)/python -m pip install -q 'cython>=3.0,<4' setuptools
SHARED ?= ../shared

SEEDS  := $(wildcard seeds/*.txt)
NAMES  := $(notdir $(SEEDS:.txt=))
SRC    := $(shell find src -name '*.py') $(wildcard schemas/*) $(wildcard seedconv.yaml)
FMTDIRS := json tei md docx epub txt html jsonl
FORMATS := json,tei,md,docx,epub,txt,html,jsonl
# compiled by tools/compile.py (seedconv/_compiled.py:hot_modules names the same)
HOT    := $(filter-out %/__init__.py %/_common_words.py,$(wildcard src/seedconv/passes/*.py)) \
          src/seedconv/pipeline.py src/seedconv/conservation.py src/seedconv/model.py
OUTPUTS := $(foreach n,$(NAMES),build/json/$(n).json build/tei/$(n).xml build/md/$(n).md \
             build/docx/$(n).docx build/epub/$(n).epub build/txt/$(n).txt \
             build/html/$(n).html build/jsonl/$(n).jsonl build/review/$(n).html)

.PHONY: all install compile test validate score bench bench-quick clean distclean
.DEFAULT_GOAL := all

all: $(OUTPUTS)

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip >/dev/null
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

# Optional compiled build: Cython into the venv, then a .so beside each hot
# module whose source changed since it was compiled (tools/compile.py decides
# by content; the guard in seedconv/_compiled.py never loads a .so compiled
# from another source).  A failure (no compiler, no headers, no network) is a
# warning: seedconv then runs in pure Python, with the same output.
$(CYSTAMP): $(STAMP) $(HOT) tools/compile.py src/seedconv/_compiled.py
	@$(CYINSTALL) || echo "warning: could not install Cython" >&2
	@$(BIN)/python tools/compile.py -j $(CYJOBS) --opt=$(CYOPT) || echo "warning: compiling seedconv's hot modules" \
	  "failed (see above); the modules not compiled run in pure Python (same output, slower)" >&2
	@touch $@

compile: $(STAMP)
	@$(CYINSTALL)
	$(BIN)/python tools/compile.py -j $(CYJOBS) --opt=$(CYOPT)
	@touch $(CYSTAMP)

# One normalisation per document writes all eight formats (grouped pattern targets).
build/json/%.json build/tei/%.xml build/md/%.md build/docx/%.docx build/epub/%.epub build/txt/%.txt build/html/%.html build/jsonl/%.jsonl: seeds/%.txt $(SRC) $(STAMP) | $(CYSTAMP)
	$(BIN)/seedconv convert $< -o build -t $(FORMATS) --quiet

# The HTML review page of each document (input beside output, decisions linked).
build/review/%.html: seeds/%.txt $(SRC) $(STAMP) | $(CYSTAMP)
	$(BIN)/seedconv review $< -o $@

test: $(STAMP) $(CYSTAMP)
	$(BIN)/python -m pytest

validate: all
	$(BIN)/seedconv validate build/json/*.json build/tei/*.xml
	@if command -v jing >/dev/null 2>&1 && [ -f $(SHARED)/tei/tei_all.rng ]; then \
	  for f in build/tei/*.xml; do jing $(SHARED)/tei/tei_all.rng $$f 2>&1 | grep -v '^\[warning\]' && exit 1; done; \
	  echo "TEI valid against tei_all.rng (jing)"; else echo "jing or tei_all.rng missing: skipped"; fi
	@if [ -f /usr/share/java/epubcheck.jar ] && command -v java >/dev/null 2>&1; then \
	  for f in build/epub/*.epub; do java -jar /usr/share/java/epubcheck.jar -q $$f || exit 1; done; \
	  echo "EPUBs pass epubcheck"; else echo "epubcheck missing: skipped"; fi

score: all
	$(BIN)/python $(SHARED)/eval/score.py --gold-dir $(SHARED)/gold --pred-dir build/md
	$(BIN)/python benchmarks/quality.py --shared $(SHARED)

# Speed and scale: one table (throughput per stage, full build vs pandoc alone,
# 50 MB/5 MB time ratio, peak memory); bench-quick is a 10 KB-1 MB run.
bench: $(STAMP) $(CYSTAMP)
	$(BIN)/python benchmarks/run.py

bench-quick: $(STAMP) $(CYSTAMP)
	$(BIN)/python benchmarks/run.py --quick

clean:
	rm -rf build
	find src/seedconv \( -name '*.so' -o -name '*.src-sha256' -o -name '*.src-sha256.tmp' \) -delete
	rm -f $(CYSTAMP)

distclean: clean
	rm -rf $(VENV) src/*.egg-info
