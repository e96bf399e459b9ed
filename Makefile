# Crescendo: the two commands a newcomer needs are `make run` and `make test`.
SWIFT ?= swift
BIN = .build/debug/crescendo
RELEASE_BIN = .build/release/crescendo

.PHONY: deps build run dry-run test check-examples schema validate-html api-check kit-check app-check db-faults soak bench release browser-check clean

deps:
	@scripts/deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The daemon on the live example campaign: prints the URL and a write token; Ctrl-C stops it.
run: build
	@scripts/run-daemon.sh $(BIN)

# Checks the bundled campaigns and dry-runs the paid sick leave campaign over its sample data.
dry-run: build
	@scripts/run.sh $(BIN)

test: deps
	$(SWIFT) build --build-tests
	@# The store conformance suite runs against a throwaway PostgreSQL cluster too; never skipped here.
	scripts/pg-cluster.sh run --fsync off -- env CRESCENDO_REQUIRE_POSTGRES=1 $(SWIFT) test --skip-build --disable-swift-testing
	python3 scripts/reliability.py --bin $(BIN) --entries 300 --kills 5
	python3 scripts/db-faults.py --bin $(BIN)
	python3 scripts/validate-html.py --bin $(BIN)
	python3 scripts/api-check.py --bin $(BIN)
	python3 scripts/kit-check.py --bin $(BIN)
	python3 scripts/app-check.py --bin $(BIN)
	@$(MAKE) --no-print-directory check-examples

# Writes docs/schema/*.schema.json from the campaign language's key tables (a test fails when they differ).
schema: build
	$(BIN) schema --write docs/schema

# Every page `crescendo publish` writes and the daemon serves is valid HTML (W3C Nu validator).
validate-html: build
	python3 scripts/validate-html.py --bin $(BIN)

# schemathesis against the running daemon (docs/openapi.yaml): no 5xx, every response as documented.
api-check: build
	python3 scripts/api-check.py --bin $(BIN)

# The communications kit in a real browser: cards 1200x630, pages at phone width with axe-core,
# the poster on one page of A4 and of Letter, its QR code read back by zbarimg.
kit-check: build
	python3 scripts/kit-check.py --bin $(BIN)

# The web app in a real browser at phone width: sign-in, the record form and its receipt, the
# offline queue (3 waiting, then each recorded once), CSRF, roles, the organizer's board, invites, axe-core.
app-check: build
	python3 scripts/app-check.py --bin $(BIN)

# A PostgreSQL ledger that refuses the password, is unreachable, or stops under a running daemon and returns.
db-faults: build
	python3 scripts/db-faults.py --bin $(BIN)

# The daemon's crash test at full size: 2,000 entries, 20 kill -9s.
soak: build
	python3 scripts/reliability.py --bin $(BIN) --entries 2000 --kills 20

# Every bundled campaign, rule library and rule test must check and pass.
check-examples:
	$(BIN) check campaigns/*.yaml rules/*.yaml campaigns/scenarios/*.yaml
	$(BIN) test $$(find campaigns rules -name '*.test.yaml' | sort)
	$(BIN) simulate campaigns/paid-sick-leave.yaml $$(for s in campaigns/scenarios/*.yaml; do echo --scenario $$s; done) > /dev/null

bench: release
	@python3 scripts/bench.py $(RELEASE_BIN)

# Renders the home page, a chart page, cards, a poster, a guide and a story with headless
# Chromium into docs/screenshots/.
browser-check: build
	@scripts/browser-check.sh $(BIN)
	python3 scripts/kit-check.py --bin $(BIN) --screenshots docs/screenshots

clean:
	rm -rf .build
