# The long audits (included by the Makefile: `include audit/audit.mk`).
#   make audit          sqlmap on every public parameter and form, then the load runs
#   make audit-sqlmap   sqlmap only (AUDIT_DB=sqlite|postgresql)
#   make audit-load     locust only (AUDIT_LOAD_DBS="sqlite postgresql", AUDIT_SECONDS=60)
#   make audit-hosts    two app hosts (network namespaces) behind HAProxy, PostgreSQL, Redis
#   make audit-fast     the fast audit tests (fuzzing, concurrency, crashes); CI runs them
# Everything listens on and is aimed at 127.0.0.1 only.
AUDIT_DB ?= sqlite
AUDIT_LOAD_DBS ?= sqlite postgresql
AUDIT_SECONDS ?= 60

.PHONY: audit audit-sqlmap audit-load audit-hosts audit-fast

audit: install translations
	$(MAKE) --no-print-directory audit-sqlmap
	$(MAKE) --no-print-directory audit-load
	$(MAKE) --no-print-directory audit-hosts

audit-sqlmap: install translations
	$(BIN)/python audit/sqlmap_audit.py --database $(AUDIT_DB)

audit-load: install translations
	$(BIN)/pip install --quiet -e '.[test,audit]'
	$(BIN)/python audit/load_audit.py --database $(AUDIT_LOAD_DBS) --seconds $(AUDIT_SECONDS)

audit-hosts: install translations
	$(BIN)/pip install --quiet -e '.[test,audit]'
	@command -v haproxy >/dev/null || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null)
	$(BIN)/python audit/hosts_audit.py --seconds $(AUDIT_SECONDS)

audit-fast: install translations
	$(BIN)/pytest tests/audit -q -p no:cacheprovider
