"""ITC2007 Track 3: reading, writing and scoring, against costs worked out by hand."""

import itertools
from pathlib import Path

import pytest

from scheduler.solver import itc2007
from scheduler.solver.instance import Status, Weights
from scheduler.solver.solve import solve
from scheduler.solver.validate import validate

TINY = """Name: Tiny
Courses: 3
Rooms: 2
Days: 2
Periods_per_day: 3
Curricula: 2
Constraints: 1

COURSES:
c1 t1 2 2 30
c2 t2 2 1 20
c3 t1 1 1 50

ROOMS:
rA 40
rB 25

CURRICULA:
q1 2 c1 c2
q2 2 c1 c3

UNAVAILABILITY_CONSTRAINTS:
c3 0 0

END.
"""

# Worked by hand: RoomCapacity 10 (c3: 50 students in rA, 40 seats); MinimumWorkingDays 1 (c1 on
# day 0 only, needs 2); CurriculumCompactness 2 (q1: c2 at day 1 period 0, alone, since day 0's
# last period is not its neighbour; q2: c3 at day 1 period 2, alone); RoomStability 0.
# Cost = 10 + 5*1 + 2*2 + 0 = 19.
SOLUTION = """c1 rA 0 0
c1 rA 0 1
c2 rB 0 2
c2 rB 1 0
c3 rA 1 2
"""


def score(text: str, solution: str):
    inst = itc2007.parse_ctt(text)
    return inst, validate(inst, itc2007.parse_solution(inst, solution))


def test_it_reads_an_instance():
    inst = itc2007.parse_ctt(TINY)
    assert inst.name == "Tiny" and inst.grid.days == 2 and inst.grid.periods_per_day == 3
    assert [c.name for c in inst.courses] == ["c1", "c2", "c3"]
    assert [len(c.sessions) for c in inst.courses] == [2, 2, 1]
    c1 = inst.courses[0]
    assert c1.size == 30 and c1.min_days == 2 and len(c1.cohorts) == 2
    assert inst.courses[2].faculty == c1.faculty
    assert inst.courses[2].unavailable == frozenset({0})
    assert [(r.name, r.capacity) for r in inst.rooms] == [("rA", 40), ("rB", 25)]
    assert inst.weights == Weights.itc2007()


def test_it_scores_every_rule_as_the_competition_does():
    _inst, report = score(TINY, SOLUTION)
    assert report.hard == ()
    assert report.penalties["room_capacity"] == 10
    assert report.penalties["min_days"] == 5
    assert report.penalties["isolated"] == 4
    assert report.penalties["room_stability"] == 0
    assert report.cost == 19


def test_the_first_period_of_a_day_is_not_next_to_the_last_of_the_day_before():
    _inst, report = score(TINY, SOLUTION)
    lone = [v.message for v in report.soft if v.rule == "isolated"]
    assert any("day 1 period 0" in m for m in lone)
    assert not any("day 0 period 2" in m for m in lone)


def test_a_course_in_two_rooms_costs_room_stability_and_capacity():
    moved = SOLUTION.replace("c1 rA 0 1", "c1 rB 0 1")
    _inst, report = score(TINY, moved)
    assert report.penalties["room_stability"] == 1
    assert report.penalties["room_capacity"] == 15  # c1: 30 students in rB, 25 seats
    assert report.cost == 25


def test_it_counts_missing_days_five_points_each():
    spread = SOLUTION.replace("c1 rA 0 1", "c1 rB 1 1")
    _inst, report = score(TINY, spread)
    assert report.penalties["min_days"] == 0


def test_it_reports_the_hard_rules():
    broken = "c1 rA 0 0\nc1 rA 0 1\nc2 rB 0 1\nc2 rB 1 0\nc3 rA 0 0\n"
    inst, report = score(TINY, broken)
    rules = sorted(v.rule for v in report.hard)
    # c1 and c3 share teacher t1 and curriculum q2 at day 0 period 0; c3 may not be then;
    # c1 and c3 share room rA then; c1 and c2 share curriculum q1 at day 0 period 1.
    assert rules == [
        "cohort_clash",
        "cohort_clash",
        "course_unavailable",
        "faculty_clash",
        "room_clash",
    ]
    assert report.hard_count == 5


def test_it_writes_and_reads_the_official_solution_format():
    inst = itc2007.parse_ctt(TINY)
    placements = itc2007.parse_solution(inst, SOLUTION)
    assert itc2007.format_solution(inst, placements) == SOLUTION


def test_it_refuses_a_solution_naming_an_unknown_course():
    inst = itc2007.parse_ctt(TINY)
    with pytest.raises(itc2007.FormatError):
        itc2007.parse_solution(inst, "c9 rA 0 0\n")


def _brute_force_optimum(text: str) -> int:
    """The ITC2007 cost of the best timetable, by trying them all, scored independently."""
    inst = itc2007.parse_ctt(text)
    ppd = inst.grid.periods_per_day
    slots = range(inst.grid.slots)
    rooms = inst.rooms
    positions = [(t, r) for t in slots for r in range(len(rooms))]
    per_course = []
    for c in inst.courses:
        options = [
            combo
            for combo in itertools.combinations(positions, len(c.sessions))
            if len({t for t, _ in combo}) == len(combo)
            and not any(t in c.unavailable for t, _ in combo)
        ]
        per_course.append(options)
    best = None
    for choice in itertools.product(*per_course):
        used = [(t, r) for combo in choice for t, r in combo]
        if len(set(used)) != len(used):
            continue
        busy: dict = {}
        ok = True
        for c, combo in zip(inst.courses, choice, strict=True):
            for t, _ in combo:
                for key in [("t", f) for f in c.faculty] + [("q", q) for q in c.cohorts]:
                    if (key, t) in busy:
                        ok = False
                    busy[(key, t)] = c.id
        if not ok:
            continue
        cost = 0
        for c, combo in zip(inst.courses, choice, strict=True):
            cost += sum(max(0, c.size - rooms[r].capacity) for _, r in combo)
            cost += 5 * max(0, c.min_days - len({t // ppd for t, _ in combo}))
            cost += len({r for _, r in combo}) - 1
        for q in inst.cohorts:
            taken = {
                t
                for c, combo in zip(inst.courses, choice, strict=True)
                if q.id in c.cohorts
                for t, _ in combo
            }
            for t in taken:
                left = t % ppd > 0 and t - 1 in taken
                right = t % ppd < ppd - 1 and t + 1 in taken
                cost += 0 if left or right else 2
        best = cost if best is None else min(best, cost)
    assert best is not None
    return best


SMALL = TINY.replace("Periods_per_day: 3", "Periods_per_day: 2").replace(
    "c3 0 0\n", "c3 0 0\nc3 1 1\n"
)


def test_the_solver_finds_the_optimum_of_a_tiny_instance():
    inst = itc2007.parse_ctt(SMALL)
    solution = solve(inst, time_limit_s=10, num_workers=1, seed=0)
    assert solution.status == Status.OPTIMAL
    assert solution.objective == _brute_force_optimum(SMALL)


def test_the_command_line_solves_writes_and_scores(tmp_path: Path, capsys):
    ctt = tmp_path / "tiny.ctt"
    ctt.write_text(TINY)
    out = tmp_path / "tiny.sol"
    code = itc2007.main(
        [
            str(ctt),
            "--time-limit",
            "5",
            "--workers",
            "1",
            "--seed",
            "3",
            "--out",
            str(out),
            "--quiet",
        ]
    )
    assert code == 0
    lines = out.read_text().splitlines()
    assert len(lines) == 5 and all(len(line.split()) == 4 for line in lines)
    printed = capsys.readouterr().out
    inst = itc2007.parse_ctt(TINY)
    cost = validate(inst, itc2007.parse_solution(inst, out.read_text())).cost
    assert f"Total cost             {cost:6d}" in printed
    assert "Hard violations             0" in printed


def test_the_command_line_scores_an_existing_solution(tmp_path: Path, capsys):
    ctt = tmp_path / "tiny.ctt"
    ctt.write_text(TINY)
    sol = tmp_path / "given.sol"
    sol.write_text(SOLUTION)
    assert itc2007.main([str(ctt), "--score", str(sol)]) == 0
    printed = capsys.readouterr().out
    assert "RoomCapacity               10  cost 10" in printed
    assert "MinimumWorkingDays          1  cost 5" in printed
    assert "CurriculumCompactness       2  cost 4" in printed
    assert "Total cost                 19" in printed


COMP01 = Path("/work/shared/benchmarks/itc2007/comp01.ctt")


@pytest.mark.skipif(not COMP01.exists(), reason="the ITC2007 files are not on this machine")
def test_it_reads_comp01():
    inst = itc2007.read_ctt(COMP01)
    assert len(inst.courses) == 30 and len(inst.rooms) == 6 and len(inst.cohorts) == 14
    assert sum(len(c.sessions) for c in inst.courses) == 160
    assert len(inst.faculty) == 24
