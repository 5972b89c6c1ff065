import pytest
from django.urls import reverse

from curriculum.models import CourseShare, Syllabus
from tests import factories as f

URL = reverse("course_list")


@pytest.fixture
def catalogue(member, other_member, faculty, course):
    """`course` (ICV101, owner member, CS 60 / VE 40) plus two more courses."""
    area = f.competency_area(name="Decision, planning and control")
    comp = f.competency(area, name="Motion planning")
    f.outcome(course.current_syllabus(), mappings=[(comp, 3)])
    solo = f.course(
        other_member,
        code="ICV202",
        title="Automotive Ethernet",
        title_zh="车载以太网",
        disciplines=[(f.discipline(name="Communications"), 100)],
    )
    solo.co_institutions.add(member)
    Syllabus.objects.filter(course=solo).update(status=Syllabus.Status.PUBLISHED)
    other = f.course(other_member, code="NEV300", title="Battery Management", title_zh="电池管理")
    return {"area": area, "solo": solo, "other": other}


def codes(response) -> list[str]:
    return [c.code for c in response.context["page"]]


def test_it_redirects_anonymous_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_it_refuses_a_user_without_a_role(client, outsider):
    client.force_login(outsider)
    assert client.get(URL).status_code == 403


def test_it_refuses_post(client, faculty):
    client.force_login(faculty)
    assert client.post(URL).status_code == 405


def test_it_lists_code_bilingual_title_owner_disciplines_status_and_credits(
    client, faculty, catalogue
):
    client.force_login(faculty)
    response = client.get(URL)
    assert response.status_code == 200
    assert codes(response) == ["ICV101", "ICV202", "NEV300"]
    html = response.content.decode()
    row = html[html.index('id="course-ICV101"') :].split("</tr>")[0]
    assert "Perception and Sensor Fusion" in row and "感知与传感器融合" in row
    assert "Chongqing Test University" in row
    assert "Computer science 60 %" in row and "Vehicle engineering 40 %" in row
    assert "interdisciplinary" in row
    assert "Draft" in row and "3.0" in row
    solo = html[html.index('id="course-ICV202"') :].split("</tr>")[0]
    assert "interdisciplinary" not in solo
    assert "Published" in solo


@pytest.mark.parametrize(
    ("q", "expected"),
    [("icv1", ["ICV101"]), ("ethernet", ["ICV202"]), ("电池", ["NEV300"]), ("zzz", [])],
)
def test_it_searches_code_and_both_titles(client, faculty, catalogue, q, expected):
    client.force_login(faculty)
    assert codes(client.get(URL, {"q": q})) == expected


def test_it_filters_by_discipline(client, faculty, catalogue, course):
    client.force_login(faculty)
    discipline = course.discipline_shares.get(share=40).discipline
    assert codes(client.get(URL, {"discipline": discipline.pk})) == ["ICV101"]


def test_it_filters_by_competency_area_of_the_current_syllabus(client, faculty, catalogue):
    client.force_login(faculty)
    assert codes(client.get(URL, {"area": catalogue["area"].pk})) == ["ICV101"]


def test_it_filters_by_member_as_owner_or_co_teacher(client, faculty, catalogue, member):
    client.force_login(faculty)
    assert codes(client.get(URL, {"member": member.pk})) == ["ICV101", "ICV202"]


def test_it_filters_by_status_of_the_current_version(client, faculty, catalogue):
    client.force_login(faculty)
    assert codes(client.get(URL, {"status": "published"})) == ["ICV202"]
    assert codes(client.get(URL, {"status": "draft"})) == ["ICV101", "NEV300"]


def test_it_ignores_an_invalid_filter_and_says_so(client, faculty, catalogue):
    client.force_login(faculty)
    response = client.get(URL, {"status": "bogus", "q": "ICV"})
    assert codes(response) == ["ICV101", "ICV202"]
    assert "Select a valid choice" in response.content.decode()


def test_it_shows_a_partner_reviewer_only_courses_shared_with_his_firm(
    client, partner_reviewer, firm_a, firm_b, catalogue, course
):
    CourseShare.objects.create(course=course, firm=firm_a)
    CourseShare.objects.create(course=catalogue["other"], firm=firm_b)
    client.force_login(partner_reviewer)
    response = client.get(URL)
    assert codes(response) == ["ICV101"]
    assert "NEV300" not in response.content.decode()
    assert codes(client.get(URL, {"q": "NEV"})) == []


def test_it_returns_only_the_results_for_htmx(client, faculty, catalogue):
    client.force_login(faculty)
    response = client.get(URL, {"q": "ethernet"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="course-results">')
    assert "<html" not in html and "ICV202" in html and "ICV101" not in html


def test_it_returns_the_whole_page_when_htmx_restores_history(client, faculty, catalogue):
    client.force_login(faculty)
    response = client.get(
        URL, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    assert "<html" in response.content.decode()


def test_it_offers_the_filter_form_as_htmx_and_as_a_plain_get_form(client, faculty):
    client.force_login(faculty)
    html = client.get(URL).content.decode()
    assert 'method="get" action="/courses/"' in html
    assert 'hx-trigger="input changed delay:300ms, change"' in html
    assert 'hx-push-url="true"' in html


def test_it_offers_new_course_to_faculty_but_not_to_reviewers(
    client, faculty, partner_reviewer
):
    client.force_login(faculty)
    assert reverse("course_create") in client.get(URL).content.decode()
    client.force_login(partner_reviewer)
    assert reverse("course_create") not in client.get(URL).content.decode()


def _courses(n, member):
    d1, d2 = f.discipline(), f.discipline()
    for _ in range(n):
        c = f.course(member, disciplines=[(d1, 50), (d2, 50)])
        c.co_institutions.add(member)


@pytest.mark.parametrize("n", [3, 30])
def test_it_uses_the_same_number_of_queries_for_few_and_many_courses(
    client, faculty, member, django_assert_num_queries, n
):
    _courses(n, member)
    client.force_login(faculty)
    # session, user, profile, faculty record ("New course"), count, courses, their discipline
    # shares, their co-teaching members, the menu's member, the filter form's three selects.
    with django_assert_num_queries(12):
        response = client.get(URL)
    assert len(response.context["page"]) == n
