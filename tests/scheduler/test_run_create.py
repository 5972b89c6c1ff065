from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from scheduler import models as sm
from tests import factories as f
from tests.scheduler.scenario import assert_guarded


def _url(term):
    return reverse("scheduler:run_create", args=[term.slug])


DATA = {"mode": "fresh", "time_limit_s": 30, "seed": 7}


def test_it_creates_a_queued_run_and_enqueues_its_task(
    client, scheduler_admin, sched, django_capture_on_commit_callbacks
):
    client.force_login(scheduler_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(sched.term), DATA)
    run = sm.Run.objects.get()
    assert response["Location"] == reverse("scheduler:run_detail", args=[run.pk])
    assert (run.status, run.mode, run.time_limit_s, run.seed) == ("queued", "fresh", 30, 7)
    assert run.created_by == scheduler_admin
    task = DBTaskResult.objects.get()
    assert str(task.id) == run.task_id
    assert task.queue_name == "solver" and task.args_kwargs["args"] == [run.pk]


def test_it_explains_a_term_without_periods_before_any_solve(client, scheduler_admin, member):
    term = f.term(member, periods=0)
    client.force_login(scheduler_admin)
    response = client.post(_url(term), DATA)
    assert response.status_code == 400
    assert b"has no teaching periods" in response.content
    assert reverse("scheduler:term_edit", args=[term.slug]).encode() in response.content
    assert not sm.Run.objects.exists() and not DBTaskResult.objects.exists()


def test_it_sends_a_term_without_offerings_to_its_offerings(client, scheduler_admin, member):
    term = f.term(member)
    client.force_login(scheduler_admin)
    response = client.post(_url(term), DATA)
    assert response.status_code == 400
    assert b"has no offerings" in response.content
    assert reverse("scheduler:offering_list", args=[term.slug]).encode() in response.content
    assert not sm.Run.objects.exists()


def test_it_explains_an_offering_without_faculty(client, scheduler_admin, sched):
    offering = sched.offerings[0]
    offering.faculty.clear()
    client.force_login(scheduler_admin)
    response = client.post(_url(sched.term), DATA)
    assert response.status_code == 400
    assert b"has no faculty: name who teaches it" in response.content
    assert reverse("scheduler:offering_edit", args=[offering.pk]).encode() in response.content
    assert not sm.Run.objects.exists()


def test_it_explains_equipment_that_no_room_has(client, scheduler_admin, sched):
    session = sched.sessions[0]
    session.features.add(f.feature(name="V2X roadside unit"))
    client.force_login(scheduler_admin)
    response = client.post(_url(sched.term), DATA)
    assert response.status_code == 400
    assert b"needs V2X roadside unit, which no room has" in response.content
    assert not sm.Run.objects.exists()


def test_it_explains_a_cohort_with_more_periods_than_the_week(client, scheduler_admin, sched):
    offering = sched.offerings[0]
    for _ in range(10):  # 11 two-period sessions: 22 periods in a 20-period week
        sm.Session.objects.create(offering=offering, kind="lecture", length=2)
    client.force_login(scheduler_admin)
    response = client.post(_url(sched.term), DATA)
    assert response.status_code == 400
    assert b"takes 22 periods a week, but the week holds 20" in response.content
    cohort = sched.cohorts[0]
    assert reverse("scheduler:cohort_edit", args=[cohort.pk]).encode() in response.content


def test_it_explains_a_teacher_above_his_weekly_load_limit(client, scheduler_admin, sched):
    offering = sched.offerings[0]
    teacher = offering.faculty.get()
    weekly = sum(s.length for s in offering.sessions.all())
    teacher.weekly_load_limit = weekly - 1
    teacher.save()
    client.force_login(scheduler_admin)
    response = client.post(_url(sched.term), DATA)
    assert response.status_code == 400
    expected = f"teaches {weekly} periods a week in {sched.term}, above the weekly load limit"
    assert f"{expected} of {weekly - 1}".encode() in response.content
    url = reverse("scheduler:faculty_availability", args=[teacher.pk, sched.term.slug])
    assert url.encode() in response.content
    assert not sm.Run.objects.exists()


def test_it_explains_minimal_change_without_a_timetable_to_keep(client, scheduler_admin, sched):
    client.force_login(scheduler_admin)
    response = client.post(_url(sched.term), {**DATA, "mode": "minimal"})
    assert response.status_code == 400
    assert b"Minimal change keeps close to a timetable" in response.content


def test_it_refuses_bad_parameters(client, scheduler_admin, sched):
    client.force_login(scheduler_admin)
    response = client.post(_url(sched.term), {**DATA, "time_limit_s": 0})
    assert response.status_code == 400
    assert not sm.Run.objects.exists()


def test_it_forbids_another_members_scheduler(client, other_scheduler_admin, sched):
    client.force_login(other_scheduler_admin)
    assert client.post(_url(sched.term), DATA).status_code == 403
    assert not sm.Run.objects.exists()


def test_it_hides_the_term_from_reviewers(client, partner_reviewer, sched):
    client.force_login(partner_reviewer)
    assert client.post(_url(sched.term), DATA).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched):
    assert_guarded(client, scheduler_admin, _url(sched.term), method="post", refused="get")
