"""Create (or reset) the demo editor account that `make run` prints; never for production."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create or reset the demo superuser and print its login."

    def add_arguments(self, parser):
        parser.add_argument("--password", help="Use this password instead of a random one.")
        parser.add_argument(
            "--port", default="8000", help="The port `make run` serves on, for the printed URL."
        )

    def handle(self, *args, password=None, **options):
        username = settings.DEMO_ADMIN_USERNAME
        # A fresh random password each run: no known credential ever ships with the project.
        password = password or secrets.token_urlsafe(12)
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": "editor@example.org"}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo admin {'created' if created else 'reset'}: "
                f"http://127.0.0.1:{options['port']}/admin/ "
                f"user '{username}', password '{password}'"
            )
        )
