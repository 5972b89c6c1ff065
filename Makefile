# Two commands for a fresh machine: `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := run

# Python 3.12 or newer: on PATH or installed through pyenv (3.12 first: what CI and the team use).
PYTHON ?= $(shell for p in python3.12 $$HOME/.pyenv/versions/3.12*/bin/python3 python3.13 \
            $$HOME/.pyenv/versions/3.13*/bin/python3 python3; do \
            command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 \
            && { command -v $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTEST_ARGS ?=
# Debian packages: Chromium for browser tests, CJK fonts and Pango for PDFs, poppler for PDF checks.
APT_PACKAGES := chromium fonts-wqy-microhei fonts-noto-cjk poppler-utils libpango-1.0-0 libpangoft2-1.0-0

.PHONY: run test lint pytest system-deps demo worker clean

$(VENV)/bin/python:
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed (python3.12 on PATH, or pyenv)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.app: $(VENV)/bin/python requirements.txt
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.app requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Debian packages for browser tests and PDFs with Chinese text, when we are root and apt exists.
system-deps:
	@if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	  if [ -n "$$missing" ]; then \
	    echo "Installing" $$missing; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  fi; \
	else echo "Not root or no apt: install $(APT_PACKAGES) yourself for browser and PDF tests."; fi

# Migrate and load the demo consortium (idempotent: a second load adds and changes nothing).
demo: $(VENV)/.app
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo

# The web server and one task worker (all queues). Ctrl-C stops both: the worker gets SIGTERM,
# then SIGKILL if it is still busy after ten seconds.
run: demo
	@echo "Serving http://127.0.0.1:$(PORT)/ with one task worker. Ctrl-C stops both."
	@$(PY) manage.py db_worker --queue-name "*" --no-reload & worker=$$!; \
	stop() { \
	  trap - EXIT INT TERM; \
	  if kill -0 $$worker 2>/dev/null; then \
	    kill -TERM $$worker 2>/dev/null; \
	    for _ in $$(seq 100); do kill -0 $$worker 2>/dev/null || break; sleep 0.1; done; \
	    kill -KILL $$worker 2>/dev/null; \
	  fi; \
	  echo "Stopped the web server and the task worker."; \
	}; \
	trap stop EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# One more worker, e.g. on another machine against the same PostgreSQL (see README.md).
worker: $(VENV)/.app
	$(PY) manage.py db_worker --queue-name "*" --no-reload

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run

pytest: $(VENV)/.dev
	$(PY) -m pytest $(PYTEST_ARGS)

test: system-deps $(VENV)/.dev lint pytest

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles
