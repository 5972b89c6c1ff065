import datetime as dt

from django.urls import reverse

from scheduler import models as sm
from tests import factories as f
from tests.scheduler.scenario import assert_guarded, placed_run


def _url(term):
    return reverse("scheduler:term_load", args=[term.slug])


def test_it_shows_load_per_member_with_limits_and_holidays(client, scheduler_admin, sched):
    person = sched.faculty[0]
    person.weekly_load_limit = 1
    person.save()
    sm.Holiday.objects.create(term=sched.term, date=dt.date(2027, 3, 1), name="A Monday off")
    run = placed_run(sched.term)
    client.force_login(scheduler_admin)
    response = client.get(_url(sched.term), {"run": run.pk})
    body = response.content.decode()
    assert response.status_code == 200
    # Monday's 2-period lecture: 2 a week, over 16 weeks less one holiday Monday = 30.
    assert f'<tr class="bad"><td>{person.display_name}</td><td>2</td><td>1</td><td>30</td>' in body
    assert "Member total" in body
    # Per week: the Monday holiday of week 1 leaves only Tuesday's lecture that week.
    assert '<td class="muted">teaching</td><td>2</td><td>4</td><td>4</td>' in body


def test_it_shows_lab_use_against_loan_caps(client, scheduler_admin, sched, other_member):
    lab = f.room(sched.campuses[0], kind="lab", access=sm.Room.Access.RESTRICTED, code="LAB1")
    sm.RoomLoan.objects.create(room=lab, borrower=other_member, cap_periods_per_week=1)
    offering = sched.offerings[0]
    offering.course.owner = other_member
    offering.course.save()
    run = placed_run(sched.term)
    run.assignments.filter(session__offering=offering).update(room=lab)
    client.force_login(scheduler_admin)
    body = client.get(_url(sched.term), {"run": run.pk}).content.decode()
    assert "LAB1" in body
    assert f'<tr class="bad"><td>{other_member.name}</td><td>2</td><td>1</td>' in body


def test_it_says_when_no_run_has_a_timetable(client, scheduler_admin, sched):
    client.force_login(scheduler_admin)
    assert b"No run with a timetable yet" in client.get(_url(sched.term)).content


def test_it_hides_the_report_from_faculty(client, faculty, sched_run):
    sched_run.term.published_run = sched_run
    sched_run.term.save()
    client.force_login(faculty)
    assert client.get(_url(sched_run.term)).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched):
    assert_guarded(client, scheduler_admin, _url(sched.term), method="get", refused="post")


def test_it_reports_in_fixed_queries(client, scheduler_admin, member, django_assert_num_queries):
    from tests.scheduler.scenario import world

    client.force_login(scheduler_admin)
    for size in (1, 6):
        w = world(member, size=size)
        run = placed_run(w.term)
        with django_assert_num_queries(16):
            response = client.get(_url(w.term), {"run": run.pk})
        assert response.status_code == 200
