"""The pure-Python evidence extraction: one behaviour per test, plus property tests."""

import re
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.evidence import extraction
from digest.evidence.extraction import (
    EffectSize,
    EvidenceCard,
    card_line,
    extract_evidence,
    html_to_text,
    parse_number,
    suggest_research_types_by_keywords,
    suggest_topics_by_keywords,
)


def test_card_line_reads_like_the_spec_example():
    card = extract_evidence(
        "In this naturalistic study, 605 clients were seen by 79 therapists in primary care."
    )
    assert card_line(card) == "Naturalistic study · 605 clients · 79 therapists · primary care"


def test_empty_card_has_an_empty_line():
    assert card_line(EvidenceCard()) == ""
    assert EvidenceCard().is_empty()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("605", 605),
        ("1,234", 1234),
        ("twenty-five", 25),
        ("two hundred and forty", 240),
        ("a thousand", 1000),
        ("a dozen", 12),
        ("three thousand", 3000),
        ("", None),
        ("many", None),
    ],
)
def test_parse_number_reads_digits_and_words(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "clients", "therapists", "studies"),
    [
        ("Data came from 605 clients.", 605, None, None),
        ("The sample (N = 1,234) was drawn from three clinics.", 1234, None, None),
        ("Outcomes of 79 therapists were compared.", None, 79, None),
        ("The authors pooled k = 42 studies.", None, None, 42),
        ("They analysed a sample of 2,000 patients.", 2000, None, None),
        ("Forty-two licensed psychologists took part.", None, 42, None),
        ("The review included 57 randomised trials with 4,100 adult outpatients.", 4100, None, 57),
        ("Twelve sessions were offered to every client.", None, None, None),
        ("About 45% of clients improved.", None, None, None),
    ],
)
def test_sample_sizes(text, clients, therapists, studies):
    card = extract_evidence(text)
    assert (card.clients, card.therapists, card.studies) == (clients, therapists, studies)


def test_subgroups_do_not_replace_the_whole_sample():
    card = extract_evidence("Of the 605 clients, 120 clients dropped out before session three.")
    assert card.clients == 605


def test_previous_trials_are_not_counted_as_studies():
    card = extract_evidence("Unlike previous 12 trials, this one followed 300 patients.")
    assert card.studies is None
    assert card.clients == 300


@pytest.mark.parametrize(
    ("text", "design"),
    [
        ("This meta-analysis of 42 randomized controlled trials found…", "meta-analysis"),
        ("A systematic review and meta-analysis of feedback studies.", "meta-analysis"),
        ("A systematic review of 20 studies on termination, without pooling.", "systematic-review"),
        ("Clients were randomly assigned to CBT or to a wait-list control.", "rct"),
        ("A naturalistic study of routine practice in 30 clinics.", "naturalistic"),
        ("Therapists were surveyed about their use of homework.", "survey"),
        (
            "Eleven clients took part in semi-structured interviews; thematic analysis…",
            "qualitative",
        ),
        (
            "Undergraduates watched a video of a simulated session and rated the therapist.",
            "analogue",
        ),
        ("A Delphi panel of experts reached consensus on rupture repair.", "expert-consensus"),
        ("This narrative review of the literature on placebo argues…", "narrative-review"),
        ("A prospective cohort of 500 veterans was followed for ten years.", "longitudinal-cohort"),
        ("Unlike previous meta-analyses, this randomized controlled trial…", "rct"),
        ("Nothing here says how the study was done.", ""),
    ],
)
def test_design(text, design):
    assert extract_evidence(text).design == design


@pytest.mark.parametrize(
    ("text", "setting"),
    [
        ("Clients at a university counseling center", "university counselling centre"),
        ("in a college counselling service", "university counselling centre"),
        ("patients referred from primary care", "primary care"),
        ("in 14 outpatient clinics in Norway", "outpatient clinic"),
        ("therapists in private practice", "private practice"),
        ("adolescents on a psychiatric inpatient unit", "inpatient"),
        ("an internet-delivered programme", "online"),
        ("an online survey of therapists", ""),
    ],
)
def test_setting(text, setting):
    assert extract_evidence(text).setting == setting


def test_effect_size_keeps_statistic_value_and_ci():
    card = extract_evidence("Feedback helped (g = 0.62, 95% CI [0.45, 0.79]).")
    assert card.effect_sizes == [EffectSize("g", 0.62, 0.45, 0.79)]
    assert str(card.effect_sizes[0]) == "g = 0.62 [0.45, 0.79]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a large effect, Cohen's d = 0.82", [EffectSize("d", 0.82)]),
        ("Hedges' g of .31", [EffectSize("g", 0.31)]),
        ("the alliance correlated with outcome (r = .28, 95% CI .25 to .30)",
         [EffectSize("r", 0.28, 0.25, 0.30)]),
        ("an odds ratio of 2.3", [EffectSize("OR", 2.3)]),
        ("OR = 0.59 [0.45; 0.77]", [EffectSize("OR", 0.59, 0.45, 0.77)]),
        ("d = −0.40", [EffectSize("d", -0.40)]),
        ("52% of clients recovered", [EffectSize("%", 52)]),
        ("65% of the sample were women", []),
        ("the design had a d = 3 classroom", []),
    ],
)  # fmt: skip
def test_effect_sizes(text, expected):
    assert extract_evidence(text).effect_sizes == expected


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("At 12-month follow-up, gains held.", 12),
        ("a two-year follow-up", 24),
        ("Two years after treatment, most clients were well.", 24),
        ("with a follow-up of 6 months", 6),
        ("They were followed for five years.", 60),
        ("outcomes at 3-, 6- and 18-month follow-up", 18),
        ("Treatment lasted 16 weeks.", None),
    ],
)
def test_follow_up(text, months):
    assert extract_evidence(text).follow_up_months == months


def test_follow_up_label_prefers_months_under_two_years():
    assert card_line(EvidenceCard(follow_up_months=12)) == "12-month follow-up"
    assert card_line(EvidenceCard(follow_up_months=36)) == "3-year follow-up"


def test_html_to_text_separates_paragraphs_and_drops_scripts():
    html = "<p>605&nbsp;clients</p><p>79 therapists<script>x = 1</script></p>"
    assert html_to_text(html) == "605 clients\n79 therapists"


# Pieces of rich text, and of what is not: tags as editors' HTML writes them, in any case,
# self-closing or not, with quoted values holding ">"; entities, a bare "<" or "&", comments,
# scripts, unquoted values, a non-breaking space inside a tag.
_HTML_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<P>",
        "</P >",
        "<br>",
        "<br/>",
        "<br />",
        "<li>",
        "</li>",
        "<ul>",
        "</ul>",
        "<ol>",
        "<h2>",
        "</h2>",
        "<b>",
        "</b>",
        "<em class='x'>",
        "</em>",
        '<a href="/x?a=1&amp;b=2" title="a>b">',
        "</a>",
        '<div data-block-key="k3">',
        "</div>",
        "<i/>",
        "<td>",
        "<blockquote>",
        "<span lang=en>",
        "<b\xa0x>",
        "<a href=x>",
        "<script>",
        "</script>",
        "<style>a>b{}</style>",
        "<!-- note -->",
        "<!DOCTYPE html>",
        "<?php ?>",
        "</>",
        "< p>",
        "<p",
        "&amp;",
        "&nbsp;",
        "&#39;",
        "&#x2013;",
        "&copy",
        "&",
        "<",
        ">",
        " ",
        "\n",
        "\t",
        "\xa0",
        "605 clients",
        "Therapists",
        "é",
        "a < b",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_HTML_PIECES | st.text(max_size=5), max_size=30), st.sampled_from(["", "• "]))
def test_html_to_text_reads_plain_tags_as_htmlparser_does(pieces, bullet):
    html = "".join(pieces)
    with mock.patch.object(extraction, "_read_plain", return_value=False):
        expected = html_to_text(html, bullet=bullet)
    assert html_to_text(html, bullet=bullet) == expected


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(" \t\n\r\x0b\xa0\u2009ab"), max_size=40))
def test_text_is_tidied_as_the_two_substitutions_would(text):
    text = text.replace("\xa0", " ")
    expected = re.sub(r"[ \t]*\n\s*", "\n", re.sub(r"[ \t]+", " ", text)).strip()
    assert extraction._tidy(text) == expected


def test_topic_keywords_rank_the_most_mentioned_first():
    text = "Alliance ruptures and their repair: the alliance predicts dropout."
    assert suggest_topics_by_keywords(text)[0] == "alliance"
    assert "attendance-attrition-dropout" in suggest_topics_by_keywords(text)


def test_research_type_keywords_follow_the_design():
    assert suggest_research_types_by_keywords("A meta-analysis of 12 studies") == ["meta-analysis"]
    assert suggest_research_types_by_keywords("") == []


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text):
    card = extract_evidence(text)
    assert isinstance(card_line(card), str)
    suggest_topics_by_keywords(text)
    html_to_text(text)


_WORDS = st.sampled_from(
    [
        "605", "N", "=", "k", "1,234", "clients", "therapists", "studies", "d", "g", "r", "OR",
        "0.5", ".28", "95%", "CI", "[", "]", "(", ")", ",", "to", "follow-up", "12-month",
        "years", "after", "treatment", "two", "hundred", "meta-analysis", "randomized", "trial",
        "primary", "care", "%", "recovered", "−", "-", "twenty-five",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40).map(" ".join))
def test_never_raises_on_near_miss_reporting(text):
    card = extract_evidence(text)
    for effect in card.effect_sizes:
        assert effect.ci_low is None or effect.ci_low <= effect.ci_high
    assert card.clients is None or card.clients > 0


def test_keyword_rules_cover_exactly_the_networks_topics():
    from digest.evidence.extraction import TOPIC_KEYWORDS
    from digest.taxonomy.vocabulary import RESEARCH_TYPES, TOPICS

    assert set(TOPIC_KEYWORDS) == {slug for slug, _, _ in TOPICS}
    from digest.evidence.extraction import DESIGN_LABELS

    assert set(DESIGN_LABELS) - {slug for slug, _, _ in RESEARCH_TYPES} == {"case-study"}


def test_percentages_in_a_comparison_are_both_kept():
    text = (
        "Patients who waited were less likely to recover (41.2% vs 48.9%). "
        "Fine. Also (23% v. 74%) relapsed."
    )
    values = [e.value for e in extract_evidence(text).effect_sizes]
    assert values == [41.2, 48.9, 23, 74]
