"""Every sentence the engine shows people, in one place so it can be wrapped for translation.

Each function returns one full English sentence. Callers pass names already looked up; the
``Names`` helper turns ids into the words used here ("Dr Wang", "cohort ICV-2024A", "room A-101",
"'V2X Networks' (lab)", "Monday 08:00–09:40").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .instance import Course, Instance, Session, TimeGrid


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def has_clock(grid: TimeGrid) -> bool:
    return any(p.end_min > 0 for p in grid.periods)


def period_name(grid: TimeGrid, period: int) -> str:
    label = grid.periods[period].label if 0 <= period < len(grid.periods) else ""
    return label or f"period {period + 1}"


def span(grid: TimeGrid, day: int, first: int, last: int) -> str:
    """'Monday 08:00–09:40', or 'day 0 period 2' when the grid has no clock times."""
    first = max(0, min(first, grid.periods_per_day - 1))
    last = max(first, min(last, grid.periods_per_day - 1))
    name = grid.day_name(day)
    if has_clock(grid):
        start = grid.periods[first].start_min
        end = grid.periods[last].end_min
        return f"{name} {clock(start)}–{clock(end)}"
    if first == last:
        return f"{name} {period_name(grid, first)}"
    return f"{name} {period_name(grid, first)} to {period_name(grid, last)}"


def join(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def number_word(n: int) -> str:
    words = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return words[n] if 0 <= n < len(words) else str(n)


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


class Names:
    """How faculty, cohorts, rooms, courses, sessions, campuses and members are named."""

    def __init__(self, instance: Instance) -> None:
        self.instance = instance
        self.grid = instance.grid
        self._faculty = {f.id: f.name for f in instance.faculty}
        self._cohort = {q.id: q.name for q in instance.cohorts}
        self._room = {r.id: r.name for r in instance.rooms}
        self._campus = {c.id: c.name for c in instance.campuses}
        self._member = {m.id: m.name for m in instance.members}

    def faculty(self, fid: int) -> str:
        return self._faculty.get(fid) or f"faculty member {fid}"

    def cohort(self, qid: int) -> str:
        return f"cohort {self._cohort.get(qid) or qid}"

    def room(self, rid: int) -> str:
        return f"room {self.room_name(rid)}"

    def room_name(self, rid: int) -> str:
        return self._room.get(rid) or str(rid)

    def campus(self, cid: int) -> str:
        return self._campus.get(cid) or f"campus {cid}"

    def member(self, mid: int) -> str:
        return self._member.get(mid) or f"member {mid}"

    def course(self, course: Course) -> str:
        return f"'{course.name}'"

    def session(self, course: Course, session: Session) -> str:
        base = f"'{course.name}'"
        return base if session.kind == "lecture" else f"{base} ({session.kind})"

    def days(self, days: Iterable[int]) -> str:
        return join([self.grid.day_name(d) for d in sorted(days)])

    def span(self, day: int, first: int, last: int) -> str:
        return span(self.grid, day, first, last)

    def start(self, day: int, period: int) -> str:
        """'on Monday at 10:00' (or 'on day 0 at period 2' without clock times)."""
        if has_clock(self.grid) and 0 <= period < self.grid.periods_per_day:
            return f"on {self.grid.day_name(day)} at {clock(self.grid.periods[period].start_min)}"
        return f"on {self.grid.day_name(day)} at {period_name(self.grid, period)}"

    def slot(self, slot: int) -> str:
        day, period = self.grid.day_period(slot)
        return span(self.grid, day, period, period)


# ------------------------------------------------------------------------------ hard rules
def unplaced(what: str) -> str:
    return f"{what} is not placed."


def placed_twice(what: str, times: int) -> str:
    return f"{what} is placed {times} times instead of once."


def unknown_session(session: int) -> str:
    return f"A placement names session {session}, which no course has."


def unknown_room(what: str, room: int) -> str:
    return f"{what} is placed in room {room}, which does not exist."


def outside_grid(what: str, day: int, period: int) -> str:
    return f"{what} is placed on day {day}, period {period}, which is outside the week's grid."


def day_overflow(what: str, length: int, when: str) -> str:
    return (
        f"{what} lasts {plural(length, 'period')} and starts {when}, "
        "so it runs past the end of the day."
    )


def faculty_clash(person: str, first: str, second: str, when: str) -> str:
    return f"{person} teaches {first} and {second} at once on {when}."


def cohort_clash(cohort: str, first: str, second: str, when: str) -> str:
    return f"The {cohort} has {first} and {second} at once on {when}."


def room_clash(room: str, first: str, second: str, when: str) -> str:
    return f"The {room} holds {first} and {second} at once on {when}."


def room_features(what: str, room: str, missing: Sequence[str]) -> str:
    return f"{what} needs {join(sorted(missing))}, which the {room} does not have."


def room_not_allowed(what: str, room: str) -> str:
    return f"{what} is in the {room}, which is not among the rooms it may use."


def room_not_lent(what: str, room: str, owner: str, member: str) -> str:
    return f"{what} is run by {member} but is in the {room}, which {owner} does not lend to it."


def faculty_unavailable(person: str, what: str, when: str) -> str:
    return f"{person} is unavailable on {when} but teaches {what} then."


def room_unavailable(room: str, what: str, when: str) -> str:
    return f"The {room} is unavailable on {when} but holds {what} then."


def course_unavailable(what: str, when: str) -> str:
    return f"{what} may not be taught on {when} but is placed then."


def travel(
    person: str,
    first: str,
    first_campus: str,
    until: str,
    second: str,
    second_campus: str,
    start: str,
    day: str,
    needed: int,
    gap: int,
) -> str:
    return (
        f"On {day} {person} has {first} at {first_campus} until {until} and {second} at "
        f"{second_campus} from {start}; the trip takes {needed} minutes but there are {gap}."
    )


def faculty_max_per_day(person: str, periods: int, day: str, limit: int) -> str:
    return (
        f"{person} teaches {plural(periods, 'period')} on {day}, more than the maximum of {limit}."
    )


def faculty_max_days(person: str, days: int, day_names: str, limit: int) -> str:
    return (
        f"{person} teaches on {plural(days, 'day')} ({day_names}), "
        f"more than the maximum of {limit}."
    )


def lab_cap(member: str, room: str, periods: int, cap: int) -> str:
    return (
        f"{member} uses the {room} for {plural(periods, 'period')} a week, "
        f"above the {cap} it is lent."
    )


def pinned_moved(what: str, pinned: str, placed: str) -> str:
    return f"{what} is pinned to {pinned} but is placed on {placed}."


# ------------------------------------------------------------------------------ soft rules
def room_capacity(what: str, students: int, room: str, capacity: int, when: str) -> str:
    return (
        f"{what} has {students} students but the {room} seats {capacity} "
        f"({students - capacity} too many) on {when}."
    )


def min_days(what: str, days: int, day_names: str, minimum: int) -> str:
    where = f" ({day_names})" if day_names else ""
    return (
        f"{what} meets on {plural(days, 'day')}{where}, "
        f"{minimum - days} fewer than its minimum of {minimum}."
    )


def isolated(cohort: str, what: str, when: str) -> str:
    return (
        f"The {cohort} has {what} on {when} with no other session of theirs "
        "right before or after it."
    )


def room_stability(what: str, rooms: Sequence[str]) -> str:
    return f"{what} uses {len(rooms)} rooms ({join(list(rooms))}) instead of one."


def discouraged(person: str, what: str, when: str, periods: int) -> str:
    return (
        f"{person} teaches {what} on {when}, "
        f"{plural(periods, 'period')} {person} would rather avoid."
    )


def not_preferred(person: str, what: str, when: str, periods: int) -> str:
    return (
        f"{person} teaches {what} on {when}, "
        f"{plural(periods, 'period')} outside {person}'s preferred times."
    )


def campus_changes(person: str, changes: int, day: str, route: Sequence[str]) -> str:
    return f"{person} changes campus {plural(changes, 'time')} on {day}: {', then '.join(route)}."


def moved(what: str, before: str, after: str) -> str:
    return f"{what} moved from {before} to {after}."


def at_room(when: str, room: str) -> str:
    return f"{when} in the {room}"


# ------------------------------------------------------------------------------ explanations
def missing_equipment(what: str, features: Sequence[str]) -> str:
    return f"{what} needs {join(sorted(features))}, but no room it may use has all of it."


def too_long(what: str, length: int, per_day: int) -> str:
    return (
        f"{what} lasts {plural(length, 'period')}, but a day has only {plural(per_day, 'period')}."
    )


def nowhere_to_go(what: str, reasons: str) -> str:
    return f"{what} has no possible time: {reasons}."


def pin_impossible(what: str, pinned: str, reason: str) -> str:
    return f"{what} is pinned to {pinned}, but {reason}."


def pins_clash(first: str, second: str, who: str, when: str) -> str:
    return f"{first} and {second} are both pinned to {when}, which {who} cannot attend at once."


def overloaded(who: str, blocked: str, verb: str, needed: int, rest: str, allowed: int) -> str:
    if blocked:
        return (
            f"{who} {blocked} but {verb} {plural(needed, 'period')} {rest}, which allow {allowed}."
        )
    return f"{who} {verb} {plural(needed, 'period')} a week, but only {allowed} are possible."


def window_overloaded(who: str, courses: str, window: str, needed: int, allowed: int) -> str:
    return (
        f"{who}'s sessions of {courses} can only take place {window}, which allows "
        f"{plural(allowed, 'period')}, but they need {needed}."
    )


def lab_shortage(what: str, needed: int, rooms: str, supply: int, window: str) -> str:
    return f"{what} need {plural(needed, 'period')} in {rooms}{window}, which offer only {supply}."


def cap_shortage(member: str, room: str, needed: int, cap: int) -> str:
    return (
        f"{member} needs {room} for {plural(needed, 'period')} a week, "
        f"but may use it for only {cap}."
    )


def no_room(what: str, reason: str) -> str:
    return f"{what} has no room: {reason}."


def core(parts: Sequence[str]) -> str:
    return f"These requirements cannot all be met together: {'; '.join(parts)}."


def undecided(seconds: float) -> str:
    return (
        f"No timetable was found within {seconds:.0f} seconds, and no reason was found "
        "that makes one impossible; a longer run may succeed."
    )
