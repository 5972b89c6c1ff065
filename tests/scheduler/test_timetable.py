import datetime as dt

from scheduler.timetable import load_timetable
from tests import factories as f
from tests.scheduler.scenario import placed_run, world


def test_it_loads_entries_with_clock_times_and_people(member):
    w = world(member, size=2)
    run = placed_run(w.term)
    tt = load_timetable(run)
    assert tt.term_slug == w.term.slug
    assert [s.index for s in tt.slots] == [0, 1, 2, 3]
    assert len(tt.entries) == 2
    first = tt.entries[0]
    assert (first.day, first.period, first.length) == (0, 0, 2)
    assert (first.start, first.end) == (dt.time(8, 0), dt.time(9, 50))
    assert [c.code for c in first.cohorts] == [w.cohorts[0].code]
    assert [p.id for p in first.faculty] == [w.faculty[0].pk]
    assert first.faculty[0].name.startswith("Dr ")
    assert first.member.code == member.code
    assert tt.published is False
    assert [m.code for m in tt.members] == [member.code]


def test_it_attaches_violation_sentences_to_their_sessions(member):
    w = world(member, size=2)
    session = w.sessions[1]
    run = placed_run(
        w.term,
        violations=[
            {
                "rule": "isolated",
                "hard": False,
                "penalty": 2,
                "message": "An isolated session.",
                "refs": [["session", session.pk]],
            }
        ],
    )
    tt = load_timetable(run)
    by_session = {e.session_id: e for e in tt.entries}
    assert by_session[session.pk].violations == ("An isolated session.",)
    assert by_session[w.sessions[0].pk].violations == ()


def test_it_filters_by_member(member, other_member):
    w = world(member, size=2)
    other_cohort = f.cohort(other_member)
    w.offerings[1].cohorts.add(other_cohort)
    run = placed_run(w.term)
    tt = load_timetable(run, member=other_member)
    assert [e.session_id for e in tt.entries] == [w.sessions[1].pk]
    assert {m.code for m in tt.members} == {member.code, other_member.code}


def test_it_marks_the_published_run(member):
    w = world(member, size=1)
    run = placed_run(w.term)
    w.term.published_run = run
    w.term.save()
    assert load_timetable(run).published is True


def test_it_uses_a_fixed_number_of_queries(member, django_assert_num_queries):
    small = world(member, size=1)
    large = world(member, size=6)
    for w in (small, large):
        run = placed_run(w.term)
        with django_assert_num_queries(6):
            tt = load_timetable(run)
        assert len(tt.entries) == len(w.offerings)


def test_it_names_the_member_of_each_ref(member, other_member):
    w = world(member, size=1)
    w.offerings[0].cohorts.add(f.cohort(other_member))
    entry = load_timetable(placed_run(w.term)).entries[0]
    assert entry.room.member_id == entry.campus.member_id == member.pk
    assert entry.faculty[0].member_id == member.pk
    assert {c.member_id for c in entry.cohorts} == {member.pk, other_member.pk}
    assert entry.course.member_id == entry.member.member_id == member.pk


def test_it_names_refs_in_the_active_language():
    from django.utils import translation

    from scheduler.timetable import Ref

    ref = Ref(id=1, code="JY", name="Jinyun University", name_zh="缙云大学")
    with translation.override("zh-hans"):
        assert ref.display == "缙云大学"
    with translation.override("en"):
        assert ref.display == "Jinyun University"
    assert Ref(id=2, code="X", name="Only English").display == "Only English"
