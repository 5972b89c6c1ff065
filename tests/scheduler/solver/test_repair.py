"""The repair of a first timetable: sessions left out are placed by ejecting others."""

import time

import pytest

from scheduler.solver import greedy as greedy_module
from scheduler.solver import search
from scheduler.solver.cost import hard_conflicts
from scheduler.solver.data import prepare
from scheduler.solver.generate import generate
from scheduler.solver.greedy import greedy, repair
from scheduler.solver.instance import Campus, Cohort, Faculty, Pin, Room
from scheduler.solver.search import Search, Stopper
from scheduler.solver.solve import to_placements
from scheduler.solver.validate import validate

from .build import NO_SOFT, course, instance


def repaired(inst, partial):
    prep = prepare(inst)
    assignment = {g.index: [] for g in prep.groups}
    for g, positions in partial(prep).items():
        assignment[g] = positions
    result = repair(prep, inst.weights, assignment, seed=0, deadline=time.monotonic() + 5)
    return prep, result


def group_of(prep, session):
    return prep.session_group[session]


def test_a_session_in_the_only_free_place_of_another_steps_aside():
    # Course 1 can only meet in period 0 (its course is unavailable in period 1); course 2 sits
    # there already, with the same cohort. Course 2 has to move to period 1.
    inst = instance(
        [course(1, cohorts=[5], unavailable=[1]), course(2, cohorts=[5])],
        days=1,
        periods=2,
        weights=NO_SOFT,
    )
    prep, result = repaired(inst, lambda prep: {group_of(prep, 200): [(0, 0)]})
    assert result[group_of(prep, 100)] == [(0, 0)]
    assert result[group_of(prep, 200)] == [(1, 0)]
    assert validate(inst, to_placements(prep, result)).hard == ()


def test_a_session_too_close_at_another_campus_steps_aside():
    # The cohort has course 1 at campus 1 in period 0; course 2 can only meet in period 1, at
    # campus 2, 30 minutes away with 10-minute breaks. Nothing clashes, but the trip does not
    # fit: course 1 must move to period 3.
    inst = instance(
        [
            course(1, cohorts=[5], allowed=[1]),
            course(2, cohorts=[5], allowed=[2], unavailable=[0, 2, 3]),
        ],
        rooms=[Room(1, "HX-101", 60, campus=1), Room(2, "LJ-201", 60, campus=2)],
        campuses=[Campus(1, "Huxi"), Campus(2, "Liangjiang")],
        travel=[(1, 2, 30)],
        days=1,
        periods=4,
        weights=NO_SOFT,
    )
    prep, result = repaired(inst, lambda prep: {group_of(prep, 100): [(0, 0)]})
    assert result[group_of(prep, 200)] == [(1, 1)]
    assert result[group_of(prep, 100)] == [(3, 0)]
    assert validate(inst, to_placements(prep, result)).hard == ()


def test_pinned_sessions_are_never_ejected_and_what_cannot_go_in_stays_out():
    # Course 2 is pinned to period 0, the only period course 1 may use: course 1 stays out.
    inst = instance(
        [
            course(1, cohorts=[5], unavailable=[1]),
            course(2, cohorts=[5], pins={0: Pin(0, 0)}),
        ],
        days=1,
        periods=2,
        weights=NO_SOFT,
        faculty=[Faculty(7, "Dr Wang")],
        cohorts=[Cohort(5, "ICV-2024A")],
    )
    prep, result = repaired(inst, lambda prep: {group_of(prep, 200): [(0, 0)]})
    assert result[group_of(prep, 200)] == [(0, 0)]
    assert result[group_of(prep, 100)] == []


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_scrambled_timetable_is_completed_without_breaking_a_hard_rule(seed):
    # A tight generated instance: a greedy timetable with a third of its sessions taken out and
    # the rest kept; repair has to find room for them all again, moving others.
    inst = generate(150, seed=seed)
    prep = prepare(inst)
    full = greedy(prep, inst.weights, seed=seed)
    partial = {g: ps[: len(ps) * 2 // 3] for g, ps in full.items()}
    result = repair(prep, inst.weights, partial, seed=seed, deadline=time.monotonic() + 10)
    assert hard_conflicts(prep, result) == 0
    assert all(len(result[g.index]) == g.size for g in prep.groups)
    report = validate(inst, to_placements(prep, result))
    assert report.hard == ()


def hopeless():
    """Course 1 may only meet in period 0, where a pinned session of its cohort is."""
    inst = instance(
        [course(1, cohorts=[5], unavailable=[1]), course(2, cohorts=[5], pins={0: Pin(0, 0)})],
        days=1,
        periods=2,
        weights=NO_SOFT,
    )
    prep = prepare(inst)
    partial = {g.index: [] for g in prep.groups}
    partial[group_of(prep, 200)] = [(0, 0)]
    return inst, prep, partial


def test_it_gives_up_when_ejecting_cannot_help():
    inst, prep, partial = hopeless()
    began = time.monotonic()
    result = repair(prep, inst.weights, partial, seed=0, deadline=began + 60.0)
    assert time.monotonic() - began < 5.0  # STALL_STEPS steps, not the minute
    assert result[group_of(prep, 100)] == [] and result[group_of(prep, 200)] == [(0, 0)]


def test_it_keeps_to_its_deadline(monkeypatch):
    monkeypatch.setattr(greedy_module, "STALL_STEPS", 10**9)
    inst, prep, partial = hopeless()
    began = time.monotonic()
    result = repair(prep, inst.weights, partial, seed=0, deadline=began + 0.3)
    assert 0.3 <= time.monotonic() - began < 1.0
    assert result[group_of(prep, 100)] == []


def first_of(inst, partial, monkeypatch):
    """Search.first with the greedy start replaced by a given partial timetable."""
    prep = prepare(inst)
    monkeypatch.setattr(search, "greedy", lambda *a, **k: {g: list(p) for g, p in partial.items()})
    began = time.monotonic()
    # A long horizon gives each step room on a loaded machine (the time-only model gets 3% of
    # it); every step ends at its first timetable, so the test takes well under a second.
    with Stopper(began + 120.0) as stopper:
        run = Search(
            prep, inst.weights, stopper, seed=0, workers=1, complete_by=began + 116, started=began
        )
        return prep, run.first()


def a_partial_timetable(inst):
    prep = prepare(inst)
    full = greedy(prep, inst.weights, seed=0)
    assert all(len(full[g.index]) == g.size for g in prep.groups)
    return {g: ps[:-1] if g % 3 == 0 else ps for g, ps in full.items()}


def test_the_first_timetable_places_what_the_greedy_start_left_out_by_repair(monkeypatch):
    inst = generate(60, seed=1)
    partial = a_partial_timetable(inst)

    def no_model(*args):
        raise AssertionError("repair should have placed every session")

    monkeypatch.setattr(Search, "_times_then_rooms", no_model)
    prep, outcome = first_of(inst, partial, monkeypatch)
    assert outcome.status == "feasible"
    assert all(len(outcome.assignment[g.index]) == g.size for g in prep.groups)
    assert hard_conflicts(prep, outcome.assignment) == 0


def test_what_repair_cannot_place_in_its_time_goes_to_the_time_only_model(monkeypatch):
    inst = generate(60, seed=1)
    partial = a_partial_timetable(inst)
    monkeypatch.setattr(search, "REPAIR_SHARE", 0.0)  # repair has no time at all
    calls = []
    original = Search._times_then_rooms

    def spy(self, start):
        calls.append(sum(map(len, start.values())))
        return original(self, start)

    monkeypatch.setattr(Search, "_times_then_rooms", spy)
    prep, outcome = first_of(inst, partial, monkeypatch)
    assert calls == [sum(map(len, partial.values()))]
    assert outcome.status == "feasible"
    assert all(len(outcome.assignment[g.index]) == g.size for g in prep.groups)
    assert hard_conflicts(prep, outcome.assignment) == 0
