"""The editor's journey in chromium: suggestions shown beside the summary, accepted with a
click into the form's own fields, saved only when the editor saves."""

import pytest

from digest.core.tests.factories import make_summary
from digest.summaries.models import SummaryPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_editor_accepts_a_suggested_topic_and_sample_size(open_page, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "secret-pw")
    summary = make_summary(
        title="Repairing ruptures",
        body=(
            "<p>In this naturalistic study, 605 clients were seen by 79 therapists in primary "
            "care. Alliance ruptures that were repaired predicted better outcome.</p>"
        ),
    )
    page = open_page()
    page.goto("/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "secret-pw")
    page.click("button[type=submit]")
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Security Policy" in m.text else 0)
    page.goto(f"/admin/pages/{summary.pk}/edit/")

    panel = page.locator("[data-evidence-suggestions]")
    panel.get_by_text("Alliance and Therapeutic Relationship").wait_for()
    accept = panel.locator('[data-evidence-accept][data-field="topics"]').first
    topic_id = accept.get_attribute("data-value")
    accept.click()
    panel.locator('[data-evidence-accept][data-field="n_clients"]').click()
    assert page.input_value("input[name=n_clients]") == "605"

    # "Update" re-reads the form and redraws the lists, buttons still wired.
    panel.locator("[data-evidence-refresh]").click()
    panel.get_by_text("already set").first.wait_for()
    assert panel.locator('[data-evidence-accept][data-field="n_clients"]').count() == 0

    summary.refresh_from_db()
    assert summary.n_clients is None  # nothing saved until the editor saves

    assert violations == []
    # The summary's issue is live, so Publish is the main action and Save draft is under
    # "More actions".
    page.locator("footer .w-dropdown__toggle").click()
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(f"**/admin/pages/{summary.pk}/edit/")
    draft = SummaryPage.objects.get(pk=summary.pk).get_latest_revision_as_object()
    assert draft.n_clients == 605
    assert [str(t.pk) for t in draft.topics.all()] == [topic_id]
