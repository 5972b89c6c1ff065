from scheduler.solver.explain import precheck
from scheduler.solver.generate import generate
from scheduler.solver.instance import Status
from scheduler.solver.solve import solve


def test_it_is_deterministic_by_seed():
    assert generate(120, seed=3) == generate(120, seed=3)
    assert generate(120, seed=3) != generate(120, seed=4)


def test_it_builds_about_the_sessions_asked_for_with_the_consortium_features():
    inst = generate(300, seed=1)
    sessions = [s for c in inst.courses for s in c.sessions]
    assert 255 <= len(sessions) <= 345
    assert any(s.length > 1 and s.features for s in sessions)  # multi-period labs
    assert any(len(c.faculty) > 1 for c in inst.courses)
    assert any(len(c.cohorts) > 1 for c in inst.courses)
    assert len(inst.campuses) >= 3 and inst.travel
    assert any(r.borrow_caps for r in inst.rooms)
    assert len({c.member for c in inst.courses}) >= 3


def test_a_generated_instance_can_be_timetabled():
    inst = generate(60, seed=2)
    assert precheck(inst) == ()
    solution = solve(inst, time_limit_s=5, num_workers=2, seed=0)
    assert solution.status in (Status.OPTIMAL, Status.FEASIBLE)
    assert not [v for v in solution.violations if v.hard]
