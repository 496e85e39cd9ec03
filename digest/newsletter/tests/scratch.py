"""Runs the real thing for the crash test and the benchmark: a scratch database (a SQLite file,
or a PostgreSQL database when DATABASE_URL names one), `manage.py` commands and `db_worker`
processes, all sending to a local SMTP sink."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

MANAGE = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]

SEED = """
from digest.core.tests.factories import make_issue, make_summary
from digest.newsletter.models import Subscriber
from digest.taxonomy.models import Topic
issue = make_issue("2026-01", intro="<p>This month: alliance ruptures and how to repair them.</p>")
make_summary(
    issue,
    "Experts Agree on Strategies to Repair Alliance Ruptures",
    references=[{{"raw": "Eubanks, C. F., Muran, J. C., & Safran, J. D. (2018). Alliance rupture "
                 "repair: A meta-analysis. Psychotherapy, 55(4), 508-519.",
                 "doi": "10.1037/pst0000185"}}],
    implications="<p>Name the rupture openly and invite the client's view of it.</p>",
)
make_summary(issue, "Routine Outcome Monitoring in Primary Care", topics=["feedback"],
             implications="<p>Look at the progress chart with the client each session.</p>")
Subscriber.objects.bulk_create(
    [Subscriber(email=f"reader{{n}}@example.org", status="confirmed", alerts="{alerts}",
                language="fr" if n % 5 == 0 else "en") for n in range({count})],
    batch_size=1000,
)
# Every third subscriber follows feedback: their issue puts that summary first (and, with
# alerts on, they are alerted to it).
feedback = Topic.objects.get(slug="feedback")
Subscriber.topics.through.objects.bulk_create(
    [Subscriber.topics.through(subscriber_id=pk, topic_id=feedback.pk)
     for pk in Subscriber.objects.order_by("pk").values_list("pk", flat=True)[::3]],
    batch_size=1000,
)
"""


class ScratchSite:
    """A migrated database of its own, and the environment the subprocesses run with."""

    def __init__(
        self, directory: Path, smtp_port: int, name: str = "newsletter_scratch", sqlite=False
    ):
        self.directory = Path(directory)
        self.name = name
        self.smtp_port = smtp_port
        self.postgres_url = None
        database_url = os.environ.get("DATABASE_URL", "")
        if not sqlite and database_url.startswith(("postgres://", "postgresql://")):
            parts = urlsplit(database_url)
            self.postgres_url = urlunsplit(parts._replace(path=f"/{parts.path.strip('/')}_{name}"))
            self.database_url = self.postgres_url
        else:
            self.database_url = f"sqlite:///{self.directory / (name + '.sqlite3')}"

    @property
    def env(self) -> dict:
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "digest.settings.dev",
            "DEBUG": "false",  # no query log growing in the worker's memory
            "DATABASE_URL": self.database_url,
            "CACHE_DIR": str(self.directory / f"{self.name}-cache"),  # not the checkout's
            "BACKGROUND_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.smtp_port),
            "LOG_LEVEL": "ERROR",
        }

    def manage(self, *args, timeout=600) -> str:
        done = subprocess.run(  # noqa: S603 - our own manage.py
            [*MANAGE, *args], env=self.env, capture_output=True, text=True, timeout=timeout
        )
        if done.returncode:
            raise RuntimeError(f"manage.py {args[0]} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def _postgres(self, statement):
        import psycopg

        admin = urlsplit(self.postgres_url)._replace(path="/postgres")
        with psycopg.connect(urlunsplit(admin), autocommit=True) as connection:
            connection.execute(statement)

    def create(self, subscribers: int | None = None, alerts: str = "off") -> "ScratchSite":
        if self.postgres_url:
            name = urlsplit(self.postgres_url).path.strip("/")
            self._postgres(f'DROP DATABASE IF EXISTS "{name}"')
            self._postgres(f'CREATE DATABASE "{name}"')
        self.manage("migrate", "--noinput", "-v0")
        if subscribers is not None:
            self.seed(subscribers, alerts)
        return self

    def copy_to(self, name: str) -> "ScratchSite":
        """Another scratch site with the same content (SQLite only: a file copy)."""
        other = ScratchSite(self.directory, self.smtp_port, name, sqlite=True)
        shutil.copyfile(
            self.database_url.removeprefix("sqlite:///"),
            other.database_url.removeprefix("sqlite:///"),
        )
        return other

    def seed(self, subscribers: int, alerts: str = "off"):
        self.manage("shell", "-c", SEED.format(count=subscribers, alerts=alerts))

    def drop(self):
        if self.postgres_url:
            name = urlsplit(self.postgres_url).path.strip("/")
            self._postgres(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def start_worker(self, *extra) -> subprocess.Popen:
        return subprocess.Popen(  # noqa: S603 - our own manage.py
            [
                *MANAGE,
                "db_worker",
                "--queue-name",
                "*",
                "--backend",
                "background",
                "--interval",
                "0.05",
                "--no-startup-delay",
                *extra,
            ],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def progress(self) -> dict:
        return self._json(
            "from digest.newsletter.models import IssueSend; s = IssueSend.objects.get(); "
            "print(json.dumps({**s.progress(), 'finished': bool(s.finished_at)}))"
        )

    def alert_progress(self) -> dict:
        return self._json(
            "from django.db.models import Count; "
            "from digest.newsletter.models import AlertDay, Delivery; d = AlertDay.objects.get(); "
            "counts = dict(Delivery.objects.filter(alert_day=d).values_list('status')"
            ".annotate(n=Count('pk'))); "
            "print(json.dumps({**counts, 'finished': bool(d.finished_at)}))"
        )

    def _json(self, code: str) -> dict:
        import json

        out = self.manage("shell", "-c", f"import json; {code}")
        return json.loads(out.strip().splitlines()[-1])


def wait_for(condition, timeout: float, interval: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()
