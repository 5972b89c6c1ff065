"""GET /scheduling/runs/<pk>/timetable.<xlsx|pdf>: a run's timetable workbook or book."""

import pytest

from scheduler import exporting
from tests.exports.conftest import place
from tests.exports.helpers import pdf_text, session_courses, workbook


def url(world, fmt="xlsx", query=""):
    return f"/scheduling/runs/{world.run.pk}/timetable.{fmt}{query}"


def test_it_gives_the_coordinator_the_whole_timetable(client, consortium_admin, shared_world):
    client.force_login(consortium_admin)
    wb = workbook(client.get(url(shared_world)))
    assert session_courses(wb) == ["MIN101", "MIN102", "THR201", "JNT301"]
    assert "Cohort their-a" in wb.sheetnames


def test_it_gives_a_scheduling_administrator_only_his_members_pack(
    client, scheduler_admin, shared_world
):
    client.force_login(scheduler_admin)
    response = client.get(url(shared_world))
    wb = workbook(response)
    assert session_courses(wb) == ["MIN101", "MIN102", "JNT301"]
    assert "Cohort their-a" not in wb.sheetnames
    assert 'filename="spring-timetable-run' in response["Content-Disposition"]
    assert response["Content-Disposition"].endswith('-cqu.xlsx"')


def test_it_gives_another_members_administrator_only_what_involves_his_member(
    client, other_scheduler_admin, shared_world
):
    client.force_login(other_scheduler_admin)
    wb = workbook(client.get(url(shared_world, query="?member=cqu")))  # asking for more: ignored
    assert session_courses(wb) == ["THR201", "JNT301"]
    assert not any(name in wb.sheetnames for name in ("Cohort mine-b", "Room M101"))


def test_it_lets_the_coordinator_take_a_members_pack(client, consortium_admin, shared_world):
    client.force_login(consortium_admin)
    wb = workbook(client.get(url(shared_world, query="?member=other")))
    assert session_courses(wb) == ["THR201", "JNT301"]
    assert client.get(url(shared_world, query="?member=nobody")).status_code == 404


def test_it_serves_the_timetable_book(client, consortium_admin, shared_world):
    client.force_login(consortium_admin)
    text = pdf_text(client.get(url(shared_world, "pdf")))
    assert "Spring 2027" in text and "2027春季" in text
    assert "Cohort: mine-a" in text and "JNT301 · Lecture" in text


def test_it_gives_faculty_the_published_timetable_of_their_member(
    client, faculty, shared_world
):
    client.force_login(faculty)
    assert session_courses(workbook(client.get(url(shared_world)))) == [
        "MIN101", "MIN102", "JNT301"]


def test_it_hides_an_unpublished_run_from_faculty(client, faculty, shared_world):
    draft = place(shared_world.term, [])
    client.force_login(faculty)
    assert client.get(f"/scheduling/runs/{draft.pk}/timetable.xlsx").status_code == 404


@pytest.mark.parametrize("who", ["partner_reviewer", "outsider"])
def test_it_hides_timetables_from_reviewers_and_outsiders(client, shared_world, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url(shared_world)).status_code == 404
    assert client.get(url(shared_world, "pdf")).status_code == 404


def test_it_refuses_an_unknown_format(client, consortium_admin, shared_world):
    client.force_login(consortium_admin)
    assert client.get(url(shared_world, "docx")).status_code == 404


def test_it_refuses_post(client, consortium_admin, shared_world):
    client.force_login(consortium_admin)
    assert client.post(url(shared_world)).status_code == 405


def test_it_sends_anonymous_users_to_log_in(client, shared_world):
    response = client.get(url(shared_world))
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_it_answers_htmx_with_the_file_too(client, consortium_admin, shared_world):
    client.force_login(consortium_admin)
    wb = workbook(client.get(url(shared_world), HTTP_HX_REQUEST="true"))
    assert len(session_courses(wb)) == 4


def test_it_offers_a_background_export_for_a_big_timetable(
    client, scheduler_admin, shared_world, monkeypatch
):
    monkeypatch.setitem(exporting.SYNC_GRIDS, "pdf", 2)
    client.force_login(scheduler_admin)
    response = client.get(url(shared_world, "pdf"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert 'action="/scheduling/exports/"' in body
    assert 'name="member" value="cqu"' in body and 'name="format" value="pdf"' in body
    assert f'href="/scheduling/runs/{shared_world.run.pk}/grid/"' in body  # the way back
