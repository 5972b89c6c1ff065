from django.urls import reverse

from tests.scheduler.scenario import assert_guarded


def _url(room):
    return reverse("scheduler:room_edit", args=[room.pk])


def _data(room, **over):
    data = {
        "campus": room.campus_id,
        "code": room.code,
        "name": "Renamed",
        "name_zh": "",
        "kind": "room",
        "capacity": 99,
        "access": "open",
        "loans-TOTAL_FORMS": 0,
        "loans-INITIAL_FORMS": 0,
    }
    data.update(over)
    return data


def test_it_saves_the_owners_changes(client, scheduler_admin, sched):
    room = sched.rooms[0]
    client.force_login(scheduler_admin)
    assert client.post(_url(room), _data(room)).status_code == 302
    room.refresh_from_db()
    assert (room.name, room.capacity) == ("Renamed", 99)


def test_it_shows_another_members_room_read_only(client, other_scheduler_admin, sched):
    room = sched.rooms[0]
    client.force_login(other_scheduler_admin)
    response = client.get(_url(room))
    assert response.status_code == 200
    assert b"only its scheduling administrators change it" in response.content
    assert client.post(_url(room), _data(room)).status_code == 403
    room.refresh_from_db()
    assert room.capacity == 40


def test_it_lets_the_coordinator_edit(client, consortium_admin, sched):
    room = sched.rooms[1]
    client.force_login(consortium_admin)
    assert client.post(_url(room), _data(room)).status_code == 302
    room.refresh_from_db()
    assert room.capacity == 99


def test_it_hides_rooms_from_reviewers(client, partner_reviewer, sched):
    client.force_login(partner_reviewer)
    assert client.get(_url(sched.rooms[0])).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched):
    assert_guarded(client, scheduler_admin, _url(sched.rooms[0]), method="get", refused="delete")
