# Two commands for a fresh machine: `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := run

# Python 3.12 or newer: on PATH, or installed through pyenv.
PYTHON ?= $(shell for p in python3.13 python3.12 $$HOME/.pyenv/versions/3.13*/bin/python3 $$HOME/.pyenv/versions/3.12*/bin/python3; do \
            command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
APT_PACKAGES := chromium fonts-wqy-microhei fonts-noto-cjk poppler-utils libpango-1.0-0 libpangoft2-1.0-0

.PHONY: run test lint system-deps demo worker clean

$(VENV)/bin/python:
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed (python3.12 on PATH or pyenv)."; exit 1; }
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
	    echo "Installing $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  fi; \
	else echo "Not root or no apt: install $(APT_PACKAGES) yourself for browser and PDF tests."; fi

demo: $(VENV)/.app
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo

# The web server and one task worker; Ctrl-C stops both.
run: demo
	@trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py db_worker --queue-name "*" & worker=$$!; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

worker: $(VENV)/.app
	$(PY) manage.py db_worker --queue-name "*"

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run

test: system-deps $(VENV)/.dev lint
	$(PY) -m pytest

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles
