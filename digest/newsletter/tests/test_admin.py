"""The editor's side: subscribers (search, filters, export, import, history) and the one send."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from digest.core.tests.factories import make_issue
from digest.newsletter import tasks
from digest.newsletter.models import Delivery, IssueSend, Subscriber

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(user)
    return user


def test_subscribers_are_listed_searched_and_filtered(client, editor):
    make_subscriber("alice@example.org")
    make_subscriber("bob@example.org", status=Subscriber.Status.PENDING, language="fr")
    listing = client.get("/admin/newsletter_subscribers/").content.decode()
    assert "alice@example.org" in listing and "bob@example.org" in listing
    assert "Import CSV" in listing

    found = client.get("/admin/newsletter_subscribers/?q=alice").content.decode()
    assert "alice@example.org" in found and "bob@example.org" not in found
    pending = client.get("/admin/newsletter_subscribers/?status=pending").content.decode()
    assert "bob@example.org" in pending and "alice@example.org" not in pending


def test_subscribers_export_as_csv_with_their_consent_record(client, editor):
    make_subscriber("alice@example.org", consent_source="subscribe page")
    response = client.get("/admin/newsletter_subscribers/?export=csv")
    body = b"".join(response.streaming_content).decode()
    header, row = body.splitlines()[:2]
    assert "Consent source" in header
    assert row.startswith("alice@example.org,confirmed,en") or "alice@example.org" in row
    assert "subscribe page" in row


def test_delivery_history_shows_on_the_subscriber(client, editor, issue):
    subscriber = make_subscriber("alice@example.org")
    tasks.start_send(issue)
    page = client.get(f"/admin/newsletter_subscribers/inspect/{subscriber.pk}/").content.decode()
    assert "Delivery history" in page and issue.title in page and "Sent" in page


def test_csv_import_records_the_consent_source_and_respects_unsubscribes(client, editor):
    make_subscriber("left@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    upload = SimpleUploadedFile(
        "members.csv", b"email,language\nNew@Example.org,fr\nleft@example.org,en\n"
    )
    response = client.post(
        "/admin/newsletter_subscribers/import/",
        {"file": upload, "consent_source": "2025 renewal form, newsletter box ticked"},
        follow=True,
    )
    assert "1 added" in response.content.decode()
    new = Subscriber.objects.get(email="new@example.org")
    assert new.status == Subscriber.Status.CONFIRMED and new.language == "fr"
    assert new.consent_source.startswith("2025 renewal form, newsletter box ticked")
    assert "members.csv" in new.consent_source and "boss" in new.consent_source
    assert Subscriber.objects.get(email="left@example.org").status == "unsubscribed"


def test_csv_import_with_a_bad_row_imports_nothing_and_lists_every_problem(client, editor):
    upload = SimpleUploadedFile(
        "members.csv", b"email,language\nnew@example.org,fr\nnot-an-email,en\nx@example.org,de\n"
    )
    response = client.post(
        "/admin/newsletter_subscribers/import/",
        {"file": upload, "consent_source": "renewal form"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was imported" in page
    assert "Line 3: &#x27;not-an-email&#x27; is not an e-mail address" in page
    assert "Line 4: unknown language" in page
    assert not Subscriber.objects.exists()


def test_import_subscribers_command(tmp_path, db):
    path = tmp_path / "list.csv"
    path.write_text("a@example.org,en\nb@example.org,FR\n")
    out, err = io.StringIO(), io.StringIO()
    call_command("import_subscribers", str(path), stdout=out, stderr=err)
    assert "2 added" in out.getvalue() and not err.getvalue()
    assert Subscriber.objects.get(email="b@example.org").language == "fr"
    assert Subscriber.objects.get(email="a@example.org").consent_source == "CSV import of list.csv"


def test_send_screen_previews_tests_and_sends_once(client, editor, issue):
    make_subscriber("reader@example.org")
    url = f"/admin/newsletter_sends/{issue.pk}/"
    page = client.get(url).content.decode()
    assert "It would go to 1 confirmed subscriber" in page
    html = client.get(f"/admin/newsletter_sends/{issue.pk}/preview.html?language=fr")
    assert "Implications pour la pratique" in html.content.decode()
    text = client.get(f"/admin/newsletter_sends/{issue.pk}/preview.txt")
    assert text["Content-Type"].startswith("text/plain")
    assert "Experts Agree" in text.content.decode()

    client.post(url, {"action": "test", "language": "en"})
    assert [m.to for m in mail.outbox] == [["boss@example.org"]]
    assert mail.outbox[0].subject.startswith("[Test] ")
    assert not IssueSend.objects.exists()

    client.post(url, {"action": "send"})  # unconfirmed: nothing happens
    assert not IssueSend.objects.exists()
    client.post(url, {"action": "send", "confirm": "yes"})
    page = client.get(url).content.decode()
    assert Delivery.objects.get().status == Delivery.Status.SENT
    assert "Send requested" in page and "Send the issue" not in page

    response = client.post(url, {"action": "send", "confirm": "yes"}, follow=True)
    assert "already been sent" in response.content.decode()
    assert len(mail.outbox) == 2

    listing = client.get("/admin/newsletter_sends/").content.decode()
    assert "1 sent, 0 failed, 0 waiting" in listing


def test_issue_pages_get_a_newsletter_button(client, editor, issue):
    page = client.get(f"/admin/pages/{issue.pk}/edit/").content.decode()
    assert f"/admin/newsletter_sends/{issue.pk}/" in page


def test_an_unpublished_issue_offers_no_send(client, editor):
    draft = make_issue("2026-05", live=False)
    page = client.get(f"/admin/newsletter_sends/{draft.pk}/").content.decode()
    assert "publish it before sending" in page and "Send the issue" not in page
    assert client.get("/admin/newsletter_sends/999999/").status_code == 404
