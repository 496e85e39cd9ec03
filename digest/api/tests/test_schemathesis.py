"""Property-based API testing: schemathesis generates requests from /api/openapi.json and checks
that no answer is a server error or breaks the published schema."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from digest.core.tests.factories import make_issue, make_summary


@pytest.fixture
def wsgi_app():
    # As Django's test client does: a request through the real WSGI handler must not close the
    # test's database connection (PostgreSQL would lose the test transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(db, wsgi_app):
    issue = make_issue("2019-03", intro="<p>This month: alliance and dropout.</p>")
    make_summary(
        issue,
        "Alliance ruptures and their repair",
        topics=["alliance"],
        types=["meta-analysis"],
        references=[
            {
                "raw": "Eubanks, C. F., Muran, J. C., & Safran, J. D. (2018). Alliance rupture "
                "repair: A meta-analysis. Psychotherapy, 55(4), 508-519.",
                "authors": [{"family": "Eubanks", "given": "C. F."}],
                "year": 2018,
                "title": "Alliance rupture repair: A meta-analysis",
                "container_title": "Psychotherapy",
                "doi": "10.1037/pst0000185",
            }
        ],
        design="Meta-analysis",
        n_studies=11,
        evidence_confirmed=True,
    )
    make_summary(make_issue("2020-01"), "Dropout in CBT", topics=["cbt"], types=["rct"])
    return schemathesis.openapi.from_wsgi("/api/openapi.json", wsgi_app)


# schemathesis's own pytest plugin does not run under pytest 9 yet, so the operations are
# driven through Hypothesis directly: same generation, same checks.
def test_api_never_errors_and_keeps_its_schema(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 7
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=10,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate()

        check()
