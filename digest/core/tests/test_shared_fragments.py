"""`{% shared %}`: a fragment rendered once per run when the request carries a `fragments`
dict (the static export), and every time on the live site."""

from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

TEMPLATE = Template(
    '{% load digest_tags %}{% shared "item" key %}{{ key }}:{{ shown }}{% endshared %}'
)


def render(request, **context):
    return TEMPLATE.render(Context({"request": request, **context}))


def test_without_fragments_it_is_rendered_every_time():
    request = RequestFactory().get("/")
    assert render(request, key=1, shown="a") == "1:a"
    assert render(request, key=1, shown="b") == "1:b"


def test_with_fragments_the_first_rendering_of_each_key_and_language_is_reused():
    request = RequestFactory().get("/")
    request.fragments = {}
    assert render(request, key=1, shown="a") == "1:a"
    assert render(request, key=1, shown="b") == "1:a"  # what the keys leave out is not seen
    assert render(request, key=2, shown="b") == "2:b"
    with translation.override("fr"):
        assert render(request, key=1, shown="c") == "1:c"
    assert len(request.fragments) == 3


HOLES = Template(
    '{% load digest_tags %}{% shared "tools" %}<b>{{ label }}</b>'
    "{% unshared %}{{ id }}{% endunshared %}/{% unshared %}{{ title }}{% endunshared %}"
    "{% endshared %}"
)


def test_unshared_parts_are_rendered_on_every_page_around_the_kept_text():
    request = RequestFactory().get("/")
    request.fragments = {}
    first = HOLES.render(Context({"request": request, "label": "L", "id": 1, "title": "a&b"}))
    again = HOLES.render(Context({"request": request, "label": "X", "id": 2, "title": "c"}))
    assert first == "<b>L</b>1/a&amp;b"
    assert again == "<b>L</b>2/c"  # the shared text is the first page's, the holes this one's
    request = RequestFactory().get("/")  # live: everything rendered every time
    assert HOLES.render(Context({"request": request, "label": "X", "id": 2, "title": "c"})) == (
        "<b>X</b>2/c"
    )


class Item:
    def __init__(self, pk, title):
        self.pk, self.title = pk, title


EACH = Template(
    '{% load digest_tags %}{% shared_each "line" items as item %}'
    "<li>{{ item.title }}{{ suffix }}</li>{% endshared_each %}"
)


def test_shared_each_is_a_loop_whose_lines_are_kept_by_item():
    items = [Item(1, "one"), Item(2, "two")]
    live = RequestFactory().get("/")
    context = {"request": live, "items": items, "suffix": "!"}
    assert EACH.render(Context(context)) == "<li>one!</li><li>two!</li>"
    request = RequestFactory().get("/")
    request.fragments = {}
    assert EACH.render(Context({**context, "request": request})) == "<li>one!</li><li>two!</li>"
    later = [Item(2, "changed"), Item(3, "three")]
    assert EACH.render(Context({"request": request, "items": later, "suffix": "?"})) == (
        "<li>two!</li><li>three?</li>"  # item 2 as first kept, item 3 rendered now
    )
    assert EACH.render(Context({"request": request, "items": None})) == ""


KEYED = Template(
    '{% load digest_tags %}{% shared_each "card" items as item level %}'
    "<h{{ level }}>{{ item.title }}</h{{ level }}>{% endshared_each %}"
)


def test_shared_each_keys_its_lines_on_the_keys_given_too():
    request = RequestFactory().get("/")
    request.fragments = {}
    items = [Item(1, "one")]
    assert KEYED.render(Context({"request": request, "items": items, "level": 2})) == "<h2>one</h2>"
    assert KEYED.render(Context({"request": request, "items": items, "level": 3})) == "<h3>one</h3>"
    renamed = [Item(1, "changed")]
    assert KEYED.render(Context({"request": request, "items": renamed, "level": 2})) == (
        "<h2>one</h2>"  # kept for item 1 at level 2
    )


NAV = Template("{% load digest_tags %}{% nav_current as current %}[{{ current }}]")


def test_nav_current_names_the_header_link_at_the_request_path():
    assert NAV.render(Context({"request": RequestFactory().get("/")})) == "[home]"
    assert NAV.render(Context({"request": RequestFactory().get("/archive/")})) == "[archive]"
    assert NAV.render(Context({"request": RequestFactory().get("/topics/")})) == "[topics]"
    assert NAV.render(Context({"request": RequestFactory().get("/2020/01/x/")})) == "[]"
    request = RequestFactory().get("/search/")
    request.fragments = {}
    assert NAV.render(Context({"request": request})) == "[search]"
    with translation.override("fr"):
        request = RequestFactory().get("/fr/search/")
        request.fragments = {}
        assert NAV.render(Context({"request": request})) == "[search]"
