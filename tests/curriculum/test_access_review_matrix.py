"""Who reaches what in partner review.

1. A reviewer of firm A reaches nothing of a course shared only with firm B: no page, fragment,
   version, diff, comment or download. Every URL of the project that names a course is swept
   (so URLs added later are covered), by GET and POST, plain and htmx: 404 (or 405 where the
   method is never accepted, which says nothing about the course).
2. Firm B never sees firm A's threads on a course shared with both, confidential or not.
3. Faculty of another course cannot change state, share, or comment as the team.
4. Every action a user may not take in a status is refused (403 or 409, 404 when the course is
   hidden) and leaves no trace: no Transition, Comment, Notification, Endorsement or Syllabus.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from curriculum import services
from curriculum.models import Syllabus
from tests import factories as f
from tests.curriculum.review_data import counts, review_url, submitted

S = Syllabus.Status


@pytest.fixture
def world(course, member, faculty, other_faculty, firm_a, firm_b, partner_reviewer,
          other_reviewer):
    """ICV101 shared with A only (in review), ICV201 with B only (in review, with a firm B
    thread, a reply, a rating and two versions), ICV301 with both (firm B thread on it)."""
    only_a = submitted(course, faculty, firm_a)
    b_course = f.course(member, code="ICV201", title="V2X", faculty_members=[faculty.faculty])
    only_b = submitted(b_course, faculty, firm_b)
    services.syllabus_request_changes(syllabus=only_b, by=other_reviewer, comment="Rework V2X")
    only_b_v2 = services.syllabus_revise(syllabus=only_b, by=faculty)
    b_thread = services.comment_add(syllabus=only_b, by=other_reviewer, body="B-only secret")
    services.comment_reply(parent=b_thread, by=faculty, body="Team answer to B")
    both_course = f.course(member, code="ICV301", title="HIL", faculty_members=[faculty.faculty])
    both = submitted(both_course, faculty, firm_a, firm_b)
    services.comment_add(syllabus=both, by=other_reviewer, body="Firm B open remark")
    services.comment_add(
        syllabus=both, by=other_reviewer, body="Firm B confidential remark", confidential=True
    )
    services.outcome_rate(outcome=both.outcomes.first(), by=other_reviewer, score=2)
    programme = f.programme(code="p1", courses=[b_course])
    return {
        "only_a": only_a,
        "only_b": only_b,
        "only_b_v2": only_b_v2,
        "b_thread": b_thread,
        "both": both,
        "programme": programme,
    }


def _course_patterns():
    """(name, route) of every URL that names a course or a programme by code, or a download of a
    syllabus. The programme in the fixture holds only the firm-B course, so firm A may not see it
    either."""
    found = []

    def walk(patterns, prefix, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                if p.namespace == "admin":  # staff only; reviewers are never staff
                    continue
                walk(p.url_patterns, prefix + str(p.pattern), p.namespace or namespace)
            elif isinstance(p, URLPattern) and p.name:
                route = prefix + str(p.pattern)
                name = f"{namespace}:{p.name}" if namespace else p.name
                if (
                    route.startswith(("courses/<", "programmes/<"))
                    or "syllabus" in p.name
                    or "pdf" in p.name
                ):
                    found.append((name, route))

    walk(get_resolver().url_patterns, "", None)
    return found


def _kwargs(route: str, world) -> dict:
    syllabus = world["only_b"]
    values = {
        "code": syllabus.course.code,
        "version": syllabus.version,
        "action": "endorse",
        "requires": world["only_a"].course.code,
        "programme": world["programme"].code,
    }
    if "comments/<int:pk>" in route:
        values["pk"] = world["b_thread"].pk
    elif "outcomes/<int:pk>" in route:
        values["pk"] = syllabus.outcomes.first().pk
    if route.startswith("programmes/"):
        values["code"] = world["programme"].code
    kwargs = {}
    for part in route.split("<")[1:]:
        name = part.split(">")[0].split(":")[-1]
        if name not in values:
            pytest.fail(f"The access matrix does not know how to fill <{name}> in {route}")
        kwargs[name] = values[name]
    return kwargs


def test_it_sweeps_the_review_and_course_urls():
    names = {name for name, _route in _course_patterns()}
    assert {"review_syllabus", "review_transition", "review_comment_reply", "syllabus_diff",
            "review_rate", "review_sharing", "syllabus_pdf", "programme_pdf",
            "course_detail", "syllabus_detail", "course_edit"} <= names


def test_firm_a_downloads_the_pdf_of_a_shared_syllabus_only(client, world, partner_reviewer):
    client.force_login(partner_reviewer)
    shared = reverse("syllabus_pdf", args=["ICV101", 1])
    response = client.get(shared)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert client.get(reverse("syllabus_pdf", args=["ICV201", 1])).status_code == 404
    assert client.get(reverse("syllabus_pdf", args=["ICV201", 2])).status_code == 404


def test_firm_a_workbook_leaves_out_firm_b_courses(client, world, partner_reviewer):
    from io import BytesIO

    from openpyxl import load_workbook

    client.force_login(partner_reviewer)
    response = client.get(reverse("curriculum_xlsx"))
    assert response.status_code == 200
    book = load_workbook(BytesIO(b"".join(response.streaming_content))
                         if response.streaming else BytesIO(response.content))
    cells = " ".join(
        str(value) for sheet in book for row in sheet.iter_rows(values_only=True)
        for value in row if value is not None
    )
    assert "ICV101" in cells and "ICV301" in cells
    assert "ICV201" not in cells


def test_firm_a_reaches_nothing_of_a_course_shared_only_with_firm_b(
    client, world, partner_reviewer
):
    client.force_login(partner_reviewer)
    assert client.get(review_url(world["only_a"])).status_code == 200  # the control
    before = counts()
    reached = []
    for name, route in _course_patterns():
        url = reverse(name, kwargs=_kwargs(route, world))
        statuses = []
        for method in ("get", "post"):
            for htmx in ({}, {"HTTP_HX_REQUEST": "true"}):
                response = getattr(client, method)(url, **htmx)
                statuses.append(response.status_code)
                if response.status_code not in (404, 405):
                    reached.append((name, method, bool(htmx), response.status_code))
        if 404 not in statuses:
            reached.append((name, "no method answered 404", statuses))
    # Both versions of the B-only course, and the diff between them.
    for url in (review_url(world["only_b_v2"]), "/courses/ICV201/diff/?a=1&b=2"):
        if client.get(url).status_code != 404:
            reached.append(url)
    assert reached == []
    assert counts() == before


def test_firm_a_does_not_find_firm_b_courses_in_lists_or_searches(client, world,
                                                                   partner_reviewer):
    client.force_login(partner_reviewer)
    html = client.get("/reviews/", {"q": "ICV"}).content.decode()
    assert "ICV101" in html and "ICV301" in html and "ICV201" not in html
    html = client.get("/inbox/").content.decode()
    assert "ICV201" not in html
    for url in (reverse("course_list"), reverse("programme_list"), reverse("home")):
        for params in ({}, {"q": "ICV2"}, {"q": "V2"}):  # queries are echoed: not the names
            for htmx in ({}, {"HTTP_HX_REQUEST": "true"}):
                html = client.get(url, params, **htmx).content.decode()
                assert "ICV201" not in html and "V2X" not in html, (url, params, htmx)


def test_firm_b_threads_stay_with_firm_b_on_a_shared_course(client, world, partner_reviewer,
                                                            other_reviewer, faculty,
                                                            scheduler_admin):
    client.force_login(partner_reviewer)
    html = client.get(review_url(world["both"])).content.decode()
    assert "Firm B open remark" not in html and "Firm B confidential remark" not in html
    thread = world["both"].comments.get(body="Firm B open remark")
    url = f"{review_url(world['both']).removesuffix('review/')}comments/{thread.pk}/reply/"
    assert client.post(url, {"body": "Seen it"}).status_code == 404
    client.force_login(other_reviewer)
    html = client.get(review_url(world["both"])).content.decode()
    assert "Firm B open remark" in html and "Firm B confidential remark" in html
    client.force_login(faculty)
    html = client.get(review_url(world["both"])).content.decode()
    assert "Firm B open remark" in html and "Firm B confidential remark" in html
    client.force_login(scheduler_admin)
    html = client.get(review_url(world["both"])).content.decode()
    assert "Firm B open remark" in html and "Firm B confidential remark" not in html


def test_other_faculty_cannot_act_as_the_team(client, world, other_faculty):
    syllabus = world["only_a"]
    base = review_url(syllabus).removesuffix("review/")
    before = counts()
    client.force_login(other_faculty)
    assert client.get(review_url(syllabus)).status_code == 200  # may read the syllabus
    assert "comment-form" not in client.get(review_url(syllabus)).content.decode()
    for action in ("submit", "revise", "request_changes", "approve"):
        assert client.post(f"{review_url(syllabus)}{action}/", {"comment": "x"}).status_code == 403
    assert client.post(f"{base}comments/", {"body": "As the team"}).status_code == 403
    assert client.post(f"/courses/{syllabus.course.code}/sharing/", {}).status_code == 403
    thread = world["b_thread"]
    b_base = review_url(thread.syllabus).removesuffix("review/")
    assert client.post(f"{b_base}comments/{thread.pk}/reply/", {"body": "x"}).status_code == 404
    assert counts() == before


# Independent of curriculum/workflow.py: what each role may do, and from which status.
MAY = {
    "faculty": {"submit", "revise"},
    "scheduler_admin": {"start_review", "request_changes", "approve", "publish"},
    "partner_reviewer": {"endorse", "request_changes"},
    "consortium_admin": {"submit", "revise", "start_review", "request_changes", "approve",
                         "publish"},
    "other_faculty": set(),
    "other_scheduler_admin": set(),
}
FROM = {
    "submit": {S.DRAFT},
    "start_review": {S.SUBMITTED},
    "endorse": {S.IN_REVIEW},
    "request_changes": {S.SUBMITTED, S.IN_REVIEW},
    "revise": {S.CHANGES_REQUESTED, S.PUBLISHED},
    "approve": {S.SUBMITTED, S.IN_REVIEW},
    "publish": {S.APPROVED},
}
REVIEWER_FROM = {"request_changes": {S.IN_REVIEW}}


@pytest.mark.parametrize("status", S.values)
def test_it_refuses_every_illegal_move_without_a_trace(request, client, world, other_reviewer,
                                                       status):
    syllabus = world["only_a"]
    Syllabus.objects.filter(pk=syllabus.pk).update(status=status)
    before = counts()
    wrong = []
    for user_name, allowed in MAY.items():
        client.force_login(request.getfixturevalue(user_name))
        for action, sources in FROM.items():
            if user_name == "partner_reviewer":
                sources = REVIEWER_FROM.get(action, sources)
            if action in allowed and status in sources:
                continue  # a legal move: tested elsewhere
            expected = 409 if action in allowed else 403
            response = client.post(
                f"{review_url(syllabus)}{action}/",
                {"comment": "A reason", "expected_status": status},
            )
            if response.status_code != expected:
                wrong.append((user_name, action, response.status_code, expected))
    client.force_login(other_reviewer)  # not shared with firm B: hidden
    for action in FROM:
        response = client.post(f"{review_url(syllabus)}{action}/", {"comment": "x"})
        if response.status_code != 404:
            wrong.append(("other_reviewer", action, response.status_code, 404))
    assert wrong == []
    assert counts() == before
