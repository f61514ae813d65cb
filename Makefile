# The one entry point: `make run` for a local site with demo content, `make test` for
# the whole suite. Both build the virtual environment they need.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-requirements
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format audit bench venv worker clean markup-checker messages compilemessages

# The settings default to production (DEBUG off, every production variable required):
# the local site and worker run in development mode. Override: make run DEBUG=false.
run worker messages compilemessages: export DEBUG ?= true

$(PY):
	@set -e; \
	for candidate in python3.13 python3.12 python3; do \
	  if command -v $$candidate >/dev/null 2>&1 && \
	     $$candidate -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then \
	    echo "Creating $(VENV) with $$($$candidate --version)"; \
	    $$candidate -m venv $(VENV); exit 0; \
	  fi; \
	done; \
	echo "Python 3.13 (or 3.12) is needed but was not found. Install it (for example 'pyenv install 3.13') and run make again." >&2; \
	exit 1

$(STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(STAMP)

venv: $(STAMP)

# The Nu HTML Checker (vnu.jar, run with Java 17+) for tests/campaign/test_markup.py. The jar
# ships inside the npm package vnu-jar; its install script, which would fetch a Java, is not run.
VNU_VERSION := 26.9.27
VNU_DIR := .cache/vnu
VNU_STAMP := $(VNU_DIR)/.installed-$(VNU_VERSION)

$(VNU_STAMP):
	npm install --no-save --no-audit --no-fund --ignore-scripts --loglevel=error --prefix $(VNU_DIR) vnu-jar@$(VNU_VERSION)
	@touch $(VNU_STAMP)

markup-checker: $(VNU_STAMP)

# The translation catalogues (locale/ru, locale/kk). `make messages` gathers every wrapped string
# into the .po files (without source line numbers, so that branches merge cleanly); translate
# the new entries, then `make test` checks that none is left untranslated or fuzzy. No JavaScript
# uses gettext (scripts read their words from data- attributes), so there is no djangojs domain.
MESSAGES_IGNORE := -i .venv -i node_modules -i .cache -i bench -i tests -i staticfiles -i media
messages: venv
	$(PY) manage.py makemessages -l ru -l kk --no-location --no-obsolete $(MESSAGES_IGNORE)
	@# The creation date changes on every run: dropped, so that two branches' catalogues merge.
	sed -i '/^"POT-Creation-Date: /d' locale/*/LC_MESSAGES/django.po

# The compiled .mo files are built, never committed, so they cannot go stale in git.
compilemessages: venv
	$(PY) manage.py compilemessages --ignore .venv --ignore node_modules --ignore .cache --verbosity 0

run: venv compilemessages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py load_demo_content
	$(PY) manage.py start_periodic_tasks
	@echo
	@echo "  Site:   http://$(HOST):$(PORT)/"
	@echo "  Admin:  http://$(HOST):$(PORT)/admin/  (demo editor: see above)"
	@echo "  The task worker (e-mails, counts) runs alongside; Ctrl+C stops both."
	@echo
	@trap 'kill 0' EXIT; \
	$(PY) manage.py db_worker 2>&1 | sed -u 's/^/[worker] /' & \
	$(PY) manage.py runserver $(HOST):$(PORT)

worker: venv compilemessages
	$(PY) manage.py db_worker

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Known vulnerabilities in the pinned requirements (exit 1 if any is found).
audit: venv
	$(VENV)/bin/pip-audit -r requirements.txt --no-deps --disable-pip --progress-spinner off

# Fetches the markup checker when npm is at hand; without it, that one test skips (CI requires it).
test: lint compilemessages
	@command -v npm >/dev/null && $(MAKE) --no-print-directory markup-checker || \
	  echo "The Nu HTML Checker could not be installed (it needs npm): the markup test will skip."
	$(PY) -m pytest $(PYTEST_ARGS)

bench: venv
	$(PY) bench/run.py $(if $(QUICK),--quick,)

clean:
	rm -rf $(VENV) staticfiles db.sqlite3* test-db.sqlite3* tests/artifacts .cache
