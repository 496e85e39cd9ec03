"""The monthly issue puts each subscriber's topics first; the rest follow in the editor's order."""

import pytest
from django.core import mail

from digest.core.tests.factories import make_issue, make_summary
from digest.newsletter import delivery, tasks
from digest.newsletter.emails import IssueEmail
from digest.taxonomy.models import Topic

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db

TITLES = ["Alliance first", "Empathy second", "Termination third"]


@pytest.fixture
def issue(db):
    issue = make_issue("2026-02", intro="<p>Three studies this month.</p>")
    for title, topic in zip(TITLES, ["alliance", "empathy", "termination"], strict=True):
        make_summary(issue, title, topics=[topic], implications=f"<p>About {title}.</p>")
    return issue


def received(email):
    return next(m for m in mail.outbox if m.to == [email])


def test_a_subscriber_with_topics_gets_them_first_under_a_line(issue):
    reader = make_subscriber("termination@example.org")
    reader.topics.set(Topic.objects.filter(slug="termination"))
    tasks.start_send(issue)
    message = received("termination@example.org")
    html = message.alternatives[0][0]
    for body, first, rest in (
        (message.body, "*** On your topics ***", "*** Also in this issue ***"),
        (html, ">On your topics<", ">Also in this issue<"),
    ):
        termination, alliance, empathy = (
            body.index(t) for t in ("Termination third", "Alliance first", "Empathy second")
        )
        assert body.index(first) < termination < body.index(rest) < alliance < empathy
        # Every summary once, nothing lost between the pieces.
        assert all(body.count(f"About {t}.") == 1 for t in TITLES)
        assert "Three studies this month." in body
        assert "Unsubscribe" in body


def test_a_subscriber_without_topics_gets_the_editors_order_and_no_section_lines(issue):
    make_subscriber("plain@example.org")
    tasks.start_send(issue)
    message = received("plain@example.org")
    for body in (message.body, message.alternatives[0][0]):
        alliance, empathy, termination = (body.index(t) for t in TITLES)
        assert alliance < empathy < termination
        assert "On your topics" not in body and "Also in this issue" not in body


def test_topics_that_match_nothing_this_month_change_nothing(issue):
    reader = make_subscriber("grief@example.org")
    reader.topics.set(Topic.objects.filter(slug="trauma"))
    tasks.start_send(issue)
    body = received("grief@example.org").body
    assert "On your topics" not in body
    assert [body.index(t) for t in TITLES] == sorted(body.index(t) for t in TITLES)


def test_when_every_summary_is_on_their_topics_there_is_no_rest_line(issue):
    reader = make_subscriber("all@example.org")
    reader.topics.set(Topic.objects.filter(slug__in=["alliance", "empathy", "termination"]))
    tasks.start_send(issue)
    body = received("all@example.org").body
    assert "On your topics" in body and "Also in this issue" not in body


def test_the_subject_is_the_same_for_everyone(issue):
    make_subscriber("plain@example.org")
    make_subscriber("topics@example.org").topics.set(Topic.objects.filter(slug="empathy"))
    tasks.start_send(issue)
    assert len({m.subject for m in mail.outbox}) == 1


def test_french_subscribers_get_french_section_lines(issue):
    reader = make_subscriber("fr@example.org", language="fr")
    reader.topics.set(Topic.objects.filter(slug="empathy"))
    tasks.start_send(issue)
    body = received("fr@example.org").body
    assert "*** Sur vos thèmes ***" in body and "*** Aussi dans ce numéro ***" in body


def test_templates_render_once_per_language_whatever_the_orders(issue, django_assert_num_queries):
    email = IssueEmail(issue)
    subscribers = [make_subscriber(f"r{n}@example.org") for n in range(3)]
    email.message(subscribers[0], topic_ids=[])  # renders the frame
    frame = email.frame("en")
    for subscriber, topics in zip(subscribers, [["alliance"], ["termination"], []], strict=True):
        ids = list(Topic.objects.filter(slug__in=topics).values_list("pk", flat=True))
        with django_assert_num_queries(0):
            email.message(subscriber, topic_ids=ids)
    assert email.frame("en") is frame


def test_an_editor_headline_cannot_forge_a_section_mark(db):
    issue = make_issue("2026-03")
    make_summary(issue, "<!--x:end--> tricky <!--yours-->", topics=["alliance"])
    make_summary(issue, "Plain", topics=["empathy"])
    reader = make_subscriber("t@example.org")
    message = IssueEmail(issue).message(
        reader, topic_ids=Topic.objects.filter(slug="empathy").values_list("pk", flat=True)
    )
    assert message.body.index("Plain") < message.body.index("tricky")
    plain = IssueEmail(issue).message(reader, topic_ids=[])
    assert message.body.count("tricky") == plain.body.count("tricky")  # headline and address


def test_a_batch_reads_every_subscribers_topics_in_one_query(issue, django_assert_num_queries):
    readers = [make_subscriber(f"r{n}@example.org") for n in range(5)]
    for reader in readers:
        reader.topics.set(Topic.objects.filter(slug="empathy"))
    with django_assert_num_queries(1):
        topics = delivery.topics_of([r.pk for r in readers])
    assert set(topics) == {r.pk for r in readers}
