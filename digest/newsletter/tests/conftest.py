"""Fixtures for the newsletter tests: subscribers and a published issue with two summaries."""

import pytest

from digest.core.tests.factories import make_issue, make_summary
from digest.newsletter.models import Subscriber


def make_subscriber(email, status=Subscriber.Status.CONFIRMED, language="en", **fields):
    return Subscriber.objects.create(email=email, status=status, language=language, **fields)


@pytest.fixture
def issue(db):
    issue = make_issue(
        "2026-01", intro='<p>This month: ruptures. <a href="/archive/">Archive</a></p>'
    )
    make_summary(
        issue,
        "Experts Agree on Strategies to Repair Alliance Ruptures",
        references=[
            {
                "raw": "Eubanks, C. F., Muran, J. C., & Safran, J. D. (2018). Alliance rupture "
                "repair: A meta-analysis. Psychotherapy, 55(4), 508-519.",
                "doi": "10.1037/pst0000185",
            }
        ],
        implications="<p>Name the rupture <b>openly</b> with the client.</p>",
    )
    make_summary(issue, "An Essay on Online Therapy Ethics", implications="")
    return issue
