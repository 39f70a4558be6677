# One command to run the site, one to run the tests. Everything installs into .venv.
#   make serve   -> preview at http://127.0.0.1:8000 (rebuilds when you save a file)
#   make test    -> all tests (browser tests run when Chromium is installed, HTML checks when Java is)

VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup tools serve check build test readability linkcheck-external clean

help: ## list the make targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 22

$(VENV)/.installed: requirements.txt pyproject.toml
	@echo "Setting up $(VENV)/: installing the pinned Python packages (first time, or after requirements.txt changed; about a minute)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --editable .
	touch $@

setup: $(VENV)/.installed ## install everything into .venv (the other targets do it when needed)

# The W3C HTML checker for the tests (npm's vnu-jar; runs on Java). Its install
# script would download a Java of its own, so scripts are skipped.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

tools: ## install the W3C HTML checker for the tests (needs npm)
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory node_modules/.installed; \
	  else echo "npm is not installed: the HTML validity tests will be skipped"; fi

serve: setup ## preview the site locally
	$(BIN)/mkdocs serve

check: setup ## check the content and every page's plain language, without building (fast; what editors run)
	$(BIN)/medinfo check

.PHONY: spelling review-report schema hooks

spelling: setup ## check the spelling of the words readers see (word list: content_src/spelling-words.txt)
	$(BIN)/medinfo spelling

review-report: setup ## every page's review dates, overdue first
	$(BIN)/medinfo review-report

schema: setup ## remake schemas/ for editors' tools after changing src/medinfo/content/schema.py
	$(BIN)/medinfo schema

hooks: setup ## run the checks each time you commit (pre-commit)
	$(BIN)/pre-commit install

build: setup ## build the site into site/ for SITE_URL (all or nothing: strict build + link check, then swap in)
	$(BIN)/medinfo publish --site site

readability: setup ## print every page's reading level, hardest first (builds a preview copy in .cache/)
	MEDINFO_MAKE_PDFS=0 $(BIN)/mkdocs build --quiet --site-dir .cache/readability-site
	$(BIN)/medinfo readability .cache/readability-site

test: setup tools ## run every test
	$(BIN)/python -m pytest --numprocesses auto --dist loadfile --verbose

linkcheck-external: build ## also check links to other websites (needs the internet)
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory site 8765 >/dev/null 2>&1 & \
	  server=$$!; sleep 1; \
	  $(BIN)/linkchecker --no-status --check-extern http://127.0.0.1:8765/; status=$$?; \
	  kill $$server; exit $$status

clean: ## remove the built site and .venv
	rm -rf site $(VENV)
