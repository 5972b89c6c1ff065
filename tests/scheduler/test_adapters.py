from scheduler import adapters
from scheduler import models as sm
from scheduler.solver import instance as si
from tests import factories as f
from tests.scheduler.scenario import placed_run, world

Mode = sm.Run.Mode


def test_it_builds_the_grid_people_and_rooms(member):
    w = world(member, size=2, periods=4)
    sm.FacultyAvailability.objects.create(
        term=w.term, faculty=w.faculty[0], day=1, period=2, kind="unavailable"
    )
    sm.FacultyAvailability.objects.create(
        term=w.term, faculty=w.faculty[0], day=0, period=0, kind="preferred"
    )
    sm.RoomUnavailability.objects.create(term=w.term, room=w.rooms[1], day=4, period=3)
    instance, index = adapters.build_instance(w.term, mode=Mode.FRESH)
    assert instance.grid.days == 5 and instance.grid.periods_per_day == 4
    assert instance.grid.periods[0] == si.Period(480, 530, label="1")
    teacher = next(t for t in instance.faculty if t.id == w.faculty[0].pk)
    assert teacher.unavailable == frozenset({instance.grid.slot(1, 2)})
    assert teacher.preferred == frozenset({0})
    room = next(r for r in instance.rooms if r.id == w.rooms[1].pk)
    assert room.unavailable == frozenset({instance.grid.slot(4, 3)})
    assert room.owner == member.pk and room.borrow_caps is None
    course = next(c for c in instance.courses if c.id == w.offerings[0].pk)
    assert course.faculty == (w.faculty[0].pk,) and course.cohorts == (w.cohorts[0].pk,)
    assert course.size == 30 and course.member == member.pk
    assert [s.length for s in course.sessions] == [2]
    assert instance.travel == ((w.campuses[0].pk, w.campuses[1].pk, 30),)
    assert instance.weights == si.Weights.consortium()
    assert index.session_offering == {s.pk: s.offering_id for s in w.sessions}


def test_it_turns_restricted_rooms_into_borrow_caps(member, other_member):
    w = world(member, size=1)
    lab = f.room(w.campuses[0], access=sm.Room.Access.RESTRICTED, kind="lab")
    sm.RoomLoan.objects.create(room=lab, borrower=other_member, cap_periods_per_week=4)
    instance, _ = adapters.build_instance(w.term, mode=Mode.FRESH)
    engine_lab = next(r for r in instance.rooms if r.id == lab.pk)
    assert engine_lab.borrow_caps == ((other_member.pk, 4),)


def test_it_keeps_pins_except_in_fresh_mode(member):
    w = world(member, size=1)
    session = w.sessions[0]
    session.pin_day, session.pin_period, session.pin_room = 2, 1, w.rooms[0]
    session.save()
    fresh, _ = adapters.build_instance(w.term, mode=Mode.FRESH)
    pins, _ = adapters.build_instance(w.term, mode=Mode.PINS)
    assert fresh.courses[0].sessions[0].pinned is None
    assert pins.courses[0].sessions[0].pinned == si.Pin(2, 1, w.rooms[0].pk)


def test_it_uses_the_published_run_as_reference_in_minimal_mode(member):
    w = world(member, size=2)
    run = placed_run(w.term)
    w.term.published_run = run
    w.term.save()
    instance, index = adapters.build_instance(w.term, mode=Mode.MINIMAL)
    assert instance.weights.moved == adapters.MOVED_WEIGHT
    assert {p.session for p in instance.reference} == {s.pk for s in w.sessions}
    assert index.reference_run_id == run.pk
    pins, _ = adapters.build_instance(w.term, mode=Mode.PINS)
    assert pins.reference == () and pins.weights.moved == 0


def test_it_builds_with_a_fixed_number_of_queries(member, django_assert_num_queries):
    for size in (1, 8):
        w = world(member, size=size)
        sm.Session.objects.create(offering=w.offerings[0], kind="lab", length=3)
        with django_assert_num_queries(15):
            instance, _ = adapters.build_instance(w.term, mode=Mode.FRESH)
        assert len(instance.courses) == size
        w.term.published_run = placed_run(w.term)
        with django_assert_num_queries(16):
            adapters.build_instance(w.term, mode=Mode.MINIMAL)


def test_it_saves_only_its_own_runs_assignments(member):
    w = world(member, size=2)
    one, two = placed_run(w.term), placed_run(w.term)
    s0, s1 = w.sessions
    solution = si.Solution(
        status=si.Status.FEASIBLE,
        placements=(
            si.Placement(s0.pk, 3, 1, w.rooms[1].pk),
            si.Placement(s1.pk, 4, 0, w.rooms[0].pk),
        ),
        objective=7,
        penalties={"isolated": 4, "min_days": 3},
        violations=(si.Violation("isolated", False, 4, "Isolated.", (("session", s0.pk),)),),
    )
    assert adapters.save_solution(one, solution, status=sm.Run.Status.SUCCEEDED)
    one.refresh_from_db()
    assert one.objective == 7 and one.penalties == {"isolated": 4, "min_days": 3}
    assert one.violations[0]["refs"] == [["session", s0.pk]] and one.hard_violations == 0
    assert sorted(one.assignments.values_list("day", "period")) == [(3, 1), (4, 0)]
    assert sorted(two.assignments.values_list("day", "period")) == [(0, 0), (1, 0)]


def test_it_writes_nothing_when_the_run_changed_status(member):
    w = world(member, size=1)
    run = placed_run(w.term, status=sm.Run.Status.FAILED)
    solution = si.Solution(status=si.Status.FEASIBLE, placements=(), objective=0)
    saved = adapters.save_solution(run, solution, only_if_status=sm.Run.Status.RUNNING)
    assert saved is False
    assert run.assignments.count() == 1
