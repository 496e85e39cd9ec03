"""django-tasks-db's `db_worker`, which first takes back newsletter sends a crashed worker left.

A worker killed mid-send leaves its task marked running forever and its claimed deliveries
"sending"; on start this releases claims of dead workers and queues every unfinished send
again (see digest/newsletter/delivery.py for the guarantee).
"""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from digest.newsletter.tasks import resume_interrupted_sends


class Command(DatabaseWorkerCommand):
    def handle(self, *args, **options):
        resume_interrupted_sends()
        return super().handle(*args, **options)
