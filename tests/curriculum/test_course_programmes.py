import pytest
from django.urls import reverse

from curriculum.models import ProgrammeCourse
from tests import factories as f

URL = reverse("course_programmes", args=["ICV101"])


@pytest.fixture
def minor(db):
    return f.programme(code="icv-minor", name="ICV Minor", name_zh="智能网联汽车辅修")


def remove_url(code: str) -> str:
    return reverse("course_programme_remove", args=["ICV101", code])


def test_it_redirects_anonymous_to_login(client, course):
    assert client.get(URL)["Location"].startswith("/login/")


@pytest.mark.parametrize(
    ("who", "status"), [("other_faculty", 403), ("scheduler_admin", 403), ("partner_reviewer", 404)]
)
def test_it_refuses_people_outside_the_course_team(client, request, course, minor, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == status
    assert client.post(URL, {"programme": minor.pk, "kind": "required"}).status_code == status
    assert client.post(remove_url("icv-minor")).status_code == status
    assert not ProgrammeCourse.objects.exists()


def test_it_refuses_other_methods(client, faculty, course):
    client.force_login(faculty)
    assert client.delete(URL).status_code == 405
    assert client.get(remove_url("icv-minor")).status_code == 405


def test_it_shows_the_programmes_of_the_course(client, faculty, course, minor):
    ProgrammeCourse.objects.create(programme=minor, course=course, kind="elective")
    client.force_login(faculty)
    html = client.get(URL).content.decode()
    assert "ICV Minor" in html and "Elective" in html


def test_it_adds_the_course_to_a_programme(client, faculty, course, minor):
    client.force_login(faculty)
    response = client.post(URL, {"programme": minor.pk, "kind": "elective"})
    assert response.status_code == 302
    entry = ProgrammeCourse.objects.get()
    assert (entry.programme, entry.course, entry.kind) == (minor, course, "elective")


def test_it_changes_how_the_course_counts_when_added_again(client, faculty, course, minor):
    ProgrammeCourse.objects.create(programme=minor, course=course, kind="elective")
    client.force_login(faculty)
    client.post(URL, {"programme": minor.pk, "kind": "required"})
    assert ProgrammeCourse.objects.get().kind == "required"


def test_it_returns_the_card_for_htmx(client, faculty, course, minor):
    client.force_login(faculty)
    response = client.post(URL, {"programme": minor.pk, "kind": "required"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<section class="card" id="programmes-card">')
    assert "ICV101 is now in ICV Minor." in html


def test_it_shows_a_missing_choice_in_place(client, faculty, course):
    client.force_login(faculty)
    response = client.post(URL, {"kind": "required"}, HTTP_HX_REQUEST="true")
    assert "This field is required." in response.content.decode()
    assert not ProgrammeCourse.objects.exists()


def test_it_removes_the_course_from_a_programme(client, faculty, course, minor):
    ProgrammeCourse.objects.create(programme=minor, course=course)
    client.force_login(faculty)
    response = client.post(remove_url("icv-minor"))
    assert response.status_code == 302
    assert not ProgrammeCourse.objects.exists()
