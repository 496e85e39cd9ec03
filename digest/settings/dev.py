"""Local development: debug on, e-mail to the console, SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405

# Static files are served by WhiteNoise, as in production (with the finders, so no
# collectstatic), not by runserver's own handler, which answered /static/../x with a 500.
INSTALLED_APPS.insert(  # noqa: F405
    INSTALLED_APPS.index("django.contrib.staticfiles"),  # noqa: F405
    "whitenoise.runserver_nostatic",
)
# A form body Django refuses (400) must not become a 500 on the debug page (digest/core/debug.py).
MIDDLEWARE.insert(0, "digest.core.debug.RefuseUndecodableForms")  # noqa: F405
