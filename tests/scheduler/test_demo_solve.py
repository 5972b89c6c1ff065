"""The demo term (`make run`'s data) solves with no hard violation from `manage.py solve`.

The same from the page, through the queue, is the browser journey in test_journey.py.
"""

import io

import pytest
from django.conf import settings
from django.core.management import call_command

from curriculum import demo
from scheduler import models as sm


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_demo_term_solves_without_hard_violations_from_the_command():
    demo.load(password=settings.DEMO_PASSWORD)
    out = io.StringIO()
    call_command("solve", demo.TERM_SLUG, "--time-limit", "10", stdout=out)
    run = sm.Run.objects.get(term__slug=demo.TERM_SLUG)
    assert run.status == sm.Run.Status.SUCCEEDED, run.error
    assert run.hard_violations == 0
    sessions = sm.Session.objects.filter(offering__term=run.term).count()
    assert sessions >= 150 and run.assignments.count() == sessions
    assert f"Penalty {run.objective}; hard violations 0" in out.getvalue()
