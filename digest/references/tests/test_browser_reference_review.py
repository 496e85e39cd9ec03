"""The editor pastes a reference in chromium: the style is named, the fields fill in, and the
ones the parser was unsure of are outlined until the editor changes them."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from digest.core.tests.factories import make_summary

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PUBMED = (
    "Swift JK, Greenberg RP. Premature discontinuation in adult psychotherapy: a meta-analysis. "
    "J Consult Clin Psychol. 2012;80(4):547-559."
)
UNSURE = "Smith, J. (2019). Something about therapy, a publisher somewhere"


def log_in(page):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    page.goto(reverse("wagtailadmin_login"))
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "pw")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/**")


def paste(page, index, text):
    box = page.locator(f"#id_references-{index}-raw")
    box.fill(text)
    box.dispatch_event("change")
    note = page.locator(f"#id_references-{index}-raw ~ .reference-parse-note")
    note.filter(has_text="Fields read").wait_for()
    return note


def test_pasting_names_the_style_fills_fields_and_outlines_the_unsure_ones(open_page):
    summary = make_summary(references=[])
    page = open_page()
    log_in(page)
    page.goto(reverse("wagtailadmin_pages:edit", args=[summary.pk]))
    page.click("#id_references-ADD")
    note = paste(page, 0, PUBMED)
    assert "Recognised as NLM/Vancouver (PubMed, AMA)." in note.inner_text()
    assert page.input_value("#id_references-0-volume") == "80"
    assert page.input_value("#id_references-0-container_title") == (
        "Journal of Consulting and Clinical Psychology"
    )
    assert page.locator("#id_references-0-title.reference-check").count() == 0

    page.click("#id_references-ADD")
    paste(page, 1, UNSURE)
    title = page.locator("#id_references-1-title")
    assert "reference-check" in (title.get_attribute("class") or "")
    assert title.get_attribute("aria-description")
    title.fill("Something about therapy")
    assert "reference-check" not in (title.get_attribute("class") or "")
