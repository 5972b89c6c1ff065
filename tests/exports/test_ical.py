"""Calendar feeds parsed back with icalendar."""

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar

from exports.ical import calendar_ics
from tests.exports import sample

SHANGHAI = ZoneInfo("Asia/Shanghai")


def feed(**kw):
    kw.setdefault("name", "Cohort B")
    kw.setdefault("subject", "cohort")
    kw.setdefault("subject_id", sample.COHORT_B.id)
    return Calendar.from_ical(calendar_ics([sample.timetable()], **kw))


def events(cal):
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_it_holds_the_subjects_sessions_only():
    uids = set(events(feed()))
    assert uids == {f"2027-spring-session-{sid}@icv-curriculum-planner" for sid in (102, 201, 202)}
    faculty = events(feed(subject="faculty", subject_id=sample.WANG.id))
    assert len(faculty) == 2


def test_it_repeats_weekly_for_the_term_in_its_time_zone():
    seminar = events(feed())["2027-spring-session-202@icv-curriculum-planner"]
    start = seminar.decoded("dtstart")
    assert start == dt.datetime(2027, 3, 1, 11, 0, tzinfo=SHANGHAI)
    assert str(start.tzinfo) == "Asia/Shanghai"
    assert seminar["dtstart"].params["TZID"] == "Asia/Shanghai"
    assert seminar.decoded("dtend") == dt.datetime(2027, 3, 1, 11, 50, tzinfo=SHANGHAI)
    rrule = seminar["rrule"]
    assert rrule["FREQ"] == ["WEEKLY"] and rrule["COUNT"] == [16]


def test_it_has_a_vtimezone_for_the_tzid():
    cal = feed()
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]


def test_it_excludes_holidays_on_the_sessions_weekday():
    evs = events(feed())
    seminar = evs["2027-spring-session-202@icv-curriculum-planner"]  # Mondays
    exdates = [d.dt for d in seminar["exdate"].dts]
    assert exdates == [dt.datetime(2027, 4, 5, 11, 0, tzinfo=SHANGHAI),
                       dt.datetime(2027, 5, 3, 11, 0, tzinfo=SHANGHAI)]
    lab = evs["2027-spring-session-102@icv-curriculum-planner"]  # Wednesdays: 5 May
    assert [d.dt.date() for d in lab["exdate"].dts] == [dt.date(2027, 5, 5)]
    assert "exdate" not in evs["2027-spring-session-201@icv-curriculum-planner"]  # Tuesdays


def test_it_keeps_uids_across_exports_and_counts_revisions():
    first = events(feed(stamp=dt.datetime(2027, 2, 1, tzinfo=dt.UTC)))
    moved = dt.datetime(2027, 2, 20, 9, 30, tzinfo=dt.UTC)
    second = events(feed(revisions={("2027-spring", 202): (3, moved)}))
    assert set(first) == set(second)
    uid = "2027-spring-session-202@icv-curriculum-planner"
    assert first[uid]["sequence"] == 0 and second[uid]["sequence"] == 3
    assert second[uid].decoded("last-modified") == moved


def test_it_names_the_calendar_and_the_course():
    cal = feed(name="ICV cohort B")
    assert str(cal["x-wr-calname"]) == "ICV cohort B"
    seminar = events(cal)["2027-spring-session-202@icv-curriculum-planner"]
    assert str(seminar["summary"]) == "ICV202 Vehicle Networks (Seminar)"
    assert "R101" in str(seminar["location"])
