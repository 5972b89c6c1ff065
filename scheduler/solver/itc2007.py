"""ITC2007 Track 3 (curriculum-based course timetabling): reader, writer and command line.

    python -m scheduler.solver.itc2007 INSTANCE.ctt --time-limit SECONDS --workers N --seed S \\
        --out FILE

reads an instance, solves it, writes the solution in the official format (one line per lecture:
``course room day period``) and prints the cost per rule, the total cost and the hard violations as
computed by ``validate.py``. ``--score FILE`` scores an existing solution instead of solving.

Each course becomes a Course of length-1 lecture Sessions, each curriculum a Cohort, each teacher
a Faculty member, on one campus, with ``Weights.itc2007()``: the objective is the competition's
cost (RoomCapacity + 5 MinWorkingDays + 2 CurriculumCompactness + RoomStability).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from .instance import (
    Cohort,
    Course,
    Faculty,
    Instance,
    Period,
    Placement,
    Room,
    Session,
    TimeGrid,
    Weights,
)

RULE_NAMES = {
    "room_capacity": "RoomCapacity",
    "min_days": "MinimumWorkingDays",
    "isolated": "CurriculumCompactness",
    "room_stability": "RoomStability",
}


class FormatError(ValueError):
    """The text is not a well-formed ITC2007 Track 3 instance or solution."""


@dataclass(frozen=True)
class Names:
    """The instance's own identifiers, to write and read solutions in its terms."""

    course: dict[int, str]
    room: dict[int, str]

    def course_id(self, name: str) -> int:
        for cid, cname in self.course.items():
            if cname == name:
                return cid
        raise FormatError(f"unknown course {name!r}")


def parse_ctt(text: str) -> Instance:
    """Build an Instance from the text of a .ctt file."""
    header: dict[str, str] = {}
    sections: dict[str, list[list[str]]] = {}
    current: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line == "END.":
            break
        if line.endswith(":") and " " not in line:
            current = line[:-1].upper()
            sections[current] = []
            continue
        if current is None:
            key, _, value = line.partition(":")
            header[key.strip()] = value.strip()
        else:
            sections[current].append(line.split())
    try:
        days = int(header["Days"])
        ppd = int(header["Periods_per_day"])
    except (KeyError, ValueError) as exc:
        raise FormatError(f"bad header: {exc}") from exc

    teacher_ids: dict[str, int] = {}
    course_ids: dict[str, int] = {}
    rows = sections.get("COURSES", [])
    for row in rows:
        course_ids.setdefault(row[0], len(course_ids))
        teacher_ids.setdefault(row[1], len(teacher_ids))
    unavailable: dict[int, set[int]] = {}
    for row in sections.get("UNAVAILABILITY_CONSTRAINTS", []):
        cid = course_ids[row[0]]
        unavailable.setdefault(cid, set()).add(int(row[1]) * ppd + int(row[2]))
    curricula = sections.get("CURRICULA", [])
    cohorts_of: dict[int, list[int]] = {}
    for qi, row in enumerate(curricula):
        for name in row[2 : 2 + int(row[1])]:
            cohorts_of.setdefault(course_ids[name], []).append(qi)

    courses = []
    next_session = 0
    for row in rows:
        cid = course_ids[row[0]]
        lectures = int(row[2])
        sessions = tuple(Session(id=next_session + i) for i in range(lectures))
        next_session += lectures
        courses.append(
            Course(
                id=cid,
                name=row[0],
                sessions=sessions,
                faculty=(teacher_ids[row[1]],),
                cohorts=tuple(cohorts_of.get(cid, ())),
                size=int(row[4]),
                min_days=int(row[3]),
                unavailable=frozenset(unavailable.get(cid, ())),
            )
        )
    rooms = tuple(
        Room(id=i, name=row[0], capacity=int(row[1])) for i, row in enumerate(sections["ROOMS"])
    )
    periods = tuple(Period(start_min=0, end_min=0, label=f"period {p}") for p in range(ppd))
    return Instance(
        name=header.get("Name", ""),
        grid=TimeGrid(days=days, periods=periods, day_names=tuple(f"day {d}" for d in range(days))),
        rooms=rooms,
        courses=tuple(courses),
        faculty=tuple(Faculty(id=i, name=name) for name, i in teacher_ids.items()),
        cohorts=tuple(Cohort(id=i, name=row[0]) for i, row in enumerate(curricula)),
        weights=Weights.itc2007(),
    )


def read_ctt(path: str | Path) -> Instance:
    return parse_ctt(Path(path).read_text())


def names_of(instance: Instance) -> Names:
    return Names(
        course={c.id: c.name for c in instance.courses},
        room={r.id: r.name for r in instance.rooms},
    )


def format_solution(instance: Instance, placements: tuple[Placement, ...] | list[Placement]) -> str:
    """The official solution text: one ``course room day period`` line per lecture."""
    course_of = {s.id: c.name for c in instance.courses for s in c.sessions}
    room_name = {r.id: r.name for r in instance.rooms}
    lines = [
        f"{course_of[p.session]} {room_name[p.room]} {p.day} {p.period}"
        for p in sorted(placements, key=lambda p: p.session)
    ]
    return "\n".join(lines) + ("\n" if lines else "")


def parse_solution(instance: Instance, text: str) -> tuple[Placement, ...]:
    """Placements from an official solution text; lectures of a course take its session ids in turn.

    Lines naming an unknown course or room, or a course with more lines than lectures, raise
    ``FormatError``; missing lectures simply have no placement (validate reports them).
    """
    room_ids = {r.name: r.id for r in instance.rooms}
    free = {c.name: [s.id for s in c.sessions] for c in instance.courses}
    used = {name: 0 for name in free}
    placements = []
    for number, raw in enumerate(text.splitlines(), start=1):
        parts = raw.split()
        if not parts:
            continue
        if len(parts) != 4:
            raise FormatError(f"line {number}: expected 'course room day period'")
        course, room, day, period = parts
        if course not in free:
            raise FormatError(f"line {number}: unknown course {course!r}")
        if room not in room_ids:
            raise FormatError(f"line {number}: unknown room {room!r}")
        if used[course] >= len(free[course]):
            raise FormatError(f"line {number}: more lectures of {course} than it has")
        session = free[course][used[course]]
        used[course] += 1
        placements.append(Placement(session, int(day), int(period), room_ids[room]))
    return tuple(placements)


def main(argv: list[str] | None = None) -> int:
    from .solve import solve
    from .validate import validate

    parser = argparse.ArgumentParser(prog="python -m scheduler.solver.itc2007", description=__doc__)
    parser.add_argument("instance", help="an ITC2007 Track 3 .ctt file")
    parser.add_argument("--time-limit", type=float, default=156.0, help="seconds (default 156)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", help="where to write the solution")
    parser.add_argument("--score", help="score this solution file instead of solving")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)

    instance = read_ctt(args.instance)
    if args.score:
        placements = parse_solution(instance, Path(args.score).read_text())
    else:

        def progress(p: object) -> None:
            if not args.quiet:
                print(f"  {p.elapsed_s:7.1f}s  cost {p.objective}", file=sys.stderr)  # type: ignore[attr-defined]

        solution = solve(
            instance,
            time_limit_s=args.time_limit,
            num_workers=args.workers,
            seed=args.seed,
            on_progress=progress,
        )
        placements = solution.placements
        print(
            f"status {solution.status.value}  solutions {solution.solutions_found}  "
            f"elapsed {solution.elapsed_s:.1f}s  bound {solution.bound}"
        )
        if args.out:
            Path(args.out).write_text(format_solution(instance, placements))
    report = validate(instance, placements)
    for rule, name in RULE_NAMES.items():
        count = report.penalties.get(rule, 0) // max(instance.weights.of(rule), 1)
        print(f"{name:22s} {count:6d}  cost {report.penalties.get(rule, 0)}")
    print(f"{'Total cost':22s} {report.cost:6d}")
    print(f"{'Hard violations':22s} {report.hard_count:6d}")
    for v in report.hard:
        print(f"  [{v.rule}] {v.message}")
    return 0 if report.hard_count == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
