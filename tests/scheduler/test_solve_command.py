"""`manage.py solve TERM --time-limit S [--mode] [--seed]`: the task's code path, in front."""

import io

import pytest
from django.core.management import CommandError, call_command

from curriculum.models import TravelTime
from scheduler import models as sm
from tests import factories as f
from tests.scheduler.scenario import world

pytestmark = pytest.mark.django_db(transaction=True)


def _solve(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("solve", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_solves_prints_progress_and_penalties(member):
    w = world(member, size=3)
    out, _err = _solve(w.term.slug, "--time-limit", "2", "--seed", "3")
    run = sm.Run.objects.get()
    assert (run.status, run.seed, run.hard_violations) == ("succeeded", 3, 0)
    assert run.assignments.count() == 3
    assert f"Run {run.pk}: succeeded" in out
    assert "penalty" in out and "Isolated session in a cohort's day" in out
    assert f"Penalty {run.objective}; hard violations 0" in out


def test_it_keeps_pins_in_pins_mode(member):
    w = world(member, size=2)
    session = w.sessions[0]
    session.pin_day, session.pin_period, session.pin_room = 3, 1, w.rooms[1]
    session.save()
    _solve(w.term.slug, "--time-limit", "2", "--mode", "pins")
    placed = sm.Assignment.objects.get(session=session)
    assert (placed.day, placed.period, placed.room) == (3, 1, w.rooms[1])


def test_it_exits_non_zero_when_no_timetable_exists(member):
    """One cohort, two back-to-back lectures on campuses 90 minutes apart: no timetable."""
    w = world(member, size=2, periods=4)
    w.term.days_per_week = 1
    w.term.save()
    TravelTime.objects.update(minutes=90)
    for offering, room, campus in zip(w.offerings, w.rooms, w.campuses, strict=True):
        assert room.campus == campus
        offering.cohorts.set([w.cohorts[0]])
        offering.sessions.get().allowed_rooms.set([room])
    with pytest.raises(CommandError) as error:
        _solve(w.term.slug, "--time-limit", "5")
    assert error.value.returncode == 1
    run = sm.Run.objects.get()
    assert (run.status == "infeasible" and run.explanation) or run.hard_violations


def test_it_refuses_a_term_that_cannot_be_timetabled_before_solving(member):
    term = f.term(member, periods=0)
    with pytest.raises(CommandError, match="cannot be timetabled"):
        _solve(term.slug, "--time-limit", "2")
    assert not sm.Run.objects.exists()


def test_it_refuses_an_unknown_term():
    with pytest.raises(CommandError, match="No term with the slug 'nope'"):
        _solve("nope", "--time-limit", "2")
