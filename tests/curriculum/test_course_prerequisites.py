import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from curriculum.models import Prerequisite
from curriculum.services import prerequisite_add
from curriculum.validators import prerequisite_cycle
from curriculum.workflow import NotAllowed
from tests import factories as f

URL = reverse("course_prerequisites", args=["ICV101"])


@pytest.fixture
def chain(course, other_member):
    """ICV301 requires ICV201, which requires ICV101 (the faculty's course)."""
    c201 = f.course(other_member, code="ICV201", title="Planning")
    c301 = f.course(other_member, code="ICV301", title="Control")
    Prerequisite.objects.create(course=c201, requires=course)
    Prerequisite.objects.create(course=c301, requires=c201)
    return {"c201": c201, "c301": c301}


def remove_url(requires: str) -> str:
    return reverse("course_prerequisite_remove", args=["ICV101", requires])


def test_it_redirects_anonymous_to_login(client, course):
    assert client.get(URL)["Location"].startswith("/login/")


@pytest.mark.parametrize(
    ("who", "status"), [("other_faculty", 403), ("scheduler_admin", 403), ("partner_reviewer", 404)]
)
def test_it_refuses_people_outside_the_course_team(client, request, chain, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == status
    assert client.post(URL, {"requires": chain["c201"].pk}).status_code == status
    assert client.post(remove_url("ICV201")).status_code == status
    assert Prerequisite.objects.count() == 2


def test_it_refuses_other_methods(client, faculty, course):
    client.force_login(faculty)
    assert client.put(URL).status_code == 405
    assert client.get(remove_url("ICV201")).status_code == 405


def test_it_shows_the_picker_with_courses_of_every_member(client, faculty, chain):
    client.force_login(faculty)
    response = client.get(URL)
    assert response.status_code == 200
    options = response.context["prerequisite_form"].fields["requires"].queryset
    assert {c.code for c in options} == {"ICV201", "ICV301"}


def test_it_adds_a_prerequisite_and_returns_to_the_editor(client, faculty, course, other_member):
    other = f.course(other_member, code="CS100", title="Programming")
    client.force_login(faculty)
    response = client.post(URL, {"requires": other.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("course_edit", args=["ICV101"])
    assert Prerequisite.objects.filter(course=course, requires=other).exists()


def test_it_returns_the_card_for_htmx(client, faculty, course, other_member):
    other = f.course(other_member, code="CS100", title="Programming")
    client.force_login(faculty)
    response = client.post(URL, {"requires": other.pk}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section class="card" id="prerequisites-card">')
    assert "ICV101 now requires CS100." in html


def test_it_refuses_a_cycle_and_names_it(client, faculty, chain, course):
    """ICV101 requiring ICV301 would close ICV101 → ICV301 → ICV201 → ICV101."""
    client.force_login(faculty)
    response = client.post(URL, {"requires": chain["c301"].pk}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "ICV101 → ICV301 → ICV201 → ICV101 would be a cycle." in response.content.decode()
    assert Prerequisite.objects.count() == 2


def test_it_shows_the_cycle_on_its_own_page_without_javascript(client, faculty, chain):
    client.force_login(faculty)
    response = client.post(URL, {"requires": chain["c301"].pk})
    html = response.content.decode()
    assert response.status_code == 200 and "<html" in html
    assert "would be a cycle." in html


def test_it_removes_a_prerequisite(client, faculty, course, other_member):
    other = f.course(other_member, code="CS100")
    Prerequisite.objects.create(course=course, requires=other)
    client.force_login(faculty)
    response = client.post(remove_url("CS100"), HTTP_HX_REQUEST="true")
    assert "ICV101 no longer requires CS100." in response.content.decode()
    assert not Prerequisite.objects.filter(course=course).exists()


def test_service_names_the_cycle_from_the_course_back_to_itself(chain, consortium_admin):
    c301 = chain["c301"]
    with pytest.raises(ValidationError) as refused:
        prerequisite_add(course=chain["c201"], requires=c301, by=consortium_admin)
    assert refused.value.messages == ["ICV201 → ICV301 → ICV201 would be a cycle."]


def test_service_refuses_a_course_requiring_itself(course, faculty):
    with pytest.raises(ValidationError) as refused:
        prerequisite_add(course=course, requires=course, by=faculty)
    assert refused.value.messages == ["ICV101 → ICV101 would be a cycle."]


def test_service_refuses_a_duplicate(chain, course, consortium_admin):
    with pytest.raises(ValidationError) as refused:
        prerequisite_add(course=chain["c201"], requires=course, by=consortium_admin)
    assert refused.value.messages == ["ICV201 already requires ICV101."]


def test_service_refuses_someone_outside_the_team(chain, course, other_faculty):
    with pytest.raises(NotAllowed):
        prerequisite_add(course=course, requires=chain["c301"], by=other_faculty)


def test_cycle_search_finds_the_path_through_the_graph():
    edges = {2: [1], 3: [2, 4], 4: []}
    assert prerequisite_cycle(edges, 1, 3) == [1, 3, 2, 1]
    assert prerequisite_cycle(edges, 4, 1) is None
