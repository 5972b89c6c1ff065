from scheduler.solver.instance import Faculty, Weights
from scheduler.solver.validate import validate

from .build import at, course, instance, model_cost, only, rules_of, solved


def test_it_spreads_a_course_over_its_minimum_days():
    inst = instance([course(1, sessions=3, min_days=3)], days=3, weights=only("min_days"))
    solution = solved(inst)
    assert solution.objective == 0
    assert len({p.day for p in solution.placements}) == 3


def test_it_costs_five_points_per_missing_day_with_itc_weights():
    monday_only = [Faculty(7, "Dr Wang", unavailable=frozenset(range(4, 12)))]
    inst = instance(
        [course(1, "SOTIF", faculty=[7], sessions=3, min_days=3)],
        days=3,
        faculty=monday_only,
        weights=Weights(0, 5, 0, 0),
    )
    solution = solved(inst)
    assert solution.objective == 10
    assert solution.penalties["min_days"] == 10
    placements = [at(100, 0, 0), at(101, 0, 1), at(102, 0, 2)]
    assert model_cost(inst, placements) == 10
    [v] = rules_of(validate(inst, placements).soft, "min_days")
    assert v.penalty == 10
    assert v.message == "'SOTIF' meets on 1 day (Monday), 2 fewer than its minimum of 3."
    assert v.refs == (("course", 1),)
