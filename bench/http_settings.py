"""Production settings for bench_http: the site's addresses plus the bench's bare views."""

from digest.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.pages_urls"
