# The README's two commands:
#   make demo   set everything up and serve the handbook of the bundled demo agency
#   make test   set everything up (Chromium too, as root on Debian) and run the whole test suite
# Only Python 3.11+ is needed; the virtual environment lives in .venv/.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-test

.PHONY: demo build zensical test setup browser lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

setup: $(STAMP)

# The demo agency as the package ships it, written afresh into $(DEMO_OUT) (records, the
# project files, CODEOWNERS) and served from there: never the project's own records/, which
# may hold an agency's. No --as-of: the demo's policy dates it (demo_as_of, the day its story
# is told), so it shows the same clocks on any day; HIREBOOK_AS_OF, if set, still wins.
DEMO_OUT ?= build/demo
demo: setup
	rm -rf $(DEMO_OUT)
	$(BIN)/hirebook demo --out $(DEMO_OUT)
	cd $(DEMO_OUT) && $(abspath $(BIN))/hirebook lint
	cd $(DEMO_OUT) && NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true $(abspath $(BIN))/mkdocs serve

# The one handbook site in public/: a strict build per language, each into its part of the site,
# in the order of the hirebook plugin's `languages` in mkdocs.yml (`hirebook handbook
# --languages` reads them): the first at the root — its build cleans public/, so it goes
# first — then each other in its folder (zh-Hant/, zh-Hans/).
build: setup
	languages="$$($(BIN)/hirebook handbook --languages)" || exit 1; \
	for language in $$languages; do \
		HIREBOOK_LANGUAGE=$$language NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true \
			$(BIN)/mkdocs build --strict || exit 1; \
	done

# The same handbook built by Zensical (Material for MkDocs' successor), which runs no MkDocs
# plugin: for each language, hirebook writes the pages, the hand-written pages and the
# configuration into $(ZENSICAL_OUT)/<language>/ and Zensical builds them; the parts make one
# site in $(ZENSICAL_OUT)/public/, the first language at its root as in `make build`. Reads
# HIREBOOK_AS_OF as every command and the plugin do.
ZENSICAL_OUT ?= build/zensical
zensical: setup
	rm -rf $(ZENSICAL_OUT)/public
	languages="$$($(BIN)/hirebook handbook --languages)" || exit 1; \
	for language in $$languages; do \
		$(BIN)/hirebook handbook --zensical --out $(ZENSICAL_OUT)/$$language --language $$language \
			$${HIREBOOK_AS_OF:+--as-of "$$HIREBOOK_AS_OF"} || exit 1; \
		$(BIN)/zensical build --strict --clean -f $(ZENSICAL_OUT)/$$language/mkdocs.yml || exit 1; \
		if [ -d $(ZENSICAL_OUT)/public ]; then part=$(ZENSICAL_OUT)/public/$$language; \
		else part=$(ZENSICAL_OUT)/public; fi; \
		cp -R $(ZENSICAL_OUT)/$$language/public $$part || exit 1; \
	done

# Chromium for the browser tests; needs root (or sudo) and apt. Elsewhere the browser tests
# are skipped with the reason (CI sets HIREBOOK_REQUIRE_BROWSER so that they cannot be).
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif command -v apt-get >/dev/null && { [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null; }; then \
		bash .ci/install-browser; \
	else echo "make browser: cannot install Chromium here; the browser tests will be skipped"; fi

test: setup browser
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/ruff check tooling tests
	$(BIN)/ruff format --check tooling tests

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis public
