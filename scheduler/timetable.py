"""A timetable as plain data: what grid pages, exports and calendar feeds read.

`load_timetable()` (written with the timetabling views) turns a Run's assignments into these
dataclasses with a fixed number of queries; the grid views, the Excel/PDF exports and the iCalendar
feeds all take a `Timetable` and never touch the ORM themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Slot:
    """A period of the term's day grid with its clock times (naive, in the term's time zone)."""

    index: int
    start: dt.time
    end: dt.time


@dataclass(frozen=True)
class Ref:
    """Something a timetable entry involves, by id, code and display names."""

    id: int
    code: str
    name: str
    name_zh: str = ""


@dataclass(frozen=True)
class Entry:
    """One weekly session placed at a day, a start period and a room."""

    session_id: int
    course: Ref  # the course (code, titles)
    kind: str  # lecture / lab / seminar
    kind_label: str
    day: int  # 0 = first teaching day of the week
    period: int  # first period (0-based)
    length: int  # periods
    start: dt.time
    end: dt.time
    room: Ref
    campus: Ref
    member: Ref  # the course's owner member
    faculty: tuple[Ref, ...] = ()
    cohorts: tuple[Ref, ...] = ()
    pinned: bool = False
    violations: tuple[str, ...] = ()  # sentences of rules this entry breaks


@dataclass(frozen=True)
class Timetable:
    term_slug: str
    term_name: str
    term_name_zh: str
    start_date: dt.date
    weeks: int
    days: tuple[str, ...]  # day names, index = day
    slots: tuple[Slot, ...]
    holidays: tuple[dt.date, ...]
    timezone: str  # e.g. "Asia/Shanghai"
    run_id: int
    run_status: str
    published: bool
    objective: int | None
    penalties: dict[str, int] = field(default_factory=dict)
    violations: tuple[dict, ...] = ()  # as stored on the Run: rule, hard, penalty, message, refs
    entries: tuple[Entry, ...] = ()
    members: tuple[Ref, ...] = ()  # member institutions involved, for colours and packs
