"""The background task's code path (services.run_execute) and its faults.

Tests here replace the engine by a stub only to force what a real engine does not do on demand:
raise, report progress at chosen moments, or wait for a stop request. The real engine's solves
are tested in test_solve_task.py.
"""

import datetime as dt
import sys
import time
import types

import pytest
from django.utils import timezone

from scheduler import models as sm
from scheduler import services
from scheduler.solver import instance as si
from tests.scheduler.scenario import placed_run

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def engine(monkeypatch):
    """Install a stub engine; set `engine.solve` to the behaviour a test needs."""
    stub = types.SimpleNamespace(solve=None, explained=[])
    solve_module = types.ModuleType("scheduler.solver.solve")
    solve_module.solve = lambda *a, **kw: stub.solve(*a, **kw)
    explain_module = types.ModuleType("scheduler.solver.explain")
    explain_module.precheck = lambda instance: []

    def explain(instance, **kw):
        stub.explained.append(instance)
        return (si.Conflict("Nobody can teach on Monday.", (("faculty", 1),)),)

    explain_module.explain = explain
    monkeypatch.setitem(sys.modules, "scheduler.solver.solve", solve_module)
    monkeypatch.setitem(sys.modules, "scheduler.solver.explain", explain_module)
    return stub


def _placements(instance):
    return tuple(
        si.Placement(session=s.id, day=i % instance.grid.days, period=0, room=instance.rooms[0].id)
        for i, s in enumerate(s for c in instance.courses for s in c.sessions)
    )


def _queued(term):
    return sm.Run.objects.create(term=term, time_limit_s=5)


def test_it_marks_the_run_running_then_saves_the_result(sched, engine):
    run = _queued(sched.term)
    seen = {}

    def solve(instance, *, time_limit_s, num_workers, seed, hint, on_progress, should_stop):
        seen["status"] = sm.Run.objects.get(pk=run.pk).status
        seen["args"] = (time_limit_s, seed, hint)
        on_progress(si.Progress(0.2, 50, 10, 1))
        on_progress(si.Progress(0.4, 30, 20, 2))
        return si.Solution(
            status=si.Status.FEASIBLE,
            placements=_placements(instance),
            objective=30,
            bound=20,
            penalties={"isolated": 30},
            solutions_found=2,
            violations=(si.Violation("isolated", False, 30, "Alone.", ()),),
        )

    engine.solve = solve
    assert services.run_execute(run_id=run.pk) == sm.Run.Status.SUCCEEDED
    run.refresh_from_db()
    assert seen == {"status": "running", "args": (5, 0, None)}
    assert run.status == sm.Run.Status.SUCCEEDED
    assert (run.objective, run.bound, run.solutions_found) == (30, 20, 2)
    assert run.progress == [[0.2, 50, 10], [0.4, 30, 20]]
    assert run.penalties == {"isolated": 30} and run.violations[0]["message"] == "Alone."
    assert run.assignments.count() == 2
    assert run.started_at is not None and run.finished_at is not None


def test_the_penalty_of_each_rule_is_written_while_the_run_goes_on(sched, engine):
    run = _queued(sched.term)
    seen = {}

    def solve(instance, *, on_progress, should_stop, **kw):
        on_progress(si.Progress(0.1, 9, 0, 1, {"isolated": 4, "min_days": 5}))
        on_progress(si.Progress(0.2, 7, 0, 2))  # between two counts: no penalties
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # the monitor writes at most once a second
            row = sm.Run.objects.values("objective", "penalties").get(pk=run.pk)
            if row["objective"] == 7:
                seen.update(row)
                break
            time.sleep(0.05)
        return si.Solution(
            status=si.Status.FEASIBLE,
            placements=_placements(instance),
            objective=6,
            penalties={"isolated": 6},
        )

    engine.solve = solve
    assert services.run_execute(run_id=run.pk) == sm.Run.Status.SUCCEEDED
    # live: the latest objective beside the penalties last counted
    assert seen == {"objective": 7, "penalties": {"isolated": 4, "min_days": 5}}
    run.refresh_from_db()
    assert run.penalties == {"isolated": 6}  # the end: the final timetable's own


def test_it_records_an_engine_error_as_failed(sched, engine):
    run = _queued(sched.term)

    def solve(*args, **kwargs):
        raise RuntimeError("model exploded")

    engine.solve = solve
    assert services.run_execute(run_id=run.pk) == sm.Run.Status.FAILED
    run.refresh_from_db()
    assert run.status == sm.Run.Status.FAILED and "model exploded" in run.error
    assert run.finished_at is not None


def test_it_explains_an_infeasible_term(sched, engine):
    run = _queued(sched.term)
    engine.solve = lambda *a, **kw: si.Solution(status=si.Status.INFEASIBLE)
    assert services.run_execute(run_id=run.pk) == sm.Run.Status.INFEASIBLE
    run.refresh_from_db()
    assert run.explanation == [{"message": "Nobody can teach on Monday.", "refs": [["faculty", 1]]}]
    assert run.assignments.count() == 0


def test_it_reports_no_timetable_in_time_as_failed(sched, engine):
    run = _queued(sched.term)
    engine.solve = lambda *a, **kw: si.Solution(status=si.Status.UNKNOWN)
    assert services.run_execute(run_id=run.pk) == sm.Run.Status.FAILED
    run.refresh_from_db()
    assert "No timetable was found within 5 s" in run.error


def test_it_stops_on_cancel_and_keeps_the_best_timetable(sched, engine):
    run = _queued(sched.term)

    def solve(instance, *, on_progress, should_stop, **kw):
        on_progress(si.Progress(0.1, 40, 0, 1))
        sm.Run.objects.filter(pk=run.pk).update(cancel_requested=True)
        deadline = time.monotonic() + 10
        while not should_stop() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert should_stop(), "the stop request did not reach the engine"
        return si.Solution(
            status=si.Status.FEASIBLE, placements=_placements(instance), objective=40, stopped=True
        )

    engine.solve = solve
    assert services.run_execute(run_id=run.pk) == sm.Run.Status.CANCELLED
    run.refresh_from_db()
    assert run.status == sm.Run.Status.CANCELLED and run.objective == 40
    assert run.assignments.count() == 2


def test_it_does_not_run_a_run_cancelled_while_queued(sched, engine):
    run = _queued(sched.term)
    services.run_cancel(run=run)
    engine.solve = lambda *a, **kw: pytest.fail("a cancelled run was solved")
    assert services.run_execute(run_id=run.pk) == sm.Run.Status.CANCELLED


def test_it_fails_runs_left_running_by_a_killed_worker_at_task_start(sched, engine, settings):
    """A worker killed mid-solve leaves its run `running` with an old heartbeat."""
    published = placed_run(sched.term)
    sched.term.published_run = published
    sched.term.save()
    old = timezone.now() - dt.timedelta(seconds=settings.RUN_HEARTBEAT_TIMEOUT_S + 1)
    dead = sm.Run.objects.create(
        term=sched.term, status=sm.Run.Status.RUNNING, started_at=old, heartbeat_at=old
    )
    sm.Assignment.objects.create(
        run=dead, session=sched.sessions[0], day=4, period=2, room=sched.rooms[0]
    )
    rerun = _queued(sched.term)
    engine.solve = lambda instance, **kw: si.Solution(
        status=si.Status.OPTIMAL, placements=_placements(instance), objective=0
    )
    assert services.run_execute(run_id=rerun.pk) == sm.Run.Status.SUCCEEDED
    dead.refresh_from_db()
    assert dead.status == sm.Run.Status.FAILED and "no sign of life" in dead.error
    sched.term.refresh_from_db()
    assert sched.term.published_run == published
    before = sorted(published.assignments.values_list("session", "day", "period", "room"))
    assert before == sorted(
        sm.Assignment.objects.filter(run=published).values_list("session", "day", "period", "room")
    )
    assert dead.assignments.count() == 1  # the dead run's rows are its own, never another's


def test_it_keeps_a_run_failed_when_its_result_arrives_late(sched, engine):
    run = _queued(sched.term)

    def solve(instance, **kw):
        sm.Run.objects.filter(pk=run.pk).update(status=sm.Run.Status.FAILED, error="stale")
        return si.Solution(status=si.Status.FEASIBLE, placements=_placements(instance), objective=1)

    engine.solve = solve
    assert services.run_execute(run_id=run.pk) == sm.Run.Status.FAILED
    run.refresh_from_db()
    assert run.error == "stale" and run.assignments.count() == 0


def test_it_writes_a_heartbeat_while_solving(sched, engine, monkeypatch):
    monkeypatch.setattr(services, "HEARTBEAT_EVERY_S", 0.2)
    monkeypatch.setattr(services, "CANCEL_POLL_S", 0.05)
    run = _queued(sched.term)
    beats = []

    def solve(instance, **kw):
        start = sm.Run.objects.get(pk=run.pk).heartbeat_at
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            beat = sm.Run.objects.get(pk=run.pk).heartbeat_at
            if beat > start:
                beats.append(beat)
                break
            time.sleep(0.05)
        return si.Solution(status=si.Status.FEASIBLE, placements=_placements(instance), objective=0)

    engine.solve = solve
    services.run_execute(run_id=run.pk)
    assert beats, "no heartbeat was written during the solve"
