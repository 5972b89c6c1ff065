"""The list of syllabi under review: exactly what the user may see, searchable."""

import pytest

from curriculum import services
from tests import factories as f
from tests.curriculum.review_data import share, submitted


@pytest.fixture
def three_courses(course, member, faculty, firm_a, firm_b):
    """ICV101 shared with A, ICV201 with B, ICV301 with both."""
    b = f.course(member, code="ICV201", title="V2X networks", faculty_members=[faculty.faculty])
    both = f.course(member, code="ICV301", title="HIL testing", faculty_members=[faculty.faculty])
    submitted(course, faculty, firm_a)
    share(b, firm_b)
    share(both, firm_a, firm_b)
    return course, b, both


def _codes(response):
    return [s.course.code for s in response.context["syllabi"]]


def test_it_lists_only_the_firms_shares(client, three_courses, partner_reviewer,
                                        django_assert_num_queries):
    client.force_login(partner_reviewer)
    with django_assert_num_queries(7):
        response = client.get("/reviews/")
    assert response.status_code == 200
    assert _codes(response) == ["ICV101", "ICV301"]
    assert "V2X networks" not in response.content.decode()


def test_it_searches_within_the_shares_only(client, three_courses, partner_reviewer):
    client.force_login(partner_reviewer)
    assert _codes(client.get("/reviews/", {"q": "v2x"})) == []
    assert _codes(client.get("/reviews/", {"q": "hil"})) == ["ICV301"]
    assert _codes(client.get("/reviews/", {"status": "in_review"})) == ["ICV101"]


def test_it_shows_the_firms_own_verdict_and_threads(client, three_courses, partner_reviewer,
                                                    other_reviewer):
    course = three_courses[0]
    syllabus = course.current_syllabus()
    services.comment_add(syllabus=syllabus, by=partner_reviewer, body="Mine")
    services.syllabus_endorse(syllabus=syllabus, by=partner_reviewer)
    client.force_login(partner_reviewer)
    row = client.get("/reviews/").context["syllabi"][0]
    assert (row.open_threads, [v.decision for v in row.verdicts]) == (1, ["endorse"])


def test_it_lists_everything_for_the_coordinator(client, three_courses, consortium_admin,
                                                 django_assert_num_queries):
    client.force_login(consortium_admin)
    with django_assert_num_queries(6):
        response = client.get("/reviews/")
    assert _codes(response) == ["ICV101", "ICV201", "ICV301"]


def test_it_returns_the_results_fragment_to_htmx(client, three_courses, other_reviewer):
    client.force_login(other_reviewer)
    response = client.get("/reviews/", {"q": "ICV"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="results">')
    assert "ICV201" in html and "ICV301" in html and "ICV101" not in html


def test_it_refuses_post_anonymous_and_roleless(client, three_courses, outsider, faculty):
    assert client.get("/reviews/").status_code == 302
    client.force_login(outsider)
    assert client.get("/reviews/").status_code == 403
    client.force_login(faculty)
    assert client.post("/reviews/").status_code == 405
