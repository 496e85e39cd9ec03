"""The old blog's page parser: each quirk of the saved pages, both formats, and fuzzing."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.legacy.parsing import (
    LegacyEntry,
    decode_page,
    is_reference,
    parse_address,
    parse_page,
    parse_page_bytes,
)

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = sorted({path.stem for path in FIXTURES.glob("*.txt")})


def read(name):
    return parse_page_bytes((FIXTURES / name).read_bytes())


def summary_of(page):
    """Everything an import keeps from a page, minus the raw text (markup differs)."""
    return (
        page.address,
        [(i.year, i.month, i.text) for i in page.intros],
        [
            (
                e.year,
                e.month,
                e.headline,
                e.preamble,
                e.references,
                e.summary,
                e.implications,
                e.author_email,
                e.problems,
            )
            for e in page.entries
        ],
        page.unparsed,
    )


@pytest.mark.parametrize("name", PAGES)
def test_saved_html_and_saved_text_of_a_page_read_the_same(name):
    assert summary_of(read(f"{name}.html")) == summary_of(read(f"{name}.txt"))


@pytest.mark.parametrize("suffix", ["html", "txt"])
def test_first_page_gives_its_entries_intro_and_furniture(suffix):
    page = read(f"blog-page1.{suffix}")
    assert page.address.url == "https://www.pprnet.ca/blog?p=1"
    assert (page.address.p, page.address.cat_1, page.address.cat_2) == (1, None, None)
    assert [(e.year, e.month, e.headline) for e in page.entries] == [
        (2018, 2, "Experts Agree on Strategies to Repair Alliance Ruptures"),
        (2018, 2, "Feedback Helps Clients Who Are Not on Track"),
        (2018, 1, "Therapist Empathy Predicts Outcome"),
        (2017, 12, "Online Therapy: Ethical Questions Worth Asking"),
    ]
    assert all(e.complete for e in page.entries)
    assert [(i.year, i.month) for i in page.intros] == [(2018, 2)]
    assert page.intros[0].text.startswith("This month… I blog about repairing ruptures")
    # The intro, the site introduction and the category lists are not entry text.
    everything = " ".join(e.raw_text for e in page.entries)
    assert "I blog about repairing" not in everything
    assert "Welcome to the PPRNet blog" not in everything
    assert "Adherance" in page.furniture and "Randomised Controlled Trials" in page.furniture
    assert "Welcome to the PPRNet blog" in " ".join(page.furniture)
    assert "© 2019 PPRNet" in page.furniture and not page.unparsed


@pytest.mark.parametrize("suffix", ["html", "txt"])
def test_entry_parts(suffix):
    rupture = read(f"blog-page1.{suffix}").entries[0]
    assert rupture.references == [
        "Eubanks, C. F., Muran, J. C., & Safran, J. D. (2018). Alliance rupture repair: "
        "A meta-analysis. Psychotherapy, 55(4), 508–519. https://doi.org/10.1037/pst0000185"
    ]
    assert len(rupture.summary) == 2 and rupture.summary[0].startswith("Every therapist")
    assert rupture.implications == [
        "A strain in the relationship is not a failure but an opening. Name it gently, invite "
        "the client to say what is not working, and take your share of the responsibility "
        "before returning to the task."
    ]
    assert rupture.author_email == "rupture.lab@example.org"
    assert rupture.raw_text.count("Experts Agree on Strategies") == 2  # the repeat is kept raw


@pytest.mark.parametrize("suffix", ["html", "txt"])
def test_headline_glued_to_the_month_heading_is_cut_off_it(suffix):
    empathy = read(f"blog-page1.{suffix}").entries[2]
    assert (empathy.year, empathy.month) == (2018, 1)
    assert empathy.headline == "Therapist Empathy Predicts Outcome"
    oldest = read(f"blog-page-oldest.{suffix}").entries[2]
    assert oldest.headline == "Clients Do Better When They Get the Therapy They Prefer"
    assert (oldest.year, oldest.month) == (2013, 2)


@pytest.mark.parametrize("suffix", ["html", "txt"])
def test_oldest_pages_month_heading_names_the_blog(suffix):
    page = read(f"blog-page-oldest.{suffix}")
    assert [(e.year, e.month) for e in page.entries] == [(2013, 3), (2013, 2), (2013, 2)]
    assert page.address.p == 40 and all(e.complete for e in page.entries)


@pytest.mark.parametrize("suffix", ["html", "txt"])
def test_preamble_two_references_chapter_inline_heading_and_no_reference(suffix):
    sessions, dropout, chapter = read(f"blog-page2.{suffix}").entries
    assert sessions.preamble == [
        "This is the first of two entries on treatment length; the second follows next month."
    ]
    assert [r.split(",")[0] for r in sessions.references] == ["Stulz", "Baldwin"]
    assert sessions.implications[0].startswith("Plan the length of therapy")
    assert dropout.headline == "Premature Termination Is Common but Can Be Reduced"
    assert dropout.references[0].startswith("Swift, J. K., & Greenberg")
    assert dropout.author_email == "dropout.study@example.org"
    assert "In M. J. Lambert (Ed.)" in chapter.references[0]
    essay = read(f"blog-page1.{suffix}").entries[3]
    assert essay.references == [] and essay.preamble == [] and len(essay.summary) == 2


def test_windows_1252_page_decodes():
    data = (FIXTURES / "blog-page2.html").read_bytes()
    assert "593–600" in decode_page(data)
    assert "593–600" in read("blog-page2.html").entries[0].references[0]


@pytest.mark.parametrize("suffix", ["html", "txt"])
def test_entry_cut_off_mid_way_is_incomplete_with_its_raw_text(suffix):
    page = read(f"blog-alliance.{suffix}")
    full, cut = page.entries
    assert full.complete
    assert not cut.complete
    assert any(p.startswith("cut off: the saved page ends mid-entry") for p in cut.problems)
    assert cut.raw_text.endswith("pooled results from")
    assert cut.headline == "The Alliance Still Matters"


@pytest.mark.parametrize("suffix", ["html", "txt"])
def test_page_starting_mid_entry_is_unparsed_not_dropped(suffix):
    page = read(f"clipping.{suffix}")
    assert page.entries == []
    assert "Short check-ins about the relationship" in page.unparsed[0]


@pytest.mark.parametrize("suffix", ["html", "txt"])
def test_overlapping_pages_list_the_same_entries_with_the_same_fingerprint(suffix):
    first = read(f"blog-page1.{suffix}")
    feedback = read(f"blog-feedback-meta.{suffix}")
    oldest = read(f"blog-page-oldest.{suffix}")
    assert feedback.address.cat_1 == 25 and feedback.address.cat_2 == 30
    assert feedback.entries[0].fingerprint() == first.entries[1].fingerprint()
    # The same headline five years earlier is another entry.
    assert feedback.entries[1].headline == first.entries[1].headline
    assert feedback.entries[1].fingerprint() != first.entries[1].fingerprint()
    # The cut-off copy continues the full one on the oldest page, and no other.
    cut = feedback.entries[1]
    assert not cut.complete
    assert cut.continues(oldest.entries[0])
    assert not cut.continues(first.entries[1])


def test_same_headline_same_month_different_article_is_another_entry():
    a = LegacyEntry(2018, 2, "Two Views", references=["Smith, J. (2017). One. J, 1, 1–2."])
    b = LegacyEntry(2018, 2, "Two Views", references=["Jones, K. (2017). Two. J, 1, 3–4."])
    assert a.fingerprint() != b.fingerprint()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.pprnet.ca/blog?p=8&cat_1=26&cat_2=36", (8, 26, 36)),
        ("https://www.pprnet.ca/blog?p=8&amp;cat_2=36", (8, None, 36)),
        ("/blog?cat_2=abc&p=-1", (None, None, None)),
        ("https://www.pprnet.ca/blog", (None, None, None)),
        ("", (None, None, None)),
        ("http://[::1", (None, None, None)),
    ],
)
def test_address_parameters(url, expected):
    address = parse_address(url)
    assert (address.p, address.cat_1, address.cat_2) == expected


def test_explicit_address_wins_over_the_pages_own():
    page = parse_page((FIXTURES / "blog-page1.txt").read_text(), address="/blog?cat_2=29")
    assert page.address.cat_2 == 29 and page.address.p is None


@pytest.mark.parametrize(
    "line",
    [
        "Shedler, J. (2010). The efficacy of psychodynamic psychotherapy. American "
        "Psychologist, 65(2), 98–109.",
        "World Health Organization. (2019). Mental health atlas. WHO.",
        "Del Re, A. C., & Flückiger, C. (in press). A title. Psychotherapy.",
        "O’Brien, K. M. (2020, March). Advance online publication. Journal, 3.",
        # Given names first, as some 2016+ listings typed them.
        "Ann Berg & Jo Lund (2012). Who starts therapy and who stays, Nordic Journal, 6, 1-9.",
        "Ann Berg, Per Holm and Jo Lund (2015). Waiting for therapy. Psychotherapy, 52, 4-8.",
    ],
)
def test_reference_lines(line):
    assert is_reference(line)


@pytest.mark.parametrize(
    "line",
    [
        "Smith and Jones (2010) found that clients improved.",
        "Smith and Jones (2010). Short.",
        "As Smith and Jones (2010). showed, clients improved over the year.",
        "However, I. think this matters (2010).",
        "Practice Implications",
        "Clients improved (d = 0.33).",
    ],
)
def test_not_reference_lines(line):
    assert not is_reference(line)


def test_practice_implications_as_a_sentence_is_summary_text():
    text = (
        "March 2014\nA Headline\n"
        "Practice implications of this work are many, the authors say.\n"
        "Practice Implications\nDo the thing.\n"
    )
    entry = parse_page(text).entries[0]
    assert entry.summary == ["Practice implications of this work are many, the authors say."]
    assert entry.implications == ["Do the thing."] and entry.complete


def test_headline_glued_to_a_word_before_its_repeat():
    text = "May 2016\nThis month I blog about sleep.Sleep and Therapy\nSleep and Therapy\nBody.\n"
    text += "Practice Implications\nAsk about sleep.\n"
    page = parse_page(text)
    assert page.intros[0].text == "This month I blog about sleep."
    assert page.entries[0].headline == "Sleep and Therapy"


# --- properties ---------------------------------------------------------------------------------

FIXTURE_LINES = sorted(
    {line for path in FIXTURES.glob("*.txt") for line in path.read_text().splitlines() if line}
)
HTML_BITS = st.sampled_from(
    ["<p>", "</p>", "<div class='nav'>", "</div>", "<br>", "<h2>", "</h2>", "<![if x]>",
     "<!--", "-->", "<a href='mailto:a@b.c'>", "</a>", "&amp;", "&#xZZ;", "<script>", "<",
     "<link rel=canonical href='/blog?p=2'>", "<aside>", "</aside>", "<![CDATA[", "]]>"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_parses_without_raising(text):
    page = parse_page(text)
    assert all(isinstance(entry.fingerprint(), str) for entry in page.entries)
    # Control characters never reach the database (PostgreSQL refuses NUL in text).
    out = [e.raw_text for e in page.entries] + page.furniture + page.unparsed
    assert not any(re.search(r"[\x00-\x08\x0e-\x1f]", text) for text in out)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(HTML_BITS, st.sampled_from(FIXTURE_LINES), st.text(max_size=20))))
def test_any_markup_parses_without_raising(parts):
    parse_page("<html>" + "".join(parts))
    parse_page_bytes(("<p>" + "\n".join(parts)).encode("utf-8", "surrogatepass"))


@settings(max_examples=200, deadline=None)
@given(st.binary())
def test_any_bytes_parse_without_raising(data):
    parse_page_bytes(data)


def _words(text):
    return re.findall(r"[^\W\d_]+|\d+", text.casefold())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FIXTURE_LINES), max_size=40))
def test_no_sentence_is_lost(lines):
    """Any mix of real-looking lines: every word of every sentence lands somewhere."""
    page = parse_page("\n".join(lines))
    kept = set()
    for entry in page.entries:
        kept.update(_words(entry.raw_text))
    for text in page.furniture + page.unparsed + [i.text for i in page.intros]:
        kept.update(_words(text))
    for line in lines:
        if line.endswith(".") and len(line.split()) > 4:
            assert set(_words(line)) <= kept, line
