"""A timetable as plain data: what grid pages, exports and calendar feeds read.

`load_timetable()` (written with the timetabling views) turns a Run's assignments into these
dataclasses with a fixed number of queries; the grid views, the Excel/PDF exports and the iCalendar
feeds all take a `Timetable` and never touch the ORM themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from scheduler.sentences import rendered_stored


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
    # The member institution it belongs to (a room's or campus' owner, a faculty member's home
    # member, a cohort's member): per-member export packs and access filters read it.
    member_id: int | None = None

    @property
    def display(self) -> str:
        """The name in the active language (falling back to the other one)."""
        from curriculum.models import bilingual

        return bilingual(self.name, self.name_zh)


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


# --- Rule names people read (keys: scheduler.solver.instance HARD_RULES and SOFT_RULES) ----------

RULE_LABELS = {
    "unplaced": _("Session not placed"),
    "faculty_clash": _("Faculty member in two places"),
    "cohort_clash": _("Cohort in two places"),
    "room_clash": _("Room double-booked"),
    "room_features": _("Room lacks equipment"),
    "room_not_allowed": _("Room not allowed or not lent"),
    "faculty_unavailable": _("Faculty member unavailable"),
    "room_unavailable": _("Room unavailable"),
    "course_unavailable": _("Course unavailable"),
    "day_overflow": _("Session runs past the end of the day"),
    "travel": _("Not enough travel time"),
    "faculty_max_per_day": _("Too many periods in a day"),
    "faculty_max_days": _("Too many teaching days"),
    "lab_cap": _("Shared-lab cap exceeded"),
    "pinned_moved": _("Pinned session moved"),
    "room_capacity": _("Room capacity overflow"),
    "min_days": _("Course spread over too few days"),
    "isolated": _("Isolated session in a cohort's day"),
    "room_stability": _("Course changes rooms"),
    "discouraged": _("Faculty's “Rather not” periods"),
    "not_preferred": _("Outside faculty's preferred periods"),
    "campus_changes": _("Campus changes in a day"),
    "moved": _("Moved from the published timetable"),
}


def rule_label(rule: str) -> str:
    """The translated name of a rule key, e.g. "isolated" → "Isolated session in a cohort's day"."""
    return str(RULE_LABELS.get(rule, rule))


# --- Loading a run's timetable (a fixed number of queries whatever its size) --------------------


def _ref(obj, code: str, name: str, name_zh: str, member_id: int | None = None) -> Ref:
    return Ref(id=obj.pk, code=code, name=name, name_zh=name_zh, member_id=member_id)


def _faculty_ref(person) -> Ref:
    title = f"{person.title} " if person.title else ""
    return Ref(
        id=person.pk,
        code=person.email,
        name=f"{title}{person.name}",
        name_zh=f"{title}{person.name_zh}" if person.name_zh else "",
        member_id=person.institution_id,
    )


def _in_active_language(violations: list[dict]) -> list[dict]:
    """Stored violations with their "message" in the active language, as pages and exports show."""
    return [{**violation, "message": rendered_stored(violation)} for violation in violations]


def _session_sentences(violations: list[dict]) -> dict[int, tuple[str, ...]]:
    """The sentences of a run's stored violations, by the session ids they refer to."""
    by_session: dict[int, list[str]] = {}
    for violation in violations:
        for kind, ref_id in violation.get("refs", ()):
            if kind == "session":
                by_session.setdefault(ref_id, []).append(violation["message"])
    return {sid: tuple(messages) for sid, messages in by_session.items()}


def load_timetable(run, *, member=None) -> Timetable:
    """A run's timetable as plain data, in 6 queries whatever the number of sessions.

    With ``member`` (an Institution), only the entries that involve it: its course, its room, one
    of its cohorts or one of its faculty (home member). ``members`` still lists every member
    involved in the whole run, so colours stay stable between packs.
    """
    from django.conf import settings

    from curriculum.models import Institution
    from scheduler.models import Assignment, Offering, Term

    term = (
        Term.objects.prefetch_related("periods", "holidays").get(pk=run.term_id)  # 3 queries
    )
    slots = tuple(Slot(index=p.index, start=p.start, end=p.end) for p in term.periods.all())
    assignments = list(  # 1 query
        Assignment.objects.filter(run_id=run.pk)
        .select_related("session__offering__course__owner", "room__campus__institution")
        .order_by("day", "period", "room__code", "session_id")
    )
    offering_ids = {a.session.offering_id for a in assignments}
    faculty_of: dict[int, list[Ref]] = {}
    faculty_member: dict[int, set[int]] = {}
    for link in (  # 1 query
        Offering.faculty.through.objects.filter(offering_id__in=offering_ids)
        .select_related("faculty")
        .order_by("faculty__name", "faculty_id")
    ):
        faculty_of.setdefault(link.offering_id, []).append(_faculty_ref(link.faculty))
        faculty_member.setdefault(link.offering_id, set()).add(link.faculty.institution_id)
    cohorts_of: dict[int, list[Ref]] = {}
    cohort_member: dict[int, set[int]] = {}
    institutions: dict[int, Institution] = {}
    for link in (  # 1 query
        Offering.cohorts.through.objects.filter(offering_id__in=offering_ids)
        .select_related("cohort__institution")
        .order_by("cohort__code")
    ):
        cohort = link.cohort
        cohorts_of.setdefault(link.offering_id, []).append(
            _ref(cohort, cohort.code, cohort.name, cohort.name_zh, cohort.institution_id)
        )
        cohort_member.setdefault(link.offering_id, set()).add(cohort.institution_id)
        institutions[cohort.institution_id] = cohort.institution

    violations = _in_active_language(run.violations or [])
    sentences = _session_sentences(violations)
    by_index = {s.index: s for s in slots}
    entries = []
    for a in assignments:
        session, room = a.session, a.room
        offering, course = session.offering, session.offering.course
        campus, owner = room.campus, course.owner
        site = campus.institution_id
        institutions[owner.pk] = owner
        institutions[campus.institution_id] = campus.institution
        if member is not None and member.pk not in (
            {owner.pk, campus.institution_id}
            | cohort_member.get(offering.pk, set())
            | faculty_member.get(offering.pk, set())
        ):
            continue
        first = by_index.get(a.period)
        last = by_index.get(a.period + session.length - 1, first)
        entries.append(
            Entry(
                session_id=session.pk,
                course=_ref(course, course.code, course.title, course.title_zh, owner.pk),
                kind=session.kind,
                kind_label=str(session.get_kind_display()),
                day=a.day,
                period=a.period,
                length=session.length,
                start=first.start if first else None,
                end=last.end if last else None,
                room=_ref(room, room.code, room.name, room.name_zh, site),
                campus=_ref(campus, campus.code, campus.name, campus.name_zh, site),
                member=_ref(owner, owner.code, owner.name, owner.name_zh, owner.pk),
                faculty=tuple(faculty_of.get(offering.pk, ())),
                cohorts=tuple(cohorts_of.get(offering.pk, ())),
                pinned=session.pin_day is not None,
                violations=sentences.get(session.pk, ()),
            )
        )
    members = tuple(
        _ref(i, i.code, i.name, i.name_zh, i.pk)
        for i in sorted(institutions.values(), key=lambda i: (i.name, i.pk))
    )
    return Timetable(
        term_slug=term.slug,
        term_name=term.name,
        term_name_zh=term.name_zh,
        start_date=term.start_date,
        weeks=term.weeks,
        days=tuple(term.day_name(d) for d in range(term.days_per_week)),
        slots=slots,
        holidays=tuple(h.date for h in term.holidays.all()),
        timezone=settings.TIME_ZONE,
        run_id=run.pk,
        run_status=run.status,
        published=term.published_run_id == run.pk,
        objective=run.objective,
        penalties=dict(run.penalties or {}),
        violations=tuple(violations),
        entries=tuple(entries),
        members=members,
    )


# --- A week grid of entries (rows = periods, columns = days, lanes for overlaps) ---------------


@dataclass(frozen=True)
class Cell:
    """A table cell: an entry spanning ``rowspan`` periods, or an empty period (entry None)."""

    day: int
    lane: int
    entry: Entry | None = None
    rowspan: int = 1


@dataclass(frozen=True)
class GridRow:
    slot: Slot
    cells: tuple[Cell, ...]  # in day then lane order; cells under a multi-period block are left out


@dataclass(frozen=True)
class WeekGrid:
    days: tuple[str, ...]
    lanes: tuple[int, ...]  # columns per day (entries at the same time sit side by side)
    rows: tuple[GridRow, ...]

    @property
    def headers(self) -> tuple[tuple[str, int], ...]:
        """(day name, columns) pairs for the header row."""
        return tuple(zip(self.days, self.lanes, strict=True))


def week_grid(timetable: Timetable, entries: tuple[Entry, ...] | list[Entry]) -> WeekGrid:
    """Lay entries out as a table: one row per period, a multi-period entry as one block."""
    periods = len(timetable.slots)
    days = len(timetable.days)
    lane_of: dict[int, dict[tuple[int, int], Entry]] = {d: {} for d in range(days)}
    lanes = [1] * days
    for day in range(days):
        todays = sorted(
            (e for e in entries if e.day == day and 0 <= e.period < periods),
            key=lambda e: (e.period, -e.length, e.course.code),
        )
        ends: list[int] = []  # per lane: the first free period
        for entry in todays:
            lane = next((i for i, end in enumerate(ends) if end <= entry.period), len(ends))
            stop = min(entry.period + entry.length, periods)
            if lane == len(ends):
                ends.append(stop)
            else:
                ends[lane] = stop
            lane_of[day][(entry.period, lane)] = entry
        lanes[day] = max(len(ends), 1)
    rows = []
    covered: set[tuple[int, int, int]] = set()
    for slot in timetable.slots:
        p = slot.index
        cells = []
        for day in range(days):
            for lane in range(lanes[day]):
                if (day, lane, p) in covered:
                    continue
                entry = lane_of[day].get((p, lane))
                if entry is None:
                    cells.append(Cell(day, lane))
                    continue
                span = min(entry.length, periods - p)
                covered.update((day, lane, q) for q in range(p + 1, p + span))
                cells.append(Cell(day, lane, entry, span))
        rows.append(GridRow(slot, tuple(cells)))
    return WeekGrid(timetable.days, tuple(lanes), tuple(rows))
