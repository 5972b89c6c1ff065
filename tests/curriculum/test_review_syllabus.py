"""The review page: content by part, visible threads, the status panel and its fragment."""

import pytest

from curriculum import services
from tests.curriculum.review_data import review_url, submitted


@pytest.fixture
def in_review(course, faculty, firm_a, firm_b):
    return submitted(course, faculty, firm_a, firm_b)


def test_it_shows_parts_threads_and_actions_to_the_reviewer(
    client, in_review, partner_reviewer, faculty
):
    outcome = in_review.outcomes.first()
    services.comment_add(
        syllabus=in_review, by=partner_reviewer, body="Add radar", anchor="outcome",
        anchor_id=outcome.pk,
    )
    client.force_login(partner_reviewer)
    response = client.get(review_url(in_review))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fuse camera and lidar data" in html
    assert "Add radar" in html
    assert f'id="discussion-outcome-{outcome.pk}"' in html
    assert "action-endorse" in html and "action-request_changes" in html
    assert "action-approve" not in html
    assert 'name="score"' in html  # rating while in review
    assert "Comment on the whole syllabus" in html and "Comment on outcome 1" in html


def test_it_shows_the_team_the_submit_button_with_revision(client, course, faculty):
    client.force_login(faculty)
    syllabus = course.current_syllabus()
    response = client.get(review_url(syllabus))
    html = response.content.decode()
    assert "action-submit" in html
    assert f'name="expected_revision" value="{syllabus.revision}"' in html
    assert 'name="score"' not in html


def test_it_shows_the_team_the_average_relevance_and_a_firm_only_its_own(
    client, in_review, partner_reviewer, other_reviewer, faculty
):
    outcome = in_review.outcomes.first()
    services.outcome_rate(outcome=outcome, by=partner_reviewer, score=4)
    services.outcome_rate(outcome=outcome, by=other_reviewer, score=1)
    client.force_login(faculty)
    html = client.get(review_url(in_review)).content.decode()
    assert "Industry relevance 2.5 (2 ratings)" in html
    client.force_login(partner_reviewer)
    html = client.get(review_url(in_review)).content.decode()
    assert "Your rating: 4" in html and "2.5" not in html


def test_it_preselects_no_score_until_the_reviewer_rates(client, in_review, partner_reviewer):
    """An unrated outcome showed "1" selected, as if the firm had rated it 1."""
    first, second = in_review.outcomes.all()[:2]
    services.outcome_rate(outcome=first, by=partner_reviewer, score=4)
    client.force_login(partner_reviewer)
    html = client.get(review_url(in_review)).content.decode()
    rated = html.split(f'id="score-{first.pk}"')[1].split("</select>")[0]
    unrated = html.split(f'id="score-{second.pk}"')[1].split("</select>")[0]
    assert '<option value="4" selected>' in rated and 'value=""' not in rated
    assert '<option value="" selected>' in unrated and " selected>1<" not in unrated


def test_it_hides_threads_of_another_firm(client, in_review, partner_reviewer, other_reviewer):
    services.comment_add(syllabus=in_review, by=other_reviewer, body="Firm B secret")
    client.force_login(partner_reviewer)
    response = client.get(review_url(in_review))
    assert "Firm B secret" not in response.content.decode()


def test_it_returns_the_panel_fragment_to_htmx(client, in_review, scheduler_admin):
    client.force_login(scheduler_admin)
    response = client.get(review_url(in_review), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section class="card review-panel"')
    assert "action-approve" in html
    assert "<html" not in html


def test_it_refuses_post(client, in_review, faculty):
    client.force_login(faculty)
    assert client.post(review_url(in_review)).status_code == 405


def test_it_sends_anonymous_to_login(client, in_review):
    response = client.get(review_url(in_review))
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_it_hides_unshared_syllabi_and_unknown_versions(client, course, partner_reviewer, faculty):
    client.force_login(partner_reviewer)
    assert client.get(review_url(course.current_syllabus())).status_code == 404
    client.force_login(faculty)
    assert client.get(f"/courses/{course.code}/v/9/review/").status_code == 404


def test_it_shows_the_owner_admin_open_threads_but_not_confidential_ones(
    client, in_review, partner_reviewer, scheduler_admin, faculty
):
    services.comment_add(syllabus=in_review, by=partner_reviewer, body="Open remark")
    services.comment_add(
        syllabus=in_review, by=partner_reviewer, body="Only for the team", confidential=True
    )
    client.force_login(scheduler_admin)
    html = client.get(review_url(in_review)).content.decode()
    assert "Open remark" in html and "Only for the team" not in html
    assert "comment-form" not in html  # reads, does not write
    client.force_login(faculty)
    html = client.get(review_url(in_review)).content.decode()
    assert "Open remark" in html and "Only for the team" in html


def test_it_fills_the_review_panel_of_the_syllabus_page(client, in_review, partner_reviewer,
                                                        other_faculty):
    client.force_login(partner_reviewer)
    html = client.get(f"/courses/{in_review.course.code}/").content.decode()
    assert 'id="review-panel"' in html
    assert "action-endorse" in html and "action-request_changes" in html
    client.force_login(other_faculty)
    html = client.get(f"/courses/{in_review.course.code}/").content.decode()
    assert 'id="review-panel"' in html and "review-action" not in html
    assert "Share with partner firms" not in html
