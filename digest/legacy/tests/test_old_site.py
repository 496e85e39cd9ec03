"""The old site's two real layouts, as imitated by fixtures_old_site/ (each file's header names
the real structure it copies): headlines, months and cut-off entries as an editor needs them."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.legacy.importer import import_legacy
from digest.legacy.models import ImportedEntry
from digest.legacy.parsing import is_reference, parse_address, parse_page
from digest.summaries.models import SummaryPage

OLD_SITE = Path(__file__).parent / "fixtures_old_site"
DESCRIPTION_WORDS = ("PPRNet Blog was born", "About once a month", "Because of copyright")


def read(name):
    return parse_page((OLD_SITE / name).read_text(encoding="utf-8"))


def only_entry(name):
    (entry,) = read(name).entries
    return entry


@pytest.mark.parametrize(
    ("url", "month"),
    [
        ("http://www.med.uottawa.ca/pprnet/eng/pprnet_blog_feb2013.html", (2013, 2)),
        ("http://www.med.uottawa.ca/pprnet/eng/pprnet_blog_march2013.html", (2013, 3)),
        ("http://www.med.uottawa.ca/pprnet/eng/pprnet_blog_june2013.html", (2013, 6)),
        ("http://www.med.uottawa.ca/pprnet/eng/pprnet_blog_sept2013.html", (2013, 9)),
        ("http://www.med.uottawa.ca/pprnet/eng/pprnet_blog_oct2014.html", (2014, 10)),
        ("http://www.med.uottawa.ca/pprnet/eng/pprnet_blog_juin2014.html", (None, None)),
        ("http://www.med.uottawa.ca/pprnet/eng/pprnet_blog.html", (None, None)),
        ("https://socialsciences.uottawa.ca/pprnet/blog?p=3&cat_1=24", (None, None)),
    ],
)
def test_a_static_page_address_names_its_month(url, month):
    address = parse_address(url)
    assert (address.year, address.month) == month


def test_static_page_headline_comes_from_its_contents_line_not_the_description():
    page = read("static-bare-month-line.txt")
    (entry,) = page.entries
    assert (entry.year, entry.month) == (2014, 5)
    assert entry.headline == "Does Psychotherapy Work as Well in Clinics as in Trials?"
    # The book series note is the entry's preamble; its heading is not taken for the headline.
    assert entry.preamble[0] == "Handbook of Psychotherapy and Behavior Change"
    assert entry.preamble[1].startswith("From March 2013 on I will review one chapter")
    assert entry.references[0].startswith("Lambert, M.J. (2013). The efficacy")
    assert "Maria B. Lindqvist" in page.furniture  # the signature under the description
    assert not any(words in entry.raw_text for words in DESCRIPTION_WORDS)


def test_static_page_without_its_month_line_takes_the_month_from_its_address():
    entry = only_entry("static-no-month-line.txt")
    assert (entry.year, entry.month) == (2014, 11)
    assert entry.headline == "What Do Group Therapies Add?"
    assert entry.references[0].startswith("Burlingame, G.M., Strauss, B., & Joyce, A.S. (2013).")


def test_entry_the_page_shows_without_a_headline_says_so():
    entry = only_entry("static-no-headline.txt")
    assert (entry.year, entry.month) == (2014, 9)
    assert entry.headline == "" and entry.no_headline_on_page
    assert (
        entry.problems[0] == "the page shows no headline for this entry (it opens on its reference)"
    )
    # The series heading is not mistaken for the headline, and nothing of the entry is lost.
    assert entry.preamble[0] == "Handbook of Psychotherapy and Behavior Change"
    assert entry.references[0].startswith("Hill, C.E., & Knox, S. (2013).")
    assert entry.summary[0].startswith("In the second half of their chapter")


def test_full_static_month_gives_each_entry_its_own_headline():
    page = read("static-full-month.txt")
    first, second = page.entries
    assert [e.headline for e in page.entries] == [
        "When Clients Expect to Improve",
        "Brief Check-Ins Between Sessions",
    ]
    assert first.complete and second.complete
    # The second headline, listed in the month's contents, is not part of the first entry.
    assert "Brief Check-Ins Between Sessions" not in first.raw_text.splitlines()
    assert first.implications == [
        "Ask about expectations in the first session, and talk openly about what therapy can "
        "and cannot do."
    ]
    assert second.implications[0].startswith("A short call between sessions")
    assert second.author_email == "jkim@example.org"
    assert second.references[0].endswith("DOI: 10.1080/10503307.2013.000000")


def test_landing_page_description_is_not_an_entry():
    page = read("landing-page.txt")
    (entry,) = page.entries
    assert (entry.year, entry.month, entry.headline) == (
        2016,
        3,
        "Working Through Ruptures Pays Off",
    )
    assert entry.complete and entry.author_email == "jmuran@example.edu"
    assert not page.unparsed
    assert any("PPRNet Blog was born" in line for line in page.furniture)


def test_listing_shows_the_sites_current_intro_which_is_not_the_listed_months():
    page = read("listing-filtered-cut.txt")
    assert page.intros == []
    assert any(line.startswith("This month") for line in page.furniture)
    assert (page.address.cat_1, page.address.cat_2, page.address.p) == (25, 30, 5)


def test_newest_listing_intro_belongs_to_the_month_it_shows_first():
    page = read("listing-newest.txt")
    (intro,) = page.intros
    assert (intro.year, intro.month) == (2022, 6)
    assert intro.text == "This month\u2026 I blog about writing between sessions, and supervision."


def test_listing_headline_above_a_series_note_with_its_heading_inline_is_the_headline():
    entry = only_entry("listing-inline-series-note.txt")
    assert (entry.year, entry.month) == (2014, 5)
    assert entry.headline == "How Interpretations Land in Brief Therapy"
    assert not entry.no_headline_on_page
    (note,) = entry.preamble
    assert note.startswith("Handbook of Psychotherapy and Behavior Change: From March 2013 on")
    # The copy stops inside the note: a draft that says so, not "no summary" alone.
    assert "cut off: the saved page ends mid-entry, before Practice Implications" in entry.problems


def test_listing_headline_ending_with_a_full_stop_is_still_the_headline():
    entry = only_entry("listing-headline-full-stop.txt")
    assert entry.headline == "Does Naming a Rupture Help? Only Sometimes."
    assert entry.summary[0].startswith("Talking openly with a client")
    assert not entry.no_headline_on_page and not entry.complete


@settings(max_examples=40, deadline=None)
@given(cut=st.integers(min_value=0, max_value=260))
def test_a_listing_cut_anywhere_after_its_headline_keeps_month_and_headline(cut):
    text = (OLD_SITE / "listing-headline-full-stop.txt").read_text(encoding="utf-8")
    headline = "Does Naming a Rupture Help? Only Sometimes."
    end = text.index(headline) + len(headline)
    (entry,) = parse_page(text[: end + cut]).entries
    assert (entry.year, entry.month, entry.headline) == (2022, 10, headline)


def test_listing_reference_with_given_names_first_is_the_entrys_reference():
    entry = only_entry("listing-given-names-first.txt")
    assert entry.headline == "Who Never Starts Therapy, and Who Leaves Early"
    assert entry.references == [
        "Ann Berg & Jo Lund (2012). Waiting, starting and leaving: a register study of a regional "
        "outpatient service, Scandinavian Journal of Talking Therapies, 14, 201-219."
    ]
    assert entry.summary[0].startswith("Little is known") and not entry.complete


def test_listing_series_note_in_the_present_tense_is_the_entrys_preamble():
    entry = only_entry("listing-present-tense-series-note.txt")
    assert (entry.year, entry.month) == (2015, 3)
    assert entry.headline == "Why Sham Therapies Are Hard to Build"
    (note,) = entry.preamble
    assert note.startswith("The Common Factors Book: Since March, 2015 I review parts of")
    assert entry.summary == [] and entry.references == []
    assert "cut off: the saved page ends mid-entry, before Practice Implications" in entry.problems


def test_listing_reference_with_a_space_before_each_comma_is_the_entrys_reference():
    entry = only_entry("listing-space-before-comma.txt")
    assert entry.headline == "Mending a Strained Working Relationship"
    assert entry.references == [
        "Berg , A. L. & Lund , J. (2014). Strains, stalemates and repairs in the working "
        "relationship: A practical review. Psychotherapy, 51, 212-219."
    ]
    assert entry.summary[0].startswith("In this practical review") and not entry.complete


@pytest.mark.parametrize(
    "line",
    [
        # Prose that opens on a name and a comma is not a reference, spaced comma or not.
        "Berg , as the authors note (2014), found the same.",
        "Since then, I review the evidence (2014) with care.",
    ],
)
def test_prose_with_a_spaced_comma_is_not_a_reference(line):
    assert not is_reference(line)


@pytest.mark.parametrize(
    "opening",
    [
        # Opening sentences of a summary: prose, not a headline, whatever their length.
        "Depression is common in primary care.",
        "Few studies have looked at this question in routine practice.",
    ],
)
def test_a_summary_opening_on_a_short_sentence_has_no_headline_made_up(opening):
    text = (OLD_SITE / "listing-headline-full-stop.txt").read_text(encoding="utf-8")
    page = parse_page(text.replace("Does Naming a Rupture Help? Only Sometimes.", opening))
    (entry,) = page.entries
    assert entry.headline == "" and entry.no_headline_on_page
    assert entry.summary[0] == opening


@pytest.mark.parametrize(
    ("name", "headline"),
    [
        ("listing-filtered-cut.txt", "Internet Therapy Compared With Face-to-Face Therapy"),
        ("listing-newest.txt", "Writing Between Sessions"),
        ("static-bare-month-line.txt", "Does Psychotherapy Work as Well in Clinics as in Trials?"),
        # cut right after "pp.": the full stop does not end the reference, the page numbers
        # are missing, so the draft says the copy was cut, not that the entry has no
        # practice implications
        ("static-cut-after-pp.txt", "What Waiting Lists Do to Clients"),
    ],
)
def test_entry_cut_off_by_the_saved_copy_is_a_draft_that_says_why(name, headline):
    entry = read(name).entries[-1]
    assert entry.headline == headline and not entry.complete
    assert "cut off: the saved page ends mid-entry, before Practice Implications" in entry.problems


@pytest.mark.parametrize(
    "stop",
    [
        "Lund, A.S.",  # the authors only: no longer a summary line
        "(2013).",
        "In M.J.",
        "Lambert (Ed.)",
        "(6thed.), pp.",
    ],
)
def test_a_copy_cut_inside_the_reference_at_a_full_stop_is_still_cut_off(stop):
    text = (OLD_SITE / "static-cut-after-pp.txt").read_text(encoding="utf-8")
    (entry,) = parse_page(text[: text.rindex(stop) + len(stop)]).entries
    assert entry.references and not entry.summary
    assert entry.problems == [
        "cut off: the saved page ends mid-entry, before Practice Implications"
    ]


@pytest.mark.parametrize("stop", ["https://doi.", "https://doi.org/10."])
def test_a_copy_cut_inside_the_references_doi_is_cut_off(stop):
    text = (OLD_SITE / "listing-given-names-first.txt").read_text(encoding="utf-8")
    head, _, _ = text.partition("\nPractice Implications")
    lines = head.rstrip("\n").split("\n")
    reference = next(i for i, line in enumerate(lines) if is_reference(line))
    lines[reference + 1 :] = []
    lines[reference] = lines[reference].rstrip() + " " + stop
    (entry,) = parse_page("\n".join(lines)).entries[-1:]
    assert "cut off: the saved page ends mid-entry, before Practice Implications" in entry.problems


def test_html_copy_with_the_blog_image_apart_from_the_headline():
    html = """<html><head><link rel="canonical"
        href="http://www.med.uottawa.ca/pprnet/eng/pprnet_blog_may2014.html"></head><body>
        <h1>PPRNet Blog: May 2014</h1>
        <p>Jo Q. Editor At a meeting, people asked for news. And so the PPRNet Blog was born.</p>
        <p>About once a month I will review a few new studies.</p>
        <p><a href="mailto:editor@example.org">Jo Q. Editor</a></p>
        <div>blog</div><h2>Shorter Waits, Better Starts</h2>
        <p>Smith, A.B., &amp; Jones, C. (2013). Waiting lists. Psychotherapy, 50(2), 1-9.</p>
        <p>Clients seen sooner did better.</p><p>Practice Implications</p><p>Keep waits short.</p>
        </body></html>"""
    page = parse_page(html)
    (entry,) = page.entries
    assert (entry.year, entry.month) == (2014, 5)
    assert entry.headline == "Shorter Waits, Better Starts" and entry.complete


@pytest.mark.parametrize("name", sorted(path.name for path in OLD_SITE.glob("*.txt")))
def test_every_fixture_entry_has_its_month_and_none_holds_the_blogs_description(name):
    page = read(name)
    assert page.entries
    for entry in page.entries:
        assert entry.year and entry.month
        assert not any(words in entry.raw_text for words in DESCRIPTION_WORDS)


@settings(max_examples=40, deadline=None)
@given(cut=st.integers(min_value=0, max_value=4000))
def test_a_page_cut_anywhere_never_gives_the_description_as_an_entry(cut):
    text = (OLD_SITE / "static-full-month.txt").read_text(encoding="utf-8")
    page = parse_page(text[: len(text) - cut])
    for entry in page.entries:
        assert (entry.year, entry.month) == (2015, 4)
        assert not any(words in entry.raw_text for words in DESCRIPTION_WORDS)


@pytest.mark.parametrize(
    "stop",
    [
        "Because of copyright issu",  # inside a paragraph the patterns know only whole
        "Maria B. LindqvistAt a PPRNet mee",  # inside the first, before "Blog was born"
        "Maria B. LindqvistAt a",
        "About once a month I will",
    ],
)
@pytest.mark.parametrize("name", ["static-full-month.txt", "static-bare-month-line.txt"])
def test_a_copy_that_stops_inside_the_description_has_no_entry(name, stop):
    text = (OLD_SITE / name).read_text(encoding="utf-8")
    page = parse_page(text[: text.index(stop) + len(stop)])
    assert page.entries == [] and page.described
    assert any(line.endswith(stop.split()[-1]) for line in page.furniture)  # kept, not lost


# --- the importer ------------------------------------------------------------------------------


def snapshot():
    return (
        list(SummaryPage.objects.order_by("path").values_list("path", "title", "live")),
        list(ImportedEntry.objects.order_by("pk").values()),
    )


@pytest.mark.django_db
def test_old_site_pages_import_with_month_headline_and_a_report_per_file():
    report = import_legacy([OLD_SITE])
    titles = set(SummaryPage.objects.values_list("title", flat=True))
    assert "Untitled entry of 2014-09" in titles  # the one entry its page shows untitled
    assert {title for title in titles if title.startswith("Untitled")} == {
        "Untitled entry of 2014-09"
    }
    internet = SummaryPage.objects.get(title="Internet Therapy Compared With Face-to-Face Therapy")
    # The cut copy on one listing and the full copy on another are one live summary.
    assert internet.live and internet.author_email == "per.carlbring@example.se"
    assert sorted(t.legacy_id for t in internet.topics.all()) == [30, 45]
    files = {Path(path).name: file for path, file in report.files.items()}
    assert files["listing-full-copy.txt"].created == [
        "2019-03 “Internet Therapy Compared With Face-to-Face Therapy”"
    ]
    assert files["listing-filtered-cut.txt"].merged == [
        "2019-03 “Internet Therapy Compared With Face-to-Face Therapy”"
    ]
    ((label, problems),) = files["static-no-headline.txt"].drafts
    assert label == "2014-09 Untitled entry of 2014-09"
    assert problems[0].startswith("the page shows no headline")
    record = ImportedEntry.objects.get(month="2014-09-01")
    assert record.status == "incomplete" and record.problems == problems
    assert record.sources == ["http://www.med.uottawa.ca/pprnet/eng/pprnet_blog_sept2014.html"]
    assert not report.warnings
    text = "\n".join(report.lines())
    assert "left as a draft: 2014-09 Untitled entry of 2014-09: the page shows no headline" in text


@pytest.mark.django_db
def test_old_site_reimport_changes_nothing():
    import_legacy([OLD_SITE])
    before = snapshot()
    report = import_legacy([OLD_SITE])
    assert report.created == 0 and report.updated == 0
    assert snapshot() == before


@pytest.mark.django_db
def test_a_fuller_copy_read_later_completes_the_draft():
    import_legacy([OLD_SITE / "listing-filtered-cut.txt"])
    draft = SummaryPage.objects.get(title="Internet Therapy Compared With Face-to-Face Therapy")
    assert not draft.live
    report = import_legacy([OLD_SITE / "listing-full-copy.txt"])
    draft.refresh_from_db()
    assert draft.live and draft.author_email == "per.carlbring@example.se"
    files = {Path(path).name: file for path, file in report.files.items()}
    assert files["listing-full-copy.txt"].updated == [
        "2019-03 “Internet Therapy Compared With Face-to-Face Therapy”"
    ]


def titled_listing_copy(tmp_path):
    """A 2016+ topic listing that shows, with its headline, the entry static-no-headline.txt
    shows without one (built here from that page's own lines; the listing header as in the
    filtered-listing fixture)."""
    header = (OLD_SITE / "listing-filtered-cut.txt").read_text(encoding="utf-8").splitlines()[3:47]
    reference = next(
        line
        for line in (OLD_SITE / "static-no-headline.txt").read_text(encoding="utf-8").splitlines()
        if line.startswith("Hill, C.E., & Knox, S. (2013).")
    )
    lines = [
        "https://socialsciences.uottawa.ca/pprnet/blog?cat_2=48&p=9",
        *header,
        "September 2014",
        "What We Know About Supervision",
        "Handbook of Psychotherapy and Behavior Change: From March 2013 on I will review one "
        "chapter a month of the Handbook of Psychotherapy and Behavior Change as well as the usual",
        reference[:150],
    ]
    path = tmp_path / "listing-titled.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.django_db
def test_an_entry_its_page_shows_untitled_takes_the_headline_another_page_shows(tmp_path):
    listing = titled_listing_copy(tmp_path)
    report = import_legacy([OLD_SITE / "static-no-headline.txt", listing])
    (summary,) = SummaryPage.objects.all()
    summary = summary.get_latest_revision_as_object()
    assert summary.title == "What We Know About Supervision"
    # The fuller copy (the static page's) gives the text; the listing adds its topic.
    assert "In the second half of their chapter" in summary.body
    assert [t.legacy_id for t in summary.topics.all()] == [48]
    record = ImportedEntry.objects.get()
    assert record.headline == "What We Know About Supervision"
    assert not any(p.startswith("the page shows no headline") for p in record.problems)
    files = {Path(path).name: file for path, file in report.files.items()}
    ((label, problems),) = files["static-no-headline.txt"].drafts
    assert label == (
        "2014-09 “What We Know About Supervision” (this page shows no headline; the one on "
        "https://socialsciences.uottawa.ca/pprnet/blog?cat_2=48&p=9)"
    )
    assert problems[0].startswith("the page shows no headline")  # true of that page
    before = snapshot()
    import_legacy([OLD_SITE / "static-no-headline.txt", listing])
    assert snapshot() == before


@pytest.mark.django_db
def test_two_cut_copies_of_one_entry_are_one_draft_and_each_page_says_so(tmp_path):
    text = (OLD_SITE / "listing-filtered-cut.txt").read_text(encoding="utf-8")
    shorter = text.replace("p=5&cat_1=25&cat_2=30", "p=6&cat_2=30")[:-40]
    (tmp_path / "other.txt").write_text(shorter, encoding="utf-8")
    report = import_legacy([OLD_SITE / "listing-filtered-cut.txt", tmp_path / "other.txt"])
    assert SummaryPage.objects.count() == 1 and report.merged == 1
    files = {Path(path).name: file for path, file in report.files.items()}
    headline = "2019-03 “Internet Therapy Compared With Face-to-Face Therapy”"
    ((lead, _problems),) = files["listing-filtered-cut.txt"].drafts
    ((other, _problems),) = files["other.txt"].drafts
    assert lead == headline
    assert other == (
        f"{headline} (one draft with the copy on "
        "https://socialsciences.uottawa.ca/pprnet/blog?p=5&cat_1=25&cat_2=30)"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("first_untitled", [True, False])
def test_the_untitled_and_titled_copies_read_on_separate_runs_are_one_summary(
    tmp_path, first_untitled
):
    runs = [[OLD_SITE / "static-no-headline.txt"], [titled_listing_copy(tmp_path)]]
    for paths in runs if first_untitled else runs[::-1]:
        import_legacy(paths)
    assert ImportedEntry.objects.count() == 1
    (summary,) = SummaryPage.objects.all()
    assert summary.get_latest_revision_as_object().title == "What We Know About Supervision"
    before = snapshot()
    for paths in runs:
        import_legacy(paths)
    assert snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "warning"),
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (bytes(range(256)) * 40, "not a saved page: binary data"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02\xff" * 500, "not a saved page: binary data"),
        (b"Shopping list\nmilk\neggs\n", "nothing in it is recognisable"),
        (
            # A listing's stored copy that stops inside the topic list, before any entry.
            (OLD_SITE / "listing-filtered-cut.txt").read_bytes().split(b"- Empathy")[0],
            "a page of the old blog, but the copy ends before its first entry",
        ),
        (
            b"June 2017\nA Headline Here\nSmith, A. (2017). Title. Journal, 1(2), 3-4.\n"
            b"Text.\nPractice Implications\nDo this.\n",
            "no address",
        ),
    ],
)
def test_garbage_warns_and_fails_without_import_complete(tmp_path, content, warning):
    path = tmp_path / "page.txt"
    path.write_bytes(content)
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 file"):
        call_command("import_legacy", str(path), stdout=out)
    text = out.getvalue()
    assert f"WARNING: {warning}" in text and str(path) in text
    assert "Import complete." not in text


@pytest.mark.parametrize(
    "heading",
    [
        "Practice Implications",
        "Practice implications:",
        "Practice Implication",
        "PRACTICE IMPLICATIONS",
        "Clinical Implications",
        "Practical implications",
        "Implications for Practice",
        "Implications for clinical practice",
        "Implications for Therapists",
    ],
)
@pytest.mark.parametrize(
    "email_line",
    [
        "Author email: lee@example.org",
        "Author's e-mail: lee@example.org",
        "Corresponding author email address - lee@example.org",
        "Email: lee@example.org",
    ],
)
def test_implications_heading_and_email_line_as_the_editor_typed_them(heading, email_line):
    text = "\n".join(
        [
            "https://socialsciences.uottawa.ca/pprnet/blog?p=9&cat_2=16",
            "May 2017",
            "Clients Who Wait Get Worse",
            "Lee, A.B., & Park, C. (2016). Waiting and outcome. Psychotherapy, 53(1), 1-9.",
            "Clients who waited longer started therapy in worse shape.",
            heading,
            "Shorten the wait where you can.",
            email_line,
        ]
    )
    (entry,) = parse_page(text).entries
    assert entry.complete, entry.problems
    assert entry.implications == ["Shorten the wait where you can."]
    assert entry.author_email == "lee@example.org"


def test_a_description_worded_differently_still_ends_at_the_contents_line():
    """Months before the Handbook series: a description paragraph none of the known openings
    match is still the description, because the month's contents line follows it."""
    text = (OLD_SITE / "static-bare-month-line.txt").read_text(encoding="utf-8")
    text = text.replace(
        "About once a month I will review",
        "Every few weeks the editor picks a study that matters in the room, and I will review",
    ).replace("Because of copyright issues", "For reasons of copyright")
    page = parse_page(text)
    (entry,) = page.entries
    assert entry.headline == "Does Psychotherapy Work as Well in Clinics as in Trials?"
    assert not entry.no_headline_on_page
    assert any(line.startswith("Every few weeks") for line in page.furniture)
    assert "For reasons of copyright" not in entry.raw_text


def test_a_page_without_month_line_or_known_description_starts_at_its_contents_line():
    text = (OLD_SITE / "static-no-month-line.txt").read_text(encoding="utf-8")
    for opening in (
        "PPRNet Blog was born",
        "About once a month",
        "Because of copyright issues",
        "At the bottom of each review",
        "If you have ideas for an article",
    ):
        text = text.replace(opening, "Some words")
    (entry,) = parse_page(text).entries
    assert (entry.year, entry.month) == (2014, 11)
    assert entry.headline == "What Do Group Therapies Add?"


def test_a_short_headline_right_after_the_signature_is_not_taken_for_it():
    html = """<html><head><link rel="canonical"
        href="http://www.med.uottawa.ca/pprnet/eng/pprnet_blog_may2014.html"></head><body>
        <p>At a meeting, people asked for news. And so the PPRNet Blog was born.</p>
        <p><a href="mailto:editor@example.org">Jo Q. Editor</a></p>
        <div>blog</div><h2>Group Therapy Works</h2>
        <p>Smith, A.B., &amp; Jones, C. (2013). Groups. Psychotherapy, 50(2), 1-9.</p>
        <p>Groups helped.</p><p>Practice Implications</p><p>Offer groups.</p>
        </body></html>"""
    (entry,) = parse_page(html).entries
    assert entry.headline == "Group Therapy Works" and entry.complete
