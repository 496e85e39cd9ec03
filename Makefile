# Practice Digest: `make run` serves the demo site, `make test` runs every test.
# Both build their own virtualenv on first use (and again whenever pyproject.toml changes).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
PORT ?= 8000
# Every process `make run` starts (server, e-mail worker) derives BASE_URL from it when unset.
export PORT
export DJANGO_SETTINGS_MODULE ?= digest.settings.dev

.PHONY: run test test-fast lint format bench browser-deps proxy-deps messages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $@

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
