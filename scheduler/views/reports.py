"""Comparing two runs of a term, and teaching load and lab use per member with their caps."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from curriculum.models import Faculty
from scheduler import access
from scheduler import models as m
from scheduler.solver.instance import SOFT_RULES
from scheduler.timetable import Entry, load_timetable, rule_label


@dataclass(frozen=True)
class Move:
    entry_a: Entry
    entry_b: Entry


def _pick(runs: list[m.Run], wanted: str | None, fallback: m.Run | None) -> m.Run | None:
    for run in runs:
        if str(run.pk) == wanted:
            return run
    return fallback


def _term_runs(request: HttpRequest, slug: str) -> tuple[m.Term, list[m.Run], m.Run | None]:
    """A term for staff, its runs with a timetable, and its published run among them."""
    term = access.get_term_for_user(request.user, slug)
    access.require_staff(request.user)
    runs = list(term.runs.filter(objective__isnull=False))
    return term, runs, next((r for r in runs if r.pk == term.published_run_id), None)


@login_required
@require_GET
def run_compare(request: HttpRequest, slug: str) -> HttpResponse:
    term, runs, published = _term_runs(request, slug)
    a = _pick(runs, request.GET.get("a"), published or (runs[1] if len(runs) > 1 else None))
    b = _pick(runs, request.GET.get("b"), next((r for r in runs if r != a), None))
    context = {"term": term, "runs": runs, "a": a, "b": b, "moves": [], "rules": []}
    if a is not None and b is not None:
        ta, tb = load_timetable(a), load_timetable(b)
        in_b = {e.session_id: e for e in tb.entries}
        context["moves"] = [
            Move(e, in_b[e.session_id])
            for e in ta.entries
            if e.session_id in in_b
            and (e.day, e.period, e.room.id)
            != (in_b[e.session_id].day, in_b[e.session_id].period, in_b[e.session_id].room.id)
        ]
        context["rules"] = [
            (
                rule_label(rule),
                a.penalties.get(rule, 0),
                b.penalties.get(rule, 0),
                b.penalties.get(rule, 0) - a.penalties.get(rule, 0),
            )
            for rule in SOFT_RULES
        ]
        context["unchanged"] = len(ta.entries) - len(context["moves"])
        context["days"] = ta.days
    return render(request, "scheduler/run_compare.html", context)


@dataclass
class LoadRow:
    name: str
    weekly: int
    limit: int | None
    term_total: int

    @property
    def over(self) -> bool:
        return self.limit is not None and self.weekly > self.limit


def _lost_days(term: m.Term, holidays: list[dt.date]) -> dict[int, int]:
    """How many weeks each weekday falls on a holiday."""
    lost: dict[int, int] = defaultdict(int)
    for day in holidays:
        offset = (day - term.start_date).days
        if 0 <= offset < term.weeks * 7:
            lost[offset % 7] += 1
    return lost


@login_required
@require_GET
def term_load(request: HttpRequest, slug: str) -> HttpResponse:
    term, runs, published = _term_runs(request, slug)
    run = _pick(runs, request.GET.get("run"), published or (runs[0] if runs else None))
    context = {"term": term, "runs": runs, "run": run}
    if run is None:
        return render(request, "scheduler/term_load.html", context)
    tt = load_timetable(run)
    lost = _lost_days(term, list(tt.holidays))
    weeks = term.weeks

    def total(entries: list[Entry]) -> int:
        return sum(e.length * (weeks - lost.get(e.day, 0)) for e in entries)

    by_faculty: dict[int, list[Entry]] = defaultdict(list)
    for e in tt.entries:
        for person in e.faculty:
            by_faculty[person.id].append(e)
    people = Faculty.objects.filter(pk__in=by_faculty).select_related("institution")
    members: dict[str, list[LoadRow]] = defaultdict(list)
    for person in sorted(people, key=lambda p: (p.institution.name, p.name)):
        entries = by_faculty[person.pk]
        members[person.institution.display_name].append(
            LoadRow(
                person.display_name,
                sum(e.length for e in entries),
                person.weekly_load_limit,
                total(entries),
            )
        )
    loads = [
        (name, rows, sum(r.weekly for r in rows), sum(r.term_total for r in rows))
        for name, rows in members.items()
    ]
    labs = _lab_use(tt, total)
    context.update(
        loads=loads,
        labs=labs,
        weeks=weeks,
        holidays=tt.holidays,
        week_numbers=range(1, weeks + 1),
        by_week=_by_week(term, tt, {r.id for r in _lab_rooms(tt)}),
    )
    return render(request, "scheduler/term_load.html", context)


def _lab_rooms(tt) -> list[m.Room]:
    ids = {e.room.id for e in tt.entries}
    return list(
        m.Room.objects.filter(pk__in=ids).filter(
            Q(kind=m.Room.Kind.LAB) | Q(access=m.Room.Access.RESTRICTED)
        )
    )


def _by_week(term: m.Term, tt, lab_ids: set[int]) -> list[tuple[str, list[int], list[int]]]:
    """Per member and week of the term: periods its faculty teach, periods it uses labs."""
    holidays = set(tt.holidays)
    names = {ref.id: ref.display for ref in tt.members}
    teach: dict[int, list[int]] = defaultdict(lambda: [0] * term.weeks)
    labs: dict[int, list[int]] = defaultdict(lambda: [0] * term.weeks)
    for e in tt.entries:
        for week in range(1, term.weeks + 1):
            if term.date_of(week, e.day) in holidays:
                continue
            for person in e.faculty:
                teach[person.member_id][week - 1] += e.length
            if e.room.id in lab_ids:
                labs[e.member.id][week - 1] += e.length
    members = sorted(set(teach) | set(labs), key=lambda i: names.get(i, ""))
    return [
        (names.get(i, str(i)), teach.get(i, [0] * term.weeks), labs.get(i, [0] * term.weeks))
        for i in members
    ]


def _lab_use(tt, total) -> list[tuple[str, str, list[LoadRow]]]:
    """Per lab (and restricted room): periods a week each member uses, with the loan caps."""
    rooms = {
        r.pk: r
        for r in m.Room.objects.filter(pk__in={e.room.id for e in tt.entries})
        .select_related("campus__institution")
        .prefetch_related("loans__borrower")
    }
    names = {ref.id: ref.display for ref in tt.members}
    use: dict[int, dict[int, list[Entry]]] = defaultdict(lambda: defaultdict(list))
    for e in tt.entries:
        use[e.room.id][e.member.id].append(e)
    out = []
    for room_id, by_member in sorted(use.items(), key=lambda kv: rooms[kv[0]].code):
        room = rooms[room_id]
        if room.kind != m.Room.Kind.LAB and room.access != m.Room.Access.RESTRICTED:
            continue
        caps = {loan.borrower_id: loan.cap_periods_per_week for loan in room.loans.all()}
        owner = room.campus.institution_id
        rows = [
            LoadRow(
                names.get(member_id, str(member_id)),
                sum(e.length for e in entries),
                None
                if member_id == owner or room.access == m.Room.Access.OPEN
                else caps.get(member_id, 0),
                total(entries),
            )
            for member_id, entries in sorted(by_member.items())
        ]
        out.append((str(room), room.campus.institution.display_name, rows))
    return out
