"""Authors, editors and unplaced text in the reference form: lines a person reads
("Norcross, J. C."), stored as the CSL lists, and bad lines answered without losing a word."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from digest.core.tests.factories import make_summary
from digest.references.forms import PersonListField, TextListField
from digest.summaries.models import SummaryPage

NORCROSS = (
    "Norcross, J. C., & Lambert, M. J. (2018). Psychotherapy relationships that work III. "
    "Psychotherapy, 55(4), 303–315. https://doi.org/10.1037/pst0000193"
)

name_part = (
    st.text(
        alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzÀéøABCDEFGHJKLMNOPQRSTUVWXYZ .-'"),
        min_size=1,
        max_size=20,
    )
    .map(str.strip)
    .filter(bool)
)
person = st.one_of(
    st.builds(
        lambda family, given, suffix: {
            k: v for k, v in {"family": family, "given": given, "suffix": suffix}.items() if v
        },
        name_part,
        st.one_of(st.just(""), name_part),
        st.one_of(st.just(""), st.sampled_from(["Jr.", "Sr.", "III"])),
    ),
    st.builds(lambda name: {"literal": name}, name_part),
)


@given(st.lists(person, max_size=8))
def test_a_person_list_reads_back_from_its_lines_unchanged(people):
    field = PersonListField()
    assert field.clean(field.prepare_value(people)) == people


@given(st.lists(name_part, max_size=5))
def test_unplaced_text_reads_back_from_its_lines_unchanged(parts):
    field = TextListField()
    assert field.clean(field.prepare_value(parts)) == parts


def test_lines_read_as_family_and_given_names():
    field = PersonListField()
    lines = "Norcross, J. C.\n\n  Lambert,   M. J. \nWorld Health Organization\nPlato,\n"
    assert field.clean(lines) == [
        {"family": "Norcross", "given": "J. C."},
        {"family": "Lambert", "given": "M. J."},
        {"literal": "World Health Organization"},
        {"family": "Plato"},
    ]
    assert field.prepare_value([{"family": "Norcross", "given": "J. C."}]) == "Norcross, J. C."
    assert field.prepare_value([]) == ""  # an empty list shows as an empty box, not "[]"


def test_the_paste_scripts_json_list_is_read_too():
    field = PersonListField()
    assert field.clean('[{"family": "Norcross", "given": "J. C."}]') == [
        {"family": "Norcross", "given": "J. C."}
    ]
    assert TextListField().clean('["[seen in a newsletter]"]') == ["[seen in a newsletter]"]


@pytest.mark.parametrize(
    "text, message",
    [
        ("Norcross, J. C., Lambert, M. J.", "holds more than one person"),
        ("Norcross, J. C.\n, M. J.", "Line 2 (“, M. J.”) has no family name"),
        ('[{"family": "Norcross"', "This list could not be read"),
        ('[{"family": 3}]', "This list could not be read"),
    ],
)
def test_a_line_that_cannot_be_read_is_named_in_the_message(text, message):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        PersonListField().clean(text)
    assert any(message in m for m in caught.value.messages)


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def post_reference(client, summary, **reference):
    edit_url = reverse("wagtailadmin_pages:edit", args=[summary.pk])
    form = client.get(edit_url).context["form"]
    existing = summary.references.get()
    data = {
        "title": summary.title,
        "slug": summary.slug,
        "preamble": rich_text(""),
        "body": rich_text("<p>Body.</p>"),
        "implications": rich_text("<p>Act on it.</p>"),
        **{name: inline_formset([]) for name in form.formsets if name != "references"},
        "references": inline_formset(
            [{"id": existing.pk, "raw": NORCROSS, "kind": "article-journal", **reference}],
            initial=1,
        ),
    }
    return client.post(edit_url, nested_form_data(data))


@pytest.mark.django_db
def test_the_edit_form_shows_people_as_lines_and_empty_lists_as_empty(editor):
    summary = make_summary(references=[NORCROSS])
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[summary.pk])).content.decode()
    assert "Norcross, J. C.\nLambert, M. J.</textarea>" in html
    assert "[]" not in html.split('name="references-0-editors"')[1].split("</textarea>")[0]
    assert '"family"' not in html
    assert "references/people.js" in html


@pytest.mark.django_db
def test_people_typed_as_lines_are_saved_as_csl_names(editor):
    summary = make_summary(references=[NORCROSS])
    response = post_reference(
        editor,
        summary,
        authors="Lambert, M. J.\nNorcross, J. C.",  # reordered by the editor
        editors="",
        unparsed="a note\nanother note",
    )
    assert response.status_code == 302
    draft = SummaryPage.objects.get(pk=summary.pk).get_latest_revision_as_object()
    [reference] = draft.references.all()
    assert reference.authors == [
        {"family": "Lambert", "given": "M. J."},
        {"family": "Norcross", "given": "J. C."},
    ]
    assert reference.editors == []
    assert reference.unparsed == ["a note", "another note"]


@pytest.mark.django_db
def test_a_bad_author_line_is_refused_with_the_editors_text_kept(editor):
    summary = make_summary(references=[NORCROSS])
    revisions = summary.revisions.count()
    typed = "Norcross, J. C., Lambert, M. J."
    response = post_reference(editor, summary, authors=typed, editors="", unparsed="")
    assert response.status_code == 200
    html = response.content.decode()
    assert "holds more than one person" in html
    assert f"\n{typed}</textarea>" in html  # nothing the editor typed is lost
    assert summary.revisions.count() == revisions
