"""Calendar feeds (iCalendar): one weekly recurring event per session of a subject's timetable.

Each event repeats weekly for the term's weeks (RRULE), skips the term's holidays (EXDATE) and is
set in the term's time zone (TZID with its VTIMEZONE). Its UID comes from the term and the session,
so a republished timetable updates the events in place in subscribed calendars; SEQUENCE and
LAST-MODIFIED say when a session last moved.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

from exports.grids import display, ref_name, subject_refs
from scheduler.timetable import Entry, Timetable

ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODID = "-//ICV Consortium//ICV Curriculum Planner//EN"
UID_DOMAIN = "icv-curriculum-planner"
# (term slug, session id) -> (sequence, last modified)
Revisions = Mapping[tuple[str, int], tuple[int, dt.datetime]]


def event_uid(term_slug: str, session_id: int) -> str:
    """Stable across exports and republications: the same session keeps its event."""
    return f"{term_slug}-session-{session_id}@{UID_DOMAIN}"


def calendar_ics(
    timetables: Sequence[Timetable],
    *,
    name: str,
    subject: str | None = None,
    subject_id: int | None = None,
    revisions: Revisions | None = None,
    stamp: dt.datetime | None = None,
) -> bytes:
    """A calendar of the timetables' sessions that involve one subject (a ``"faculty"``,
    ``"cohort"`` or ``"room"`` with its id), or all their sessions when ``subject`` is None."""
    stamp = stamp or dt.datetime.now(dt.UTC)
    revisions = revisions or {}
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-published-ttl", "PT6H")
    if timetables:
        cal.add("x-wr-timezone", timetables[0].timezone)
        first = min(tt.start_date for tt in timetables)
        last = max(tt.start_date + dt.timedelta(weeks=tt.weeks) for tt in timetables)
        for tzid in sorted({tt.timezone for tt in timetables}):
            cal.add_component(_vtimezone(tzid, first, last))
    for tt in timetables:
        zone = ZoneInfo(tt.timezone)
        for entry in tt.entries:
            if entry.start is None or entry.end is None:
                continue
            if subject is not None and not any(
                ref.id == subject_id for ref in subject_refs(entry, subject)
            ):
                continue
            sequence, modified = revisions.get((tt.term_slug, entry.session_id), (0, None))
            cal.add_component(_event(tt, entry, zone, stamp, sequence, modified))
    return cal.to_ical()


@functools.lru_cache(maxsize=32)
def _vtimezone(tzid: str, first: dt.date, last: dt.date) -> Timezone:
    """The VTIMEZONE of a zone over the terms' dates (building it is the slow part of a feed;
    the component is only read afterwards, so calendars share it)."""
    return Timezone.from_tzid(tzid, first_date=first - dt.timedelta(days=7),
                              last_date=last + dt.timedelta(days=7))


def _event(tt: Timetable, entry: Entry, zone: ZoneInfo, stamp: dt.datetime, sequence: int,
           modified: dt.datetime | None) -> Event:
    day = tt.start_date + dt.timedelta(days=entry.day)
    event = Event()
    event.add("uid", event_uid(tt.term_slug, entry.session_id))
    event.add("dtstamp", stamp)
    event.add("summary", f"{entry.course.code} {ref_name(entry.course)} ({entry.kind_label})")
    event.add("dtstart", dt.datetime.combine(day, entry.start, zone))
    event.add("dtend", dt.datetime.combine(day, entry.end, zone))
    event.add("rrule", {"freq": "weekly", "count": tt.weeks})
    holidays = [
        dt.datetime.combine(h, entry.start, zone)
        for h in sorted(tt.holidays)
        if 0 <= (h - day).days < tt.weeks * 7 and (h - day).days % 7 == 0
    ]
    if holidays:
        event.add("exdate", holidays)
    event.add("location", f"{entry.room.code} {ref_name(entry.room)}, {ref_name(entry.campus)}")
    lines = [display(tt.term_name, tt.term_name_zh)]
    if entry.faculty:
        lines.append(_("Faculty: %(names)s") % {
            "names": ", ".join(ref_name(f) for f in entry.faculty)})
    if entry.cohorts:
        lines.append(_("Cohorts: %(names)s") % {
            "names": ", ".join(ref_name(c) for c in entry.cohorts)})
    event.add("description", "\n".join(lines))
    event.add("categories", [entry.kind_label])
    event.add("sequence", sequence)
    if modified is not None:
        event.add("last-modified", modified.astimezone(dt.UTC))
    return event
