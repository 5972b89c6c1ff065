from django.urls import reverse

from scheduler import models as sm
from tests.scheduler.scenario import assert_guarded


def _url(room, term):
    return reverse("scheduler:room_unavailability", args=[room.pk, term.slug])


def test_it_toggles_a_period(client, scheduler_admin, sched):
    room, term = sched.rooms[0], sched.term
    client.force_login(scheduler_admin)
    assert client.post(_url(room, term), {"cell": "2:3"}).status_code == 302
    assert list(sm.RoomUnavailability.objects.values_list("day", "period")) == [(2, 3)]
    client.post(_url(room, term), {"cell": "2:3"})
    assert not sm.RoomUnavailability.objects.exists()


def test_it_returns_the_week_fragment_to_htmx(client, scheduler_admin, sched):
    room, term = sched.rooms[0], sched.term
    client.force_login(scheduler_admin)
    response = client.post(_url(room, term), {"cell": "0:1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response.content.lstrip().startswith(b"<form")
    assert b'class="mark-unavailable"' in response.content
    assert b"<html" not in response.content


def test_it_explains_a_period_outside_the_week(client, scheduler_admin, sched):
    client.force_login(scheduler_admin)
    response = client.post(_url(sched.rooms[0], sched.term), {"cell": "6:9"})
    assert response.status_code == 400
    assert b"not in the term" in response.content
    assert not sm.RoomUnavailability.objects.exists()


def test_it_forbids_another_members_scheduler(client, other_scheduler_admin, sched):
    room = sched.rooms[0]
    client.force_login(other_scheduler_admin)
    response = client.get(_url(room, sched.term))
    assert response.status_code == 200
    assert b'name="cell"' not in response.content
    assert client.post(_url(room, sched.term), {"cell": "0:0"}).status_code == 403
    assert not sm.RoomUnavailability.objects.exists()


def test_it_hides_the_page_from_faculty(client, faculty, sched):
    client.force_login(faculty)
    assert client.get(_url(sched.rooms[0], sched.term)).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched):
    assert_guarded(
        client, scheduler_admin, _url(sched.rooms[0], sched.term), method="get", refused="put"
    )
