"""POST a workflow action: done and recorded, or refused (403/409/400) with no trace."""

import pytest

from curriculum.models import Syllabus, Transition
from tests.curriculum.review_data import counts, fill, review_url, submitted

S = Syllabus.Status


def _url(syllabus, action):
    return f"{review_url(syllabus)}{action}/"


@pytest.fixture
def in_review(course, faculty, firm_a):
    return submitted(course, faculty, firm_a)


def test_it_submits_the_draft(client, course, faculty):
    syllabus = fill(course.current_syllabus())
    client.force_login(faculty)
    response = client.post(
        _url(syllabus, "submit"),
        {"comment": "Ready", "expected_status": "draft", "expected_revision": "0"},
    )
    assert response.status_code == 302
    assert response["Location"] == review_url(syllabus)
    syllabus.refresh_from_db()
    assert syllabus.status == S.SUBMITTED
    assert Transition.objects.get(syllabus=syllabus).comment == "Ready"


def test_it_lets_the_reviewer_request_changes(client, in_review, partner_reviewer):
    client.force_login(partner_reviewer)
    response = client.post(
        _url(in_review, "request_changes"), {"comment": "Add V2X", "expected_status": "in_review"}
    )
    assert response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.status == S.CHANGES_REQUESTED
    assert in_review.endorsements.get().decision == "request_changes"


def test_it_redirects_a_revision_to_the_new_version(client, in_review, faculty, scheduler_admin):
    client.force_login(scheduler_admin)
    client.post(_url(in_review, "request_changes"), {"comment": "Rework"})
    client.force_login(faculty)
    response = client.post(_url(in_review, "revise"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response["HX-Redirect"] == f"/courses/{in_review.course.code}/v/2/review/"
    assert in_review.course.current_syllabus().version == 2


def test_it_answers_409_and_keeps_the_typed_reason(client, in_review, partner_reviewer,
                                                   scheduler_admin):
    client.force_login(scheduler_admin)
    client.post(_url(in_review, "approve"), {"expected_status": "in_review"})
    before = counts()
    client.force_login(partner_reviewer)
    response = client.post(
        _url(in_review, "request_changes"),
        {"comment": "My long careful reason", "expected_status": "in_review"},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "cannot be sent back for changes" in html
    assert "My long careful reason" in html
    assert counts() == before


def test_it_answers_409_to_a_stale_page_as_a_fragment(client, in_review, scheduler_admin):
    client.force_login(scheduler_admin)
    before = counts()
    response = client.post(
        _url(in_review, "approve"), {"expected_status": "submitted"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 409
    assert "changed this syllabus meanwhile" in response.content.decode()
    assert "<html" not in response.content.decode()
    assert counts() == before


def test_it_answers_403_to_a_user_who_may_not_act(client, in_review, other_faculty, faculty):
    before = counts()
    client.force_login(other_faculty)
    assert client.post(_url(in_review, "approve")).status_code == 403
    client.force_login(faculty)
    assert client.post(_url(in_review, "endorse")).status_code == 403
    assert counts() == before


def test_it_answers_400_to_a_missing_reason(client, in_review, partner_reviewer):
    client.force_login(partner_reviewer)
    before = counts()
    response = client.post(_url(in_review, "request_changes"), {"comment": ""})
    assert response.status_code == 400
    assert "reason is required" in response.content.decode()
    assert counts() == before


def test_it_answers_404_to_an_unknown_action_or_hidden_course(client, in_review, other_reviewer):
    client.force_login(other_reviewer)
    assert client.post(_url(in_review, "endorse")).status_code == 404
    client.force_login(in_review.course.faculty.first().user)
    assert client.post(_url(in_review, "teleport")).status_code == 404


def test_it_refuses_get(client, in_review, scheduler_admin):
    client.force_login(scheduler_admin)
    assert client.get(_url(in_review, "approve")).status_code == 405


def test_it_sends_anonymous_to_login(client, in_review):
    response = client.post(_url(in_review, "approve"))
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
    in_review.refresh_from_db()
    assert in_review.status == S.IN_REVIEW
