"""solve(): progress, stop, warm start, determinism and every status."""

import itertools
import threading
import time

from scheduler.solver import rules, search
from scheduler.solver.cost import weighted_penalties
from scheduler.solver.data import prepare
from scheduler.solver.generate import generate
from scheduler.solver.greedy import greedy
from scheduler.solver.instance import SOFT_RULES, Status, Weights
from scheduler.solver.search import Search, Stopper
from scheduler.solver.solve import PENALTIES_EVERY_S, Reporter, solve

from .build import course, instance


def test_it_reports_progress_at_every_improvement():
    inst = generate(80, seed=3)
    seen = []
    solution = solve(inst, time_limit_s=4, num_workers=2, seed=1, on_progress=seen.append)
    assert solution.status == Status.FEASIBLE
    assert seen, "no progress reported"
    # A report repeats the one before it only to bring the penalties counted later.
    pairs = list(itertools.pairwise(seen))
    assert all(b.penalties is not None for a, b in pairs if b.solutions == a.solutions)
    improvements = seen[:1] + [b for a, b in pairs if b.solutions != a.solutions]
    objectives = [p.objective for p in improvements]
    assert objectives == sorted(objectives, reverse=True)
    assert len(set(objectives)) == len(objectives)
    assert [p.solutions for p in improvements] == list(range(1, len(improvements) + 1))
    assert seen[-1].objective == solution.objective
    assert all(p.bound <= p.objective for p in seen)
    assert solution.solutions_found == len(improvements)
    assert all(b.elapsed_s >= a.elapsed_s for a, b in itertools.pairwise(seen))
    # the first report, and then one a second at most, carry the penalty of each rule
    counted = [p for p in seen if p.penalties is not None]
    assert counted[0] is seen[0]
    assert all(b.elapsed_s - a.elapsed_s >= 1.0 for a, b in itertools.pairwise(counted))
    for p in counted:
        assert set(p.penalties) == set(SOFT_RULES) and sum(p.penalties.values()) == p.objective


def two_timetables():
    """A small instance, prepared, and two greedy timetables of it."""
    inst = generate(30, seed=3)
    prep = prepare(inst)
    return inst, prep, greedy(prep, inst.weights, seed=0), greedy(prep, inst.weights, seed=1)


def test_an_improvement_reported_without_penalties_is_reported_again_with_them():
    inst, prep, first, second = two_timetables()
    seen = []
    reporter = Reporter(prep, seen.append, time.monotonic())
    reporter.improved(900, 1, first)
    reporter.improved(800, 2, second)  # within the second: no count
    reporter.tick()  # nor now
    assert [(p.objective, p.solutions, p.penalties is None) for p in seen] == [
        (900, 1, False),
        (800, 2, True),
    ]
    reporter.counted_at -= PENALTIES_EVERY_S  # a second later
    reporter.tick()
    again = seen[-1]
    assert (len(seen), again.objective, again.solutions) == (3, 800, 2)
    assert again.penalties == weighted_penalties(prep, inst.weights, second)
    reporter.tick()  # counted: nothing more to say
    assert len(seen) == 3


def test_counted_reports_stay_a_second_apart_however_long_a_count_takes(monkeypatch):
    _, prep, first, second = two_timetables()
    slow_then_fast = iter([0.3, 0.0])

    def counting(*args):
        time.sleep(next(slow_then_fast))
        return weighted_penalties(*args)

    monkeypatch.setattr("scheduler.solver.solve.weighted_penalties", counting)
    seen = []
    reporter = Reporter(prep, seen.append, time.monotonic())
    reporter.improved(900, 1, first)  # counted, slowly
    reporter.improved(800, 2, second)  # not yet due
    deadline = time.monotonic() + 5 * PENALTIES_EVERY_S
    while seen[-1].penalties is None and time.monotonic() < deadline:
        time.sleep(0.01)
        reporter.tick()
    counted = [p for p in seen if p.penalties is not None]
    assert [p.objective for p in counted] == [900, 800]
    assert counted[1].elapsed_s - counted[0].elapsed_s >= PENALTIES_EVERY_S


def test_it_stops_within_a_second_of_a_request_and_keeps_the_best():
    inst = generate(300, seed=2)
    progressed = threading.Event()
    asked: list[float] = []

    def should_stop() -> bool:
        if progressed.is_set():
            asked.append(time.monotonic())
            return True
        return False

    best = []

    def on_progress(p):
        best.append(p.objective)
        progressed.set()

    started = time.monotonic()
    solution = solve(
        inst,
        time_limit_s=120,
        num_workers=2,
        seed=0,
        on_progress=on_progress,
        should_stop=should_stop,
    )
    ended = time.monotonic()
    assert solution.stopped and solution.status == Status.FEASIBLE
    assert asked and ended - asked[0] < 3.0  # generous: the solver aims at one second
    assert ended - started < 60
    assert solution.objective == best[-1]


def test_a_broken_progress_callback_does_not_stop_the_search():
    def on_progress(_p):
        raise RuntimeError("the UI went away")

    inst = instance([course(1, sessions=2)])
    assert solve(inst, time_limit_s=5, num_workers=1, on_progress=on_progress).status in (
        Status.OPTIMAL,
        Status.FEASIBLE,
    )


def test_a_warm_start_begins_from_the_hint():
    inst = generate(80, seed=4)
    first = solve(inst, time_limit_s=3, num_workers=2, seed=0)
    seen = []
    again = solve(
        inst, time_limit_s=1, num_workers=2, seed=5, hint=first.placements, on_progress=seen.append
    )
    assert seen[0].objective == first.objective
    assert again.objective <= first.objective


def test_the_same_seed_starts_from_the_same_timetable_and_ends_at_the_same_optimum():
    # The greedy start is seeded; how far the search gets within a wall-clock limit depends on
    # the machine, so only a proven optimum is expected to repeat exactly.
    inst = generate(12, seed=6, weights=Weights.itc2007())
    runs = []
    for _ in range(2):
        seen = []
        solution = solve(inst, time_limit_s=20, num_workers=1, seed=9, on_progress=seen.append)
        runs.append((seen[0].objective, solution.status, solution.placements))
    assert runs[0] == runs[1]
    assert runs[0][1] == Status.OPTIMAL


def test_a_tiny_instance_is_solved_to_proven_optimality():
    inst = generate(12, seed=6, weights=Weights.itc2007())
    solution = solve(inst, time_limit_s=20, num_workers=1, seed=9)
    assert solution.status == Status.OPTIMAL
    assert solution.bound == solution.objective


def test_it_returns_what_it_has_when_time_runs_out_first():
    inst = generate(1000, seed=1)
    solution = solve(inst, time_limit_s=0.2, num_workers=1)
    assert solution.status == Status.UNKNOWN
    assert solution.explanation and "No timetable was found" in solution.explanation[0].message
    assert all(v.rule == "unplaced" for v in solution.violations if v.hard)


def test_a_broken_model_is_reported_as_invalid(monkeypatch):
    def broken(b):
        b.model.new_int_var(1, 0, "empty domain")

    monkeypatch.setattr(rules, "HARD", (*rules.HARD, broken))
    # A cost (overflow) the search would try to improve on if it did not know it unavoidable.
    monkeypatch.setattr(search, "lower_bound", lambda prep, weights: 0)
    inst = instance([course(1, size=150), course(2)])
    assert solve(inst, time_limit_s=5, num_workers=1).status == Status.INVALID


def test_the_full_model_is_not_built_when_the_builds_seen_say_it_would_overrun():
    inst = generate(60, seed=1)
    prep = prepare(inst)
    partial = greedy(prep, inst.weights, seed=0)
    partial[0] = []  # a group left out
    began = time.monotonic()
    with Stopper(began + 2.0) as stopper:
        search = Search(
            prep, inst.weights, stopper, seed=0, workers=1, complete_by=began, started=began
        )
        search.build_rate = 1.0  # a second a session: the model would take a minute
        outcome = search.complete(partial)
    assert outcome.status == "partial" and time.monotonic() - began < 1.0
