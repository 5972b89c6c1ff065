"""The engine's input and output: frozen dataclasses with integer ids and integer time units.

This module is the contract between the pure solver and everything that feeds it (the ITC2007
reader, the Django adapter, the benchmark generators). It imports only the standard library.

Time is a grid of ``days`` x ``periods per day``; a *slot* is ``day * periods_per_day + period``.
Clock times are minutes since midnight, so travel between campuses can be checked against the
break between two periods.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

# Rule keys. The app stores and displays these; keep them stable.
HARD_RULES = (
    "unplaced",  # a session is not placed exactly once
    "faculty_clash",  # a faculty member in two sessions at once
    "cohort_clash",  # a cohort in two sessions at once
    "room_clash",  # a room holding two sessions at once
    "room_features",  # a room lacks equipment the session needs
    "room_not_allowed",  # a room outside the session's allowed rooms or not lent to its member
    "faculty_unavailable",  # a session in a period its faculty member is unavailable
    "room_unavailable",  # a session in a period its room is unavailable
    "course_unavailable",  # a session in a period its course is unavailable (ITC2007)
    "day_overflow",  # a multi-period session running past the end of the day
    "travel",  # not enough time to travel between campuses, for faculty or cohorts
    "faculty_max_per_day",  # a faculty member teaching more periods in a day than allowed
    "faculty_max_days",  # a faculty member teaching on more days than allowed
    "lab_cap",  # a member using a lent room more periods per week than its cap
    "pinned_moved",  # a pinned session not where it is pinned
)
SOFT_RULES = (
    "room_capacity",  # students above the room's capacity, per session
    "min_days",  # days below a course's minimum number of distinct days
    "isolated",  # a cohort's session with no session of the cohort in an adjacent period
    "room_stability",  # rooms beyond the first that a course uses
    "discouraged",  # periods taught in a faculty member's discouraged periods
    "not_preferred",  # periods taught outside a faculty member's preferred periods (when any)
    "campus_changes",  # campus changes within a day, for faculty and cohorts
    "moved",  # sessions placed away from the reference timetable (minimal-change mode)
)


@dataclass(frozen=True)
class Period:
    """One teaching period of a day, with its clock times in minutes since midnight."""

    start_min: int
    end_min: int
    label: str = ""


@dataclass(frozen=True)
class TimeGrid:
    days: int
    periods: tuple[Period, ...]
    day_names: tuple[str, ...] = ()

    @property
    def periods_per_day(self) -> int:
        return len(self.periods)

    @property
    def slots(self) -> int:
        return self.days * self.periods_per_day

    def slot(self, day: int, period: int) -> int:
        return day * self.periods_per_day + period

    def day_period(self, slot: int) -> tuple[int, int]:
        return divmod(slot, self.periods_per_day)

    def day_name(self, day: int) -> str:
        return self.day_names[day] if day < len(self.day_names) else f"day {day + 1}"


@dataclass(frozen=True)
class Campus:
    id: int
    name: str


@dataclass(frozen=True)
class Member:
    """A member institution (owner of rooms, runner of courses); used to name it in sentences."""

    id: int
    name: str


@dataclass(frozen=True)
class Room:
    id: int
    name: str
    capacity: int
    campus: int = 0
    features: frozenset[str] = frozenset()
    unavailable: frozenset[int] = frozenset()  # slots
    owner: int = 0  # member institution id
    # None: any member may use the room without limit. Otherwise the owner may use it freely,
    # each listed member up to its cap of periods per week, and nobody else.
    borrow_caps: tuple[tuple[int, int], ...] | None = None


@dataclass(frozen=True)
class Faculty:
    id: int
    name: str
    unavailable: frozenset[int] = frozenset()  # slots
    discouraged: frozenset[int] = frozenset()  # slots
    preferred: frozenset[int] = frozenset()  # slots; empty means no preference
    max_periods_per_day: int | None = None
    max_days: int | None = None


@dataclass(frozen=True)
class Cohort:
    id: int
    name: str
    size: int = 0


@dataclass(frozen=True)
class Pin:
    day: int
    period: int
    room: int | None = None  # None: the time is fixed, the room is free


@dataclass(frozen=True)
class Session:
    """One weekly meeting of a course; a course's sessions with equal fields are interchangeable."""

    id: int
    length: int = 1  # consecutive periods within one day
    kind: str = "lecture"
    features: frozenset[str] = frozenset()
    allowed_rooms: frozenset[int] | None = None  # None: any room with the features
    pinned: Pin | None = None


@dataclass(frozen=True)
class Course:
    """A course (an offering in the app): its sessions, who teaches it and who attends."""

    id: int
    name: str
    sessions: tuple[Session, ...]
    faculty: tuple[int, ...] = ()  # all attend every session
    cohorts: tuple[int, ...] = ()
    size: int = 0  # expected students
    min_days: int = 1
    member: int = 0  # owner member institution (for lent-room caps)
    unavailable: frozenset[int] = frozenset()  # slots


@dataclass(frozen=True)
class Placement:
    session: int
    day: int
    period: int  # first period
    room: int


@dataclass(frozen=True)
class Weights:
    """Weights of the soft rules. The defaults are the ITC2007 ones; the others are off."""

    room_capacity: int = 1
    min_days: int = 5
    isolated: int = 2
    room_stability: int = 1
    discouraged: int = 0
    not_preferred: int = 0
    campus_changes: int = 0
    moved: int = 0

    @classmethod
    def itc2007(cls) -> Weights:
        return cls()

    @classmethod
    def consortium(cls) -> Weights:
        return cls(
            room_capacity=1,
            min_days=5,
            isolated=2,
            room_stability=1,
            discouraged=3,
            not_preferred=1,
            campus_changes=4,
            moved=0,
        )

    def of(self, rule: str) -> int:
        return getattr(self, rule)


@dataclass(frozen=True)
class Instance:
    name: str
    grid: TimeGrid
    rooms: tuple[Room, ...]
    courses: tuple[Course, ...]
    faculty: tuple[Faculty, ...] = ()
    cohorts: tuple[Cohort, ...] = ()
    campuses: tuple[Campus, ...] = ()
    travel: tuple[tuple[int, int, int], ...] = ()  # (campus a, campus b, minutes), symmetric
    weights: Weights = field(default_factory=Weights)
    reference: tuple[Placement, ...] = ()  # minimal-change mode: penalise moves away from these
    members: tuple[Member, ...] = ()  # optional: names member institutions in sentences


class Status(enum.StrEnum):
    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    UNKNOWN = "unknown"  # no solution found in time
    INVALID = "invalid"  # the model is invalid: a bug, reported as such


@dataclass(frozen=True)
class Violation:
    """A broken rule with a full sentence the UI shows, and what it is about."""

    rule: str
    hard: bool
    penalty: int  # weighted cost for soft rules; count for hard ones
    message: str
    refs: tuple[
        tuple[str, int], ...
    ] = ()  # ("faculty"|"cohort"|"room"|"course"|"session"|"campus", id)


@dataclass(frozen=True)
class Conflict:
    """One reason an instance cannot be timetabled, as a sentence, with what to change."""

    message: str
    refs: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Progress:
    elapsed_s: float
    objective: int
    bound: int
    solutions: int
    # Weighted penalty per soft rule of the timetable just found; counted at most once a
    # second (None in the reports between), so that a progress page can show them live.
    penalties: dict[str, int] | None = None


@dataclass(frozen=True)
class Solution:
    status: Status
    placements: tuple[Placement, ...] = ()
    objective: int | None = None
    bound: int | None = None
    penalties: dict[str, int] = field(default_factory=dict)  # weighted, per soft rule
    violations: tuple[Violation, ...] = ()
    explanation: tuple[Conflict, ...] = ()  # when infeasible or nothing found
    elapsed_s: float = 0.0
    solutions_found: int = 0
    stopped: bool = False  # a stop request ended the search
