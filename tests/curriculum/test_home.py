"""The home page: where each role starts (curriculum.views.home)."""

import pytest

from curriculum.models import CourseShare, Endorsement, Notification, Syllabus
from scheduler.models import Run
from tests import factories as f

Status = Syllabus.Status


def _status(course, status):
    Syllabus.objects.filter(course=course).update(status=status)


def test_it_redirects_anonymous_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/"


def test_it_refuses_post(client, faculty):
    client.force_login(faculty)
    assert client.post("/").status_code == 405


def test_it_lists_my_courses_with_their_status(client, faculty, course, other_member):
    f.course(other_member, code="ICV999", title="Not mine")
    client.force_login(faculty)
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["home_partial"] == "curriculum/_home_faculty.html"
    assert [c.code for c in response.context["courses"]] == ["ICV101"]
    assert response.context["drafts"] == 1
    content = response.content.decode()
    assert "Perception and Sensor Fusion" in content
    assert 'class="badge draft"' in content
    assert "/courses/ICV101/edit/" in content  # a draft is edited
    assert "ICV999" not in content


def test_it_links_a_submitted_syllabus_to_its_review_page(client, faculty, course):
    _status(course, Status.SUBMITTED)
    client.force_login(faculty)
    content = client.get("/").content.decode()
    assert "/courses/ICV101/v/1/review/" in content
    assert "/courses/ICV101/edit/" not in content


def test_it_links_faculty_to_their_own_availability_in_a_published_term(
    client, faculty, course, member
):
    """The page was there (read-only for its teacher) but reachable only by typing its URL."""
    term = f.term(member, slug="spring")
    term.published_run = Run.objects.create(term=term)
    term.save()
    client.force_login(faculty)
    mine = f"/scheduling/faculty/{faculty.faculty.pk}/availability/spring/"
    assert mine in client.get("/").content.decode()
    assert client.get(mine).status_code == 200


def test_it_tells_faculty_without_a_record_to_ask_for_one(client, member):
    user = f.user("newcomer", role="faculty", member=member)
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["teacher"] is None
    assert "not linked to a faculty record" in response.content.decode()


def test_it_shows_the_schedulers_terms_runs_and_waiting_syllabi(
    client, scheduler_admin, member, other_member, course
):
    mine = f.term(member, slug="spring", name="Spring")
    f.term(other_member, slug="theirs", name="Theirs")
    f.offering(mine, course, sessions=[("lecture", 2), ("lab", 3)])
    run = Run.objects.create(term=mine, status=Run.Status.SUCCEEDED, objective=42)
    _status(course, Status.IN_REVIEW)
    client.force_login(scheduler_admin)
    response = client.get("/")
    assert response.status_code == 200
    ctx = response.context
    assert [t.slug for t in ctx["terms"]] == ["spring"]
    assert (ctx["terms"][0].n_offerings, ctx["terms"][0].n_sessions) == (1, 2)
    assert ctx["runs"] == [run]
    assert [s.course.code for s in ctx["waiting"]] == ["ICV101"]
    content = response.content.decode()
    assert f"/scheduling/runs/{run.pk}/" in content
    assert "/scheduling/terms/spring/" in content
    assert "theirs" not in content
    assert "/scheduling/rooms/" in content


def test_it_shows_a_scheduler_without_terms_where_to_start(client, other_scheduler_admin):
    client.force_login(other_scheduler_admin)
    response = client.get("/")
    assert response.context["terms"] == []
    assert "Your member organises no term yet." in response.content.decode()


def test_it_shows_reviewers_only_shared_syllabi_awaiting_their_verdict(
    client, partner_reviewer, other_reviewer, member, firm_a, firm_b
):
    waiting = f.course(member, code="ICV201", title="Waiting for A")
    endorsed = f.course(member, code="ICV202", title="Endorsed by A")
    other_firm = f.course(member, code="ICV203", title="Shared with B")
    draft = f.course(member, code="ICV204", title="Shared draft")
    for c, firm in [(waiting, firm_a), (endorsed, firm_a), (other_firm, firm_b), (draft, firm_a)]:
        CourseShare.objects.create(course=c, firm=firm)
    for c in (waiting, endorsed, other_firm):
        _status(c, Status.IN_REVIEW)
    Endorsement.objects.create(
        syllabus=endorsed.current_syllabus(), firm=firm_a, reviewer=partner_reviewer,
        decision=Endorsement.Decision.ENDORSE,
    )
    client.force_login(partner_reviewer)
    response = client.get("/")
    assert response.status_code == 200
    assert [s.course.code for s in response.context["awaiting"]] == ["ICV201"]
    assert response.context["shared"] == 3
    content = response.content.decode()
    assert "/courses/ICV201/v/1/review/" in content
    assert "ICV203" not in content
    client.force_login(other_reviewer)
    assert [s.course.code for s in client.get("/").context["awaiting"]] == ["ICV203"]


def test_it_shows_the_coordinator_coverage_pipeline_and_terms(
    client, consortium_admin, member, course
):
    programme = f.programme(code="icv-minor", name="ICV minor", courses=[course])
    f.term(member, slug="spring", name="Spring")
    _status(course, Status.SUBMITTED)
    client.force_login(consortium_admin)
    response = client.get("/")
    assert response.status_code == 200
    ctx = response.context
    assert ctx["programmes"] == [programme]
    assert ctx["programmes"][0].n_courses == 1
    assert ("submitted", "Submitted", 1) in ctx["status_counts"]
    assert ("draft", "Draft", 0) in ctx["status_counts"]
    assert [s.course.code for s in ctx["in_review"]] == ["ICV101"]
    content = response.content.decode()
    assert "/programmes/icv-minor/matrix/" in content
    assert "/scheduling/terms/spring/load/" in content
    assert "/course_list" not in content and "/courses/?status=submitted" in content
    assert "/admin/" in content


def test_it_tells_a_user_without_a_role_whom_to_ask(client, outsider):
    client.force_login(outsider)
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["home_partial"] == "curriculum/_home_none.html"
    assert "no role yet" in response.content.decode()


def test_it_counts_unread_notifications(client, faculty):
    Notification.objects.create(user=faculty, kind=Notification.Kind.OTHER, message="Hello")
    Notification.objects.create(user=faculty, kind=Notification.Kind.OTHER, message="Read")
    Notification.objects.filter(message="Read").update(read_at="2026-01-01T00:00:00Z")
    client.force_login(faculty)
    response = client.get("/")
    assert response.context["unread"] == 1
    assert 'href="/inbox/">1 unread notification</a>' in response.content.decode()


def test_it_shows_the_admin_link_to_staff_only(client, consortium_admin, faculty):
    client.force_login(faculty)
    assert 'href="/admin/"' not in client.get("/").content.decode()
    client.force_login(consortium_admin)
    assert 'href="/admin/"' in client.get("/").content.decode()


def test_it_answers_an_htmx_request_with_the_whole_page(client, faculty):
    client.force_login(faculty)
    response = client.get("/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert b"<html" in response.content


@pytest.mark.parametrize("size", [1, 4])
@pytest.mark.parametrize(
    ("fixture", "queries"),
    [
        ("faculty", 9),
        ("scheduler_admin", 8),
        ("partner_reviewer", 7),
        ("consortium_admin", 8),
    ],
)
def test_it_uses_a_fixed_number_of_queries(
    request, client, django_assert_num_queries, member, firm_a, fixture, queries, size
):
    user = request.getfixturevalue(fixture)
    teacher = getattr(user, "faculty", None) if fixture == "faculty" else None
    term = f.term(member, slug="spring")
    for _ in range(size):
        c = f.course(member, faculty_members=[teacher] if teacher else [])
        CourseShare.objects.create(course=c, firm=firm_a)
        _status(c, Status.IN_REVIEW)
        f.programme(courses=[c])
        Run.objects.create(term=term)
    client.force_login(user)
    with django_assert_num_queries(queries):
        assert client.get("/").status_code == 200


@pytest.mark.browser
def test_it_logs_in_through_the_form(page, faculty):
    from tests.conftest import login

    login(page, "faculty")
    assert page.locator(".who").inner_text().startswith("Wei Wang")
    assert page.locator("h1").inner_text() == "Welcome, Wei Wang"
