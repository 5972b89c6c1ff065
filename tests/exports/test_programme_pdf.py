"""GET /programmes/<code>/plan.pdf: a programme plan (courses, credits, coverage) as a PDF."""

import pytest

from curriculum.models import Prerequisite
from tests import factories as f
from tests.exports.helpers import pdf_text

URL = "/programmes/icv-minor/plan.pdf"


@pytest.fixture
def programme(shared_course, member, other_member):
    hidden = f.course(other_member, code="SEC900", title="Secret course")
    Prerequisite.objects.create(course=shared_course, requires=hidden)
    target = f.competency(code="v2x-comm", name="C-V2X")
    return f.programme(code="icv-minor", name="ICV minor", name_zh="智能网联辅修",
                       courses=[shared_course, hidden], targets=[(target, 3)])


def test_it_prints_the_plan_with_all_courses_for_staff(client, consortium_admin, programme):
    client.force_login(consortium_admin)
    text = pdf_text(client.get(URL))
    assert "ICV minor" in text and "智能网联辅修" in text
    assert "ICV500" in text and "SEC900" in text
    assert "6.0 required, 0 elective" in text
    assert "C-V2X" in text and "Gap" in text


def test_it_shows_a_partner_reviewer_only_the_shared_courses(
    client, partner_reviewer, programme
):
    client.force_login(partner_reviewer)
    text = pdf_text(client.get(URL))
    assert "ICV500" in text
    assert "SEC900" not in text  # neither as a course nor as a prerequisite


@pytest.mark.parametrize("who", ["other_reviewer", "outsider"])
def test_it_hides_the_programme_from_those_who_cannot_see_it(client, programme, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == 404


def test_it_filters_by_member_like_the_matrix_page(client, consortium_admin, programme,
                                                   other_member):
    client.force_login(consortium_admin)
    text = pdf_text(client.get(f"{URL}?member={other_member.pk}"))
    assert "SEC900" in text and "ICV500" not in text
    assert client.get(f"{URL}?member=999999").status_code == 404


def test_it_answers_htmx_with_the_file_too(client, consortium_admin, programme):
    client.force_login(consortium_admin)
    assert "ICV minor" in pdf_text(client.get(URL, HTTP_HX_REQUEST="true"))


def test_it_refuses_post(client, consortium_admin, programme):
    client.force_login(consortium_admin)
    assert client.post(URL).status_code == 405


def test_it_sends_anonymous_users_to_log_in(client, programme):
    assert client.get(URL).status_code == 302
