"""The pure-Python reference parser: behaviour per kind, the labelled set, splitting, fuzzing."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.references.parsing import (
    normalise_doi,
    parse_reference,
    parse_references,
    split_references,
)
from digest.references.tests.evaluation import score

LABELLED = json.loads(
    (Path(__file__).parent / "data" / "labelled_references.json").read_text(encoding="utf-8")
)
SAFRAN = (
    "Safran, J. D., Muran, J. C., & Eubanks-Carter, C. (2011). Repairing alliance ruptures. "
    "Psychotherapy, 48(1), 80–87. https://doi.org/10.1037/a0022140"
)


def test_journal_article_apa7_fields():
    ref = parse_reference(SAFRAN)
    assert ref.type == "article-journal"
    assert [a["family"] for a in ref.author] == ["Safran", "Muran", "Eubanks-Carter"]
    assert ref.author[0]["given"] == "J. D."
    assert ref.year == 2011
    assert ref.title == "Repairing alliance ruptures"
    assert (ref.container_title, ref.volume, ref.issue, ref.page) == (
        "Psychotherapy",
        "48",
        "1",
        "80–87",
    )
    assert ref.DOI == "10.1037/a0022140"
    assert ref.unparsed == []
    assert ref.confidence["DOI"] > 0.9


@pytest.mark.parametrize(
    "form",
    ["https://doi.org/{}", "http://dx.doi.org/{}", "doi:{}", "doi: {}", "DOI: {}", "{}", "DOI {}"],
)
def test_every_common_doi_form_gives_the_bare_doi(form):
    raw = SAFRAN.replace("https://doi.org/10.1037/a0022140", form.format("10.1037/a0022140"))
    assert parse_reference(raw).DOI == "10.1037/a0022140"
    assert normalise_doi(form.format("10.1037/a0022140")) == "10.1037/a0022140"


@pytest.mark.parametrize("dash", ["-", "‐", "‑", "‒", "–", "—", "―", "−"])
def test_any_dash_in_a_page_range_becomes_an_en_dash(dash):
    assert parse_reference(SAFRAN.replace("80–87", f"80{dash}87")).page == "80–87"


def test_doi_ending_in_parenthesis_keeps_it_but_drops_the_full_stop():
    raw = (
        "Ackerman, S. J., & Hilsenroth, M. J. (2003). A review. Clinical Psychology Review, "
        "23(1), 1–33. https://doi.org/10.1016/S0272-7358(02)00146-0."
    )
    assert parse_reference(raw).DOI == "10.1016/S0272-7358(02)00146-0"


def test_advance_online_publication_has_status_and_no_volume():
    ref = parse_reference(
        "Zilcha-Mano, S. (2017). Is the alliance really therapeutic? American Psychologist. "
        "Advance online publication. http://dx.doi.org/10.1037/a0040435"
    )
    assert ref.status == "advance online publication"
    assert ref.title == "Is the alliance really therapeutic?"
    assert ref.container_title == "American Psychologist"
    assert ref.volume == "" and ref.year == 2017


def test_in_press_has_no_year():
    ref = parse_reference("Tasca, G. A. (in press). A network survey. Psychotherapy.")
    assert ref.status == "in press" and ref.issued is None
    assert (ref.title, ref.container_title) == ("A network survey", "Psychotherapy")


def test_article_number_goes_to_number_not_page():
    ref = parse_reference(
        "Lewis, C., Roberts, N. P., Gibson, S., & Bisson, J. I. (2020). Dropout. European "
        "Journal of Psychotraumatology, 11(1), Article 1709709."
    )
    assert (ref.number, ref.page) == ("1709709", "")


def test_book_apa6_with_place_and_edition():
    ref = parse_reference(
        "Wampold, B. E., & Imel, Z. E. (2015). The great psychotherapy debate: The evidence for "
        "what makes psychotherapy work (2nd ed.). New York, NY: Routledge."
    )
    assert ref.type == "book" and ref.edition == "2"
    assert (ref.publisher, ref.publisher_place) == ("Routledge", "New York, NY")
    assert ref.title.endswith("what makes psychotherapy work")


def test_edited_book_puts_names_in_editor():
    ref = parse_reference(
        "Norcross, J. C., & Lambert, M. J. (Eds.). (2019). Psychotherapy relationships that work: "
        "Volume 1. Evidence-based therapist contributions (3rd ed.). Oxford University Press."
    )
    assert ref.type == "book" and ref.author == []
    assert [e["family"] for e in ref.editor] == ["Norcross", "Lambert"]
    assert ref.title == (
        "Psychotherapy relationships that work: Volume 1. Evidence-based therapist contributions"
    )


def test_chapter_with_editors_edition_and_pages():
    ref = parse_reference(
        "Wampold, B. E., & Owen, J. (2021). Therapist effects. In M. Barkham, W. Lutz, & "
        "L. G. Castonguay (Eds.), Bergin and Garfield's handbook of psychotherapy and behavior "
        "change (7th ed., pp. 297–326). Wiley."
    )
    assert ref.type == "chapter"
    assert ref.editor == [
        {"family": "Barkham", "given": "M."},
        {"family": "Lutz", "given": "W."},
        {"family": "Castonguay", "given": "L. G."},
    ]
    assert ref.container_title.startswith("Bergin and Garfield's handbook")
    assert (ref.edition, ref.page, ref.publisher) == ("7", "297–326", "Wiley")


def test_unicode_particles_hyphens_and_suffixes():
    ref = parse_reference(
        "Friedlander, M. L., Welmers-van de Poll, M. J., de Jong, K., Vîslă, A., Kivlighan, "
        "D. M., Jr., & Reynolds, C. F., III. (2018). T. Psychotherapy, 55(4), 356–371."
    )
    assert [a["family"] for a in ref.author] == [
        "Friedlander",
        "Welmers-van de Poll",
        "de Jong",
        "Vîslă",
        "Kivlighan",
        "Reynolds",
    ]
    assert ref.author[4]["suffix"] == "Jr." and ref.author[5]["suffix"] == "III"


def test_decomposed_diacritics_are_composed():
    ref = parse_reference("Flu\u0308ckiger, C. (2018). T. Psychotherapy, 55(4), 316–340.")
    assert ref.author[0]["family"] == "Flückiger"


def test_et_al_and_ellipsis_keep_the_listed_names_in_order():
    ref = parse_reference(
        "Elkin, I., Shea, M. T., Watkins, J. T., Imber, S. D., Sotsky, S. M., Collins, J. F., "
        "... Parloff, M. B. (1989). T. Archives of General Psychiatry, 46(11), 971–982."
    )
    assert [a["family"] for a in ref.author][-2:] == ["Collins", "Parloff"]
    assert [
        a["family"] for a in parse_reference("Tasca, G. A., et al. (2015). T. J, 1, 2.").author
    ] == ["Tasca"]


def test_missing_spaces_and_missing_ampersand():
    ref = parse_reference(
        "Safran,J. D.,Muran,J. C.,Eubanks-Carter,C. (2011).Repairing alliance ruptures."
        "Psychotherapy,48(1),80–87."
    )
    assert [a["family"] for a in ref.author] == ["Safran", "Muran", "Eubanks-Carter"]
    assert (ref.title, ref.container_title, ref.page) == (
        "Repairing alliance ruptures",
        "Psychotherapy",
        "80–87",
    )


def test_line_breaks_inside_words_and_dois_are_joined():
    ref = parse_reference(
        "Eubanks, C. F. (2018). Alliance rupture repair: A meta-\nanalysis. Psychotherapy, "
        "55(4), 508–519. https://doi.org/10.1037/\npst0000185"
    )
    assert ref.title == "Alliance rupture repair: A meta-analysis"
    assert ref.DOI == "10.1037/pst0000185"


def test_a_doi_alone_is_accepted():
    ref = parse_reference("https://doi.org/10.1037/a0022140")
    assert ref.DOI == "10.1037/a0022140" and ref.unparsed == []


def test_what_cannot_be_placed_is_kept_in_unparsed():
    ref = parse_reference(
        "Hill, C. E. (2009). Processing the relationship [Editorial]. Psychotherapy Research, "
        "19(1), 13–29."
    )
    assert ref.title == "Processing the relationship"
    assert ref.unparsed == ["[Editorial]"]
    assert parse_reference("no year, no structure at all").unparsed


def test_raw_text_is_kept_exactly():
    raw = "  Safran, J. D.\n(2011).  Repairing. Psychotherapy, 48(1), 80–87.\t"
    assert parse_reference(raw).raw == raw


def test_labelled_set_meets_the_accuracy_targets():
    assert len(LABELLED) >= 200
    report = score(LABELLED)
    assert report.field_accuracy >= 0.98, report.misses[:5]
    assert report.exact_rate >= 0.92
    assert all(rate >= 0.95 for rate in report.per_field().values()), report.per_field()


@pytest.mark.parametrize("joiner", [" ", "\n", "\n\n", "\r\n"])
def test_two_references_pasted_together_are_split(joiner):
    for first, second in zip(LABELLED, LABELLED[1:], strict=False):
        if not first["expected"].get("author") or not second["expected"].get("author"):
            continue
        pieces = split_references(first["raw"] + joiner + second["raw"])
        assert len(pieces) == 2, (first["raw"], second["raw"])


def test_parse_references_parses_every_piece():
    refs = parse_references(SAFRAN + "\n" + SAFRAN.replace("2011", "2012"))
    assert [r.year for r in refs] == [2011, 2012]


def test_parsing_module_does_not_import_django():
    code = "import sys, digest.references.parsing; sys.exit('django' in sys.modules)"
    root = Path(__file__).resolve().parents[3]
    assert subprocess.run([sys.executable, "-c", code], cwd=root).returncode == 0


FRAGMENTS = st.sampled_from(
    [
        "Safran, J. D.",
        ", ",
        "& ",
        "(2011).",
        "(in press)",
        "(Eds.).",
        " In ",
        "pp. 1–2",
        "48(1), 80–87",
        "doi:10.1037/a",
        "https://doi.org/10.",
        "...",
        "…",
        "et al.",
        ". ",
        "?",
        "\n",
        "“",
        "”",
        "(",
        ")",
        "[x]",
        "Advance online publication",
        "Article e1",
        "Vol. 2",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_never_raises_on_any_text(text):
    ref = parse_reference(text)
    assert ref.raw == text
    assert isinstance(ref.to_csl(), dict)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=40).map("".join))
def test_parse_never_raises_on_reference_like_text(text):
    ref = parse_reference(text)
    csl = ref.to_csl()
    # "webpage" is one of Reference.Kind: an undated page with its address (issue 13)
    assert csl["type"] in {"article-journal", "book", "chapter", "thesis", "webpage"}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=40).map("".join))
def test_splitting_loses_no_characters(text):
    pieces = split_references(text)
    assert "".join("".join(p.split()) for p in pieces) == "".join(text.split())


def test_spot_checks_typed_after_the_parser_was_written():
    chapter = parse_reference(
        "Hilsenroth, M. J., Cromer, T. D., & Ackerman, S. J. (2012). How to make practical use "
        "of therapeutic alliance research in your clinical work. In R. A. Levy, J. S. Ablon, & "
        "H. Kächele (Eds.), Psychodynamic psychotherapy research: Evidence-based practice and "
        "practice-based evidence (pp. 361–380). Humana Press. "
        "https://doi.org/10.1007/978-1-60761-792-1_22"
    )
    assert [e["family"] for e in chapter.editor] == ["Levy", "Ablon", "Kächele"]
    assert (chapter.page, chapter.publisher) == ("361–380", "Humana Press")
    assert chapter.DOI == "10.1007/978-1-60761-792-1_22"
    edited = parse_reference(
        "Castonguay, L. G., & Hill, C. E. (Eds.) (2017). How and why are some therapists better "
        "than others? Understanding therapist effects. Washington, DC: American Psychological "
        "Association."
    )
    assert edited.type == "book" and [e["family"] for e in edited.editor] == ["Castonguay", "Hill"]
    assert edited.title.endswith("Understanding therapist effects")
    assert edited.publisher == "American Psychological Association"
    vancouver = parse_reference(
        "Wampold BE, Imel ZE. The great psychotherapy debate. 2nd ed. New York: Routledge; 2015."
    )
    assert vancouver.style == "vancouver" and vancouver.type == "book"
    assert vancouver.author == [
        {"family": "Wampold", "given": "B. E."},
        {"family": "Imel", "given": "Z. E."},
    ]
    assert (vancouver.title, vancouver.edition) == ("The great psychotherapy debate", "2")
    assert (vancouver.publisher_place, vancouver.publisher, vancouver.year) == (
        "New York",
        "Routledge",
        2015,
    )
