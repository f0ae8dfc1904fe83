# careerlens: two commands do all the set-up.
#   make demo   install everything, prepare the demo database under var/ and serve http://127.0.0.1:8000
#   make test   install everything and run the whole suite (ruff, migrations, import contracts, pytest on
#               SQLite and on a throw-away PostgreSQL cluster, browser tests in Chromium)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install demo serve test lint messages clean

install: $(VENV)/.installed build/static/.vendored src/careerlens/locale/fr/LC_MESSAGES/django.mo

$(VENV)/.installed: requirements/lock.txt pyproject.toml
	scripts/install-system-packages.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-warn-script-location --require-hashes --no-deps -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

build/static/.vendored: node_modules/.installed scripts/vendor-assets.sh
	scripts/vendor-assets.sh
	touch $@

src/careerlens/locale/fr/LC_MESSAGES/django.mo: $(VENV)/.installed $(shell find src/careerlens -name django.po)
	cd src/careerlens && DEBUG=true ../../$(BIN)/careerlens compilemessages -v 0
	touch $@

demo: install
	DEBUG=true $(BIN)/careerlens demo --host $(HOST) --port $(PORT)

test: install
	scripts/run-tests.sh

messages: $(VENV)/.installed
	scripts/makemessages.sh

clean:
	rm -rf $(VENV) node_modules build var
