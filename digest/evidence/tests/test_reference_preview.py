"""The live reference preview of the summary editor: APA 7 as readers will see it, and the
duplicate-article warning, from one reference form's unsaved fields."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from digest.core.tests.factories import make_summary

pytestmark = pytest.mark.django_db

EUBANKS = {
    "raw": (
        "Eubanks, C. F., Muran, J. C., & Safran, J. D. (2018). Alliance rupture repair: "
        "A meta-analysis. Psychotherapy, 55(4), 508–519. https://doi.org/10.1037/pst0000185"
    ),
}


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    return client


def preview(client, **fields):
    return client.post(reverse("evidence_reference_preview"), fields)


def test_structured_fields_show_in_apa_7(editor):
    response = preview(
        editor,
        raw="typed text",
        authors=json.dumps([{"family": "Eubanks", "given": "C. F."}]),
        year="2018",
        title="Alliance rupture repair: A meta-analysis",
        container_title="Psychotherapy",
        volume="55",
        issue="4",
        pages="508-519",
        doi="10.1037/pst0000185",
    )
    assert response.status_code == 200
    data = response.json()
    assert data["formatted"].startswith("Eubanks, C. F. (2018). Alliance rupture repair")
    assert "<i>Psychotherapy</i>" in data["html"] or "<i>Psychotherapy, 55</i>" in data["html"]
    assert "As readers will see it (APA 7)" in data["html"]
    assert data["duplicates"] == 0


def test_a_paste_not_yet_parsed_is_previewed_as_saving_would_read_it(editor):
    data = preview(editor, **EUBANKS).json()
    assert data["formatted"].startswith("Eubanks, C. F., Muran, J. C., & Safran, J. D. (2018).")


def test_authors_as_lines_or_odd_json_do_not_break_the_preview(editor):
    lines = preview(editor, raw="x", title="A title", authors="Norcross, J. C.\nLambert, M. J.")
    assert lines.json()["formatted"].startswith("Norcross, J. C., & Lambert, M. J.")
    odd = preview(editor, raw="x", title="A title", authors='[{"family": 5}, "text", {}]')
    assert odd.status_code == 200 and odd.json()["formatted"].startswith("A title")
    assert preview(editor, raw="x", title="T", kind="<script>", year="99999").status_code == 200


def test_text_that_cannot_be_read_is_shown_as_typed(editor):
    html = preview(editor, raw="see the attached leaflet").json()["html"]
    assert "see the attached leaflet" in html
    assert "readers will see the reference as typed" in html


def test_the_same_article_summarised_before_is_warned_about(editor):
    earlier = make_summary(title="Repairing ruptures, 2018", references=[EUBANKS])
    data = preview(editor, raw="x", doi="https://doi.org/10.1037/PST0000185").json()
    assert data["duplicates"] == 1
    assert "This article may already be summarised." in data["html"]
    assert "Repairing ruptures, 2018" in data["html"]
    assert reverse("wagtailadmin_pages:edit", args=[earlier.pk]) in data["html"]
    # Not a duplicate of itself while it is being edited.
    again = preview(editor, raw="x", doi="10.1037/pst0000185", page_id=str(earlier.pk)).json()
    assert again["duplicates"] == 0


def test_preview_is_for_staff_only_and_post_only(client, editor, django_user_model):
    assert editor.get(reverse("evidence_reference_preview")).status_code == 405
    client.logout()
    anonymous = preview(client, raw="x")
    assert anonymous.status_code == 302 and "/login/" in anonymous.url
    reader = django_user_model.objects.create_user("reader", "r@example.org", "pw")
    client.force_login(reader)
    assert preview(client, raw="x").status_code in (302, 403)


def test_preview_refuses_summaries_the_user_cannot_edit(client, django_user_model):
    summary = make_summary()
    user = django_user_model.objects.create_user("guest", "g@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail's admin answers a refusal with a redirect to the dashboard and a message.
    assert preview(client, raw="x", page_id=str(summary.pk)).status_code in (302, 403)
    assert preview(client, raw="x", page_id="abc").status_code == 400


def test_overlong_input_is_refused_with_a_message(editor):
    response = preview(editor, raw="x" * 10_001)
    assert response.status_code == 400
    assert "too long" in response.json()["error"]


def test_the_summary_editor_loads_the_preview_script(editor):
    summary = make_summary(references=[EUBANKS])
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[summary.pk])).content.decode()
    assert "evidence/reference_preview.js" in html
    assert f'data-preview-endpoint="{reverse("evidence_reference_preview")}"' in html
