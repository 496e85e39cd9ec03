"""A subscriber's journey in Debian's chromium: choose topics on the preferences page, then
receive the issue, through a real SMTP server on localhost, with those topics first."""

import email
import email.policy

import pytest

from digest.core.tests.factories import make_issue, make_summary
from digest.newsletter import tasks, tokens
from digest.newsletter.tests.sink import CountingHandler, SMTPSink

from .conftest import make_subscriber

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


class KeepingHandler(CountingHandler):
    """Counts, and keeps each message as received."""

    def __init__(self):
        super().__init__()
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return await super().handle_DATA(server, session, envelope)


def test_a_subscriber_chooses_topics_and_gets_them_first(open_page, settings):
    issue = make_issue("2026-02", intro="<p>Three studies this month.</p>")
    for title, topic in (
        ("Alliance first", "alliance"),
        ("Empathy second", "empathy"),
        ("Termination third", "termination"),
    ):
        make_summary(issue, title, topics=[topic])
    reader = make_subscriber("reader@example.org")

    page = open_page()
    page.goto(f"/preferences/{tokens.preferences_token(reader)}/")
    page.get_by_role("checkbox", name="Termination", exact=True).first.check()
    page.get_by_role("button", name="Save my preferences").click()
    page.get_by_text("Your preferences are saved.").wait_for()

    handler = KeepingHandler()
    with SMTPSink(handler) as sink:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
        tasks.start_send(issue)

    [message] = handler.messages
    assert message["To"] == "reader@example.org"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    for body, first, rest in (
        (text, "*** On your topics ***", "*** Also in this issue ***"),
        (html, "On your topics", "Also in this issue"),
    ):
        assert body.index(first) < body.index("Termination third") < body.index(rest)
        assert body.index(rest) < body.index("Alliance first") < body.index("Empathy second")
