"""Template helpers: page addresses that stay in the reader's language."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, page):
    """The page's address in the current language.

    Wagtail reverses `wagtail_serve`, which sits in i18n_patterns, so the address already
    carries the active language's prefix; passing the request reuses its cached site paths.
    """
    url = page.get_url(request=context.get("request")) if page else None
    return url or ""


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
