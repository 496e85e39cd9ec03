"""Contracts of the framework internals behind digest/core/adapters/: each test pins what an
adapter relies on, and fails naming the adapter to revisit when an upgrade changes it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from wagtail.models import Locale, Page, Site

from digest.core.adapters import django_orm, treebeard, wagtail
from digest.home.models import AboutPage

pytestmark = pytest.mark.django_db


def broken(framework, what, adapter):
    where = f"digest/core/adapters/{adapter}"
    return f"{framework} changed {what}: the adapter in {where} must be revisited"


def test_wagtail_finds_a_site_on_the_inputs_the_adapter_keys_on(monkeypatch):
    import wagtail.models.sites as sites

    asked = []
    real = sites.get_site_for_hostname

    def spy(hostname, port):
        asked.append(f"{hostname}:{port}")
        return real(hostname, port)

    monkeypatch.setattr(sites, "get_site_for_hostname", spy)
    request = RequestFactory().get("/", HTTP_HOST="not-allowed.example:8042")
    try:
        Site.find_for_request(request)
        key = wagtail.site_lookup_key(request)
    except AttributeError as exc:
        pytest.fail(broken("Wagtail or Django", f"a private name ({exc})", "wagtail.py"))
    assert asked == [key], broken(
        "Wagtail", "what Site.find_for_request matches a site on", "wagtail.py"
    )


def test_wagtail_answers_the_site_the_adapter_remembered():
    default = Site.objects.get(is_default_site=True)
    other = Site(hostname="remembered.example", port=80, root_page=default.root_page)
    request = RequestFactory().get("/")
    assert not wagtail.knows_site(request)
    wagtail.remember_site(request, other)
    assert wagtail.knows_site(request)
    assert Site.find_for_request(request) is other, broken(
        "Wagtail", "where Site.find_for_request keeps a request's site", "wagtail.py"
    )


def test_treebeard_paths_are_the_ones_add_child_gives():
    root = Page.objects.get(depth=1)
    parent = root.add_child(instance=Page(title="Parent", slug="adapter-parent"))
    children = [
        parent.add_child(instance=Page(title=f"Child {n}", slug=f"child-{n}")) for n in (1, 2, 3)
    ]
    try:
        built = [treebeard.child_path(parent, n) for n in (1, 2, 3)]
        steps = [treebeard.step_of(Page, child.path) for child in children]
    except AttributeError as exc:
        pytest.fail(broken("treebeard", f"a private name ({exc})", "treebeard.py"))
    assert built == [child.path for child in children], broken(
        "treebeard", "how MP_Node builds a child's path", "treebeard.py"
    )
    assert steps == [1, 2, 3], broken(
        "treebeard", "how MP_Node reads a path's step", "treebeard.py"
    )


def test_django_inserts_an_inherited_models_own_rows_after_its_parents():
    home = Page.objects.get(depth=2)
    row = AboutPage(
        title="About",
        draft_title="About",
        slug="about-adapter",
        path=treebeard.child_path(home, 900),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}about-adapter/",
        locale=Locale.get_default(),
        content_type=ContentType.objects.get_for_model(AboutPage),
        intro="Who we are.",
        body="<p>How articles are chosen.</p>",
    )
    base = Page(**{f.attname: getattr(row, f.attname) for f in Page._meta.concrete_fields})
    (base,) = Page.objects.bulk_create([base])
    row.id = row.page_ptr_id = base.id
    try:
        django_orm.insert_own_rows(AboutPage, [row])
    except (AttributeError, TypeError) as exc:
        pytest.fail(broken("Django", f"QuerySet._batched_insert ({exc})", "django_orm.py"))
    stored = AboutPage.objects.get(pk=base.id)
    assert (stored.title, stored.intro, stored.body) == (
        "About",
        "Who we are.",
        "<p>How articles are chosen.</p>",
    ), broken("Django", "what QuerySet._batched_insert writes", "django_orm.py")
