"""Fixtures of the timetabling view tests (the engine tests live in tests/scheduler/solver)."""

import pytest

from tests.scheduler.scenario import placed_run, world


@pytest.fixture
def sched(member):
    """A term organised by `member` with two offerings, rooms, faculty and cohorts."""
    return world(member, size=2)


@pytest.fixture
def sched_run(sched):
    """A finished run of `sched` placing both sessions."""
    return placed_run(sched.term)
