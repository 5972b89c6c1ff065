"""The download buttons on the pages where people look at the thing."""

from tests import factories as f


def test_the_syllabus_page_links_its_pdf(client, faculty, shared_course):
    client.force_login(faculty)
    body = client.get("/courses/ICV500/v/1/").content.decode()
    assert 'href="/courses/ICV500/v/1/syllabus.pdf"' in body


def test_the_matrix_page_links_the_plan_and_workbook_with_its_member_filter(
    client, consortium_admin, shared_course, member
):
    f.programme(code="minor", courses=[shared_course])
    client.force_login(consortium_admin)
    body = client.get(f"/programmes/minor/matrix/?member={member.pk}").content.decode()
    assert f'href="/programmes/minor/plan.pdf?member={member.pk}"' in body
    assert f'href="/programmes/minor/curriculum.xlsx?member={member.pk}"' in body


def test_the_run_and_grid_pages_link_the_workbook_and_book(
    client, scheduler_admin, shared_world
):
    client.force_login(scheduler_admin)
    pk = shared_world.run.pk
    for page in (f"/scheduling/runs/{pk}/", f"/scheduling/runs/{pk}/grid/"):
        body = client.get(page).content.decode()
        assert f'href="/scheduling/runs/{pk}/timetable.xlsx"' in body, page
        assert f'href="/scheduling/runs/{pk}/timetable.pdf"' in body, page
        assert 'href="/scheduling/feeds/"' in body
