from scheduler.solver.instance import Faculty
from scheduler.solver.validate import validate

from .build import at, course, instance, model_cost, only, rules_of, solved


def wang(slots):
    return [Faculty(7, "Dr Wang", discouraged=frozenset(slots))]


def test_it_avoids_discouraged_periods():
    inst = instance([course(1, faculty=[7])], faculty=wang(range(7)), weights=only("discouraged"))
    solution = solved(inst)
    assert solution.objective == 0 and solution.placements == (at(100, 1, 3),)


def test_it_costs_each_discouraged_period_taught():
    inst = instance(
        [course(1, "SOTIF", faculty=[7], length=2, unavailable=[4, 5, 6, 7])],
        faculty=wang([0, 1, 2, 3]),
        weights=only("discouraged"),
    )
    solution = solved(inst)
    assert solution.objective == 2
    assert model_cost(inst, [at(100, 0, 1)]) == 2
    [v] = rules_of(validate(inst, [at(100, 0, 1)]).soft, "discouraged")
    assert v.message == (
        "Dr Wang teaches 'SOTIF' on Monday 09:00–10:50, 2 periods Dr Wang would rather avoid."
    )
