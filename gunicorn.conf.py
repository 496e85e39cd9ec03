"""Gunicorn's settings in production: `gunicorn digest.wsgi` reads this file from the working
directory (docs/deploy.md).

Django and Wagtail are imported once in the master process (`preload_app`), and everything
loaded by then is moved out of the garbage collector's sight before the workers fork
(`gc.freeze()`, as the Python documentation recommends for pre-fork servers). Without this a
full collection walks every object of Django, Wagtail and the app: a pause of about 100 ms that
showed up as the slowest search in docs/benchmarks.md. It also keeps the shared pages shared,
so each worker costs less memory.
"""

import gc
import os

bind = os.environ.get("BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
preload_app = True
accesslog = "-"


def on_starting(server):
    gc.disable()  # no collection while the app loads: nothing it creates is garbage yet


def pre_fork(server, worker):
    gc.freeze()


def post_fork(server, worker):
    gc.enable()
