# Kotak Saran Digital: developer and CI entry points.
#
#   make run [ARGS=...]   open the app on its demo data dir
#   make test             lint + typecheck + pytest (QT_QPA_PLATFORM=offscreen)
#   make deps | venv | translations | lint | typecheck | bench | clean | distclean
#
# KS_SKIP_SYSTEM_DEPS=1 skips the system package check (scripts/install-system-deps.sh).
# PYTEST_ARGS=... is passed to pytest, ARGS=... to `kotaksaran gui --demo`.

PYTHON ?= python3
VENV ?= .venv

BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LRELEASE := $(BIN)/pyside6-lrelease

TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
LINT_DIRS := $(wildcard kotaksaran tests bench)
TYPECHECK_DIRS := $(wildcard kotaksaran/domain kotaksaran/store kotaksaran/services \
                             kotaksaran/sync kotaksaran/receiver kotaksaran/ocr \
                             kotaksaran/documents kotaksaran/cli)

ARGS ?=
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help deps venv translations run test lint typecheck bench clean distclean

help:
	@sed -n '3,8p' Makefile | sed 's/^# \{0,1\}//'

deps:
ifeq ($(KS_SKIP_SYSTEM_DEPS),1)
	@echo "[system-deps] skipped (KS_SKIP_SYSTEM_DEPS=1)"
else
	@bash scripts/install-system-deps.sh
endif

venv: $(STAMP)

# (Re)install when pyproject.toml changes. A venv whose interpreter no longer runs (e.g. it was
# made by a Python that has since gone away) is recreated.
$(STAMP): pyproject.toml | deps
	@if ! $(BIN)/python -c '' >/dev/null 2>&1; then \
		echo "[venv] creating $(VENV) with $(PYTHON) ($$($(PYTHON) --version 2>&1))"; \
		rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); \
	fi
	@echo "[venv] pip install -e '.[dev]'"
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $@

translations: $(QM_FILES)

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(LRELEASE) $< -qm $@

run: deps venv translations
	$(BIN)/kotaksaran gui --demo $(ARGS)

test: deps venv translations lint typecheck
	@echo "[test] pytest"
	@QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -rs -p no:cacheprovider $(PYTEST_ARGS); \
	rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "[test] FAILED: pytest collected no tests (exit 5)" >&2; fi; \
	exit $$rc

lint: venv
	@echo "[lint] ruff check $(LINT_DIRS)"
	@$(BIN)/ruff check $(LINT_DIRS)

typecheck: venv
ifeq ($(strip $(TYPECHECK_DIRS)),)
	@echo "[typecheck] no kotaksaran/domain, store or services yet: nothing to check"
else
	@echo "[typecheck] mypy $(TYPECHECK_DIRS)"
	@$(BIN)/mypy $(TYPECHECK_DIRS)
endif

bench: deps venv translations
	@if [ -f bench/run_all.py ]; then \
		$(BIN)/python bench/run_all.py; \
	else \
		echo "[bench] bench/run_all.py does not exist yet: nothing to run"; \
	fi

clean:
	rm -rf .pytest_cache .mypy_cache .ruff_cache build dist *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
	rm -f $(QM_FILES)

distclean: clean
	rm -rf $(VENV)
