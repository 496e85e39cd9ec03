"""Sending an issue: once, to confirmed subscribers only, as a complete CASL-compliant e-mail."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from digest.core.tests.factories import make_issue
from digest.newsletter import delivery, tasks
from digest.newsletter.models import Delivery, IssueSend, Subscriber

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db


def test_send_reaches_confirmed_subscribers_only_and_records_each_delivery(issue):
    make_subscriber("a@example.org")
    make_subscriber("b@example.org")
    make_subscriber("pending@example.org", status=Subscriber.Status.PENDING)
    make_subscriber("gone@example.org", status=Subscriber.Status.UNSUBSCRIBED)

    send = tasks.start_send(issue)

    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}
    assert Delivery.objects.filter(sent_at__isnull=False, attempts=1).count() == 2
    send.refresh_from_db()
    assert send.prepared_at and send.finished_at
    assert send.progress()["sent"] == 2 and send.progress()["waiting"] == 0


def test_a_second_send_of_the_same_issue_is_refused(issue):
    make_subscriber("a@example.org")
    tasks.start_send(issue)
    with pytest.raises(delivery.SendRefused):
        tasks.start_send(issue)
    assert len(mail.outbox) == 1
    assert IssueSend.objects.count() == 1


def test_an_unpublished_issue_cannot_be_sent(db):
    draft = make_issue("2026-03", live=False)
    with pytest.raises(delivery.SendRefused):
        tasks.start_send(draft)
    assert not IssueSend.objects.exists()


def test_issue_email_has_text_twin_inlined_css_absolute_links_and_casl_footer(issue, settings):
    settings.NEWSLETTER_POSTAL_ADDRESS = "100 Research Way, Toronto ON M5S 1A1"
    make_subscriber("a@example.org")
    tasks.start_send(issue)
    message = mail.outbox[0]
    html = message.alternatives[0][0]
    assert message.alternatives[0][1] == "text/html"

    for body in (message.body, html):
        assert "Experts Agree on Strategies to Repair Alliance Ruptures" in body
        assert "Alliance rupture repair: A meta-analysis" in body
        assert "https://doi.org/10.1037/pst0000185" in body
        assert "Name the rupture" in body
        assert "100 Research Way, Toronto ON M5S 1A1" in body
        assert "http://testserver/unsubscribe/" in body
        assert "http://testserver/preferences/" in body
    assert "Practice implications" in message.body
    # CSS inlined, relative rich-text links made absolute.
    assert "<style" not in html and 'style="' in html
    assert 'href="http://testserver/archive/"' in html
    assert 'href="/' not in html
    assert message.from_email == "Practice Digest <digest@example.org>"


def test_every_issue_email_offers_one_click_unsubscribe(issue, client):
    subscriber = make_subscriber("a@example.org")
    tasks.start_send(issue)
    headers = mail.outbox[0].extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = headers["List-Unsubscribe"].strip("<>")
    assert url.startswith("http://testserver/unsubscribe/")
    assert url in mail.outbox[0].body

    client.post(url.removeprefix("http://testserver"), {"List-Unsubscribe": "One-Click"})
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_french_subscribers_get_the_french_frame_around_english_content(issue):
    make_subscriber("fr@example.org", language="fr")
    tasks.start_send(issue)
    message = mail.outbox[0]
    html = message.alternatives[0][0]
    assert "janvier 2026" in message.subject
    assert "Implications pour la pratique" in message.body
    assert "Experts Agree on Strategies to Repair Alliance Ruptures" in message.body
    assert "http://testserver/fr/unsubscribe/" in message.body
    assert 'lang="fr"' in html and 'lang="en"' in html


def test_subscriber_who_leaves_after_the_fan_out_is_skipped(issue, settings):
    settings.NEWSLETTER_LANES = 0  # fan out only; batches are run by hand below
    kept = make_subscriber("kept@example.org")
    leaving = make_subscriber("leaving@example.org")
    tasks.start_send(issue)
    leaving.unsubscribe()

    counts = delivery.deliver_batch(issue.pk)

    assert counts == {"sent": 1, "failed": 0, "skipped": 1}
    assert [m.to for m in mail.outbox] == [[kept.email]]
    assert Delivery.objects.get(subscriber=leaving).status == Delivery.Status.SKIPPED


def test_send_issue_command_sends_once_and_explains_a_refusal(issue, capsys):
    make_subscriber("a@example.org")
    call_command("send_issue", "2026-01")
    assert len(mail.outbox) == 1
    assert "2026-01" in capsys.readouterr().out
    with pytest.raises(CommandError, match="already been sent"):
        call_command("send_issue", "2026-01")
    with pytest.raises(CommandError, match="No issue"):
        call_command("send_issue", "1999-01")
    with pytest.raises(CommandError, match="YYYY-MM"):
        call_command("send_issue", "January")


def test_long_paragraphs_are_wrapped_so_the_email_is_sent_as_8bit(db):
    issue = make_issue("2026-02", intro="<p>" + "A very long editorial sentence. " * 80 + "</p>")
    make_subscriber("a@example.org")
    tasks.start_send(issue)
    raw = mail.outbox[0].message().as_bytes()
    assert b"quoted-printable" not in raw
    assert max(len(line) for line in raw.splitlines()) <= 998
    intro = [line for line in mail.outbox[0].body.splitlines() if "editorial" in line]
    assert len(intro) > 20 and all(len(line) <= 78 for line in intro)
