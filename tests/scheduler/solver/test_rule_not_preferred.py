from scheduler.solver.instance import Faculty
from scheduler.solver.validate import validate

from .build import at, course, instance, model_cost, only, rules_of, solved


def wang(slots):
    return [Faculty(7, "Dr Wang", preferred=frozenset(slots))]


def test_it_prefers_the_preferred_periods():
    inst = instance([course(1, faculty=[7])], faculty=wang([6]), weights=only("not_preferred"))
    assert solved(inst).placements == (at(100, 1, 2),)


def test_it_costs_each_period_outside_the_preferences():
    inst = instance(
        [course(1, "SOTIF", faculty=[7], length=2, unavailable=range(4, 8))],
        faculty=wang([1]),
        weights=only("not_preferred"),
    )
    solution = solved(inst)
    assert solution.objective == 1
    assert model_cost(inst, [at(100, 0, 2)]) == 2
    [v] = rules_of(validate(inst, [at(100, 0, 2)]).soft, "not_preferred")
    assert v.penalty == 2
    assert "outside Dr Wang's preferred times" in v.message


def test_it_costs_nothing_without_preferences():
    inst = instance([course(1, faculty=[7])], faculty=wang([]), weights=only("not_preferred"))
    assert validate(inst, [at(100, 0, 0)]).penalties["not_preferred"] == 0
