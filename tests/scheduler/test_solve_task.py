"""Solves through the real queue and the real engine: the task, Cancel, concurrent solves."""

import datetime as dt
import signal
import threading
import time

import pytest
from django.db import OperationalError, connection

from scheduler import models as sm
from scheduler import services
from tests.scheduler.scenario import placed_run, world
from tests.scheduler.workers import db_worker, db_worker_process, shared_database_env

pytestmark = pytest.mark.django_db(transaction=True)


def wait_for(predicate, *, within: float = 60.0, what: str = "the condition"):
    """Poll (with a bound) until predicate() is true; returns its value."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except OperationalError:  # the in-memory SQLite test database is locked a moment
            value = None
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"Gave up waiting for {what} after {within:.0f} s")


def _finished(run):
    run.refresh_from_db()
    return not run.is_active


def test_it_solves_a_run_through_the_queue(member, scheduler_admin):
    w = world(member, size=3)
    run = services.run_create(term=w.term, by=scheduler_admin, mode="fresh", time_limit_s=2)
    assert run.task_id  # enqueued at commit (these tests run in autocommit)
    with db_worker():
        wait_for(lambda: _finished(run), what="the run to finish")
    assert run.status == sm.Run.Status.SUCCEEDED, run.error
    assert run.hard_violations == 0 and run.objective is not None
    assert run.assignments.count() == len(w.sessions)
    assert run.started_at <= run.heartbeat_at <= run.finished_at


def test_it_cancels_a_solve_keeping_the_best_timetable(member, scheduler_admin):
    w = world(member, size=12)
    run = services.run_create(term=w.term, by=scheduler_admin, mode="fresh", time_limit_s=300)
    with db_worker():
        wait_for(
            lambda: sm.Run.objects.filter(pk=run.pk, solutions_found__gte=1).exists(),
            what="a first timetable",
        )
        services.run_cancel(run=run)
        wait_for(lambda: _finished(run), within=30, what="the cancelled run to end")
    assert run.status == sm.Run.Status.CANCELLED
    assert run.objective is not None and run.assignments.count() == len(w.sessions)
    assert run.finished_at < run.started_at + dt.timedelta(seconds=run.time_limit_s)


def test_two_solves_of_one_term_at_once_keep_their_own_assignments(member, scheduler_admin):
    w = world(member, size=4)
    published = placed_run(w.term)
    w.term.published_run = published
    w.term.save()
    before = sorted(published.assignments.values_list("session", "day", "period", "room"))
    runs = [
        services.run_create(
            term=w.term,
            by=scheduler_admin,
            mode="fresh",
            time_limit_s=2 + i,
            seed=i,
            enqueue=False,
        )
        for i in range(2)
    ]
    results = {}

    def execute(run):
        try:
            results[run.pk] = services.run_execute(run_id=run.pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=execute, args=(r,)) for r in runs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert results == {r.pk: sm.Run.Status.SUCCEEDED for r in runs}
    sessions = sorted(s.pk for s in w.sessions)
    for run in runs:
        assert sorted(run.assignments.values_list("session", flat=True)) == sessions
    assert sorted(published.assignments.values_list("session", "day", "period", "room")) == before
    assert sm.Assignment.objects.count() == 3 * len(sessions)


def test_a_worker_killed_mid_solve_leaves_the_run_failed_and_a_rerun_works(
    member, scheduler_admin, settings
):
    """A real `db_worker` process, killed with SIGKILL while it solves."""
    if shared_database_env() is None:
        pytest.skip(
            "needs a database a second process can open: PostgreSQL, or SQLite in a file "
            "(TEST_DATABASE_NAME=/tmp/x.sqlite3); the in-memory case is covered in "
            "test_run_execute.py"
        )
    w = world(member, size=12)
    published = placed_run(w.term)
    w.term.published_run = published
    w.term.save()
    before = sorted(published.assignments.values_list("session", "day", "period", "room"))
    run = services.run_create(term=w.term, by=scheduler_admin, mode="fresh", time_limit_s=300)
    with db_worker_process() as proc:
        wait_for(
            lambda: sm.Run.objects.filter(pk=run.pk, solutions_found__gte=1).exists(),
            what="the worker to be solving",
        )
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    run.refresh_from_db()
    assert run.status == sm.Run.Status.RUNNING  # nobody is left to say otherwise
    settings.RUN_HEARTBEAT_TIMEOUT_S = 1
    wait_for(lambda: services.runs_fail_stale(term=w.term), what="the heartbeat to go stale")
    run.refresh_from_db()
    assert run.status == sm.Run.Status.FAILED and "no sign of life" in run.error
    w.term.refresh_from_db()
    assert w.term.published_run == published
    assert sorted(published.assignments.values_list("session", "day", "period", "room")) == before
    rerun = services.run_create(term=w.term, by=scheduler_admin, mode="fresh", time_limit_s=2)
    with db_worker_process():
        wait_for(lambda: _finished(rerun), what="the rerun to finish")
    assert rerun.status == sm.Run.Status.SUCCEEDED, rerun.error
