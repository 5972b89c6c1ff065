from django.urls import reverse

from scheduler import models as sm
from tests.scheduler.scenario import assert_guarded


def _url(run):
    return reverse("scheduler:run_copy", args=[run.pk])


def test_it_copies_a_run_with_its_assignments(client, scheduler_admin, sched_run):
    client.force_login(scheduler_admin)
    response = client.post(_url(sched_run))
    copy = sm.Run.objects.exclude(pk=sched_run.pk).get()
    assert response["Location"] == reverse("scheduler:timetable_grid", args=[copy.pk])
    assert copy.copied_from == sched_run and copy.status == sm.Run.Status.SUCCEEDED
    placed = sorted(copy.assignments.values_list("session", "day", "period", "room"))
    assert placed == sorted(sched_run.assignments.values_list("session", "day", "period", "room"))


def test_it_refuses_a_run_without_timetable(client, scheduler_admin, sched):
    failed = sm.Run.objects.create(term=sched.term, status=sm.Run.Status.FAILED)
    client.force_login(scheduler_admin)
    response = client.post(_url(failed), follow=True)
    assert b"Only a finished run" in response.content
    assert sm.Run.objects.count() == 1


def test_it_forbids_another_members_scheduler(client, other_scheduler_admin, sched_run):
    client.force_login(other_scheduler_admin)
    assert client.post(_url(sched_run)).status_code == 403
    assert sm.Run.objects.count() == 1


def test_it_hides_runs_from_faculty(client, faculty, sched_run):
    client.force_login(faculty)
    assert client.post(_url(sched_run)).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched_run):
    assert_guarded(client, scheduler_admin, _url(sched_run), method="post", refused="get")
