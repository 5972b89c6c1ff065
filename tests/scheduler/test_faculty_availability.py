from django.urls import reverse

from scheduler import models as sm
from tests.scheduler.scenario import assert_guarded


def _url(person, term):
    return reverse("scheduler:faculty_availability", args=[person.pk, term.slug])


def _kind(person, term, day, period):
    cell = sm.FacultyAvailability.objects.filter(
        faculty=person, term=term, day=day, period=period
    ).first()
    return cell.kind if cell else None


def test_it_cycles_a_period_through_the_three_kinds(client, scheduler_admin, sched):
    person, term = sched.faculty[0], sched.term
    client.force_login(scheduler_admin)
    seen = []
    for _ in range(4):
        assert client.post(_url(person, term), {"cell": "1:2"}).status_code == 302
        seen.append(_kind(person, term, 1, 2))
    assert seen == ["unavailable", "discouraged", "preferred", None]


def test_it_returns_the_week_fragment_to_htmx(client, scheduler_admin, sched):
    person, term = sched.faculty[0], sched.term
    client.force_login(scheduler_admin)
    response = client.post(_url(person, term), {"cell": "0:0"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b'class="mark-unavailable"' in response.content



def test_it_names_each_period_button_for_screen_readers(client, scheduler_admin, sched):
    """A free period's button showed only "·": say which day and time it is, and its mark."""
    person, term = sched.faculty[0], sched.term
    client.force_login(scheduler_admin)
    client.post(_url(person, term), {"cell": "0:0"})
    html = client.get(_url(person, term)).content.decode()
    first = term.periods.get(index=0)
    span = f"{first.start:%H:%M}–{first.end:%H:%M}"
    assert f'aria-label="Monday {span}: Unavailable"' in html
    assert f'aria-label="Tuesday {span}"' in html


def test_it_saves_the_limits(client, scheduler_admin, sched):
    person = sched.faculty[0]
    client.force_login(scheduler_admin)
    data = {"max_periods_per_day": 4, "max_days_per_week": 3, "weekly_load_limit": 12}
    assert client.post(_url(person, sched.term), data).status_code == 302
    person.refresh_from_db()
    assert (person.max_periods_per_day, person.max_days_per_week) == (4, 3)
    bad = client.post(_url(person, sched.term), {**data, "max_days_per_week": 9})
    assert bad.status_code == 400
    assert b"Between 1 and 7 days" in bad.content


def test_it_forbids_another_members_scheduler(client, other_scheduler_admin, sched):
    person = sched.faculty[0]
    client.force_login(other_scheduler_admin)
    response = client.get(_url(person, sched.term))
    assert response.status_code == 200
    assert b"Read-only" in response.content
    assert client.post(_url(person, sched.term), {"cell": "0:0"}).status_code == 403
    limits = {"max_periods_per_day": 1, "max_days_per_week": 1, "weekly_load_limit": 1}
    assert client.post(_url(person, sched.term), limits).status_code == 403
    assert not sm.FacultyAvailability.objects.exists()


def test_it_shows_faculty_their_own_availability_read_only(client, faculty, sched_run):
    term = sched_run.term
    term.published_run = sched_run
    term.save()
    own = faculty.faculty
    client.force_login(faculty)
    assert client.get(_url(own, term)).status_code == 200
    assert client.get(_url(_other(sched_run), term)).status_code == 404
    assert client.post(_url(own, term), {"cell": "0:0"}).status_code == 403


def _other(run):
    return run.assignments.first().session.offering.faculty.first()


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched):
    assert_guarded(
        client, scheduler_admin, _url(sched.faculty[0], sched.term), method="get", refused="delete"
    )
