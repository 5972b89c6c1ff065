from django.urls import reverse

from scheduler import models as sm
from tests.scheduler.scenario import assert_guarded, placed_run


def _url(offering):
    return reverse("scheduler:offering_edit", args=[offering.pk])


def _data(offering, sched, **over):
    session = offering.sessions.get()
    data = {
        "cohorts": [c.pk for c in offering.cohorts.all()],
        "faculty": [t.pk for t in offering.faculty.all()],
        "min_days": 1,
        "sessions-TOTAL_FORMS": 2,
        "sessions-INITIAL_FORMS": 1,
        "sessions-0-id": session.pk,
        "sessions-0-kind": "lecture",
        "sessions-0-length": 3,
        "sessions-1-kind": "lab",
        "sessions-1-length": 2,
    }
    data.update(over)
    return data


def test_it_edits_and_adds_sessions(client, scheduler_admin, sched):
    offering = sched.offerings[0]
    client.force_login(scheduler_admin)
    response = client.post(_url(offering), _data(offering, sched))
    assert response.status_code == 302
    assert sorted(offering.sessions.values_list("kind", "length")) == [("lab", 2), ("lecture", 3)]


def test_it_refuses_a_session_longer_than_a_day(client, scheduler_admin, sched):
    offering = sched.offerings[0]
    client.force_login(scheduler_admin)
    response = client.post(_url(offering), _data(offering, sched, **{"sessions-1-length": 5}))
    assert response.status_code == 400
    assert b"A day has 4 periods" in response.content
    assert offering.sessions.count() == 1


def test_it_refuses_to_remove_a_published_session(client, scheduler_admin, sched):
    offering = sched.offerings[0]
    run = placed_run(sched.term)
    sm.Publication.objects.create(term=sched.term, run=run, by=scheduler_admin)
    client.force_login(scheduler_admin)
    data = _data(offering, sched, **{"sessions-0-DELETE": "on", "sessions-TOTAL_FORMS": 1})
    response = client.post(_url(offering), data)
    assert response.status_code == 400
    assert b"published timetable" in response.content
    assert offering.sessions.count() == 1


def test_it_is_read_only_for_another_members_scheduler(client, other_scheduler_admin, sched):
    offering = sched.offerings[0]
    client.force_login(other_scheduler_admin)
    response = client.get(_url(offering))
    assert response.status_code == 200
    assert b'name="sessions-TOTAL_FORMS"' not in response.content
    assert client.post(_url(offering), _data(offering, sched)).status_code == 403
    assert offering.sessions.get().length == 2


def test_it_hides_offerings_from_faculty(client, faculty, sched):
    client.force_login(faculty)
    assert client.get(_url(sched.offerings[0])).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched):
    assert_guarded(
        client, scheduler_admin, _url(sched.offerings[0]), method="get", refused="delete"
    )


def test_it_labels_every_field_and_session_input(client, scheduler_admin, sched):
    """Labels as on every other form (no trailing colon), and a label for each input of the
    sessions table, whose column headers a screen reader does not tie to the inputs."""
    offering = sched.offerings[0]
    client.force_login(scheduler_admin)
    html = client.get(_url(offering)).content.decode()
    assert '<span class="label">Cohorts</span>' in html and "Cohorts:" not in html
    assert '<label for="id_sessions-0-kind" class="sr-only">Kind</label>' in html
    assert '<label for="id_sessions-0-length" class="sr-only">' in html
