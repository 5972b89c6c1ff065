"""GET /programmes/<code>/curriculum.xlsx: a programme's courses and competency matrix."""

import pytest

from tests import factories as f
from tests.exports.helpers import workbook

URL = "/programmes/icv-minor/curriculum.xlsx"


@pytest.fixture
def programme(shared_course, other_member):
    hidden = f.course(other_member, code="SEC900", title="Secret course")
    return f.programme(code="icv-minor", name="ICV minor", courses=[shared_course, hidden])


def courses(wb):
    return [r[0] for r in wb["Courses"].iter_rows(min_row=2, values_only=True)]


def matrix_courses(wb):
    return [r[0] for r in wb["Matrix icv-minor"].iter_rows(min_row=4, values_only=True)
            if r[0] and r[0].isupper() and r[0][-1].isdigit()]


def test_it_holds_the_programmes_courses_and_matrix(client, consortium_admin, programme):
    client.force_login(consortium_admin)
    wb = workbook(client.get(URL))
    assert courses(wb) == ["ICV500", "SEC900"]
    assert matrix_courses(wb) == ["ICV500", "SEC900"]
    ws = wb["Matrix icv-minor"]
    assert [c.value for c in ws[2]][3:] == ["os-rt"]


def test_it_shows_a_partner_reviewer_only_the_shared_courses(
    client, partner_reviewer, programme
):
    client.force_login(partner_reviewer)
    wb = workbook(client.get(URL))
    assert courses(wb) == ["ICV500"] and matrix_courses(wb) == ["ICV500"]


def test_it_filters_by_member(client, consortium_admin, programme, other_member):
    client.force_login(consortium_admin)
    wb = workbook(client.get(f"{URL}?member={other_member.pk}"))
    assert courses(wb) == ["SEC900"] and matrix_courses(wb) == ["SEC900"]


@pytest.mark.parametrize("who", ["other_reviewer", "outsider"])
def test_it_hides_the_programme_from_those_who_cannot_see_it(client, programme, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == 404


def test_it_answers_htmx_with_the_file_too(client, consortium_admin, programme):
    client.force_login(consortium_admin)
    assert courses(workbook(client.get(URL, HTTP_HX_REQUEST="true"))) == ["ICV500", "SEC900"]


def test_it_refuses_post(client, consortium_admin, programme):
    client.force_login(consortium_admin)
    assert client.post(URL).status_code == 405


def test_it_sends_anonymous_users_to_log_in(client, programme):
    assert client.get(URL).status_code == 302
