import datetime as dt

from django.urls import reverse
from django.utils import timezone

from scheduler import models as sm
from tests.scheduler.scenario import assert_guarded


def _url(run):
    return reverse("scheduler:run_detail", args=[run.pk])


def _running(term, **kw):
    now = timezone.now()
    return sm.Run.objects.create(
        term=term,
        status=sm.Run.Status.RUNNING,
        started_at=now - dt.timedelta(seconds=5),
        heartbeat_at=now,
        progress=[[0.5, 120, 10], [2.0, 80, 30], [4.0, 60, 40]],
        objective=60,
        bound=40,
        solutions_found=3,
        penalties={"isolated": 20},
        **kw,
    )


def test_it_polls_every_second_while_running(client, scheduler_admin, sched):
    run = _running(sched.term)
    client.force_login(scheduler_admin)
    response = client.get(_url(run))
    assert response.status_code == 200
    assert b'hx-trigger="every 1s"' in response.content
    assert b"<polyline" in response.content
    assert reverse("scheduler:run_cancel", args=[run.pk]).encode() in response.content


def test_it_returns_the_live_fragment_to_htmx(client, scheduler_admin, sched):
    run = _running(sched.term)
    client.force_login(scheduler_admin)
    response = client.get(_url(run), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<div id="live"')
    assert b'hx-trigger="every 1s"' in response.content
    assert b"Isolated session in a cohort&#x27;s day" in response.content
    run.status = sm.Run.Status.SUCCEEDED
    run.save()
    ended = client.get(_url(run), HTTP_HX_REQUEST="true")
    assert b"hx-trigger" not in ended.content
    assert b"Open the timetable" in ended.content
    # The re-solve form comes with the last swap, not only after a reload.
    assert reverse("scheduler:run_create", args=[run.term.slug]).encode() in ended.content
    assert reverse("scheduler:run_create", args=[run.term.slug]).encode() not in response.content


def test_it_shows_the_explanation_with_links(client, scheduler_admin, sched):
    person = sched.faculty[0]
    run = sm.Run.objects.create(
        term=sched.term,
        status=sm.Run.Status.INFEASIBLE,
        explanation=[{"message": "Dr X cannot teach so much.", "refs": [["faculty", person.pk]]}],
    )
    client.force_login(scheduler_admin)
    response = client.get(_url(run))
    assert b"Dr X cannot teach so much." in response.content
    link = reverse("scheduler:faculty_availability", args=[person.pk, sched.term.slug])
    assert link.encode() in response.content


def test_it_fails_a_run_whose_worker_went_silent(client, scheduler_admin, sched, settings):
    run = _running(sched.term)
    old = timezone.now() - dt.timedelta(seconds=settings.RUN_HEARTBEAT_TIMEOUT_S + 1)
    sm.Run.objects.filter(pk=run.pk).update(heartbeat_at=old)
    client.force_login(scheduler_admin)
    response = client.get(_url(run), HTTP_HX_REQUEST="true")
    assert b"hx-trigger" not in response.content
    run.refresh_from_db()
    assert run.status == sm.Run.Status.FAILED


def test_it_shows_faculty_only_the_published_run(client, faculty, sched_run):
    client.force_login(faculty)
    assert client.get(_url(sched_run)).status_code == 404
    sched_run.term.published_run = sched_run
    sched_run.term.save()
    response = client.get(_url(sched_run))
    assert response.status_code == 200
    assert b"Publish" not in response.content


def test_it_hides_runs_from_reviewers(client, partner_reviewer, sched_run):
    sched_run.term.published_run = sched_run
    sched_run.term.save()
    client.force_login(partner_reviewer)
    assert client.get(_url(sched_run)).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched_run):
    assert_guarded(client, scheduler_admin, _url(sched_run), method="get", refused="post")


def test_it_fails_a_queued_run_whose_task_ended_without_solving(client, scheduler_admin, sched):
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    task = DBTaskResult.objects.create(
        args_kwargs={"args": [0], "kwargs": {}},
        task_path="scheduler.tasks.solve_run",
        queue_name="solver",
        backend_name="default",
        status=TaskResultStatus.FAILED,
    )
    run = sm.Run.objects.create(term=sched.term, task_id=str(task.pk))
    client.force_login(scheduler_admin)
    client.get(_url(run))
    run.refresh_from_db()
    assert run.status == sm.Run.Status.FAILED and "ended without solving" in run.error


def test_it_draws_a_runs_first_progress_point_as_dots(client, scheduler_admin, sched):
    """A polyline of one point draws nothing: the chart stayed blank until a second point."""
    run = _running(sched.term)
    run.progress = [[0.0, 120, 10]]
    run.time_limit_s = 10
    run.save()
    client.force_login(scheduler_admin)
    body = client.get(_url(run), HTTP_HX_REQUEST="true").content.decode()
    assert '<circle class="objective" cx="0.0" cy="0.0" r="3"/>' in body
    assert '<circle class="bound" cx="0.0" cy="140.0" r="3"/>' in body
    run.progress = [[0.0, 120, None], [5.0, 100, None]]  # two points: a line, and no dots
    run.save()
    body = client.get(_url(run), HTTP_HX_REQUEST="true").content.decode()
    chart = body[body.index('<svg class="chart"'):body.index("</svg>")]
    assert '<polyline class="objective" points="0.0,0.0 180.0,140.0"/>' in chart
    assert "<circle" not in chart and 'class="bound"' not in chart


def test_it_counts_soft_penalties_and_the_rules_they_fall_in(client, scheduler_admin, sched_run):
    """It said "3 soft rules broken" for three penalties of two rules."""
    sched_run.violations = [
        {"rule": "isolated", "hard": False, "message": "Lone session A.", "penalty": 1},
        {"rule": "isolated", "hard": False, "message": "Lone session B.", "penalty": 1},
        {"rule": "campus_changes", "hard": False, "message": "Two campuses.", "penalty": 2},
    ]
    sched_run.save()
    client.force_login(scheduler_admin)
    body = client.get(_url(sched_run)).content.decode()
    assert "<summary>3 soft-rule penalties in 2 rules</summary>" in body
    sched_run.violations = sched_run.violations[:1]
    sched_run.save()
    client.cookies["django_language"] = "zh-hans"
    body = client.get(_url(sched_run)).content.decode()
    assert "<summary>1 条规则中共 1 处软约束罚分</summary>" in body
