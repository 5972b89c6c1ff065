"""A reviewer rates an outcome's industry relevance."""

import pytest

from curriculum.models import OutcomeRating
from tests.curriculum.review_data import counts, submitted


@pytest.fixture
def in_review(course, faculty, firm_a, firm_b):
    return submitted(course, faculty, firm_a, firm_b)


def _url(syllabus, outcome):
    return f"/courses/{syllabus.course.code}/v/{syllabus.version}/outcomes/{outcome.pk}/rate/"


def test_it_rates_and_rerates(client, in_review, partner_reviewer, firm_a):
    outcome = in_review.outcomes.first()
    client.force_login(partner_reviewer)
    assert client.post(_url(in_review, outcome), {"score": "4"}).status_code == 302
    client.post(_url(in_review, outcome), {"score": "5"})
    rating = OutcomeRating.objects.get()
    assert (rating.score, rating.firm, rating.reviewer) == (5, firm_a, partner_reviewer)


def test_it_returns_the_fragment_to_htmx(client, in_review, partner_reviewer):
    outcome = in_review.outcomes.first()
    client.force_login(partner_reviewer)
    response = client.post(_url(in_review, outcome), {"score": "3"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Your rating: 3" in response.content.decode()


def test_it_refuses_a_score_out_of_range(client, in_review, partner_reviewer):
    client.force_login(partner_reviewer)
    before = counts()
    response = client.post(_url(in_review, in_review.outcomes.first()), {"score": "9"})
    assert response.status_code == 400
    assert "from 1 to 5" in response.content.decode()
    assert counts() == before


def test_it_refuses_rating_outside_review_with_409(client, course, faculty, partner_reviewer,
                                                    firm_a):
    syllabus = submitted(course, faculty, firm_a)
    syllabus.status = "approved"
    syllabus.save()
    client.force_login(partner_reviewer)
    assert client.post(_url(syllabus, syllabus.outcomes.first()), {"score": "3"}).status_code == 409
    assert not OutcomeRating.objects.exists()


def test_it_refuses_the_team_and_hides_from_other_firms(client, in_review, faculty, firm_b,
                                                         other_faculty):
    outcome = in_review.outcomes.first()
    client.force_login(faculty)
    assert client.post(_url(in_review, outcome), {"score": "3"}).status_code == 403
    client.force_login(other_faculty)
    assert client.post(_url(in_review, outcome), {"score": "3"}).status_code == 403
    assert not OutcomeRating.objects.exists()


def test_it_refuses_get_and_anonymous(client, in_review, partner_reviewer):
    outcome = in_review.outcomes.first()
    assert client.post(_url(in_review, outcome), {"score": "3"}).status_code == 302
    client.force_login(partner_reviewer)
    assert client.get(_url(in_review, outcome)).status_code == 405
    assert not OutcomeRating.objects.exists()
