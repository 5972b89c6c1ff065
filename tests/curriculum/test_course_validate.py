import pytest
from django.urls import reverse

from curriculum.models import Course
from tests import factories as f

CREATE = reverse("course_create_validate")
EDIT = reverse("course_edit_validate", args=["ICV101"])


@pytest.fixture
def parts(db):
    return {
        "cs": f.discipline(name="Computer science"),
        "ve": f.discipline(name="Vehicle engineering"),
        "hil": f.competency(name="HIL testing"),
        "bench": f.feature(name="HIL bench"),
    }


def data(member, faculty, parts, **overrides):
    values = {
        "owner": member,
        "faculty_members": [faculty.faculty],
        "disciplines": [(parts["cs"], 60), (parts["ve"], 40)],
        "outcomes": [("Run a HIL test", [(parts["hil"], 3)])],
        "assessment": [("Exam", 100)],
    }
    values.update(overrides)
    return f.editor_post(**values)


def summary(response) -> str:
    html = response.content.decode()
    return html[html.index('id="live-summary"') :].split("</div>")[0]


def test_it_redirects_anonymous_to_login(client):
    response = client.post(CREATE, {})
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_it_refuses_get(client, faculty):
    client.force_login(faculty)
    assert client.get(CREATE).status_code == 405


@pytest.mark.parametrize(("who", "status"), [("other_faculty", 403), ("partner_reviewer", 404)])
def test_it_refuses_people_outside_the_course_team(client, request, course, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.post(EDIT, {}).status_code == status


def test_it_refuses_reviewers_on_the_create_form(client, partner_reviewer):
    client.force_login(partner_reviewer)
    assert client.post(CREATE, {}).status_code == 403


def test_it_says_everything_adds_up(client, faculty, member, parts):
    client.force_login(faculty)
    response = client.post(CREATE, data(member, faculty, parts), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Everything adds up." in summary(response)
    assert "<html" not in response.content.decode()


def test_it_reports_the_assessment_total(client, faculty, member, parts):
    client.force_login(faculty)
    body = data(member, faculty, parts, assessment=[("Lab", 40), ("Exam", 50)])
    response = client.post(CREATE, body, HTTP_HX_REQUEST="true")
    assert "Assessment adds up to 90 %; it must be 100 %." in summary(response)


def test_it_reports_the_discipline_shares_total(client, faculty, member, parts):
    client.force_login(faculty)
    body = data(member, faculty, parts, disciplines=[(parts["cs"], 70), (parts["ve"], 40)])
    response = client.post(CREATE, body, HTTP_HX_REQUEST="true")
    assert "Discipline shares add up to 110 %; they must be 100 %." in summary(response)


def test_it_reports_outcomes_without_a_competency(client, faculty, member, parts):
    client.force_login(faculty)
    body = data(member, faculty, parts, outcomes=[("A", [(parts["hil"], 2)]), ("B", [])])
    response = client.post(CREATE, body, HTTP_HX_REQUEST="true")
    assert "Outcome 2: Map this outcome to at least one competency." in summary(response)


def test_it_warns_about_equipment_no_room_has(client, faculty, member, parts):
    client.force_login(faculty)
    body = data(member, faculty, parts, session_needs=[("lab", 3, 1, [parts["bench"]])])
    response = client.post(CREATE, body, HTTP_HX_REQUEST="true")
    text = summary(response)
    assert "Session need 1: No room or lab in the consortium has a HIL bench." in text
    assert '<li class="warning">' in text


def test_it_does_not_warn_when_a_room_has_the_equipment(client, faculty, member, parts):
    room = f.room()
    room.features.add(parts["bench"])
    client.force_login(faculty)
    body = data(member, faculty, parts, session_needs=[("lab", 3, 1, [parts["bench"]])])
    response = client.post(CREATE, body, HTTP_HX_REQUEST="true")
    assert "HIL bench" not in summary(response)


def test_it_swaps_field_errors_in_place_but_not_required_ones_while_typing(
    client, faculty, member, parts
):
    client.force_login(faculty)
    body = data(member, faculty, parts)
    body["assessment-0-weight"] = "abc"
    body["course-title"] = ""
    html = client.post(CREATE, body, HTTP_HX_REQUEST="true").content.decode()
    weight = html[html.index('id="id_assessment-0-weight_errors"') :].split("</div>")[0]
    assert 'hx-swap-oob="innerHTML"' in weight and "Enter a whole number." in weight
    title = html[html.index('id="id_course-title_errors"') :].split("</div>")[0]
    assert "required" not in title  # still typing: no "This field is required." yet


def test_it_validates_against_the_course_being_edited(client, faculty, course, parts):
    client.force_login(faculty)
    body = f.form_data(client.get(reverse("course_edit", args=["ICV101"])).content, "course-editor")
    body["course-code"] = "ICV101"  # its own code is not "already used"
    response = client.post(EDIT, body, HTTP_HX_REQUEST="true")
    assert "already used" not in response.content.decode()


def test_it_saves_nothing(client, faculty, member, parts):
    client.force_login(faculty)
    client.post(CREATE, data(member, faculty, parts), HTTP_HX_REQUEST="true")
    assert not Course.objects.exists()
