"""Template helpers: page addresses that stay in the reader's language, query strings with a
parameter changed, line breaks after slashes in facet names, short citations, and fragments
rendered once for the many pages of one run."""

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, page):
    """The page's address in the current language.

    Wagtail reverses `wagtail_serve`, which sits in i18n_patterns, so the address already
    carries the active language's prefix; passing the request reuses its cached site paths.
    A run of many pages (the static export) works out each page's address once: a summary
    is linked from its siblings, from related summaries and from lists.
    """
    if not page:
        return ""
    return page_address(context.get("request"), page)


def page_address(request, page):
    """`{% page_url %}` for template tags: a summary page shows its own address three times
    (its JSON-LD, its citation exports, the CPD form), and lists show it again."""
    fragments = getattr(request, "fragments", None)
    if fragments is None or page.pk is None:
        return page.get_url(request=request) or ""
    key = (get_language(), "page_url", page.pk)
    url = fragments.get(key)
    if url is None:
        url = fragments[key] = page.get_url(request=request) or ""
    return url


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


@register.filter
def breakable(name):
    """`name` escaped, with a line-break opportunity after each slash: in the narrow facet
    column "Medications/Pharmacotherapy" otherwise breaks inside a word."""
    return mark_safe(escape(name).replace("/", "/<wbr>"))  # noqa: S308 (escaped first)


@register.filter
def short_citations(summary):
    """The summary's studies as APA 7 parenthetical citations: "(Eubanks et al., 2018)"."""
    citations = [_short_citation(reference) for reference in summary.references.all()]
    citations = [c for c in citations if c]
    return f"({'; '.join(citations)})" if citations else ""


def _short_citation(reference):
    names = [a.get("family") or a.get("literal") or "" for a in reference.authors or ()]
    names = [name for name in names if name]
    if len(names) > 2:
        who = f"{names[0]} et al."
    elif names:
        who = " & ".join(names)
    else:
        who = " ".join(reference.title.split()[:6])
    if not who:
        return ""
    # An advance online publication has its year; only a work in press has none yet.
    if reference.status.lower() == "in press" or not reference.year:
        when = reference.status.lower() or "n.d."
    else:
        when = str(reference.year)
    return f"{who}, {when}"


@register.tag
def shared(parser, token):
    """`{% shared "name" key… %}…{% endshared %}`: a fragment that is the same wherever the
    name, the keys and the language are. A run that renders many pages (the static export)
    gives its requests a `fragments` dict, and each fragment is rendered once per run; on the
    live site the request has none and the fragment is rendered every time. The keys must
    name everything the fragment shows that can differ from one place to another, apart from
    its `{% unshared %}…{% endunshared %}` parts: those are rendered on every page, in the
    page's context (they must not depend on anything set inside the fragment, nor sit in a
    condition or loop of it)."""
    keys = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endshared",))
    parser.delete_first_token()
    return SharedNode(nodelist, keys)


def _fragments(context):
    return getattr(context.get("request"), "fragments", None)


# While a fragment with holes is first rendered, each `{% unshared %}` part leaves a marker
# where its page's text goes; the fragment is kept as the text between the markers.
HOLES = "_shared_holes"
MARK = "\x00shared-hole\x00"


class SharedNode(template.Node):
    def __init__(self, nodelist, keys):
        self.nodelist = nodelist
        self.keys = keys

    def render(self, context):
        fragments = _fragments(context)
        if fragments is None:
            return self.nodelist.render(context)
        key = (get_language(), *(key.resolve(context) for key in self.keys))
        kept = fragments.get(key)
        if kept is None:
            holes = []
            with context.push({HOLES: holes}):
                text = self.nodelist.render(context)
            kept = fragments[key] = (text.split(MARK), holes) if holes else text
        if type(kept) is not tuple:
            return kept
        parts, holes = kept
        out = [parts[0]]
        for hole, part in zip(holes, parts[1:], strict=True):
            out.append(hole.nodelist.render(context))
            out.append(part)
        return mark_safe("".join(out))  # noqa: S308 (the parts are rendered template output)


@register.tag
def unshared(parser, token):
    """`{% unshared %}…{% endunshared %}` inside `{% shared %}`: a part that differs from one
    page to the next (an id, a headline), rendered on every page."""
    nodelist = parser.parse(("endunshared",))
    parser.delete_first_token()
    return UnsharedNode(nodelist)


class UnsharedNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        holes = context.get(HOLES)
        if holes is None:
            return self.nodelist.render(context)
        holes.append(self)
        return MARK


@register.tag
def shared_each(parser, token):
    """`{% shared_each "name" items as item key… %}…{% endshared_each %}`: as a `{% for %}`
    whose body is `{% shared "name" item.pk key… %}`, but looped in Python: a page listing
    sixty summaries (an issue's other summaries, its cards) joins sixty kept strings. The body
    must depend on nothing but the item, the keys and the language (it is rendered without
    `forloop`)."""
    bits = token.split_contents()
    if len(bits) < 5 or bits[3] != "as":
        raise template.TemplateSyntaxError(
            'usage: {% shared_each "name" items as item key… %}…{% endshared_each %}'
        )
    nodelist = parser.parse(("endshared_each",))
    parser.delete_first_token()
    keys = [parser.compile_filter(bit) for bit in bits[5:]]
    return SharedEachNode(
        nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]), bits[4], keys
    )


class SharedEachNode(template.Node):
    def __init__(self, nodelist, name, items, variable, keys=()):
        self.nodelist = nodelist
        self.name = name
        self.items = items
        self.variable = variable
        self.keys = keys

    def render(self, context):
        items = self.items.resolve(context, ignore_failures=True) or ()
        fragments = _fragments(context)
        out = []
        if fragments is None:
            for item in items:
                with context.push({self.variable: item}):
                    out.append(self.nodelist.render(context))
            return mark_safe("".join(out))  # noqa: S308 (rendered template output)
        language, name = get_language(), self.name.resolve(context)
        keys = tuple(key.resolve(context) for key in self.keys)
        for item in items:
            key = (language, name, item.pk, *keys)
            text = fragments.get(key)
            if text is None:
                with context.push({self.variable: item}):
                    text = fragments[key] = self.nodelist.render(context)
            out.append(text)
        return mark_safe("".join(out))  # noqa: S308 (rendered template output)


# The header's links, in the order they are shown: the one at the request's path is marked
# as the current page.
NAV = (("home", "wagtail_serve", ("",)), ("archive", "archive", ()), ("topics", "topic_list", ()))
NAV += (("search", "search", ()),)


@register.simple_tag(takes_context=True)
def nav_current(context):
    """Which of the header's links is the page itself ("home", "archive", "topics",
    "search"), or "": the header is then the same on every page that shares the answer.
    A run of many pages reverses the addresses once per language."""
    request = context.get("request")
    path = getattr(request, "path", None)
    fragments = _fragments(context)
    key = (get_language(), "nav addresses")
    addresses = fragments.get(key) if fragments is not None else None
    if addresses is None:
        addresses = [(name, reverse(view, args=args)) for name, view, args in NAV]
        if fragments is not None:
            fragments[key] = addresses
    return next((name for name, address in addresses if address == path), "")
