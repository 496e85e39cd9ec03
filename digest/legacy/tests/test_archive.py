"""export_archive / import_archive: the archive leaves as one JSON file and comes back unchanged."""

import datetime
import difflib
import importlib
import io
import json
import re
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.core.management import CommandError, call_command
from django.utils import timezone

from digest.core.tests.factories import make_issue, make_summary
from digest.issues.models import IssuePage
from digest.legacy.archive import ENCODER, ArchiveError, export_archive, import_archive
from digest.legacy.importer import import_legacy
from digest.legacy.models import ImportedEntry
from digest.summaries.models import SummaryPage
from digest.taxonomy.models import ResearchType, Topic, TopicAlias

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"


def build_site():
    """An archive with every kind of state: imported pages (with a draft), a live summary with
    unpublished changes, a rich-text link to another page, a renamed and a merged topic."""
    import_legacy(sorted(FIXTURES.glob("*.txt")))
    issue = make_issue("2019-05", intro="<p>This month I blog about endings.</p>")
    ending = make_summary(
        issue,
        "Endings Can Be Planned",
        topics=["termination"],
        types=["rct"],
        references=["Norcross, J. C., & Lambert, M. J. (2018). Psychotherapy relationships "
                    "that work III. Psychotherapy, 55(4), 303–315. "
                    "https://doi.org/10.1037/pst0000193"],
        author_email="endings@example.org",
        n_clients=120,
        design="Randomised controlled trial",
        evidence_confirmed=True,
    )  # fmt: skip
    other = SummaryPage.objects.get(title="Therapist Empathy Predicts Outcome")
    linked = make_summary(
        issue,
        "A Summary That Links",
        body=f'<p>See <a linktype="page" id="{other.pk}">the empathy review</a>.</p>',
    )
    pending = ending.get_latest_revision_as_object()
    pending.implications = "<p>Draft wording not yet published.</p>"
    pending.save_revision()
    training = Topic.objects.get(slug="training")
    training.name, training.slug = "Training and Supervision", "training-supervision"
    training.save()
    Topic.objects.get(slug="placebo").merge_into(Topic.objects.get(slug="common-factors"))
    return other, linked


def urls():
    pages = [p.url for p in IssuePage.objects.live()] + [p.url for p in SummaryPage.objects.live()]
    topics = [t.get_absolute_url() for t in Topic.objects.all()]
    types = [t.get_absolute_url() for t in ResearchType.objects.all()]
    return sorted(
        ["/", "/archive/", "/archive/?topic=feedback", "/topics/", "/feeds/rss/", "/fr/archive/"]
        + pages
        + topics
        + types
    )


def render_all(client):
    rendered = {}
    for url in urls():
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        # Per-request noise: CSRF tokens and CSP nonces differ on every request.
        text = re.sub(r'(csrfmiddlewaretoken" value=")[^"]+', r"\1", text)
        text = re.sub(r'nonce="[^"]+"', "", text)
        if url == "/topics/":
            # Its order is not fixed on PostgreSQL (Django drops Meta.ordering from the
            # annotated count query in summaries.term_views.topic_list): compare what it lists.
            text = "\n".join(sorted(text.splitlines()))
        rendered[url] = text
    return rendered


def empty_the_site():
    """What a new database holds: the home page and the migrated vocabulary, no issues."""
    for issue in IssuePage.objects.all():
        issue.delete()
    ImportedEntry.objects.all().delete()
    TopicAlias.objects.all().delete()
    Topic.objects.all().delete()
    ResearchType.objects.all().delete()
    vocabulary = importlib.import_module("digest.taxonomy.migrations.0002_initial_vocabulary")
    vocabulary.create_vocabulary(django_apps, None)


def comparable(archive):
    """The archive minus what a new database renumbers."""
    text = json.dumps(archive, sort_keys=True, default=str)
    text = re.sub(r'"(id|exported_at)": [^,}]+', r'"\1": 0', text)
    return re.sub(r'linktype=\\"page\\" id=\\"\d+', "linktype=page", text)


def test_export_import_renders_every_page_the_same(client):
    build_site()
    before_pages = render_all(client)
    before = export_archive()
    text = json.dumps(before, cls=ENCODER)

    empty_the_site()
    assert not IssuePage.objects.exists()
    counts = import_archive(json.loads(text))

    assert counts == {"issues": len(before["issues"]), "summaries": 13}
    after_pages = render_all(client)
    differences = {
        url: "\n".join(difflib.unified_diff(page.splitlines(), after_pages[url].splitlines(), n=0))
        for url, page in before_pages.items()
        if after_pages[url] != page
    }
    assert not differences
    assert comparable(export_archive()) == comparable(before)


def test_states_dates_drafts_and_links_survive(client):
    other, linked = build_site()
    later = make_summary(make_issue("2019-05"), "Published Next Week", live=False)
    later.go_live_at = timezone.now() + datetime.timedelta(days=7)
    later.save_revision().publish()  # a future go_live_at schedules it
    archive = json.loads(json.dumps(export_archive(), cls=ENCODER))
    first_published = SummaryPage.objects.get(title="Endings Can Be Planned").first_published_at
    empty_the_site()
    import_archive(archive)

    ending = SummaryPage.objects.get(title="Endings Can Be Planned")
    assert ending.live and ending.has_unpublished_changes
    assert ending.first_published_at == first_published
    assert ending.get_latest_revision_as_object().implications == (
        "<p>Draft wording not yet published.</p>"
    )
    assert ending.implications == "<p>Clinicians may want to act on this.</p>"
    assert ending.references.get().doi == "10.1037/pst0000193"
    draft = SummaryPage.objects.get(title="The Alliance Still Matters")
    assert not draft.live and "pooled results from" in draft.get_latest_revision_as_object().body
    scheduled = SummaryPage.objects.get(title="Published Next Week")
    assert not scheduled.live
    assert scheduled.get_latest_revision().approved_go_live_at == later.go_live_at
    new_other = SummaryPage.objects.get(title="Therapist Empathy Predicts Outcome")
    new_linked = SummaryPage.objects.get(title="A Summary That Links")
    assert f'id="{new_other.pk}"' in new_linked.body
    assert Topic.objects.filter(slug="training-supervision", name="Training and Supervision")
    assert TopicAlias.objects.get(slug="training").topic.slug == "training-supervision"
    assert TopicAlias.objects.get(slug="placebo").legacy_id == 40
    assert not Topic.objects.filter(slug="placebo").exists()
    # The legacy import's log comes along: importing the old pages again changes nothing.
    report = import_legacy(sorted(FIXTURES.glob("*.txt")))
    assert report.created == 0 and report.updated == 0


def test_commands_round_trip_and_refuse_a_site_with_issues(tmp_path):
    make_summary(make_issue("2020-01"), "One Summary", topics=["empathy"])
    path = tmp_path / "archive.json"
    call_command("export_archive", "-o", str(path), stderr=io.StringIO())
    data = json.loads(path.read_text())
    assert (data["format"], data["version"]) == ("practice-digest-archive", 1)
    assert "subscribers" not in data
    with pytest.raises(CommandError, match="already has issues"):
        call_command("import_archive", str(path))
    out = io.StringIO()
    call_command("import_archive", str(path), "--replace", stdout=out)
    assert "Loaded 1 issues and 1 summaries" in out.getvalue()
    assert SummaryPage.objects.get().topics.get().slug == "empathy"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "is not JSON"),
        ('{"format": "something-else"}', "not a Practice Digest archive"),
        ('{"format": "practice-digest-archive", "version": 99}', "version 99 cannot be read"),
        ('{"format": "practice-digest-archive", "version": 1}', "no list of topics"),
    ],
)
def test_bad_files_are_refused_with_a_message(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_archive", str(path))


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_archive", str(tmp_path / "none.json"))


def test_export_lists_every_field_of_a_summary():
    make_summary(make_issue("2020-01"), "One Summary", setting="primary care", n_studies=12)
    summary = export_archive()["issues"][0]["summaries"][0]
    for name in ("title", "slug", "body", "implications", "preamble", "author_email", "design",
                 "n_studies", "setting", "evidence_confirmed", "live", "first_published_at",
                 "last_published_at", "topics", "research_types", "references"):  # fmt: skip
        assert name in summary
    assert summary["setting"] == "primary care" and summary["n_studies"] == 12
    assert isinstance(export_archive()["exported_at"], type(timezone.now()))


def test_import_refuses_non_archives_directly():
    with pytest.raises(ArchiveError):
        import_archive([])


def test_teaching_packs_survive_export_and_import(client):
    from digest.reading.models import PackIndexPage, PackItem, TeachingPack

    build_site()
    index = PackIndexPage(title="Teaching packs", slug="packs", intro="<p>For seminars.</p>")
    IssuePage.objects.first().get_parent().add_child(instance=index)
    index.save_revision().publish()
    first, second = SummaryPage.objects.order_by("path")[:2]
    pack = TeachingPack(title="Week one", introduction="<p>Read both.</p>")
    pack.items.add(PackItem(sort_order=0, summary=second, note="Start here."))
    pack.items.add(PackItem(sort_order=1, summary=first))
    index.add_child(instance=pack)
    pack.save_revision().publish()
    draft = TeachingPack(title="Not yet", live=False)
    draft.items.add(PackItem(sort_order=0, summary=first))
    index.add_child(instance=draft)
    draft.save_revision()
    before_page = client.get(pack.url).content.decode()
    archive = json.loads(json.dumps(export_archive(), cls=ENCODER))

    empty_the_site()
    assert not TeachingPack.objects.filter(items__isnull=False).exists()
    import_archive(archive)

    imported = TeachingPack.objects.get(slug=pack.slug)
    assert imported.live and imported.url == pack.url
    assert [(s.title, note) for s, note in imported.entries()] == [
        (second.title, "Start here."),
        (first.title, ""),
    ]
    assert not TeachingPack.objects.get(slug=draft.slug).live
    assert client.get(pack.url).content.decode() == before_page
    again = json.loads(json.dumps(export_archive(), cls=ENCODER))
    assert json.loads(comparable(again))["packs"] == json.loads(comparable(archive))["packs"]
