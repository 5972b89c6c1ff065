import datetime as dt

from django.urls import reverse
from django.utils import timezone

from scheduler import models as sm
from tests.scheduler.scenario import assert_guarded


def _url(term):
    return reverse("scheduler:term_detail", args=[term.slug])


def test_it_shows_the_hub_with_runs_and_the_generate_form(client, scheduler_admin, sched_run):
    client.force_login(scheduler_admin)
    response = client.get(_url(sched_run.term))
    assert response.status_code == 200
    assert reverse("scheduler:run_detail", args=[sched_run.pk]).encode() in response.content
    assert reverse("scheduler:run_create", args=[sched_run.term.slug]).encode() in response.content
    assert b"08:00" in response.content


def test_it_shows_no_generate_form_to_another_members_scheduler(
    client, other_scheduler_admin, sched
):
    client.force_login(other_scheduler_admin)
    response = client.get(_url(sched.term))
    assert response.status_code == 200
    assert reverse("scheduler:run_create", args=[sched.term.slug]).encode() not in response.content


def test_it_marks_stale_running_runs_failed(client, scheduler_admin, sched, settings):
    old = timezone.now() - dt.timedelta(seconds=settings.RUN_HEARTBEAT_TIMEOUT_S + 5)
    run = sm.Run.objects.create(
        term=sched.term, status=sm.Run.Status.RUNNING, started_at=old, heartbeat_at=old
    )
    client.force_login(scheduler_admin)
    client.get(_url(sched.term))
    run.refresh_from_db()
    assert run.status == sm.Run.Status.FAILED
    assert "no sign of life" in run.error


def test_it_sends_faculty_to_the_published_timetable(client, faculty, sched_run):
    term = sched_run.term
    client.force_login(faculty)
    assert client.get(_url(term)).status_code == 404
    term.published_run = sched_run
    term.save()
    response = client.get(_url(term))
    assert response["Location"] == reverse("scheduler:timetable_grid", args=[sched_run.pk])


def test_it_hides_the_term_from_reviewers(client, partner_reviewer, sched_run):
    sched_run.term.published_run = sched_run
    sched_run.term.save()
    client.force_login(partner_reviewer)
    assert client.get(_url(sched_run.term)).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched):
    assert_guarded(client, scheduler_admin, _url(sched.term), method="get", refused="post")


def test_it_lists_runs_in_fixed_queries(client, scheduler_admin, sched, django_assert_num_queries):
    from tests.scheduler.scenario import placed_run

    client.force_login(scheduler_admin)
    for count in (1, 5):
        for _ in range(count):
            placed_run(sched.term, created_by=scheduler_admin)
        with django_assert_num_queries(12):
            response = client.get(_url(sched.term))
        assert response.content.count(b'class="badge run-succeeded"') == sm.Run.objects.count()


def test_it_names_people_as_the_top_bar_does(client, scheduler_admin, sched):
    """Runs and publications showed the login ("scheduler"), the bar the name ("Li Fang")."""
    from tests.scheduler.scenario import placed_run

    scheduler_admin.first_name, scheduler_admin.last_name = "Fang", "Li"
    scheduler_admin.save()
    run = placed_run(sched.term, created_by=scheduler_admin)
    sm.Publication.objects.create(term=sched.term, run=run, by=scheduler_admin)
    client.force_login(scheduler_admin)
    html = client.get(_url(sched.term)).content.decode()
    assert "<td>Fang Li</td>" in html and "by Fang Li" in html
