# Werkpostwijzer: `make run` serves a seeded demo site, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
TEST_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/postgres
CHROMIUM ?= /usr/bin/chromium
AXE := .cache/npm/node_modules/axe-core/axe.min.js
HTMLCS := .cache/npm/node_modules/html_codesniffer/build/HTMLCS.js
export WPW_INSTANCE ?= $(CURDIR)/instance

.PHONY: run test lint-imports test-sqlite test-postgres install translations bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# The editable install compiles the catalogs once (hatch_build.py); a changed .po after that
# is compiled here, so that `make install` always leaves an English site.
CATALOGS := $(BIN)/python -c "from web.infra.catalogs import compile_catalogs as c; print(f'compiled {c()} catalog(s)')"
install: $(VENV)/.installed
	@$(CATALOGS)

translations: install
	$(CATALOGS)

run: install translations
	$(FLASK) db upgrade heads
	$(FLASK) seed demo --if-empty
	@echo ""
	@echo "  Werkpostwijzer draait op  http://127.0.0.1:5000"
	@echo "  (demo-aanmeldingen staan hierboven; stoppen met Ctrl+C)"
	@echo ""
	$(FLASK) run --host 127.0.0.1 --port 5000

# The browser tests' two accessibility engines (tests/browser/conftest.py, htmlcs.py).
$(AXE) $(HTMLCS):
	npm install --silent --no-audit --no-fund --prefix .cache/npm axe-core@4.10 html_codesniffer@2.5.1 >/dev/null

test: install translations
	$(MAKE) --no-print-directory lint-imports
	@if [ -x "$(CHROMIUM)" ]; then $(MAKE) --no-print-directory $(AXE) $(HTMLCS); fi
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

lint-imports:
	@echo "== import contracts (pyproject.toml [tool.importlinter]) =="
	$(BIN)/lint-imports

test-sqlite:
	@echo "== tests on SQLite =="
	env -u TEST_DATABASE_URL $(BIN)/pytest -q -p no:cacheprovider

test-postgres:
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect(sys.argv[1], connect_timeout=3).close()" "$(TEST_DATABASE_URL)" 2>/dev/null; then \
		echo "== database tests on PostgreSQL =="; \
		TEST_DATABASE_URL="$(TEST_DATABASE_URL)" $(BIN)/pytest -q -p no:cacheprovider -m db; \
	elif [ -n "$$CI" ]; then \
		echo "PostgreSQL at $(TEST_DATABASE_URL) is unreachable; CI requires it" >&2; exit 1; \
	else \
		echo "== PostgreSQL not reachable at $(TEST_DATABASE_URL): database tests on PostgreSQL skipped =="; \
	fi

bench: install
	$(BIN)/python bench/bench_matcher.py

clean:
	rm -rf $(VENV) .cache instance

include audit/audit.mk
