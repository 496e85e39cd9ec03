"""Template helpers: page addresses that stay in the reader's language."""

from django import template

from digest.core.urls import localize_path

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, page):
    """The page's address in the current language (Wagtail's own URLs carry no prefix)."""
    request = context.get("request")
    url = page.get_url(request=request) if page else ""
    return localize_path(url) if url else ""


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (None removes one)."""
    request = context["request"]
    params = request.GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def facet_without(facets, term):
    """The archive query string with `term` removed from the filters."""
    return facets.without(term)
