from scheduler.solver.instance import Campus, Faculty, Room
from scheduler.solver.validate import validate

from .build import at, course, instance, model_cost, only, rules_of, solved

CAMPUSES = [Campus(1, "Huxi"), Campus(2, "Liangjiang")]
ROOMS = [Room(1, "HX-101", 60, campus=1), Room(2, "LJ-201", 60, campus=2)]


def three_courses(**kw):
    return instance(
        [
            course(1, "A", faculty=[7], allowed=[1], **kw),
            course(2, "B", faculty=[7], allowed=[2], **kw),
            course(3, "C", faculty=[7], allowed=[1], **kw),
        ],
        faculty=[Faculty(7, "Dr Wang")],
        rooms=ROOMS,
        campuses=CAMPUSES,
        days=2,
        weights=only("campus_changes"),
    )


def test_it_keeps_a_teacher_on_one_campus_a_day():
    solution = solved(three_courses())
    assert solution.objective == 0
    days = {p.day for p in solution.placements if p.room == 2}
    assert days.isdisjoint({p.day for p in solution.placements if p.room == 1})


def test_it_costs_each_change_between_consecutive_sessions():
    inst = three_courses()
    placements = [at(100, 0, 0, 1), at(200, 0, 2, 2), at(300, 0, 3, 1)]
    assert model_cost(inst, placements) == 2
    [v] = rules_of(validate(inst, placements).soft, "campus_changes")
    assert v.penalty == 2
    assert (
        v.message == "Dr Wang changes campus 2 times on Monday: Huxi, then Liangjiang, then Huxi."
    )


def test_it_finds_the_cheapest_day_when_changes_are_forced():
    solution = solved(three_courses(unavailable=range(4, 8)))
    assert solution.objective == 1
