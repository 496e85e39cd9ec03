"""The footer's link to the About page, only while there is one to link to."""

from django import template
from django.core.cache import cache

from digest.home.models import AboutPage
from digest.summaries.facet_index import current_generation

register = template.Library()


@register.simple_tag
def about_page_slug():
    """The live About page's slug, or "" while there is none. Kept in the shared cache under
    the published content's generation stamp, which any publish, move or deletion renews: no
    query per page, and never a link to a page that is not there."""
    key = f"about-page-slug:{current_generation()}"
    slug = cache.get(key)
    if slug is None:
        page = AboutPage.objects.live().public().only("slug").first()
        slug = page.slug if page else ""
        cache.set(key, slug, 24 * 3600)
    return slug
