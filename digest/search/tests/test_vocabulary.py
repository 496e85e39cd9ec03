"""Search speaks clinicians' language: abbreviations learned from the archive, the clinical
synonym groups, spellings and compounds folded together, questions, and relaxed searches."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from digest.core.tests.factories import make_summary
from digest.search import engine
from digest.search.abbreviations import Abbreviation, best_long_form, find_abbreviations
from digest.search.models import LearnedAbbreviation, SearchSynonym
from digest.search.query import parse, stem
from digest.search.variants import fold_text, open_compound, spellings
from digest.summaries.models import SummaryPage

ADMIN = "/admin/snippets/search/"


def titles(response):
    return [hit["summary"].title for hit in response.context["hits"]]


# ---- Schwartz–Hearst, pure Python ------------------------------------------------------------


def test_abbreviations_defined_in_a_text_are_found_in_either_order():
    text = (
        "Mentalization-based treatment (MBT) helps clients with borderline personality "
        "disorder (BPD; American Psychiatric Association, 2013). We used the BDI (Beck "
        "Depression Inventory). Effects (d = 0.4) held at follow-up (2019)."
    )
    assert find_abbreviations(text) == [
        Abbreviation("MBT", "Mentalization-based treatment"),
        Abbreviation("BPD", "borderline personality disorder"),
        Abbreviation("BDI", "Beck Depression Inventory"),
    ]


def test_a_long_form_must_account_for_every_letter_from_a_word_start():
    assert best_long_form("ROM", "we used routine outcome monitoring") == (
        "routine outcome monitoring"
    )
    assert best_long_form("XYZ", "routine outcome monitoring") is None
    assert find_abbreviations("a trial of therapy (PTSD)") == []  # letters missing


@given(st.text(max_size=300))
def test_any_text_gives_well_formed_pairs(text):
    for pair in find_abbreviations(text):
        assert 2 <= len(pair.short) <= 10
        assert len(pair.long) > len(pair.short)
        assert pair.long[0].isalnum()


# ---- spellings and compounds, pure Python ----------------------------------------------------


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("behaviour", "behavior"),
        ("behavioral", "behavioural"),
        ("counselling", "counseling"),
        ("randomised", "randomized"),
        ("mentalization", "mentalizing"),
        ("mentalizing", "mentalisation"),
        ("analyse", "analyze"),
        ("paediatric", "pediatric"),
        ("judgement", "judgment"),
        ("centre", "center"),
    ],
)
def test_british_and_american_spellings_and_word_families_fold(word, other):
    assert other in spellings(word)


def test_the_mentalization_family_folds_together_and_apart_from_mental():
    family = ["mentalization", "Mentalizing", "mentalize", "mentalised", "mentalisation"]
    assert {stem(word) for word in family} == {stem("mentaliz")}
    assert stem("mental") != stem("mentalizing")
    assert fold_text("Mentalization-based treatment, mental health") == (
        "mentaliz-based treatment, mental health"
    )
    assert fold_text("mentalist, premental") == "mentalist, premental"


def test_a_synonym_clause_knows_which_forms_the_reader_typed():
    groups = [["medication", "pharmacotherapy", "drug"], ["dropout", "drop-out", "attrition"]]
    (clause,) = parse("pharmacotherapy", groups).clauses
    assert clause.forms[: clause.own] == [("pharmacotherapy",)]
    assert {("medication",), ("drug",)} <= set(clause.forms[clause.own :])
    (clause,) = parse("drop-out", groups).clauses  # its closed and open forms are its own
    assert {("drop-out",), ("dropout",)} <= set(clause.forms[: clause.own])
    assert ("attrition",) not in clause.forms[: clause.own]
    assert not parse("homework", groups).expanded


def test_closed_compounds_open_only_after_a_known_first_half():
    assert open_compound("wellbeing") == ("well", "being")
    assert open_compound("selfharm") == ("self", "harm")
    assert open_compound("comorbidity") == ("co", "morbidity")
    assert open_compound("cognitive") is None  # "co" + "gnitive" is no compound
    assert open_compound("therapist") is None


def test_questions_keep_only_the_words_that_carry_the_subject():
    assert [c.label for c in parse("how many sessions are needed").clauses] == ["sessions"]
    assert [c.label for c in parse("does online therapy work").clauses] == ["online", "therapy"]
    assert [c.label for c in parse("work").clauses] == ["work"]  # nothing else: kept


def test_hyphenated_open_and_closed_compounds_are_one_clause():
    for query in ("self-harm", "self harm", "selfharm"):
        (clause,) = parse(query).clauses
        assert {("self", "harm"), ("selfharm",)} <= set(clause.forms), query


# ---- on the site -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_abbreviations_learned_on_publish_find_the_long_form_both_ways(client):
    make_summary(
        title="Mentalizing for personality problems",
        body="<p>Clients with borderline personality disorder (BPD) improved.</p>",
    )
    make_summary(
        title="Borderline personality disorder in primary care",
        body="<p>Clinicians rarely ask about it.</p>",
    )
    make_summary(title="BPD and emotion regulation", body="<p>Another view.</p>")
    make_summary(title="Homework compliance", body="<p>Unrelated.</p>")
    assert LearnedAbbreviation.objects.filter(
        abbreviation="BPD", long_form="borderline personality disorder"
    ).exists()
    every = {
        "Mentalizing for personality problems",
        "Borderline personality disorder in primary care",
        "BPD and emotion regulation",
    }
    assert set(titles(client.get("/search/?q=BPD"))) == every
    assert set(titles(client.get("/search/?q=borderline+personality+disorder"))) == every


@pytest.mark.django_db
def test_a_rejected_abbreviation_no_longer_joins_its_long_form(client):
    make_summary(title="Role of motivation (ROM) in therapy")
    make_summary(title="ROM scores every session")
    pair = LearnedAbbreviation.objects.get(abbreviation="ROM", long_form="role of motivation")
    assert "Role of motivation (ROM) in therapy" in titles(client.get("/search/?q=ROM"))
    pair.rejected = True
    pair.save()
    assert titles(client.get("/search/?q=role+of+motivation")) == [
        "Role of motivation (ROM) in therapy"
    ]
    make_summary(title="Again: role of motivation (ROM)")  # learning again keeps the verdict
    assert LearnedAbbreviation.objects.get(pk=pair.pk).rejected


@pytest.mark.django_db
def test_learn_abbreviations_reads_the_whole_archive():
    make_summary(title="Plain", body="<p>Long-term psychodynamic psychotherapy (LTPP).</p>")
    LearnedAbbreviation.objects.all().delete()
    call_command("learn_abbreviations", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert LearnedAbbreviation.objects.get(abbreviation="LTPP").long_form == (
        "long-term psychodynamic psychotherapy"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("telehealth", "Telepsychology for rural clients"),
        ("online therapy", "Alliance in videoconferencing psychotherapy"),
        ("medication", "Pharmacological and psychological treatment compared"),
        ("therapist burnout", "Therapist well-being and self-care"),
        ("harmful effects", "Negative effects of psychotherapy"),
        ("deterioration", "Adverse effects in routine care"),
        ("premature termination", "Dropout from training clinics"),
        ("how many sessions", "Treatment length and outcome"),
        ("wellbeing", "Client well-being after therapy"),
        ("well-being", "Wellbeing of therapists"),
        ("self harm", "Self-harm in adolescents"),
        ("mentalization", "Mentalising in group therapy"),
        ("mentalizing", "Mentalization-based treatment"),
        ("counselling", "Counseling students in distress"),
        ("randomized", "A randomised trial of group therapy"),
        ("behavioural", "Behavioral activation for depression"),
        ("paediatric", "Pediatric anxiety in primary care"),
        ("selfharm", "Self harm after discharge"),
        ("well being", "Wellbeing of trainees"),
    ],
)
def test_clinicians_words_find_the_archives_words(client, query, text):
    make_summary(title=text)
    make_summary(title="Unrelated homework study")
    assert titles(client.get("/search/", {"q": query})) == [text]


@pytest.mark.django_db
def test_mentalization_does_not_find_mental_health_nor_the_reverse(client):
    make_summary(
        title="Mentalization-based treatment for adolescents",
        body="<p>Offered by child health services.</p>",
    )
    make_summary(title="Mentalizing in group supervision", body="<p>Notes.</p>")
    make_summary(title="Mental health services for students")
    for query in ("mentalization", "mentalizing", "mentalisation", "mentalize"):
        assert set(titles(client.get("/search/", {"q": query}))) == {
            "Mentalization-based treatment for adolescents",
            "Mentalizing in group supervision",
        }, query
    assert titles(client.get("/search/?q=mental+health")) == ["Mental health services for students"]
    html = client.get("/search/?q=mentalizing").content.decode()
    assert "<mark>Mentalization</mark>-based" in html


def test_summaries_index_every_page_field_folded_and_pass_wagtails_check():
    from django.core import checks

    from digest.search.folding import FoldedSearchField

    title = [f for f in SummaryPage.search_fields if getattr(f, "field_name", "") == "title"]
    assert any(isinstance(f, FoldedSearchField) and f.boost == 2 for f in title)
    assert not [e for e in checks.run_checks() if e.id == "wagtailsearch.W001"]


@pytest.mark.django_db
def test_the_admins_page_search_folds_as_the_index_does():
    make_summary(title="Mentalizing in group supervision")
    make_summary(title="Mental health services for students")
    found = engine.backend().search("mentalization", SummaryPage.objects.all())
    assert [page.title for page in found] == ["Mentalizing in group supervision"]


@pytest.mark.django_db
def test_the_readers_own_word_ranks_before_a_synonym(client):
    # The headline would rank first by weight alone; it only has a word of the group.
    make_summary(
        title="Medication and medication again",
        body="<p>Medication, medication.</p>",
        implications="<p>Medication.</p>",
    )
    make_summary(title="Notes from a trial", body="<p>Pharmacotherapy was added later.</p>")
    make_summary(title="Unrelated homework study")
    assert titles(client.get("/search/?q=pharmacotherapy")) == [
        "Notes from a trial",
        "Medication and medication again",
    ]
    assert titles(client.get("/search/?q=medication"))[0] == "Medication and medication again"


@pytest.mark.django_db
def test_no_summary_with_every_word_says_what_it_did(client):
    make_summary(title="Empathy matters")
    response = client.get("/search/?q=empathy+xylophone")
    assert response.context["relaxation"] == "any"
    assert titles(response) == ["Empathy matters"]
    assert "No summary has all of “empathy”, “xylophone”. Showing summaries with any of them." in (
        response.content.decode()
    )
    french = client.get("/fr/search/?q=empathy+xylophone").content.decode()
    assert "Aucun résumé ne contient à la fois" in french


@pytest.mark.django_db
def test_neighbouring_words_are_searched_only_when_nothing_else_is_found(client):
    make_summary(title="Practitioner reflections", body="<p>Notes.</p>", implications="")
    make_summary(title="Therapist reflections", body="<p>Notes.</p>", implications="")
    response = client.get("/search/?q=therapist")
    assert titles(response) == ["Therapist reflections"]
    assert not response.context["relaxed"]
    response = client.get("/search/?q=psychotherapist")
    assert response.context["relaxation"] == "neighbours"
    assert set(titles(response)) == {"Practitioner reflections", "Therapist reflections"}
    assert "Showing summaries with related words" in response.content.decode()


@pytest.mark.django_db
def test_the_editor_sees_and_rejects_learned_pairs_in_the_admin(client):
    client.force_login(User.objects.create_superuser("director", "d@example.org", "pw"))
    summary = make_summary(title="Interpersonal psychotherapy (IPT) for grief")
    pair = LearnedAbbreviation.objects.get(abbreviation="IPT")
    listing = client.get(f"{ADMIN}learnedabbreviation/")
    assert listing.status_code == 200
    assert "interpersonal psychotherapy" in listing.content.decode()
    response = client.post(f"{ADMIN}learnedabbreviation/edit/{pair.pk}/", {"rejected": "on"})
    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.rejected and pair.long_form == "interpersonal psychotherapy"
    assert pair.source_id == summary.pk
    synonyms = client.get(f"{ADMIN}searchsynonym/", {"q": "telepsychology"})
    assert "telepsychology" in synonyms.content.decode()


@pytest.mark.django_db
def test_the_issue_20_groups_are_seeded_and_editable():
    groups = [", ".join(g) for g in SearchSynonym.groups()]
    assert any("telehealth" in g and "videoconference" in g for g in groups)
    assert any("medication" in g and "pharmacological" in g for g in groups)
    assert any("burnout" in g and "self-care" in g for g in groups)
    assert any("premature termination" in g and "attrition" in g for g in groups)
    assert any("treatment length" in g and "dose" in g for g in groups)
    assert any("negative effects" in g and "deterioration" in g for g in groups)
    fallback = [", ".join(g) for g in SearchSynonym.groups(fallback=True)]
    assert any("clinician" in g for g in fallback)
