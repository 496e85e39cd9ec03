"""Purging a proxy cache or CDN (`WAGTAILFRONTENDCACHE`) when readers' pages change.

Wagtail's own handler purges the published page's address, at once. A summary also appears on
its issue, the home page, the archive, the feeds and its topics' and types' pages, in both
languages: those are purged too, and only once the change is committed, so that the refetch a
purge can cause (the shipped nginx config refetches) never reads the old rows.
"""

import logging
from functools import partial

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation

logger = logging.getLogger(__name__)

LISTS = ("archive", "feed_rss", "feed_atom", "topic_list")
TERM_PAGES = {
    "topics": ("topic_detail", "topic_implications"),
    "research_types": ("type_detail",),
}


def addresses(page):
    """Every absolute address, in every language, whose content depends on `page`."""
    page = page.specific
    site = page.get_site()
    if site is None:
        return []
    root = site.root_url
    pages = [page, *page.get_ancestors().filter(depth__gte=2).live().specific()]
    urls = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            urls.update(p.full_url for p in pages if p.full_url)
            names = [(name, ()) for name in LISTS]
            for field, url_names in TERM_PAGES.items():
                for term in getattr(page, field).all() if hasattr(page, field) else ():
                    names += [(name, (term.slug,)) for name in url_names]
            for name, args in names:
                try:
                    urls.add(root + reverse(name, args=args))
                except NoReverseMatch:
                    logger.warning("No address named %s to purge", name)
    return sorted(urls)


def purge_later(instance, **kwargs):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    transaction.on_commit(partial(purge_urls_from_cache, addresses(instance)))


def connect_signals():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(purge_later, dispatch_uid=f"frontend-cache-{id(signal)}")
