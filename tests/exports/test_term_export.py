"""GET /scheduling/terms/<slug>/timetable.<fmt>: the published timetable, else the latest
successful run."""

import pytest

from scheduler import models as sm
from tests import factories as f
from tests.exports.conftest import place
from tests.exports.helpers import session_courses, workbook


def test_it_exports_the_published_timetable(client, consortium_admin, shared_world):
    newer = place(shared_world.term, [(shared_world.session("MINE1"), 4, 2,
                                       shared_world.rooms["mine"])])
    assert newer.pk > shared_world.run.pk
    client.force_login(consortium_admin)
    response = client.get("/scheduling/terms/spring/timetable.xlsx")
    assert f"run{shared_world.run.pk}" in response["Content-Disposition"]
    assert len(session_courses(workbook(response))) == 4


def test_it_falls_back_to_the_latest_successful_run(client, consortium_admin, member):
    term = f.term(member, slug="autumn")
    course = f.course(member, code="AUT100")
    offering = f.offering(term, course, sessions=[("lab", 3)])
    room = f.room(f.campus(member))
    session = offering.sessions.get()
    place(term, [(session, 0, 0, room)])
    latest = place(term, [(session, 1, 1, room)])
    place(term, [], status=sm.Run.Status.FAILED)
    client.force_login(consortium_admin)
    response = client.get("/scheduling/terms/autumn/timetable.xlsx")
    assert f"run{latest.pk}" in response["Content-Disposition"]
    rows = list(workbook(response)["Sessions"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[3]) for r in rows] == [("AUT100", "Tuesday")]


def test_it_is_404_without_any_timetable(client, consortium_admin, member):
    f.term(member, slug="empty")
    client.force_login(consortium_admin)
    assert client.get("/scheduling/terms/empty/timetable.pdf").status_code == 404


def test_it_is_404_for_faculty_when_nothing_is_published(client, faculty, member):
    term = f.term(member, slug="draft-only")
    place(term, [])
    client.force_login(faculty)
    assert client.get("/scheduling/terms/draft-only/timetable.xlsx").status_code == 404


@pytest.mark.parametrize("who", ["partner_reviewer", "outsider"])
def test_it_hides_the_term_from_reviewers_and_outsiders(client, shared_world, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get("/scheduling/terms/spring/timetable.xlsx").status_code == 404


def test_it_gives_an_administrator_his_members_pack(client, other_scheduler_admin, shared_world):
    client.force_login(other_scheduler_admin)
    response = client.get("/scheduling/terms/spring/timetable.xlsx", HTTP_HX_REQUEST="true")
    assert session_courses(workbook(response)) == ["THR201", "JNT301"]


def test_it_refuses_post(client, consortium_admin, shared_world):
    client.force_login(consortium_admin)
    assert client.post("/scheduling/terms/spring/timetable.xlsx").status_code == 405


def test_it_sends_anonymous_users_to_log_in(client, shared_world):
    assert client.get("/scheduling/terms/spring/timetable.xlsx").status_code == 302
