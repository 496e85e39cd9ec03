"""Settings shared by every environment; each value an operator may change comes from the
environment (see README "Configuration")."""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="insecure-development-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "digest.core",
    "digest.taxonomy",
    "digest.home",
    "digest.issues",
    "digest.summaries",
    "digest.references",
    "digest.evidence",
    "digest.search",
    "digest.api",
    "digest.newsletter",
    "digest.legacy",
    "digest.reading",
    "digest.snapshot",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django_ratelimit",  # for its system checks: the cache behind rate limits must be atomic
    "axes",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Outermost, so a page served from the page cache gets its CORS headers too.
    "corsheaders.middleware.CorsMiddleware",
    "digest.core.pagecache.PageCacheMiddleware",  # first: a stored page skips everything below
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "digest.core.middleware.PublicCacheMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.common.CommonMiddleware",
    "digest.core.sites.CurrentSiteMiddleware",  # after CommonMiddleware has checked the host
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

# The open data API (and only it: not its docs page at /api/) may be read from any site's
# scripts, without credentials; it accepts nothing but reads (django-cors-headers).
CORS_URLS_REGEX = r"^/api/.+"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["If-None-Match", "Accept"]
CORS_EXPOSE_HEADERS = ["ETag"]
CORS_PREFLIGHT_MAX_AGE = 86400

ROOT_URLCONF = "digest.urls"
WSGI_APPLICATION = "digest.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "digest" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "digest.core.context_processors.site",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web process and the db_worker share the file: write-ahead logging lets readers and
    # the writer proceed together, and commits need no fsync each (a killed process loses
    # nothing committed; only a power cut may lose the last few commits).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Without CACHE_URL, a file cache every process of this checkout shares (the web server's
# workers, the db_worker that publishes scheduled pages): rate limits and the search facet
# index's change stamp must be seen by all of them. Redis (CACHE_URL=rediscache://…) is the
# production choice for several machines.
CACHES = {
    "default": env.cache(
        "CACHE_URL", default=f"filecache://{env('CACHE_DIR', default=str(BASE_DIR / '.cache'))}"
    )
}
# Rate limits need a cache every process shares whose increment is atomic (django-ratelimit's
# check E003): Redis or memcached when CACHE_URL names one, else counters in the database
# (digest/core/ratelimit_cache.py), never the file cache.
SILENCED_SYSTEM_CHECKS = []
ATOMIC_CACHE_BACKENDS = ("django_redis.cache.RedisCache", "django.core.cache.backends.memcached.")
if CACHES["default"]["BACKEND"].startswith(ATOMIC_CACHE_BACKENDS):
    CACHES["ratelimit"] = CACHES["default"]
else:
    CACHES["ratelimit"] = {"BACKEND": "digest.core.ratelimit_cache.DatabaseCounterCache"}
    # "Not officially supported" only: its atomicity is tested in digest/core/tests.
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.W001")
RATELIMIT_USE_CACHE = "ratelimit"
# Behind a proxy that terminates TLS, list it here (addresses or networks, e.g.
# TRUSTED_PROXIES=127.0.0.1,::1): X-Forwarded-For is believed only through these proxies, for
# rate limits, login lockouts and consent records (digest/core/clients.py).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
RATELIMIT_IP_META_KEY = "digest.core.clients.client_ip"
# Generous limits per client on the expensive public reads (digest/core/ratelimits.py): a
# person never meets them; a script that floods them gets 429 with Retry-After.
CLIENT_RATE_LIMITS = {
    "search": env("SEARCH_RATE_PER_CLIENT", default="120/m"),
    "suggest": env("SUGGEST_RATE_PER_CLIENT", default="600/m"),
    "api": env("API_RATE_PER_CLIENT", default="300/m"),
}

# Admin logins: after AXES_FAILURE_LIMIT failures a user name is locked out, and so is the
# address that made them (separately: guessing many names from one address, or one name from
# many addresses, both stop), for AXES_COOLOFF_HOURS. An operator unlocks at once with
# `manage.py axes_reset_username NAME`, `axes_reset_ip ADDRESS` or `axes_reset` (everyone).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "digest.core.clients.client_ip"
AXES_LOCKOUT_TEMPLATE = "core/login_locked.html"

# The page cache (digest/core/pagecache.py) keeps its copies apart from the default cache, so
# pages never crowd out rate limits or stamps. Default: files beside the default cache, at most
# MAX_ENTRIES copies (the backend culls beyond that). PAGE_CACHE_URL may be any Django cache.
CACHES["pages"] = env.cache(
    "PAGE_CACHE_URL",
    default=f"filecache://{env('CACHE_DIR', default=str(BASE_DIR / '.cache'))}/pages",
)
CACHES["pages"].setdefault("OPTIONS", {}).setdefault(
    "MAX_ENTRIES", env.int("PAGE_CACHE_MAX_ENTRIES", default=20_000)
)
PAGE_CACHE_ALIAS = "pages"
# How long a stored page lives (0 turns the page cache off); a publish replaces it at once.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=3600)
# Searches and filtered lists (any query string) and 404s are kept briefly.
PAGE_CACHE_QUERY_SECONDS = env.int("PAGE_CACHE_QUERY_SECONDS", default=60)
PAGE_CACHE_ERROR_SECONDS = env.int("PAGE_CACHE_ERROR_SECONDS", default=5)
PAGE_CACHE_EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/")

# A proxy cache or CDN in front (deploy/nginx/digest.conf, docs/deploy.md): Wagtail purges a
# page's addresses, and digest/core/frontend_cache.py the lists showing it, on publish.
if env("FRONTEND_CACHE_URL", default=""):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("FRONTEND_CACHE_URL"),
        }
    }

# A static snapshot kept current (digest/snapshot/tasks.py, docs/deploy.md): when set, each
# publish, unpublish, move or deletion of a page, or change of a topic or type, queues one
# incremental `export_static` into this folder, run by the db_worker. Off when empty.
SNAPSHOT_DIR = env("SNAPSHOT_DIR", default="")
SNAPSHOT_SEARCH = env.bool("SNAPSHOT_SEARCH", default=True)  # keep its Pagefind index current
SNAPSHOT_LANGUAGES = env.list("SNAPSHOT_LANGUAGES", default=[])  # default: LANGUAGE_CODE only
SNAPSHOT_FORMS = env("SNAPSHOT_FORMS", default="live")  # or "hide"
SNAPSHOT_JOBS = env.int("SNAPSHOT_JOBS", default=1)  # processes for a full run

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The interface is bilingual; summaries themselves are written in English only.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "digest" / "locale"]
USE_I18N = True
TIME_ZONE = env("TIME_ZONE", default="America/Toronto")
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT", default=str(BASE_DIR / "static"))
# The site's one stylesheet lives at project level, not in an app, so it must be listed here.
STATICFILES_DIRS = [BASE_DIR / "digest" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Anonymous reader pages are public and cacheable for this many seconds (CDN and browser).
PUBLIC_CACHE_SECONDS = env.int("PUBLIC_CACHE_SECONDS", default=300)

EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.smtp.EmailBackend"
    if env("EMAIL_HOST", default="")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Practice Digest <digest@example.org>")

# Every newsletter e-mail names its sender and a postal address (Canada's anti-spam law).
NEWSLETTER_SENDER_NAME = env("NEWSLETTER_SENDER_NAME", default="Practice Digest")
NEWSLETTER_POSTAL_ADDRESS = env("NEWSLETTER_POSTAL_ADDRESS", default="")

# Wagtail's own background work (reference index, image renditions) runs inline; e-mail
# delivery and other slow work go to the database queue served by `manage.py db_worker`.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {
        "BACKEND": env("BACKGROUND_TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default", "newsletter", "snapshot"],
    },
}

WAGTAIL_SITE_NAME = env("SITE_NAME", default="Practice Digest")
WAGTAILADMIN_BASE_URL = env("BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend with stemming and field weights (digest/search/backend.py);
        # e.g. wagtail.search.backends.elasticsearch8 or .opensearch2 with SEARCH_URLS.
        "BACKEND": env("SEARCH_BACKEND", default="digest.search.backend"),
        **(
            {"URLS": env.list("SEARCH_URLS"), "INDEX": env("SEARCH_INDEX", default="digest")}
            if env("SEARCH_URLS", default="")
            else {}
        ),
    }
}
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h3", "h4", "bold", "italic", "ol", "ul", "link", "blockquote"]},
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "pdf", "txt", "xlsx"]
# The admin calls no outside service (nor breaks under the CSP): no Gravatar avatars, no
# Wagtail release check from the dashboard.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# The demo admin account that `make run` creates; never used in production settings.
DEMO_ADMIN_USERNAME = "editor"

# Content-Security-Policy: everything from our own origin; no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    },
    # Wagtail's admin needs inline styles and scripts; the policy applies to reader pages.
    # (django-csp 4 reads this key only here, not from a CSP_… or …_EXCLUDE_… setting.)
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# Pasting a DOI alone in the admin may fill the reference from Crossref: off by default (no
# network call is ever needed), and any failure leaves the fields for the editor to fill.
REFERENCES_DOI_LOOKUP = env.bool("REFERENCES_DOI_LOOKUP", default=False)
