"""GET /exports/curriculum.xlsx: every course the user may see, and the programme matrices."""

from tests import factories as f
from tests.exports.helpers import workbook

URL = "/exports/curriculum.xlsx"


def courses(wb):
    return [r[0] for r in wb["Courses"].iter_rows(min_row=2, values_only=True)]


def test_it_holds_every_course_and_programme_for_staff(
    client, scheduler_admin, shared_course, other_member
):
    f.course(other_member, code="SEC900")
    f.programme(code="minor", courses=[shared_course])
    client.force_login(scheduler_admin)
    wb = workbook(client.get(URL))
    assert courses(wb) == ["ICV500", "SEC900"]
    assert wb.sheetnames[-1] == "Matrix minor"
    outcomes = list(wb["Outcomes"].iter_rows(min_row=2, values_only=True))
    assert outcomes == [("ICV500", 1, "Configure an RTOS.", "配置实时操作系统。", "os-rt",
                         "Real-time OS", 3)]


def test_it_gives_a_partner_reviewer_only_the_shared_courses(
    client, partner_reviewer, shared_course, other_member
):
    hidden = f.course(other_member, code="SEC900")
    f.programme(code="minor", courses=[shared_course, hidden])
    f.programme(code="secret", courses=[hidden])
    client.force_login(partner_reviewer)
    wb = workbook(client.get(URL))
    assert courses(wb) == ["ICV500"]
    assert [n for n in wb.sheetnames if n.startswith("Matrix")] == ["Matrix minor"]
    matrix = [r[0] for r in wb["Matrix minor"].iter_rows(min_row=4, max_row=5,
                                                         values_only=True)]
    assert "SEC900" not in matrix


def test_it_gives_another_firms_reviewer_nothing_of_it(client, other_reviewer, shared_course):
    client.force_login(other_reviewer)
    assert courses(workbook(client.get(URL))) == []


def test_it_refuses_users_without_a_role(client, outsider, shared_course):
    client.force_login(outsider)
    assert client.get(URL).status_code == 403


def test_it_answers_htmx_with_the_file_too(client, faculty, shared_course):
    client.force_login(faculty)
    assert courses(workbook(client.get(URL, HTTP_HX_REQUEST="true"))) == ["ICV500"]


def test_it_refuses_post(client, faculty):
    client.force_login(faculty)
    assert client.post(URL).status_code == 405


def test_it_sends_anonymous_users_to_log_in(client):
    assert client.get(URL).status_code == 302
