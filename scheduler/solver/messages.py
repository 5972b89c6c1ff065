"""Every sentence the engine shows people, in one place so it can be translated.

Each sentence is a ``Text``: a ``str`` whose value is the English sentence, which also keeps its
template (a msgid with named ``%(name)s`` placeholders) and params, so the app can render it in
the reader's language (``render(gettext)``) and store it as JSON (``to_json``/``from_json``).
Params are names that are never translated (people, rooms, courses), numbers, or nested Text
(a time span, a list "a, b and c"). Callers pass names from the ``Names`` helper ("Dr Wang",
"cohort ICV-2024A", "room A-101", "'V2X Networks' (lab)", "Monday 08:00–09:40").

The engine must not import Django, so templates are marked with a local ``gettext_noop``: Django's
makemessages runs xgettext with ``--keyword=gettext_noop`` and so extracts them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from .instance import Course, Instance, Session, TimeGrid


def gettext_noop(message: str) -> str:
    """Marks a template for makemessages; the app translates it when rendering."""
    return message


class Text(str):
    """A sentence or phrase: English as its str value, plus what renders it in another language.

    ``template`` is a marked msgid, or a word the catalogue may know (a day name such as
    "Monday", which the app translates already).
    """

    template: str
    params: dict[str, str | int | Text]
    capital: bool

    def __new__(cls, template: str, /, **params: str | int | Text) -> Text:
        return _text(template, params, False)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Pickled between solver processes: rebuilt from its parts, not from the English.
        return (_text, (self.template, self.params, self.capital))

    def capitalised(self) -> Text:
        return _text(self.template, self.params, True)

    def render(self, translate: Callable[[str], str]) -> str:
        """The text in the language of ``translate`` (a gettext-like function)."""
        values = {
            key: value.render(translate) if isinstance(value, Text) else value
            for key, value in self.params.items()
        }
        try:
            text = _fill(translate(self.template), values)
        except (KeyError, ValueError, TypeError):
            # A translation whose placeholders do not fit these params (a catalogue mistake,
            # or a row stored before a template changed): English rather than no page.
            text = _fill(self.template, values)
        return capitalised(text) if self.capital else text

    def to_json(self) -> dict:
        params = {k: v.to_json() if isinstance(v, Text) else v for k, v in self.params.items()}
        data: dict = {"template": self.template, "params": params}
        if self.capital:
            data["capital"] = True
        return data

    @staticmethod
    def from_json(data: dict) -> Text:
        params = {
            key: Text.from_json(value) if isinstance(value, dict) else value
            for key, value in data.get("params", {}).items()
        }
        return _text(data["template"], params, bool(data.get("capital")))


def _text(template: str, params: dict[str, str | int | Text], capital: bool) -> Text:
    english = _fill(template, params)
    text = str.__new__(Text, capitalised(english) if capital else english)
    text.template, text.params, text.capital = template, params, capital
    return text


def _fill(template: str, params: dict) -> str:
    # A template without params is left alone, so a day name holding "%" stays as it is.
    return template % params if params else template


def _chain(template: str, items: Sequence[str]) -> str:
    """Items joined pairwise by a two-place template: ((a; b); c)."""
    if not items:
        return ""
    out = items[0]
    for item in items[1:]:
        out = Text(template, first=out, second=item)
    return out


# ------------------------------------------------------------------------------ words and names
def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def has_clock(grid: TimeGrid) -> bool:
    return any(p.end_min > 0 for p in grid.periods)


def period_name(grid: TimeGrid, period: int) -> str:
    label = grid.periods[period].label if 0 <= period < len(grid.periods) else ""
    return label or Text(gettext_noop("period %(number)d"), number=period + 1)


def day_name(grid: TimeGrid, day: int) -> Text:
    """The grid's name of a day (the app passes English names, which its catalogue translates)."""
    if day < len(grid.day_names):
        return Text(grid.day_names[day])
    return Text(gettext_noop("day %(number)d"), number=day + 1)


def span(grid: TimeGrid, day: int, first: int, last: int) -> Text:
    """'Monday 08:00–09:40', or 'Monday period 2 to period 3' when the grid has no clock times."""
    first = max(0, min(first, grid.periods_per_day - 1))
    last = max(first, min(last, grid.periods_per_day - 1))
    name = day_name(grid, day)
    if has_clock(grid):
        start = clock(grid.periods[first].start_min)
        end = clock(grid.periods[last].end_min)
        return Text(gettext_noop("%(day)s %(start)s–%(end)s"), day=name, start=start, end=end)
    if first == last:
        return Text(gettext_noop("%(day)s %(period)s"), day=name, period=period_name(grid, first))
    return Text(
        gettext_noop("%(day)s %(first)s to %(last)s"),
        day=name,
        first=period_name(grid, first),
        last=period_name(grid, last),
    )


def join(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(items)
    if len(items) < 2:
        return items[0] if items else ""
    head = _chain(gettext_noop("%(first)s, %(second)s"), items[:-1])
    return Text(gettext_noop("%(first)s and %(last)s"), first=head, last=items[-1])


def listing(items: Sequence[str]) -> str:
    """'a, b, c' (no 'and')."""
    return _chain(gettext_noop("%(first)s, %(second)s"), list(items))


def capitalised(text: str) -> str:
    if isinstance(text, Text):
        return text.capitalised()
    return text[:1].upper() + text[1:]


def the(name: str) -> Text:
    """'the room A-101', 'the cohort ICV-2024A' (Chinese has no article)."""
    return Text(gettext_noop("the %(name)s"), name=name)


def number_word(n: int) -> str:
    words = (
        gettext_noop("one"),
        gettext_noop("two"),
        gettext_noop("three"),
        gettext_noop("four"),
        gettext_noop("five"),
        gettext_noop("six"),
        gettext_noop("seven"),
        gettext_noop("eight"),
        gettext_noop("nine"),
        gettext_noop("ten"),
    )
    if n == 0:
        # Unreachable in sentences (a person with no open day has sessions with no time at all,
        # which is reported first); not marked, as the catalogue's "no" means "not so".
        return "no"
    return Text(words[n - 1]) if 0 < n <= len(words) else str(n)


def _count(n: int, one: str, many: str) -> Text:
    # Two msgids chosen by the English rule: enough for English and Chinese (one plural form).
    return Text(one if n == 1 else many, count=n)


def periods(n: int) -> Text:
    return _count(n, gettext_noop("%(count)d period"), gettext_noop("%(count)d periods"))


def days(n: int) -> Text:
    return _count(n, gettext_noop("%(count)d day"), gettext_noop("%(count)d days"))


def times(n: int) -> Text:
    return _count(n, gettext_noop("%(count)d time"), gettext_noop("%(count)d times"))


def kind_word(kind: str) -> str:
    """A session kind the catalogue knows, or the instance's own word for it."""
    known = {"lab": gettext_noop("lab"), "seminar": gettext_noop("seminar")}
    return Text(known[kind]) if kind in known else kind


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
        return self._faculty.get(fid) or Text(gettext_noop("faculty member %(id)d"), id=fid)

    def cohort(self, qid: int) -> Text:
        return Text(gettext_noop("cohort %(name)s"), name=self._cohort.get(qid) or str(qid))

    def room(self, rid: int) -> Text:
        return Text(gettext_noop("room %(name)s"), name=self.room_name(rid))

    def room_name(self, rid: int) -> str:
        return self._room.get(rid) or str(rid)

    def campus(self, cid: int) -> str:
        return self._campus.get(cid) or Text(gettext_noop("campus %(id)d"), id=cid)

    def member(self, mid: int) -> str:
        return self._member.get(mid) or Text(gettext_noop("member %(id)d"), id=mid)

    def course(self, course: Course) -> Text:
        return Text(gettext_noop("'%(name)s'"), name=course.name)

    def session(self, course: Course, session: Session) -> Text:
        if session.kind == "lecture":
            return self.course(course)
        return Text(
            gettext_noop("%(course)s (%(kind)s)"),
            course=self.course(course),
            kind=kind_word(session.kind),
        )

    def days(self, days: Iterable[int]) -> str:
        return join([day_name(self.grid, d) for d in sorted(days)])

    def span(self, day: int, first: int, last: int) -> Text:
        return span(self.grid, day, first, last)

    def start(self, day: int, period: int) -> Text:
        """'on Monday at 10:00' (or 'on Monday at period 2' without clock times)."""
        if has_clock(self.grid) and 0 <= period < self.grid.periods_per_day:
            time = clock(self.grid.periods[period].start_min)
        else:
            time = period_name(self.grid, period)
        return Text(gettext_noop("on %(day)s at %(time)s"), day=day_name(self.grid, day), time=time)

    def slot(self, slot: int) -> Text:
        day, period = self.grid.day_period(slot)
        return span(self.grid, day, period, period)


# ------------------------------------------------------------------------------ hard rules
def unplaced(what: str) -> Text:
    return Text(gettext_noop("%(what)s is not placed."), what=what)


def placed_twice(what: str, count: int) -> Text:
    return Text(
        gettext_noop("%(what)s is placed %(times)d times instead of once."), what=what, times=count
    )


def unknown_session(session: int) -> Text:
    return Text(
        gettext_noop("A placement names session %(session)d, which no course has."),
        session=session,
    )


def unknown_room(what: str, room: int) -> Text:
    return Text(
        gettext_noop("%(what)s is placed in room %(room)d, which does not exist."),
        what=what,
        room=room,
    )


def outside_grid(what: str, day: int, period: int) -> Text:
    return Text(
        gettext_noop(
            "%(what)s is placed on day %(day)d, period %(period)d, "
            "which is outside the week's grid."
        ),
        what=what,
        day=day,
        period=period,
    )


def day_overflow(what: str, length: int, when: str) -> Text:
    return Text(
        gettext_noop(
            "%(what)s lasts %(length)s and starts %(when)s, so it runs past the end of the day."
        ),
        what=what,
        length=periods(length),
        when=when,
    )


def faculty_clash(person: str, first: str, second: str, when: str) -> Text:
    return Text(
        gettext_noop("%(person)s teaches %(first)s and %(second)s at once on %(when)s."),
        person=person,
        first=first,
        second=second,
        when=when,
    )


def cohort_clash(cohort: str, first: str, second: str, when: str) -> Text:
    return Text(
        gettext_noop("The %(cohort)s has %(first)s and %(second)s at once on %(when)s."),
        cohort=cohort,
        first=first,
        second=second,
        when=when,
    )


def room_clash(room: str, first: str, second: str, when: str) -> Text:
    return Text(
        gettext_noop("The %(room)s holds %(first)s and %(second)s at once on %(when)s."),
        room=room,
        first=first,
        second=second,
        when=when,
    )


def room_features(what: str, room: str, missing: Sequence[str]) -> Text:
    return Text(
        gettext_noop("%(what)s needs %(features)s, which the %(room)s does not have."),
        what=what,
        features=join(sorted(missing)),
        room=room,
    )


def room_not_allowed(what: str, room: str) -> Text:
    return Text(
        gettext_noop("%(what)s is in the %(room)s, which is not among the rooms it may use."),
        what=what,
        room=room,
    )


def room_not_lent(what: str, room: str, owner: str, member: str) -> Text:
    return Text(
        gettext_noop(
            "%(what)s is run by %(member)s but is in the %(room)s, "
            "which %(owner)s does not lend to it."
        ),
        what=what,
        member=member,
        room=room,
        owner=owner,
    )


def faculty_unavailable(person: str, what: str, when: str) -> Text:
    return Text(
        gettext_noop("%(person)s is unavailable on %(when)s but teaches %(what)s then."),
        person=person,
        when=when,
        what=what,
    )


def room_unavailable(room: str, what: str, when: str) -> Text:
    return Text(
        gettext_noop("The %(room)s is unavailable on %(when)s but holds %(what)s then."),
        room=room,
        when=when,
        what=what,
    )


def course_unavailable(what: str, when: str) -> Text:
    return Text(
        gettext_noop("%(what)s may not be taught on %(when)s but is placed then."),
        what=what,
        when=when,
    )


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
) -> Text:
    return Text(
        gettext_noop(
            "On %(day)s %(person)s has %(first)s at %(first_campus)s until %(until)s and "
            "%(second)s at %(second_campus)s from %(start)s; the trip takes %(needed)d minutes "
            "but there are %(gap)d."
        ),
        day=day,
        person=person,
        first=first,
        first_campus=first_campus,
        until=until,
        second=second,
        second_campus=second_campus,
        start=start,
        needed=needed,
        gap=gap,
    )


def faculty_max_per_day(person: str, count: int, day: str, limit: int) -> Text:
    return Text(
        gettext_noop(
            "%(person)s teaches %(periods)s on %(day)s, more than the maximum of %(limit)d."
        ),
        person=person,
        periods=periods(count),
        day=day,
        limit=limit,
    )


def faculty_max_days(person: str, count: int, day_names: str, limit: int) -> Text:
    return Text(
        gettext_noop(
            "%(person)s teaches on %(days)s (%(day_names)s), more than the maximum of %(limit)d."
        ),
        person=person,
        days=days(count),
        day_names=day_names,
        limit=limit,
    )


def lab_cap(member: str, room: str, count: int, cap: int) -> Text:
    return Text(
        gettext_noop(
            "%(member)s uses the %(room)s for %(periods)s a week, above the %(cap)d it is lent."
        ),
        member=member,
        room=room,
        periods=periods(count),
        cap=cap,
    )


def pinned_moved(what: str, pinned: str, placed: str) -> Text:
    return Text(
        gettext_noop("%(what)s is pinned to %(pinned)s but is placed on %(placed)s."),
        what=what,
        pinned=pinned,
        placed=placed,
    )


# ------------------------------------------------------------------------------ soft rules
def room_capacity(what: str, students: int, room: str, capacity: int, when: str) -> Text:
    return Text(
        gettext_noop(
            "%(what)s has %(students)d students but the %(room)s seats %(capacity)d "
            "(%(over)d too many) on %(when)s."
        ),
        what=what,
        students=students,
        room=room,
        capacity=capacity,
        over=students - capacity,
        when=when,
    )


def min_days(what: str, count: int, day_names: str, minimum: int) -> Text:
    params = {"what": what, "days": days(count), "fewer": minimum - count, "minimum": minimum}
    if not day_names:
        return Text(
            gettext_noop(
                "%(what)s meets on %(days)s, %(fewer)d fewer than its minimum of %(minimum)d."
            ),
            **params,
        )
    return Text(
        gettext_noop(
            "%(what)s meets on %(days)s (%(day_names)s), "
            "%(fewer)d fewer than its minimum of %(minimum)d."
        ),
        day_names=day_names,
        **params,
    )


def isolated(cohort: str, what: str, when: str) -> Text:
    return Text(
        gettext_noop(
            "The %(cohort)s has %(what)s on %(when)s with no other session of theirs "
            "right before or after it."
        ),
        cohort=cohort,
        what=what,
        when=when,
    )


def room_stability(what: str, rooms: Sequence[str]) -> Text:
    return Text(
        gettext_noop("%(what)s uses %(count)d rooms (%(rooms)s) instead of one."),
        what=what,
        count=len(rooms),
        rooms=join(list(rooms)),
    )


def discouraged(person: str, what: str, when: str, count: int) -> Text:
    return Text(
        gettext_noop(
            "%(person)s teaches %(what)s on %(when)s, %(periods)s %(person)s would rather avoid."
        ),
        person=person,
        what=what,
        when=when,
        periods=periods(count),
    )


def not_preferred(person: str, what: str, when: str, count: int) -> Text:
    return Text(
        gettext_noop(
            "%(person)s teaches %(what)s on %(when)s, "
            "%(periods)s outside %(person)s's preferred times."
        ),
        person=person,
        what=what,
        when=when,
        periods=periods(count),
    )


def campus_changes(person: str, changes: int, day: str, route: Sequence[str]) -> Text:
    return Text(
        gettext_noop("%(person)s changes campus %(times)s on %(day)s: %(route)s."),
        person=person,
        times=times(changes),
        day=day,
        route=_chain(gettext_noop("%(first)s, then %(second)s"), list(route)),
    )


def moved(what: str, before: str, after: str) -> Text:
    return Text(
        gettext_noop("%(what)s moved from %(before)s to %(after)s."),
        what=what,
        before=before,
        after=after,
    )


def nowhere() -> Text:
    """Where a session is when the timetable no longer places it."""
    return Text(gettext_noop("nowhere"))


def at_room(when: str, room: str) -> Text:
    return Text(gettext_noop("%(when)s in the %(room)s"), when=when, room=room)


# ------------------------------------------------------------------------------ explanations
def missing_equipment(what: str, features: Sequence[str]) -> Text:
    return Text(
        gettext_noop("%(what)s needs %(features)s, but no room it may use has all of it."),
        what=what,
        features=join(sorted(features)),
    )


def too_long(what: str, length: int, per_day: int) -> Text:
    return Text(
        gettext_noop("%(what)s lasts %(length)s, but a day has only %(per_day)s."),
        what=what,
        length=periods(length),
        per_day=periods(per_day),
    )


def nowhere_to_go(what: str, reasons: Sequence[str]) -> Text:
    return Text(
        gettext_noop("%(what)s has no possible time: %(reasons)s."),
        what=what,
        reasons=_chain(gettext_noop("%(first)s; %(second)s"), reasons) or nothing_fits(),
    )


def nothing_fits() -> Text:
    return Text(gettext_noop("nothing fits"))


def pin_impossible(what: str, pinned: str, reason: str) -> Text:
    return Text(
        gettext_noop("%(what)s is pinned to %(pinned)s, but %(reason)s."),
        what=what,
        pinned=pinned,
        reason=reason,
    )


def pins_clash(first: str, second: str, who: str, when: str) -> Text:
    return Text(
        gettext_noop(
            "%(first)s and %(second)s are both pinned to %(when)s, "
            "which %(who)s cannot attend at once."
        ),
        first=first,
        second=second,
        when=when,
        who=who,
    )


def overloaded(who: str, faculty: bool, needed: int, allowed: int) -> Text:
    """A person with more periods a week than there are times."""
    if faculty:
        template = gettext_noop(
            "%(who)s teaches %(periods)s a week, but only %(allowed)d are possible."
        )
    else:
        template = gettext_noop(
            "%(who)s attends %(periods)s a week, but only %(allowed)d are possible."
        )
    return Text(template, who=who, periods=periods(needed), allowed=allowed)


def overloaded_when_free(
    who: str, blocked: str, faculty: bool, needed: int, rest: str, allowed: int
) -> Text:
    """A person with more periods than the times they are not blocked ('rest') allow."""
    if faculty:
        template = gettext_noop(
            "%(who)s %(blocked)s but teaches %(periods)s %(rest)s, which allow %(allowed)d."
        )
    else:
        template = gettext_noop(
            "%(who)s %(blocked)s but attends %(periods)s %(rest)s, which allow %(allowed)d."
        )
    return Text(
        template, who=who, blocked=blocked, periods=periods(needed), rest=rest, allowed=allowed
    )


def is_unavailable(when: str) -> Text:
    return Text(gettext_noop("is unavailable %(when)s"), when=when)


def on_other_days(count: int) -> Text:
    return Text(gettext_noop("on the other %(count)s days"), count=number_word(count))


def at_other_times() -> Text:
    return Text(gettext_noop("at the other times"))


def window_overloaded(who: str, courses: str, window: str, needed: int, allowed: int) -> Text:
    return Text(
        gettext_noop(
            "%(who)s's sessions of %(courses)s can only take place %(window)s, which allows "
            "%(allowed)s, but they need %(needed)d."
        ),
        who=who,
        courses=courses,
        window=window,
        allowed=periods(allowed),
        needed=needed,
    )


def lab_shortage(what: str, needed: int, rooms: str, supply: int, window: str) -> Text:
    params = {"what": what, "needed": periods(needed), "rooms": rooms, "supply": supply}
    if not window:
        return Text(
            gettext_noop("%(what)s need %(needed)s in %(rooms)s, which offer only %(supply)d."),
            **params,
        )
    return Text(
        gettext_noop(
            "%(what)s need %(needed)s in %(rooms)s %(window)s, which offer only %(supply)d."
        ),
        window=window,
        **params,
    )


def sessions_needing(features: Sequence[str]) -> Text:
    return Text(gettext_noop("Sessions needing %(features)s"), features=join(features))


def sessions_of_these_rooms() -> Text:
    return Text(gettext_noop("The sessions that may only use these rooms"))


def all_sessions() -> Text:
    return Text(gettext_noop("All sessions together"))


def cap_shortage(member: str, room: str, needed: int, cap: int) -> Text:
    return Text(
        gettext_noop(
            "%(member)s needs %(room)s for %(periods)s a week, but may use it for only %(cap)d."
        ),
        member=member,
        room=room,
        periods=periods(needed),
        cap=cap,
    )


def no_room(what: str, reason: str) -> Text:
    return Text(gettext_noop("%(what)s has no room: %(reason)s."), what=what, reason=reason)


def no_room_exists() -> Text:
    return Text(gettext_noop("none of the rooms it may use exists"))


def no_room_has(features: Sequence[str]) -> Text:
    return Text(
        gettext_noop("none of the rooms it may use has %(features)s"), features=join(features)
    )


def rooms_not_lent(rooms: Sequence[str], member: str) -> Text:
    if len(rooms) == 1:
        template = gettext_noop("%(rooms)s is not lent to %(member)s")
    else:
        template = gettext_noop("%(rooms)s are not lent to %(member)s")
    return Text(template, rooms=join(rooms), member=member)


def unavailable(who: str, when: str) -> Text:
    """'Dr Wang is unavailable on Monday' (a part of a longer sentence)."""
    return Text(gettext_noop("%(who)s is unavailable %(when)s"), who=who, when=when)


def course_blocked(when: str) -> Text:
    return Text(gettext_noop("the course may not be taught %(when)s"), when=when)


def rooms_blocked(rooms: Sequence[str]) -> Text:
    return Text(
        gettext_noop("its rooms (%(rooms)s) are unavailable at the other times"),
        rooms=listing(rooms),
    )


def on_slots(parts: Sequence[str]) -> Text:
    """'on Monday and Tuesday 08:00–10:00'."""
    return Text(gettext_noop("on %(when)s"), when=join(parts))


# Why a pinned session cannot be where it is pinned (the end of pin_impossible's sentence).
def off_grid_place(day: int, period: int) -> Text:
    return Text(gettext_noop("day %(day)d, period %(period)d"), day=day, period=period)


def off_grid() -> Text:
    return Text(gettext_noop("that is off the grid"))


def runs_past_day() -> Text:
    return Text(gettext_noop("the session would run past the end of the day"))


def unavailable_then(who: str) -> Text:
    return Text(gettext_noop("%(who)s is unavailable then"), who=who)


def course_blocked_then() -> Text:
    return Text(gettext_noop("the course may not be taught then"))


def room_missing(room: int) -> Text:
    return Text(gettext_noop("room %(room)d does not exist"), room=room)


def room_lacks(room: str, features: Sequence[str]) -> Text:
    return Text(
        gettext_noop("%(room)s lacks %(features)s"), room=the(room), features=join(features)
    )


def room_not_usable(room: str) -> Text:
    return Text(gettext_noop("it may not use %(room)s"), room=the(room))


def no_free_room() -> Text:
    return Text(gettext_noop("no room it may use is free then"))


# The requirements named in an infeasibility core (the parts of core's sentence).
def course_not_taught(course: str, when: str) -> Text:
    return Text(gettext_noop("%(course)s may not be taught %(when)s"), course=course, when=when)


def one_session_teaching(who: str, needed: int) -> Text:
    return Text(
        gettext_noop("%(who)s teaches one session at a time (%(periods)s a week)"),
        who=who,
        periods=periods(needed),
    )


def one_session_attending(who: str, needed: int) -> Text:
    return Text(
        gettext_noop("%(who)s attends one session at a time (%(periods)s a week)"),
        who=who,
        periods=periods(needed),
    )


def one_session_held(room: str) -> Text:
    return Text(gettext_noop("%(room)s holds one session at a time"), room=room)


def at_most_per_day(who: str, limit: int) -> Text:
    return Text(
        gettext_noop("%(who)s teaches at most %(limit)d periods a day"), who=who, limit=limit
    )


def at_most_days(who: str, limit: int) -> Text:
    return Text(gettext_noop("%(who)s teaches on at most %(days)s"), who=who, days=days(limit))


def at_most_lent(member: str, room: str, cap: int) -> Text:
    return Text(
        gettext_noop("%(member)s may use the %(room)s for at most %(periods)s a week"),
        member=member,
        room=room,
        periods=periods(cap),
    )


def needs_travel(who: str) -> Text:
    return Text(gettext_noop("%(who)s needs time to travel between campuses"), who=who)


def pinned_to(what: str, when: str) -> Text:
    return Text(gettext_noop("%(what)s is pinned to %(when)s"), what=what, when=when)


def core(parts: Sequence[str]) -> Text:
    return Text(
        gettext_noop("These requirements cannot all be met together: %(parts)s."),
        parts=_chain(gettext_noop("%(first)s; %(second)s"), list(parts)),
    )


def undecided(seconds: float) -> Text:
    return Text(
        gettext_noop(
            "No timetable was found within %(seconds)d seconds, and no reason was found "
            "that makes one impossible; a longer run may succeed."
        ),
        seconds=round(seconds),
    )
