from django.urls import reverse

from scheduler import models as sm
from tests.scheduler.scenario import assert_guarded


def _url(run):
    return reverse("scheduler:run_cancel", args=[run.pk])


def test_it_cancels_a_queued_run_at_once(client, scheduler_admin, sched):
    run = sm.Run.objects.create(term=sched.term)
    client.force_login(scheduler_admin)
    assert client.post(_url(run)).status_code == 302
    run.refresh_from_db()
    assert (run.status, run.cancel_requested) == (sm.Run.Status.CANCELLED, True)


def test_it_asks_a_running_run_to_stop(client, scheduler_admin, sched):
    run = sm.Run.objects.create(term=sched.term, status=sm.Run.Status.RUNNING)
    client.force_login(scheduler_admin)
    response = client.post(_url(run), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<div id="live"')
    assert b"Cancelling" in response.content
    run.refresh_from_db()
    assert (run.status, run.cancel_requested) == (sm.Run.Status.RUNNING, True)


def test_it_leaves_a_finished_run_alone(client, scheduler_admin, sched_run):
    client.force_login(scheduler_admin)
    client.post(_url(sched_run))
    sched_run.refresh_from_db()
    assert (sched_run.status, sched_run.cancel_requested) == (sm.Run.Status.SUCCEEDED, False)


def test_it_forbids_another_members_scheduler(client, other_scheduler_admin, sched):
    run = sm.Run.objects.create(term=sched.term, status=sm.Run.Status.RUNNING)
    client.force_login(other_scheduler_admin)
    assert client.post(_url(run)).status_code == 403
    run.refresh_from_db()
    assert not run.cancel_requested


def test_it_hides_runs_from_faculty(client, faculty, sched):
    run = sm.Run.objects.create(term=sched.term)
    client.force_login(faculty)
    assert client.post(_url(run)).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched_run):
    assert_guarded(client, scheduler_admin, _url(sched_run), method="post", refused="get")
