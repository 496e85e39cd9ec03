"""Local development: debug on, e-mail to the console, SQLite unless DATABASE_URL says otherwise."""

import os
import sys

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405


def served_address(argv, environ):
    """Where this checkout is served when BASE_URL is not set: `runserver [host:]port` when
    that is the command, else PORT (which `make run` hands to every process it starts, the
    e-mail worker included), else runserver's own default, 127.0.0.1:8000."""
    port, host = environ.get("PORT") or "8000", "127.0.0.1"
    if "runserver" in argv[1:2]:
        given = next((a for a in argv[2:] if not a.startswith("-")), "")
        if given:
            host_part, _, port_part = given.rpartition(":")
            port = port_part or port
            if host_part and host_part not in ("0", "0.0.0.0", "[::]"):  # noqa: S104
                host = host_part
    return f"http://{host}:{port}"


if not os.environ.get("BASE_URL"):
    WAGTAILADMIN_BASE_URL = served_address(sys.argv, os.environ)

# Static files are served by WhiteNoise, as in production (with the finders, so no
# collectstatic), not by runserver's own handler, which answered /static/../x with a 500.
INSTALLED_APPS.insert(  # noqa: F405
    INSTALLED_APPS.index("django.contrib.staticfiles"),  # noqa: F405
    "whitenoise.runserver_nostatic",
)
# A form body Django refuses (400) must not become a 500 on the debug page (digest/core/debug.py).
MIDDLEWARE.insert(0, "digest.core.debug.RefuseUndecodableForms")  # noqa: F405
