"""APA 7 output per kind of reference, pinned, in HTML and plain text; the model wrappers."""

import pytest

from digest.core.tests.factories import make_summary
from digest.references.formatting import format_reference, format_references
from digest.references.models import Reference
from digest.references.parsing import parse_reference

ARTICLE = (
    "Safran, J. D., Muran, J. C., & Eubanks-Carter, C. (2011). Repairing alliance ruptures. "
    "Psychotherapy, 48(1), 80–87. https://doi.org/10.1037/a0022140"
)
EXPECTED = {
    "article": (
        ARTICLE,
        "Safran, J. D., Muran, J. C., &amp; Eubanks-Carter, C. (2011). Repairing alliance "
        "ruptures. <i>Psychotherapy</i>, <i>48</i>(1), 80–87. "
        '<a href="https://doi.org/10.1037/a0022140">https://doi.org/10.1037/a0022140</a>',
        ARTICLE,
    ),
    "advance online": (
        "Zilcha-Mano, S. (2017). Is the alliance really therapeutic? American Psychologist. "
        "Advance online publication. doi:10.1037/a0040435",
        "Zilcha-Mano, S. (2017). Is the alliance really therapeutic? <i>American "
        "Psychologist</i>. Advance online publication. "
        '<a href="https://doi.org/10.1037/a0040435">https://doi.org/10.1037/a0040435</a>',
        "Zilcha-Mano, S. (2017). Is the alliance really therapeutic? American Psychologist. "
        "Advance online publication. https://doi.org/10.1037/a0040435",
    ),
    "in press": (
        "Tasca, G. A. (in press). A practice research network survey. Psychotherapy.",
        "Tasca, G. A. (in press). A practice research network survey. <i>Psychotherapy</i>.",
        "Tasca, G. A. (in press). A practice research network survey. Psychotherapy.",
    ),
    "article number": (
        "Lewis, C., Roberts, N. P., Gibson, S., & Bisson, J. I. (2020). Dropout from "
        "psychological therapies for post-traumatic stress disorder (PTSD) in adults: Systematic "
        "review and meta-analysis. European Journal of Psychotraumatology, 11(1), Article 1709709.",
        "Lewis, C., Roberts, N. P., Gibson, S., &amp; Bisson, J. I. (2020). Dropout from "
        "psychological therapies for post-traumatic stress disorder (PTSD) in adults: Systematic "
        "review and meta-analysis. <i>European Journal of Psychotraumatology</i>, <i>11</i>(1), "
        "Article 1709709.",
        "Lewis, C., Roberts, N. P., Gibson, S., & Bisson, J. I. (2020). Dropout from "
        "psychological therapies for post-traumatic stress disorder (PTSD) in adults: Systematic "
        "review and meta-analysis. European Journal of Psychotraumatology, 11(1), Article 1709709.",
    ),
    "book": (
        "Wampold, B. E., & Imel, Z. E. (2015). The great psychotherapy debate: The evidence for "
        "what makes psychotherapy work (2nd ed.). New York, NY: Routledge.",
        "Wampold, B. E., &amp; Imel, Z. E. (2015). <i>The great psychotherapy debate: The "
        "evidence for what makes psychotherapy work</i> (2nd ed.). Routledge.",
        "Wampold, B. E., & Imel, Z. E. (2015). The great psychotherapy debate: The evidence for "
        "what makes psychotherapy work (2nd ed.). Routledge.",
    ),
    "edited book": (
        "Norcross, J. C., & Lambert, M. J. (Eds.). (2019). Psychotherapy relationships that "
        "work: Volume 1. Evidence-based therapist contributions (3rd ed.). Oxford University "
        "Press.",
        "Norcross, J. C., &amp; Lambert, M. J. (Eds.). (2019). <i>Psychotherapy relationships "
        "that work: Volume 1. Evidence-based therapist contributions</i> (3rd ed.). Oxford "
        "University Press.",
        "Norcross, J. C., & Lambert, M. J. (Eds.). (2019). Psychotherapy relationships that "
        "work: Volume 1. Evidence-based therapist contributions (3rd ed.). Oxford University "
        "Press.",
    ),
    "chapter": (
        "Wampold, B. E., & Owen, J. (2021). Therapist effects: History, methods, magnitude, and "
        "characteristics of effective therapists. In M. Barkham, W. Lutz, & L. G. Castonguay "
        "(Eds.), Bergin and Garfield's handbook of psychotherapy and behavior change (7th ed., "
        "pp. 297–326). Wiley.",
        "Wampold, B. E., &amp; Owen, J. (2021). Therapist effects: History, methods, magnitude, "
        "and characteristics of effective therapists. In M. Barkham, W. Lutz, &amp; L. G. "
        "Castonguay (Eds.), <i>Bergin and Garfield's handbook of psychotherapy and behavior "
        "change</i> (7th ed., pp. 297–326). Wiley.",
        "Wampold, B. E., & Owen, J. (2021). Therapist effects: History, methods, magnitude, and "
        "characteristics of effective therapists. In M. Barkham, W. Lutz, & L. G. Castonguay "
        "(Eds.), Bergin and Garfield's handbook of psychotherapy and behavior change (7th ed., "
        "pp. 297–326). Wiley.",
    ),
    "group author": (
        "APA Presidential Task Force on Evidence-Based Practice. (2006). Evidence-based practice "
        "in psychology. American Psychologist, 61(4), 271–285.",
        "APA Presidential Task Force on Evidence-Based Practice. (2006). Evidence-based practice "
        "in psychology. <i>American Psychologist</i>, <i>61</i>(4), 271–285.",
        "APA Presidential Task Force on Evidence-Based Practice. (2006). Evidence-based practice "
        "in psychology. American Psychologist, 61(4), 271–285.",
    ),
}


@pytest.mark.parametrize("kind", EXPECTED)
def test_apa7_html_and_text_per_kind(kind):
    raw, html, text = EXPECTED[kind]
    csl = parse_reference(raw).to_csl()
    assert format_reference(csl) == html
    assert format_reference(csl, html_output=False) == text


def test_markup_in_a_title_is_escaped():
    csl = parse_reference(ARTICLE).to_csl()
    csl["title"] = "<script>alert(1)</script> & more"
    html = format_reference(csl)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_several_items_keep_the_order_given():
    later = parse_reference(ARTICLE.replace("Safran", "Zeta")).to_csl()
    earlier = parse_reference(ARTICLE.replace("Safran", "Abel")).to_csl()
    first, second = format_references([later, earlier], html_output=False)
    assert first.startswith("Zeta") and second.startswith("Abel")


def test_empty_item_formats_to_nothing():
    assert format_reference({}) == ""


@pytest.mark.django_db
def test_saving_parses_raw_into_empty_fields_and_keeps_raw():
    summary = make_summary(references=[ARTICLE + "  [a note the editor left]"])
    reference = summary.references.get()
    assert reference.raw == ARTICLE + "  [a note the editor left]"
    assert reference.title == "Repairing alliance ruptures" and reference.year == 2011
    assert reference.unparsed == ["[a note the editor left]"]
    assert reference.as_html().startswith("Safran, J. D., Muran, J. C., &amp; Eubanks-Carter")
    assert reference.as_text().endswith("https://doi.org/10.1037/a0022140")


@pytest.mark.django_db
def test_fields_the_editor_filled_are_never_overwritten():
    summary = make_summary(references=[{"raw": ARTICLE, "title": "Edited by hand"}])
    reference = summary.references.get()
    assert reference.title == "Edited by hand" and reference.authors == []


def test_clean_fills_fields_for_review_before_saving():
    reference = Reference(raw="doi:10.1037/a0022140")
    reference.clean()
    assert reference.doi == "10.1037/a0022140" and reference.raw == "doi:10.1037/a0022140"
    assert reference.as_text() == "doi:10.1037/a0022140"  # nothing to format: raw is shown


@pytest.mark.django_db
def test_a_saved_reference_keeps_its_apa_and_shows_it_without_citeproc(monkeypatch):
    summary = make_summary(references=[ARTICLE])
    reference = Reference.objects.get(summary=summary)
    csl = reference.to_csl()
    assert reference.formatted_html == format_reference(csl)
    assert reference.formatted_text == format_reference(csl, html_output=False)

    def citeproc_called(*args, **kwargs):
        raise AssertionError("formatted again")

    monkeypatch.setattr("digest.references.models.format_reference", citeproc_called)
    assert reference.as_html() == EXPECTED["article"][1]
    assert reference.as_text() == EXPECTED["article"][2]


@pytest.mark.django_db
def test_a_changed_field_is_formatted_afresh_before_and_after_saving():
    reference = make_summary(references=[ARTICLE]).references.get()
    reference.title = "Repairing ruptures, revisited"
    # Unsaved (a preview, a revision on screen): the stored copy no longer matches.
    assert "Repairing ruptures, revisited" in reference.as_html()
    reference.save()
    stored = Reference.objects.get(pk=reference.pk)
    assert "Repairing ruptures, revisited" in stored.formatted_html
    assert "Repairing ruptures, revisited" in stored.formatted_text


@pytest.mark.django_db
def test_a_row_written_without_save_is_still_formatted():
    reference = make_summary(references=[ARTICLE]).references.get()
    Reference.objects.filter(pk=reference.pk).update(year=2012)  # no save(): copy is stale
    assert "(2012)" in Reference.objects.get(pk=reference.pk).as_text()
