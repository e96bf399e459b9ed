# Crescendo: the two commands a newcomer needs are `make run` and `make test`.
SWIFT ?= swift
BIN = .build/debug/crescendo
RELEASE_BIN = .build/release/crescendo

.PHONY: deps build run test check-examples bench release browser-check clean

deps:
	@scripts/deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: build
	@scripts/run.sh $(BIN)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-swift-testing
	@$(MAKE) --no-print-directory check-examples

# Every bundled campaign, rule library and rule test must check and pass.
check-examples:
	$(BIN) check campaigns/*.yaml rules/*.yaml
	$(BIN) test $$(find campaigns rules -name '*.test.yaml' | sort)

bench: release
	@python3 scripts/bench.py $(RELEASE_BIN)

# Renders the home page and a chart page with headless Chromium into docs/screenshots/.
browser-check: build
	@scripts/browser-check.sh $(BIN)

clean:
	rm -rf .build
