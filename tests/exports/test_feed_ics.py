"""GET /scheduling/feeds/<token>.ics: the calendar behind a secret address, without login."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from scheduler import models as sm
from scheduler.models import CalendarFeed
from tests.exports.conftest import place, publish

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def feed(faculty, shared_world):
    return CalendarFeed.objects.create(owner=faculty, subject="faculty",
                                       subject_id=faculty.faculty.pk)


def events(response) -> dict:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return {str(e["uid"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}


def test_it_serves_the_subjects_weekly_sessions_without_login(client, feed, shared_world):
    evs = events(client.get(f"/scheduling/feeds/{feed.token}.ics"))
    mine1 = shared_world.session("MINE1").pk
    assert set(evs) == {f"spring-session-{shared_world.session(n).pk}@icv-curriculum-planner"
                        for n in ("MINE1", "MINE2")}
    monday = evs[f"spring-session-{mine1}@icv-curriculum-planner"]
    assert monday.decoded("dtstart") == dt.datetime(2027, 3, 1, 8, 0, tzinfo=SHANGHAI)
    assert monday["dtstart"].params["TZID"] == "Asia/Shanghai"
    assert monday["rrule"]["COUNT"] == [16]
    assert [d.dt.date() for d in monday["exdate"].dts] == [dt.date(2027, 4, 5)]


def test_it_updates_events_in_place_when_a_timetable_is_republished(
    client, feed, shared_world, consortium_admin
):
    before = events(client.get(f"/scheduling/feeds/{feed.token}.ics"))
    w = shared_world
    moved = place(w.term, [
        (w.session("MINE1"), 4, 2, w.rooms["mine"]),  # to Friday, period 3
        (w.session("MINE2"), 1, 0, w.rooms["mine"]),
        (w.session("THEIRS"), 2, 0, w.rooms["theirs"]),
        (w.session("JOINT"), 3, 0, w.rooms["theirs"]),
    ])
    publish(moved, consortium_admin)
    after = events(client.get(f"/scheduling/feeds/{feed.token}.ics"))
    assert set(after) == set(before)
    uid1 = f"spring-session-{w.session('MINE1').pk}@icv-curriculum-planner"
    uid2 = f"spring-session-{w.session('MINE2').pk}@icv-curriculum-planner"
    assert after[uid1].decoded("dtstart") == dt.datetime(2027, 3, 5, 10, 0, tzinfo=SHANGHAI)
    assert (before[uid1]["sequence"], after[uid1]["sequence"]) == (0, 1)
    assert after[uid2]["sequence"] == 0
    published = sm.Publication.objects.get(run=moved).at
    assert after[uid1].decoded("last-modified") == published.replace(microsecond=0)


def test_it_is_404_once_revoked(client, feed):
    CalendarFeed.objects.filter(pk=feed.pk).update(revoked_at=dt.datetime.now(dt.UTC))
    assert client.get(f"/scheduling/feeds/{feed.token}.ics").status_code == 404


def test_it_is_404_for_an_unknown_token(client, feed):
    assert client.get("/scheduling/feeds/not-a-token.ics").status_code == 404


def test_it_is_404_when_the_owner_may_no_longer_see_the_subject(client, faculty, shared_world):
    cohort = shared_world.cohorts["mine2"]
    feed = CalendarFeed.objects.create(owner=faculty, subject="cohort", subject_id=cohort.pk)
    assert client.get(f"/scheduling/feeds/{feed.token}.ics").status_code == 200
    shared_world.offerings["MINE2"].faculty.clear()  # he no longer teaches that cohort
    assert client.get(f"/scheduling/feeds/{feed.token}.ics").status_code == 404


def test_it_answers_htmx_with_the_calendar_too(client, feed):
    response = client.get(f"/scheduling/feeds/{feed.token}.ics", HTTP_HX_REQUEST="true")
    assert len(events(response)) == 2


def test_it_refuses_post(client, feed):
    assert client.post(f"/scheduling/feeds/{feed.token}.ics").status_code == 405
