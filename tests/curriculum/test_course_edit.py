import pytest
from django.urls import reverse

from curriculum.models import (
    AssessmentComponent,
    Course,
    CourseShare,
    LearningOutcome,
    Syllabus,
    WeeklyTopic,
)
from tests import factories as f

URL = reverse("course_edit", args=["ICV101"])


@pytest.fixture
def filled(course):
    """ICV101's draft with one mapped outcome, a topic and an assessment that adds up."""
    syllabus = course.current_syllabus()
    comp = f.competency(name="Sensor calibration")
    outcome = f.outcome(syllabus, text="Calibrate a lidar", mappings=[(comp, 3)])
    WeeklyTopic.objects.create(syllabus=syllabus, week=1, title="Lidar basics")
    AssessmentComponent.objects.create(syllabus=syllabus, name="Project", weight=100)
    return {"syllabus": syllabus, "outcome": outcome, "competency": comp}


def page_data(client) -> dict:
    response = client.get(URL)
    assert response.status_code == 200
    return f.form_data(response.content, "course-editor")


def test_it_redirects_anonymous_to_login(client, course):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.mark.parametrize(
    ("who", "status"),
    [("other_faculty", 403), ("scheduler_admin", 403), ("partner_reviewer", 404)],
)
def test_it_refuses_people_outside_the_course_team(client, request, course, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == status
    assert client.post(URL, {"course-title": "Hijacked"}).status_code == status
    course.refresh_from_db()
    assert course.title == "Perception and Sensor Fusion"


def test_it_lets_a_shared_reviewer_see_but_not_edit(client, partner_reviewer, course, firm_a):
    CourseShare.objects.create(course=course, firm=firm_a)
    client.force_login(partner_reviewer)
    assert client.get(URL).status_code == 403


def test_it_refuses_other_methods(client, faculty, course):
    client.force_login(faculty)
    assert client.delete(URL).status_code == 405


def test_it_saves_the_form_as_rendered_and_bumps_the_revision(client, faculty, filled):
    client.force_login(faculty)
    data = page_data(client)
    assert data["syllabus-revision"] == ["0"]
    response = client.post(URL, data)
    assert response.status_code == 302
    syllabus = filled["syllabus"]
    syllabus.refresh_from_db()
    assert syllabus.revision == 1
    assert list(syllabus.outcomes.values_list("text", flat=True)) == ["Calibrate a lidar"]


def test_it_updates_rows_in_place_keeping_their_ids(client, faculty, filled):
    client.force_login(faculty)
    data = page_data(client)
    data["course-title_zh"] = "感知与融合"
    data["outcomes-0-text"] = "Calibrate a lidar and a camera"
    data["outcomes-0-map-0-level"] = "4"
    data["assessment-0-weight"] = "70"
    data.update({
        "assessment-TOTAL_FORMS": "2",
        "assessment-1-name": "Exam",
        "assessment-1-weight": "30",
    })
    response = client.post(URL, data)
    assert response.status_code == 302
    outcome = LearningOutcome.objects.get()
    assert outcome.pk == filled["outcome"].pk  # comments and ratings anchored to it survive
    assert outcome.text == "Calibrate a lidar and a camera"
    assert outcome.mappings.get().level == 4
    assert sorted(filled["syllabus"].assessment.values_list("weight", flat=True)) == [30, 70]
    course = Course.objects.get(code="ICV101")
    assert course.title_zh == "感知与融合"


def test_it_deletes_a_removed_row_on_save(client, faculty, filled):
    client.force_login(faculty)
    data = page_data(client)
    data["remove"] = "topics-0"
    data = f.form_data(client.post(URL, data).content, "course-editor")
    assert client.post(URL, data).status_code == 302
    assert not WeeklyTopic.objects.exists()


def test_it_renames_the_course_code_and_redirects_to_the_new_address(client, faculty, filled):
    client.force_login(faculty)
    data = page_data(client)
    data["course-code"] = "icv111"
    response = client.post(URL, data)
    assert response["Location"] == reverse("course_edit", args=["ICV111"])
    assert Course.objects.filter(code="ICV111").exists()


def test_it_keeps_the_user_in_the_course_team(client, faculty, filled, member):
    client.force_login(faculty)
    data = page_data(client)
    data["course-faculty"] = [str(f.faculty(member).pk)]
    response = client.post(URL, data)
    assert response.status_code == 200
    assert "Keep yourself in the course team" in response.content.decode()


def test_it_refuses_a_stale_revision_and_keeps_the_users_text(client, faculty, filled):
    client.force_login(faculty)
    data = page_data(client)
    Syllabus.objects.filter(pk=filled["syllabus"].pk).update(revision=5)  # someone else saved
    data["outcomes-0-text"] = "My careful rewrite"
    response = client.post(URL, data)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else saved this syllabus while you were editing" in html
    assert "Your text is kept below; compare and save again." in html
    assert "My careful rewrite</textarea>" in html
    assert LearningOutcome.objects.get().text == "Calibrate a lidar"
    # The form now carries the current revision: saving again after comparing goes through.
    again = f.form_data(html, "course-editor")
    assert again["syllabus-revision"] == ["5"]
    assert client.post(URL, again).status_code == 302
    assert LearningOutcome.objects.get().text == "My careful rewrite"


def test_it_shows_a_submitted_syllabus_read_only(client, faculty, filled):
    Syllabus.objects.filter(pk=filled["syllabus"].pk).update(status=Syllabus.Status.SUBMITTED)
    client.force_login(faculty)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "cannot be changed here" in html
    assert 'id="course-editor"' not in html
    assert "Calibrate a lidar" in html


def test_it_refuses_to_save_into_a_syllabus_submitted_meanwhile(client, faculty, filled):
    client.force_login(faculty)
    data = page_data(client)
    Syllabus.objects.filter(pk=filled["syllabus"].pk).update(status=Syllabus.Status.SUBMITTED)
    data["outcomes-0-text"] = "Too late"
    response = client.post(URL, data)
    assert response.status_code == 409
    assert "no longer an editable draft" in response.content.decode()
    assert "Too late</textarea>" in response.content.decode()
    assert LearningOutcome.objects.get().text == "Calibrate a lidar"


def test_it_returns_the_editor_fragment_for_an_htmx_row_action(client, faculty, filled):
    client.force_login(faculty)
    data = page_data(client)
    data["add"] = "assessment"
    response = client.post(URL, data, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and 'name="assessment-1-weight"' in html
    assert AssessmentComponent.objects.count() == 1


def test_it_lets_the_coordinator_edit(client, consortium_admin, filled):
    client.force_login(consortium_admin)
    data = page_data(client)
    data["course-credits"] = "4.5"
    assert client.post(URL, data).status_code == 302
    assert str(Course.objects.get(code="ICV101").credits) == "4.5"


def test_it_creates_a_draft_for_a_course_without_a_syllabus(client, faculty, course):
    Syllabus.objects.filter(course=course).delete()
    client.force_login(faculty)
    data = page_data(client)
    assert client.post(URL, data).status_code == 302
    syllabus = course.current_syllabus()
    assert (syllabus.version, syllabus.status) == (1, Syllabus.Status.DRAFT)


def test_it_offers_rows_as_htmx_buttons_that_also_submit_without_javascript(
    client, faculty, filled
):
    client.force_login(faculty)
    html = client.get(URL).content.decode()
    assert '<button type="submit" name="add" value="outcomes"' in html
    assert 'hx-post="/courses/ICV101/edit/" hx-sync="this:drop" hx-target="#rows-outcomes"' in html
    assert 'hx-post="/courses/ICV101/edit/validate/"' in html


def test_it_refuses_a_row_id_of_another_syllabus(client, faculty, filled, other_member):
    stranger = f.course(other_member, code="NEV300").current_syllabus()
    foreign = WeeklyTopic.objects.create(syllabus=stranger, week=1, title="Not yours")
    client.force_login(faculty)
    data = page_data(client)
    data["topics-0-id"] = str(foreign.pk)
    data["topics-0-title"] = "Overwritten"
    response = client.post(URL, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    foreign.refresh_from_db()
    assert foreign.title == "Not yours"
