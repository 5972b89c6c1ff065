"""Mark a thread resolved, or open it again."""

import pytest

from curriculum import services
from tests.curriculum.review_data import submitted


@pytest.fixture
def thread(course, faculty, firm_a, firm_b, partner_reviewer):
    syllabus = submitted(course, faculty, firm_a, firm_b)
    return services.comment_add(syllabus=syllabus, by=partner_reviewer, body="Add radar")


def _url(thread):
    s = thread.syllabus
    return f"/courses/{s.course.code}/v/{s.version}/comments/{thread.pk}/resolve/"


def test_it_resolves_and_reopens(client, thread, faculty, partner_reviewer):
    client.force_login(faculty)
    assert client.post(_url(thread)).status_code == 302
    thread.refresh_from_db()
    assert thread.resolved
    client.force_login(partner_reviewer)
    client.post(_url(thread), {"resolved": "0"})
    thread.refresh_from_db()
    assert not thread.resolved


def test_it_returns_the_fragment_to_htmx(client, thread, faculty):
    client.force_login(faculty)
    response = client.post(_url(thread), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Open again" in response.content.decode()


def test_it_lets_the_owner_admin_read_but_not_resolve(client, thread, scheduler_admin):
    client.force_login(scheduler_admin)
    assert client.post(_url(thread)).status_code == 403
    thread.refresh_from_db()
    assert not thread.resolved


def test_it_hides_the_thread_from_other_firms_and_courses(client, thread, other_reviewer,
                                                          other_faculty):
    for user in (other_reviewer, other_faculty):
        client.force_login(user)
        assert client.post(_url(thread)).status_code == 404
    thread.refresh_from_db()
    assert not thread.resolved


def test_it_refuses_get_and_anonymous(client, thread, faculty):
    assert client.post(_url(thread)).status_code == 302
    client.force_login(faculty)
    assert client.get(_url(thread)).status_code == 405
    thread.refresh_from_db()
    assert not thread.resolved
