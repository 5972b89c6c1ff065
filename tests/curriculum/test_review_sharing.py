"""The course team chooses the partner firms that review its syllabi."""

from curriculum.models import CourseShare, Notification
from tests.curriculum.review_data import submitted


def _url(course):
    return f"/courses/{course.code}/sharing/"


def test_it_lists_enterprise_members_only(client, course, faculty, firm_a, member):
    client.force_login(faculty)
    response = client.get(_url(course))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Firm A Motors" in html and "Chongqing Test University" not in html.split("<main>")[1]


def test_it_leads_back_to_the_course(client, course, faculty):
    client.force_login(faculty)
    html = client.get(_url(course)).content.decode()
    assert f'href="/courses/{course.code}/"' in html


def test_it_saves_the_chosen_firms(client, course, faculty, firm_a, firm_b):
    client.force_login(faculty)
    response = client.post(_url(course), {"firms": [firm_a.pk, firm_b.pk]})
    assert response.status_code == 302
    assert set(course.shares.values_list("firm", flat=True)) == {firm_a.pk, firm_b.pk}
    client.post(_url(course), {"firms": [firm_b.pk]})
    assert list(course.shares.values_list("firm", flat=True)) == [firm_b.pk]


def test_it_tells_a_newly_added_firm_of_a_syllabus_in_review(
    client, course, faculty, firm_a, firm_b, other_reviewer
):
    submitted(course, faculty, firm_a)
    client.force_login(faculty)
    client.post(_url(course), {"firms": [firm_a.pk, firm_b.pk]})
    assert Notification.objects.get(user=other_reviewer).kind == "submitted"


def test_it_refuses_a_member_that_is_not_a_firm(client, course, faculty, member):
    client.force_login(faculty)
    response = client.post(_url(course), {"firms": [member.pk]})
    assert response.status_code == 400
    assert "Only enterprise members" in response.content.decode()
    assert not CourseShare.objects.exists()


def test_it_returns_the_form_fragment_to_htmx(client, course, faculty, firm_a):
    client.force_login(faculty)
    response = client.get(_url(course), HTTP_HX_REQUEST="true")
    assert response.content.decode().lstrip().startswith("<form")
    response = client.post(_url(course), {"firms": [firm_a.pk]}, HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"] == _url(course)


def test_it_refuses_others(client, course, other_faculty, partner_reviewer, firm_a):
    course.shares.create(firm=firm_a)
    client.force_login(other_faculty)
    assert client.post(_url(course), {"firms": []}).status_code == 403
    client.force_login(partner_reviewer)
    assert client.get(_url(course)).status_code == 403
    assert course.shares.count() == 1


def test_it_hides_unshared_courses_and_refuses_put(client, course, partner_reviewer, faculty):
    client.force_login(partner_reviewer)
    assert client.get(_url(course)).status_code == 404
    client.force_login(faculty)
    assert client.put(_url(course)).status_code == 405


def test_it_sends_anonymous_to_login(client, course):
    assert client.get(_url(course)).status_code == 302
