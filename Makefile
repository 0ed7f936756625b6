# seedconv — `make` sets up .venv and builds every format for seeds/*.txt into build/;
# `make test` runs the test suite.  Pattern rules: `make -j2` works and an
# unchanged input (with unchanged code) is not rebuilt.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

SEEDS  := $(wildcard seeds/*.txt)
NAMES  := $(notdir $(SEEDS:.txt=))
SRC    := $(shell find src -name '*.py') $(wildcard schemas/*) $(wildcard seedconv.yaml)
FMTDIRS := json tei md docx epub txt html jsonl
FORMATS := json,tei,md,docx,epub,txt,html,jsonl
OUTPUTS := $(foreach n,$(NAMES),build/json/$(n).json build/tei/$(n).xml build/md/$(n).md \
             build/docx/$(n).docx build/epub/$(n).epub build/txt/$(n).txt \
             build/html/$(n).html build/jsonl/$(n).jsonl build/review/$(n).html)

.PHONY: all install test validate score bench bench-quick clean distclean
.DEFAULT_GOAL := all

all: $(OUTPUTS)

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip >/dev/null
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

# One normalisation per document writes all eight formats (grouped pattern targets).
build/json/%.json build/tei/%.xml build/md/%.md build/docx/%.docx build/epub/%.epub build/txt/%.txt build/html/%.html build/jsonl/%.jsonl: seeds/%.txt $(SRC) $(STAMP)
	$(BIN)/seedconv convert $< -o build -t $(FORMATS) --quiet

# The HTML review page of each document (input beside output, decisions linked).
build/review/%.html: seeds/%.txt $(SRC) $(STAMP)
	$(BIN)/seedconv review $< -o $@

test: $(STAMP)
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
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

bench-quick: $(STAMP)
	$(BIN)/python benchmarks/run.py --quick

clean:
	rm -rf build

distclean: clean
	rm -rf $(VENV) src/*.egg-info
