"""`manage.py load_demo`: the demo consortium, its sizes, its consistency and its feasibility."""

from __future__ import annotations

import io
from collections import defaultdict

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db.models import Count, F, Sum

from curriculum import demo
from curriculum import models as cm
from scheduler import models as sm

Status = cm.Syllabus.Status


def _load(**options) -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()


def _counts() -> dict[str, int]:
    """Rows per model of both apps, and users."""
    models = [*apps.get_app_config("curriculum").get_models()]
    models += [*apps.get_app_config("scheduler").get_models(), User]
    return {m._meta.label: m.objects.count() for m in models}


@pytest.fixture
def loaded(db):
    return _load()


def test_it_loads_the_expected_sizes(loaded):
    assert cm.Institution.objects.count() == 6
    kinds = dict(
        cm.Institution.objects.values_list("kind").annotate(n=Count("id")).order_by()
    )
    assert kinds == {"university": 3, "research": 1, "enterprise": 2}
    assert cm.Campus.objects.count() == 8
    assert cm.Discipline.objects.count() == 8
    assert cm.CompetencyArea.objects.count() == 10
    per_area = cm.CompetencyArea.objects.annotate(n=Count("competencies"))
    assert all(3 <= a.n <= 4 for a in per_area)
    assert all(c.name_zh for c in cm.Competency.objects.all())
    assert cm.Faculty.objects.count() == 40
    assert cm.Faculty.objects.filter(also_teaches_at__isnull=False).distinct().count() >= 3
    assert sm.Room.objects.filter(kind=sm.Room.Kind.ROOM).count() >= 30
    labs = sm.Room.objects.filter(kind=sm.Room.Kind.LAB)
    assert labs.count() == 8
    assert not labs.exclude(access=sm.Room.Access.RESTRICTED).exists()
    assert sm.RoomLoan.objects.exists()
    assert cm.Programme.objects.count() == 2
    assert cm.Course.objects.count() == 25
    interdisciplinary = cm.Course.objects.annotate(n=Count("discipline_shares")).filter(n__gte=2)
    assert interdisciplinary.count() >= 18
    assert sm.Cohort.objects.count() == 10
    term = sm.Term.objects.get(slug="demo")
    assert 150 <= sm.Session.objects.filter(offering__term=term).count() <= 250
    assert "password: icv-demo-2026" in loaded


def test_it_is_idempotent(loaded):
    before = _counts()
    out = _load()
    assert _counts() == before
    assert "nothing to add" in out


def test_it_keeps_what_people_changed_in_the_app(loaded):
    cm.Course.objects.filter(code="ICV101").update(title="Renamed in the app")
    cm.Syllabus.objects.filter(course__code="ICV170").update(status=Status.SUBMITTED)
    _load()
    assert cm.Course.objects.get(code="ICV101").title == "Renamed in the app"
    assert cm.Syllabus.objects.get(course__code="ICV170").status == Status.SUBMITTED


def test_it_recreates_what_was_deleted(loaded):
    before = _counts()
    sm.Offering.objects.filter(course__code="ICV101").delete()
    sm.Room.objects.filter(code="JY-B101").delete()
    _load()
    assert _counts() == before


@pytest.mark.django_db(transaction=True)  # PostgreSQL cannot TRUNCATE inside the test's transaction
def test_it_resets_the_database_on_request():
    _load()
    before = _counts()
    cm.Course.objects.filter(code="ICV101").update(title="Renamed in the app")
    out = _load(reset=True)
    assert "Emptied the database." in out
    assert _counts() == before
    assert cm.Course.objects.get(code="ICV101").title.startswith("Introduction")


def test_it_sets_the_password_from_demo_password(loaded, settings, client):
    assert client.login(username="faculty", password="icv-demo-2026")
    settings.DEMO_PASSWORD = "another-secret-1"
    out = _load()
    assert "password: another-secret-1" in out
    assert client.login(username="reviewer2", password="another-secret-1")
    assert not client.login(username="reviewer2", password="icv-demo-2026")


def test_it_prints_every_login(loaded):
    for username in ["coordinator", "scheduler", "scheduler2", "faculty", "faculty2", "reviewer",
                     "reviewer2"]:
        assert f"  {username} " in loaded
    assert "term slug: demo" in loaded


def test_it_gives_each_demo_user_a_role(loaded):
    Role = cm.Profile.Role
    roles = {
        p.user.username: (p.role, p.institution.code if p.institution else None)
        for p in cm.Profile.objects.select_related("user", "institution")
    }
    assert roles == {
        "coordinator": (Role.COORDINATOR, None),
        "scheduler": (Role.SCHEDULER, demo.FIRST_UNIVERSITY),
        "scheduler2": (Role.SCHEDULER, demo.SECOND_UNIVERSITY),
        "faculty": (Role.FACULTY, demo.FIRST_UNIVERSITY),
        "faculty2": (Role.FACULTY, demo.SECOND_UNIVERSITY),
        "reviewer": (Role.REVIEWER, demo.FIRM_A),
        "reviewer2": (Role.REVIEWER, demo.FIRM_B),
    }
    coordinator = User.objects.get(username="coordinator")
    assert coordinator.is_staff and coordinator.is_superuser
    assert sm.Term.objects.get(slug="demo").institution.code == demo.FIRST_UNIVERSITY


def test_it_puts_faculty_on_a_draft_and_on_a_course_shared_with_both_firms(loaded):
    mine = cm.Course.objects.filter(faculty__user__username="faculty")
    assert mine.count() >= 3
    assert mine.filter(syllabi__is_current=True, syllabi__status=Status.DRAFT).exists()
    both = mine.filter(shares__firm__code=demo.FIRM_A).filter(shares__firm__code=demo.FIRM_B)
    assert both.exists()
    theirs = cm.Course.objects.filter(faculty__user__username="faculty2")
    assert theirs.exists()
    assert not set(mine.values_list("code", flat=True)) & set(theirs.values_list("code", flat=True))


def test_it_shares_with_firm_a_only_b_only_both_and_none(loaded):
    firms = defaultdict(set)
    for code, firm in cm.CourseShare.objects.values_list("course__code", "firm__code"):
        firms[code].add(firm)
    a, b = demo.FIRM_A, demo.FIRM_B
    assert any(f == {a} for f in firms.values())
    assert any(f == {b} for f in firms.values())
    assert any(f == {a, b} for f in firms.values())
    assert cm.Course.objects.exclude(code__in=firms).exists()
    # Industry review needs a firm: every syllabus past submission went to at least one.
    reviewed = cm.Syllabus.objects.filter(
        status__in=[Status.IN_REVIEW, Status.APPROVED, Status.PUBLISHED]
    )
    assert all(s.course.code in firms for s in reviewed.select_related("course"))


def test_it_spreads_statuses_and_records_each_step(loaded):
    statuses = set(cm.Syllabus.objects.values_list("status", flat=True))
    assert {Status.DRAFT, Status.SUBMITTED, Status.IN_REVIEW, Status.APPROVED,
            Status.PUBLISHED} <= statuses
    for s in cm.Syllabus.objects.prefetch_related("transitions"):
        steps = [(t.from_status, t.to_status) for t in s.transitions.all()]
        if s.status == Status.DRAFT:
            assert steps == []
        else:
            assert steps[0] == (Status.DRAFT, Status.SUBMITTED)
            assert steps[-1][1] == s.status
    submitted = cm.Transition.objects.get(syllabus__course__code="ICV510", to_status="submitted")
    assert submitted.by.username == "faculty"
    # Approved and published syllabi were endorsed by every firm they are shared with.
    for s in cm.Syllabus.objects.filter(status__in=[Status.APPROVED, Status.PUBLISHED]):
        shared = set(s.course.shares.values_list("firm", flat=True))
        assert set(s.endorsements.values_list("firm", flat=True)) == shared


def test_it_writes_complete_syllabi(loaded):
    syllabi = cm.Syllabus.objects.filter(is_current=True).annotate(
        total=Sum("assessment__weight")
    )
    assert syllabi.count() == 25
    assert {s.total for s in syllabi} == {100}
    shares = cm.Course.objects.annotate(total=Sum("discipline_shares__share"))
    assert {c.total for c in shares} == {100}
    for s in syllabi.prefetch_related("outcomes__mappings", "topics", "readings", "session_needs"):
        assert 3 <= len(s.outcomes.all()) <= 5
        assert all(o.mappings.all() and o.text_zh for o in s.outcomes.all())
        assert [t.week for t in s.topics.all()] == list(range(1, 17))
        assert s.readings.all()
        assert s.session_needs.all()
    assert not cm.Course.objects.filter(title_zh="").exists()
    lectures = cm.SessionNeed.objects.filter(kind="lecture")
    assert set(lectures.values_list("length", flat=True)) == {2}
    labs = cm.SessionNeed.objects.filter(kind="lab")
    assert set(labs.values_list("length", flat=True)) <= {2, 3, 4}
    assert not labs.filter(features__isnull=True).exists()


def test_it_has_no_prerequisite_cycle(loaded):
    requires = defaultdict(set)
    for course, required in cm.Prerequisite.objects.values_list("course_id", "requires_id"):
        requires[course].add(required)
    assert requires
    done, active = set(), set()

    def visit(node):
        assert node not in active, "prerequisite cycle"
        if node in done:
            return
        active.add(node)
        for nxt in requires[node]:
            visit(nxt)
        active.remove(node)
        done.add(node)

    for node in list(requires):
        visit(node)


def test_it_leaves_gaps_in_a_programme_matrix(loaded):
    """Some target is reached by no course of its programme: the matrix has something to show."""
    for programme in cm.Programme.objects.all():
        reached = defaultdict(int)
        for comp, level in cm.OutcomeCompetency.objects.filter(
            outcome__syllabus__is_current=True,
            outcome__syllabus__course__programmes=programme,
        ).values_list("competency_id", "level"):
            reached[comp] = max(reached[comp], level)
        gaps = [t for t in programme.targets.all() if reached[t.competency_id] < t.level]
        assert gaps, programme.code


def test_it_describes_the_term(loaded):
    term = sm.Term.objects.get(slug=demo.TERM_SLUG)
    assert (term.start_date.isoformat(), term.weeks, term.days_per_week) == ("2027-03-01", 16, 5)
    assert term.start_date.weekday() == 0
    periods = list(term.periods.order_by("index"))
    assert len(periods) == 10
    assert (periods[0].start.isoformat(), periods[-1].end.isoformat()) == ("08:00:00", "20:40:00")
    assert all(a.end < b.start for a, b in zip(periods, periods[1:], strict=False))
    assert term.holidays.count() >= 3
    end = term.date_of(term.weeks, term.days_per_week - 1)
    assert all(term.start_date <= h.date <= end for h in term.holidays.all())
    pairs = cm.TravelTime.objects.values_list("minutes", flat=True)
    assert len(pairs) == 8 * 7 // 2
    assert all(15 <= m <= 90 for m in pairs)
    assert sm.RoomUnavailability.objects.filter(term=term).exists()
    kinds = set(
        sm.FacultyAvailability.objects.filter(term=term).values_list("kind", flat=True)
    )
    assert kinds == {"unavailable", "discouraged", "preferred"}


def test_it_is_comfortably_feasible_at_a_glance(loaded):
    """No solver: weekly load well under the grid, and every lab need has a room it may use."""
    term = sm.Term.objects.get(slug=demo.TERM_SLUG)
    grid = term.days_per_week * term.periods.count()
    offerings = list(
        sm.Offering.objects.filter(term=term)
        .select_related("course")
        .prefetch_related("sessions__features", "cohorts", "faculty")
    )
    assert len(offerings) == 25
    cohort_load, faculty_load = defaultdict(int), defaultdict(int)
    for o in offerings:
        periods = sum(s.length for s in o.sessions.all())
        for c in o.cohorts.all():
            cohort_load[c] += periods
        for t in o.faculty.all():
            faculty_load[t] += periods
        assert o.faculty.all(), o
        needs = [n.count for n in o.course.current_syllabus().session_needs.all()]
        assert len(o.sessions.all()) == sum(needs)
    assert cohort_load and max(cohort_load.values()) <= 0.6 * grid
    for teacher, load in faculty_load.items():
        assert load <= min(teacher.weekly_load_limit, 0.6 * grid), teacher
    for c in sm.Cohort.objects.prefetch_related("courses", "offerings"):
        assert set(c.courses.all()) == {o.course for o in c.offerings.all()}, c

    rooms = list(sm.Room.objects.prefetch_related("features", "loans").select_related("campus"))
    closed = defaultdict(int)
    for u in sm.RoomUnavailability.objects.filter(term=term):
        closed[u.room_id] += 1
    demand = defaultdict(int)  # (frozenset of usable rooms, member) -> periods a week
    for o in offerings:
        member = o.course.owner_id
        for s in o.sessions.all():
            needed = {f.pk for f in s.features.all()}
            if not needed:
                continue
            usable = frozenset(
                r for r in rooms
                if needed <= {f.pk for f in r.features.all()}
                and (r.access == sm.Room.Access.OPEN or r.campus.institution_id == member
                     or any(loan.borrower_id == member for loan in r.loans.all()))
            )
            assert usable, f"{o} needs {needed}: no room its member may use"
            demand[usable, member] += s.length
    for (usable, member), periods in demand.items():
        open_hours = sum(grid - closed[r.pk] for r in usable)
        assert periods <= 0.6 * open_hours
        borrowed = [r for r in usable if r.access == sm.Room.Access.RESTRICTED
                    and r.campus.institution_id != member]
        if len(borrowed) == len(usable):  # only lent rooms: the caps must hold the demand
            caps = sum(loan.cap_periods_per_week for r in borrowed for loan in r.loans.all()
                       if loan.borrower_id == member)
            assert periods <= caps, (sorted(r.code for r in usable), member)


def test_it_gives_the_review_dashboard_and_the_inboxes_something_to_show(loaded, client):
    ratings = cm.OutcomeRating.objects.select_related("outcome__syllabus__course", "reviewer")
    rated = {(r.outcome.syllabus.course.code, r.reviewer.username) for r in ratings}
    assert {("ICV510", "reviewer"), ("ICV510", "reviewer2"), ("ICV530", "reviewer2")} <= rated
    assert all(r.firm == r.reviewer.profile.institution for r in ratings)
    assert all(r.outcome.syllabus.status in (Status.IN_REVIEW, Status.APPROVED) for r in ratings)
    threads = cm.Comment.objects.filter(parent__isnull=True)
    assert threads.filter(replies__isnull=False).exists()
    assert threads.filter(resolved=True).exists() and threads.filter(confidential=True).exists()
    assert not cm.Comment.objects.filter(parent__isnull=False).exclude(
        confidential=F("parent__confidential")
    ).exists()
    unread = cm.Notification.objects.filter(user__username="faculty", read_at__isnull=True)
    assert unread.count() >= 2
    assert cm.Notification.objects.filter(user__username="faculty", read_at__isnull=False).exists()

    client.force_login(User.objects.get(username="faculty"))
    inbox = client.get("/inbox/").content.decode()
    assert "New comment on ICV510 v1: Outcome 2 should name radar" in inbox
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/inbox/"})
    inbox = client.get("/inbox/").content.decode()
    assert "ICV510 v1 有新评论：Outcome 2 should name radar" in inbox
    client.force_login(User.objects.get(username="coordinator"))
    lines = [
        line
        for group in client.get("/reviews/dashboard/").context["groups"]
        for line in group["lines"]
    ]
    relevance = {line.course.code: line.averages for line in lines}
    assert any(value is not None for value in relevance["ICV510"])


def test_it_adds_the_review_activity_once_and_keeps_what_people_changed(loaded):
    cm.Comment.objects.filter(resolved=True).update(resolved=False)
    cm.Notification.objects.filter(user__username="faculty").update(read_at=None)
    before = _counts()
    assert "nothing to add" in _load()
    assert _counts() == before
    assert not cm.Comment.objects.filter(resolved=True).exists()
    assert not cm.Notification.objects.filter(read_at__isnull=False, user__username="faculty")
    cm.Comment.objects.filter(confidential=True).delete()
    cm.OutcomeRating.objects.filter(reviewer__username="reviewer2").delete()
    _load()
    assert _counts() == before
