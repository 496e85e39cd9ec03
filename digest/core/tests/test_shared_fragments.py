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
