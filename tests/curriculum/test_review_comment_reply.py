"""Reply in a comment thread."""

import pytest

from curriculum import services
from curriculum.models import Comment, Notification
from tests.curriculum.review_data import counts, submitted


@pytest.fixture
def thread(course, faculty, firm_a, firm_b, partner_reviewer):
    syllabus = submitted(course, faculty, firm_a, firm_b)
    return services.comment_add(
        syllabus=syllabus, by=partner_reviewer, body="Add radar", confidential=True
    )


def _url(thread):
    s = thread.syllabus
    return f"/courses/{s.course.code}/v/{s.version}/comments/{thread.pk}/reply/"


def test_it_replies_in_the_thread_and_tells_the_reviewer(client, thread, faculty,
                                                         partner_reviewer):
    client.force_login(faculty)
    response = client.post(_url(thread), {"body": "Done in week 3"})
    assert response.status_code == 302
    reply = Comment.objects.get(parent=thread)
    assert (reply.firm, reply.confidential, reply.anchor) == (thread.firm, True, thread.anchor)
    assert Notification.objects.filter(kind="reply", user=partner_reviewer).count() == 1


def test_it_joins_a_reply_to_a_reply_to_the_thread(thread, faculty, partner_reviewer):
    first = services.comment_reply(parent=thread, by=faculty, body="One")
    second = services.comment_reply(parent=first, by=partner_reviewer, body="Two")
    assert second.parent == thread


def test_it_returns_the_fragment_to_htmx(client, thread, faculty):
    client.force_login(faculty)
    response = client.post(_url(thread), {"body": "Seen"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'class="discussion"' in response.content.decode()
    assert "Seen" in response.content.decode()


def test_it_refuses_an_empty_reply_keeping_nothing(client, thread, faculty):
    client.force_login(faculty)
    before = counts()
    assert client.post(_url(thread), {"body": ""}).status_code == 400
    assert counts() == before


def test_it_hides_another_firms_thread(client, thread, other_reviewer, scheduler_admin):
    before = counts()
    client.force_login(other_reviewer)
    assert client.post(_url(thread), {"body": "Me too"}).status_code == 404
    client.force_login(scheduler_admin)  # confidential: not even the owner's administrator
    assert client.post(_url(thread), {"body": "Me too"}).status_code == 404
    assert counts() == before


def test_it_refuses_faculty_of_another_course(client, thread, other_faculty):
    client.force_login(other_faculty)
    assert client.post(_url(thread), {"body": "As the team"}).status_code == 404


def test_it_refuses_get_and_anonymous(client, thread, faculty):
    assert client.post(_url(thread), {"body": "x"}).status_code == 302
    client.force_login(faculty)
    assert client.get(_url(thread)).status_code == 405
    assert not Comment.objects.filter(parent=thread).exists()
