"""Reference URLs: only http and https, checked when an editor saves and again at rendering."""

import pytest
from django.core.exceptions import ValidationError

from digest.core.tests.factories import make_issue, make_summary
from digest.references.formatting import format_reference, safe_url
from digest.references.models import Reference

ITEM = {
    "type": "webpage",
    "title": "Guidelines for supervision",
    "author": [{"literal": "American Psychological Association"}],
    "issued": {"date-parts": [[2014]]},
}


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "ftp://example.org/file.pdf",
        "//evil.example.com/",
        "https://exa mple.org/",
    ],
)
def test_only_web_addresses_are_safe(url):
    assert safe_url(url) == ""


def test_http_and_https_addresses_are_kept():
    assert safe_url("https://apa.org/x.pdf") == "https://apa.org/x.pdf"
    assert safe_url(" HTTP://apa.org ") == "HTTP://apa.org"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/a.pdf"])
def test_model_validation_rejects_other_schemes(url):
    reference = Reference(raw="x", title="t", url=url)
    with pytest.raises(ValidationError) as error:
        reference.clean_fields(exclude=["summary"])
    assert "url" in error.value.message_dict


def test_model_validation_accepts_https():
    Reference(raw="x", title="t", url="https://apa.org/x").clean_fields(exclude=["summary"])


def test_rendering_never_links_an_unsafe_url():
    html = format_reference({**ITEM, "URL": "javascript:alert(1)"})
    assert "javascript" not in html and "<a " not in html
    linked = format_reference({**ITEM, "URL": "https://apa.org/guidelines.pdf"})
    assert '<a href="https://apa.org/guidelines.pdf">' in linked


@pytest.mark.django_db
def test_a_stored_unsafe_url_is_not_linked_on_the_summary_page(client):
    summary = make_summary(
        make_issue("2019-03"),
        references=[{"raw": "APA (2014). Guidelines.", "title": "Guidelines", "kind": "webpage"}],
    )
    # Rows written before validation existed (or by a script) skip clean(): render-time check.
    Reference.objects.filter(summary=summary).update(url="javascript:alert(1)")
    page = client.get(summary.url).content.decode()
    assert "javascript:alert" not in page
    assert Reference.objects.get(summary=summary).to_csl().get("URL") is None
