from django.urls import reverse

from scheduler import models as sm
from tests.scheduler.scenario import assert_guarded, placed_run


def _url(run):
    return reverse("scheduler:run_publish", args=[run.pk])


def test_it_publishes_and_keeps_the_previous_in_history(client, scheduler_admin, sched):
    first, second = placed_run(sched.term), placed_run(sched.term)
    client.force_login(scheduler_admin)
    assert client.post(_url(first)).status_code == 302
    assert client.post(_url(second)).status_code == 302
    sched.term.refresh_from_db()
    assert sched.term.published_run == second
    assert list(sched.term.publications.values_list("run", flat=True)) == [second.pk, first.pk]


def test_it_answers_htmx_with_a_redirect(client, scheduler_admin, sched_run):
    client.force_login(scheduler_admin)
    response = client.post(_url(sched_run), HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"] == reverse("scheduler:run_detail", args=[sched_run.pk])


def test_it_refuses_runs_with_hard_violations_or_without_timetable(client, scheduler_admin, sched):
    broken = placed_run(sched.term, hard_violations=2)
    failed = sm.Run.objects.create(term=sched.term, status=sm.Run.Status.FAILED)
    client.force_login(scheduler_admin)
    response = client.post(_url(broken), follow=True)
    assert b"breaks 2 hard rules" in response.content
    response = client.post(_url(failed), follow=True)
    assert b"Only a finished run" in response.content
    sched.term.refresh_from_db()
    assert sched.term.published_run is None and not sched.term.publications.exists()


def test_it_forbids_another_members_scheduler(client, other_scheduler_admin, sched_run):
    client.force_login(other_scheduler_admin)
    assert client.post(_url(sched_run)).status_code == 403
    sched_run.term.refresh_from_db()
    assert sched_run.term.published_run is None


def test_it_lets_the_coordinator_publish(client, consortium_admin, sched_run):
    client.force_login(consortium_admin)
    client.post(_url(sched_run))
    sched_run.term.refresh_from_db()
    assert sched_run.term.published_run == sched_run


def test_it_hides_runs_from_reviewers(client, partner_reviewer, sched_run):
    client.force_login(partner_reviewer)
    assert client.post(_url(sched_run)).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched_run):
    assert_guarded(client, scheduler_admin, _url(sched_run), method="post", refused="get")
