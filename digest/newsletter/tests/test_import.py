"""`import_subscribers`: every row is checked first; a file with any problem imports nothing."""

import io

import pytest
from django.core.management import CommandError, call_command

from digest.newsletter.models import Subscriber
from digest.taxonomy.models import Topic, TopicAlias

pytestmark = pytest.mark.django_db


def run_import(tmp_path, data: bytes):
    path = tmp_path / "members.csv"
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_subscribers", str(path), stdout=out, stderr=err)
    except CommandError as exc:
        return False, out.getvalue(), err.getvalue() + str(exc)
    return True, out.getvalue(), err.getvalue()


def make_topic(name, slug):
    # The network's vocabulary is loaded by a migration: reuse a topic if it is there.
    return Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def good_rows(count):
    return "".join(f"member{n}@example.org,en\n" for n in range(count)).encode()


def test_a_non_utf8_byte_late_in_the_file_imports_nothing_and_names_its_line(tmp_path):
    data = good_rows(1000) + "caf\u00e9@example.org,fr\n".encode("latin-1")
    ok, out, err = run_import(tmp_path, data)
    assert not ok
    assert "Line 1001: byte 0xE9 is not UTF-8" in err
    assert "Nothing was imported" in err
    assert not Subscriber.objects.exists()


def test_an_address_longer_than_the_database_allows_imports_nothing(tmp_path):
    long_address = "a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".org"  # valid form, 312 chars
    assert len(long_address) > 254
    data = good_rows(4) + f"{long_address},en\n".encode() + good_rows(3)
    ok, out, err = run_import(tmp_path, data)
    assert not ok
    assert "Line 5:" in err and "at most 254 characters" in err
    assert not Subscriber.objects.exists()


def test_a_huge_single_line_is_reported_not_raised(tmp_path):
    data = b"ok@example.org,en\n" + b"x" * (10 * 1024 * 1024)
    ok, out, err = run_import(tmp_path, data)
    assert not ok
    assert "Line 2:" in err
    assert not Subscriber.objects.exists()


def test_every_problem_is_printed_with_its_line_number(tmp_path):
    data = (
        b"email,language\n"
        b"good@example.org,en\n"
        b"not-an-address,en\n"
        b"good@example.org,fr\n"
        b"other@example.org,klingon\n"
    )
    ok, out, err = run_import(tmp_path, data)
    assert not ok
    assert "Line 3: 'not-an-address' is not an e-mail address" in err
    assert "Line 4: good@example.org appears twice (first on line 2)" in err
    assert "Line 5: unknown language 'klingon'" in err
    assert "3 problems" in err
    assert not Subscriber.objects.exists()


def test_a_clean_file_is_imported_whole(tmp_path):
    ok, out, err = run_import(tmp_path, b"\xef\xbb\xbf" + good_rows(300))
    assert ok and "300 added" in out
    assert Subscriber.objects.confirmed().count() == 300


def test_the_topics_column_takes_slugs_separated_by_semicolons(tmp_path):
    ruptures = make_topic("Test ruptures", slug="x-alliance-ruptures")
    termination = make_topic("Test termination", slug="x-termination")
    TopicAlias.objects.create(slug="x-ending-therapy", topic=termination)
    data = (
        b"email,language,topics\n"
        b"a@example.org,en,x-alliance-ruptures; x-ending-therapy\n"
        b"b@example.org,fr,\n"
    )
    ok, out, err = run_import(tmp_path, data)
    assert ok, err
    a = Subscriber.objects.get(email="a@example.org")
    assert set(a.topics.all()) == {ruptures, termination}
    assert not Subscriber.objects.get(email="b@example.org").topics.exists()


def test_an_unknown_topic_slug_is_reported_and_nothing_is_imported(tmp_path):
    make_topic("Test termination", slug="x-termination")
    data = b"a@example.org,en,x-termination\nb@example.org,en,x-termination;no-such-topic\n"
    ok, out, err = run_import(tmp_path, data)
    assert not ok
    assert "Line 2: unknown topic 'no-such-topic'" in err
    assert not Subscriber.objects.exists()


def test_an_existing_pending_subscriber_is_confirmed_and_gets_the_topics(tmp_path):
    topic = make_topic("Test termination", slug="x-termination")
    Subscriber.objects.create(email="p@example.org", status=Subscriber.Status.PENDING)
    Subscriber.objects.create(email="u@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    ok, out, err = run_import(tmp_path, b"p@example.org,en,x-termination\nu@example.org,en\n")
    assert ok and "1 pending now confirmed" in out and "1 left unsubscribed" in out
    pending = Subscriber.objects.get(email="p@example.org")
    assert pending.status == Subscriber.Status.CONFIRMED
    assert list(pending.topics.all()) == [topic]
    assert Subscriber.objects.get(email="u@example.org").status == "unsubscribed"
