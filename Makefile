# Practice Digest: `make run` serves the demo site, `make test` runs every test.
# Both build their own virtualenv on first use (and again whenever the lock file changes),
# installing the exact versions, with their hashes, of requirements-dev.lock.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
LOCK := requirements-dev.lock
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml $(LOCK) | cksum | cut -d' ' -f1)
PORT ?= 8000
# Every process `make run` starts (server, e-mail worker) derives BASE_URL from it when unset.
export PORT
export DJANGO_SETTINGS_MODULE ?= digest.settings.dev

.PHONY: run test test-fast lint format bench browser-deps proxy-deps messages lock clean

$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet --require-hashes -r $(LOCK)
	$(VENV)/bin/pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

# Resolve pyproject.toml's ranges to exact, hashed versions: requirements.lock (what a server
# installs) and requirements-dev.lock (plus tests, lint, bench). Versions already locked are
# kept while they still fit; `make lock LOCK_FLAGS=--upgrade` moves everything to the newest.
# Commit both files.
UV_COMPILE = $(VENV)/bin/uv pip compile pyproject.toml --generate-hashes --universal \
	--python-version 3.11 --quiet --no-header $(LOCK_FLAGS)
lock:
	test -x $(VENV)/bin/pip || $(PYTHON) -m venv $(VENV)
	test -x $(VENV)/bin/uv || $(VENV)/bin/pip install --quiet "uv>=0.5,<1"
	$(UV_COMPILE) -o requirements.lock
	$(UV_COMPILE) --extra dev -o requirements-dev.lock

run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_demo_admin --port $(PORT)
	@echo "Background worker (e-mail, scheduled publishing) started; serving on http://127.0.0.1:$(PORT)/"
	$(PY) manage.py db_worker --queue-name "*" --backend background & \
	  WORKER=$$!; \
	  while sleep 60; do $(PY) manage.py publish_scheduled >/dev/null; done & \
	  SCHEDULER=$$!; trap "kill $$WORKER $$SCHEDULER 2>/dev/null" EXIT INT TERM; \
	  $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Browser tests need Debian's chromium; install it when we can (root with apt), else they skip.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium could not be installed: browser tests will be skipped"; \
	fi

# The proxy-cache tests start Debian's nginx with deploy/nginx/digest.conf; else they skip.
proxy-deps:
	@if [ ! -x /usr/sbin/nginx ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null) \
	  || echo "nginx could not be installed: proxy-cache tests will be skipped"; \
	fi

test: $(STAMP) browser-deps proxy-deps
	DJANGO_SETTINGS_MODULE=digest.settings.test $(VENV)/bin/pytest -q

test-fast: $(STAMP)
	DJANGO_SETTINGS_MODULE=digest.settings.test $(VENV)/bin/pytest -q -m "not browser"

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: $(STAMP) proxy-deps
	$(PY) -m bench

messages: $(STAMP)
	cd digest && ../$(PY) ../manage.py makemessages -l fr --no-obsolete && ../$(PY) ../manage.py compilemessages

clean:
	rm -rf $(VENV) db.sqlite3 static .cache
