"""`manage.py import_legacy`: saved pages of the old blog become issues and summaries, once."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from digest.issues.models import IssuePage
from digest.legacy.importer import import_legacy
from digest.legacy.models import ImportedEntry
from digest.references.models import Reference
from digest.summaries.models import SummaryPage

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
TEXT_PAGES = sorted(FIXTURES.glob("*.txt"))
ALL_PAGES = sorted(FIXTURES.glob("*.*"))


def summary(title, month):
    return SummaryPage.objects.get(title=title, month=month)


def snapshot(*, sources=True):
    """Everything an import may touch, to show a second run changes nothing. `sources` (the
    files and addresses each entry was seen on) is the import's own log, not the site."""
    fields = [f.name for f in ImportedEntry._meta.fields if sources or f.name != "sources"]
    return (
        list(Page.objects.order_by("path").values_list("path", "title", "live", "latest_revision")),
        Revision.objects.count(),
        list(ImportedEntry.objects.order_by("pk").values(*fields)),
        list(SummaryPage.topics.through.objects.order_by("pk").values_list()),
        list(SummaryPage.research_types.through.objects.order_by("pk").values_list()),
        list(Reference.objects.order_by("pk").values_list("pk", "raw", "doi")),
    )


def test_fixture_pages_become_issues_and_summaries():
    report = import_legacy(TEXT_PAGES)
    assert report.pages_read == 6
    assert report.entries_found == 14
    # 10 complete entries, 1 cut off; 3 copies folded in (2 from filtered views, 1 cut copy).
    assert (report.created, len(report.incomplete), report.merged) == (10, 1, 3)
    assert len(report.unparsed) == 1 and "Short check-ins" in report.unparsed[0][1]

    february = IssuePage.objects.get(month="2018-02-01")
    assert february.live and february.title == "February 2018"
    assert "I blog about repairing ruptures" in february.intro
    assert [s.title for s in february.summaries()] == [
        "Experts Agree on Strategies to Repair Alliance Ruptures",
        "Feedback Helps Clients Who Are Not on Track",
    ]
    assert IssuePage.objects.filter(live=True).count() == 8  # August 2017 holds only a draft


def test_entry_fields_references_and_email():
    import_legacy(TEXT_PAGES)
    rupture = summary("Experts Agree on Strategies to Repair Alliance Ruptures", "2018-02-01")
    assert rupture.live and rupture.author_email == "rupture.lab@example.org"
    assert rupture.body.startswith("<p>Every therapist meets moments")
    assert rupture.implications.startswith("<p>A strain in the relationship")
    (reference,) = rupture.references.all()
    assert reference.raw.startswith("Eubanks, C. F., Muran, J. C., & Safran, J. D. (2018).")
    # Structured fields come from the reference parser; the raw text is kept regardless.
    assert reference.doi == "10.1037/pst0000185"
    assert reference.year == 2018
    sessions = summary("How Many Sessions Are Enough?", "2017-11-01")
    assert sessions.references.count() == 2
    assert "first of two entries" in sessions.preamble
    essay = summary("Online Therapy: Ethical Questions Worth Asking", "2017-12-01")
    assert essay.references.count() == 0 and essay.live


def test_entry_on_several_pages_is_imported_once_with_every_topic():
    import_legacy(TEXT_PAGES)
    feedback = summary("Feedback Helps Clients Who Are Not on Track", "2018-02-01")
    assert [t.slug for t in feedback.topics.all()] == ["feedback"]
    # cat_1=25 is "meta-analyses and systematic reviews"; the entry's wording picks one.
    assert [t.slug for t in feedback.research_types.all()] == ["meta-analysis"]
    rupture = summary("Experts Agree on Strategies to Repair Alliance Ruptures", "2018-02-01")
    assert [t.slug for t in rupture.topics.all()] == ["alliance"]
    assert ImportedEntry.objects.get(summary=feedback).sources == [
        "https://www.pprnet.ca/blog?cat_1=25&cat_2=30",
        "https://www.pprnet.ca/blog?p=1",
    ]


def test_same_headline_years_apart_is_two_summaries():
    import_legacy(TEXT_PAGES)
    older = summary("Feedback Helps Clients Who Are Not on Track", "2013-03-01")
    newer = summary("Feedback Helps Clients Who Are Not on Track", "2018-02-01")
    assert older.pk != newer.pk
    # The cut-off copy on the filtered page completed nothing but gave its topic.
    assert older.live and [t.slug for t in older.topics.all()] == ["feedback"]
    assert "started to get worse" in older.body


def test_cut_off_entry_is_a_draft_with_its_raw_text_in_a_draft_issue():
    report = import_legacy(TEXT_PAGES)
    ((source, entry, new),) = report.incomplete
    assert new and source == "https://www.pprnet.ca/blog?cat_2=12"
    draft = summary("The Alliance Still Matters", "2017-08-01")
    assert not draft.live and draft.has_unpublished_changes
    assert "pooled results from" in draft.body
    assert draft.references.get().doi == "10.1037/pst0000172"
    assert not IssuePage.objects.get(month="2017-08-01").live
    record = ImportedEntry.objects.get(summary=draft)
    assert record.status == "incomplete" and record.raw_text.endswith("pooled results from")


def test_running_again_changes_nothing():
    import_legacy(TEXT_PAGES)
    before = snapshot()
    report = import_legacy(TEXT_PAGES)
    assert snapshot() == before
    assert (report.created, report.updated, report.unchanged) == (0, 0, 11)


def test_html_and_text_of_the_same_pages_import_as_one():
    import_legacy(TEXT_PAGES)
    before = snapshot(sources=False)
    report = import_legacy(ALL_PAGES)
    assert report.pages_read == 12 and report.created == 0
    assert snapshot(sources=False) == before


def test_html_pages_alone_give_the_same_site():
    report = import_legacy(sorted(FIXTURES.glob("*.html")))
    assert (report.created, len(report.incomplete), report.merged) == (10, 1, 3)


def test_a_later_page_adds_its_topic_in_a_published_revision(tmp_path):
    import_legacy(TEXT_PAGES)
    empathy = summary("Therapist Empathy Predicts Outcome", "2018-01-01")
    revisions = empathy.revisions.count()
    page = tmp_path / "empathy.txt"
    text = (FIXTURES / "blog-page1.txt").read_text()
    page.write_text(text.replace("https://www.pprnet.ca/blog?p=1", "/blog?cat_2=29"))
    report = import_legacy([page])
    assert report.updated == 4 and report.created == 0
    empathy.refresh_from_db()
    assert [t.slug for t in empathy.topics.all()] == ["empathy"]
    assert empathy.live and not empathy.has_unpublished_changes
    assert empathy.revisions.count() == revisions + 1


def test_full_copy_read_later_completes_the_draft(tmp_path):
    import_legacy([FIXTURES / "blog-alliance.txt"])
    draft = summary("The Alliance Still Matters", "2017-08-01")
    assert not draft.live
    full = tmp_path / "alliance-full.txt"
    full.write_text(
        (FIXTURES / "blog-alliance.txt").read_text()
        + " many studies. The link held across kinds of therapy.\n"
        "Practice Implications\nAttend to the alliance from the first session.\n"
    )
    report = import_legacy([full])
    assert report.updated == 1 and not report.incomplete
    draft.refresh_from_db()
    assert draft.live and "Attend to the alliance" in draft.implications
    assert IssuePage.objects.get(month="2017-08-01").live
    assert ImportedEntry.objects.get(summary=draft).status == "complete"


def test_control_characters_in_a_saved_page_do_not_break_the_import(tmp_path):
    page = tmp_path / "nul.txt"
    text = (FIXTURES / "blog-page-oldest.txt").read_text()
    page.write_text(text.replace("This review", "This\x00 review\x07"))
    report = import_legacy([page])
    assert report.created == 3
    assert (
        "This review" in summary("Feedback Helps Clients Who Are Not on Track", "2013-03-01").body
    )


def test_command_prints_the_report():
    out = io.StringIO()
    # The clipping has no address line: it is kept, and the run says so and fails.
    with pytest.raises(CommandError, match="2 file"):
        call_command("import_legacy", str(FIXTURES), stdout=out)
    text = out.getvalue()
    assert "clipping.txt" in text and "WARNING: no address" in text
    assert "Import complete." not in text
    assert "Pages read: 12" in text
    assert "Entries created and published: 10" in text
    # The one incomplete copy is created too, as a draft: a first run never says "0 created".
    assert "Entries created as drafts (incomplete copies): 1" in text
    assert "Incomplete (kept as drafts): 1" in text
    assert "“The Alliance Still Matters”" in text
    assert "Unparsed fragments: 2" in text  # the clipping, in its HTML and text forms
    assert "| Short check-ins about the relationship" in text


def test_command_refuses_a_missing_path(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_legacy", str(tmp_path / "nope.html"))
    with pytest.raises(CommandError, match="No saved pages"):
        call_command("import_legacy", str(tmp_path))


def test_admin_lists_the_log_with_the_unparsed_text(admin_client):
    import_legacy([FIXTURES / "clipping.txt", FIXTURES / "blog-alliance.txt"])
    listing = admin_client.get("/admin/snippets/legacy/importedentry/?status=unparsed")
    assert listing.status_code == 200
    record = ImportedEntry.objects.get(status="unparsed")
    page = admin_client.get(f"/admin/snippets/legacy/importedentry/inspect/{record.pk}/")
    assert page.status_code == 200
    assert "Short check-ins about the relationship" in page.content.decode()
