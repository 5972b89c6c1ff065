"""Start a comment thread on one part of a syllabus."""

import pytest

from curriculum.models import Comment, Notification
from tests.curriculum.review_data import counts, review_url, submitted


@pytest.fixture
def in_review(course, faculty, firm_a, firm_b):
    return submitted(course, faculty, firm_a, firm_b)


def _url(syllabus):
    return f"/courses/{syllabus.course.code}/v/{syllabus.version}/comments/"


def test_it_anchors_a_reviewer_comment_to_an_outcome_for_his_firm(
    client, in_review, partner_reviewer, faculty, firm_a
):
    outcome = in_review.outcomes.first()
    client.force_login(partner_reviewer)
    response = client.post(
        _url(in_review), {"anchor": "outcome", "anchor_id": outcome.pk, "body": "Add radar"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{review_url(in_review)}#part-outcome-{outcome.pk}"
    comment = Comment.objects.get()
    assert (comment.anchor, comment.anchor_id, comment.firm, comment.author) == (
        "outcome", outcome.pk, firm_a, partner_reviewer,
    )
    assert Notification.objects.get(kind="comment").user == faculty


def test_it_lets_the_team_address_one_firm(client, in_review, faculty, firm_b, other_reviewer):
    client.force_login(faculty)
    client.post(_url(in_review), {"anchor": "general", "body": "Question", "firm": firm_b.pk})
    comment = Comment.objects.get()
    assert comment.firm == firm_b
    assert Notification.objects.get(kind="comment").user == other_reviewer


def test_it_returns_the_part_fragment_to_htmx(client, in_review, partner_reviewer):
    client.force_login(partner_reviewer)
    response = client.post(
        _url(in_review), {"anchor": "assessment", "body": "Exam too heavy"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div class="discussion" id="discussion-assessment-0"')
    assert "Exam too heavy" in html


def test_it_refuses_an_empty_comment_and_keeps_nothing(client, in_review, partner_reviewer):
    client.force_login(partner_reviewer)
    before = counts()
    response = client.post(
        _url(in_review), {"anchor": "general", "body": "   "}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400
    assert "The comment is empty." in response.content.decode()
    assert counts() == before


def test_it_refuses_an_anchor_from_another_syllabus(client, in_review, partner_reviewer, course):
    client.force_login(partner_reviewer)
    before = counts()
    response = client.post(
        _url(in_review), {"anchor": "topic", "anchor_id": 999999, "body": "Hello there"}
    )
    assert response.status_code == 400
    assert "Hello there" in response.content.decode()  # the typed text is kept
    assert counts() == before


def test_it_refuses_faculty_of_another_course(client, in_review, other_faculty):
    client.force_login(other_faculty)
    before = counts()
    assert client.post(_url(in_review), {"body": "As the team"}).status_code == 403
    assert counts() == before


def test_it_hides_the_syllabus_from_an_unshared_reviewer(client, course, partner_reviewer):
    client.force_login(partner_reviewer)
    assert client.post(_url(course.current_syllabus()), {"body": "Hi"}).status_code == 404
    assert not Comment.objects.exists()


def test_it_refuses_get(client, in_review, faculty):
    client.force_login(faculty)
    assert client.get(_url(in_review)).status_code == 405


def test_it_sends_anonymous_to_login(client, in_review):
    response = client.post(_url(in_review), {"body": "Hi"})
    assert response.status_code == 302
    assert not Comment.objects.exists()
