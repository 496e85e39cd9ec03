"""Admin login attempts are limited per user name and per address (django-axes); an operator
can unlock at once."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "e@example.org", "right-pw")


def attempt(client, username, password, address="198.51.100.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_wrong_passwords_lock_the_user_out_with_a_clear_message(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "editor", "wrong").status_code == 200
    locked = attempt(client, "editor", "wrong")
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    # Now even the right password is refused, from this address and from another one.
    assert attempt(client, "editor", "right-pw").status_code == 429
    assert attempt(client, "editor", "right-pw", address="203.0.113.9").status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_address_guessing_many_names_is_locked_out(client, editor, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"guess{n}", "wrong", address="198.51.100.66")
    assert attempt(client, "editor", "right-pw", address="198.51.100.66").status_code == 429
    # The editor, from elsewhere, is not locked out by someone else's guesses.
    response = attempt(client, "editor", "right-pw", address="203.0.113.9")
    assert response.status_code == 302


def test_an_operator_unlocks_a_user_with_a_command(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "editor", "wrong")
    assert AccessAttempt.objects.exists()
    call_command("axes_reset_username", "editor")
    call_command("axes_reset_ip", "198.51.100.1")
    assert attempt(client, "editor", "right-pw").status_code == 302


def test_a_successful_login_clears_earlier_failures(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "editor", "wrong")
    assert attempt(client, "editor", "right-pw").status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "editor", "wrong")
    assert attempt(client, "editor", "right-pw").status_code == 302
