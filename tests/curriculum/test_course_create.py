import pytest
from django.urls import reverse

from curriculum.forms import BaseOutcomeFormSet
from curriculum.models import Course, LearningOutcome, Syllabus
from tests import factories as f

URL = reverse("course_create")


@pytest.fixture
def parts(db):
    area = f.competency_area(name="Testing, simulation and validation")
    return {
        "cs": f.discipline(name="Computer science"),
        "ve": f.discipline(name="Vehicle engineering"),
        "hil": f.competency(area, name="HIL testing"),
        "scenario": f.competency(area, name="Scenario-based testing"),
        "bench": f.feature(name="HIL bench"),
    }


def post_data(member, faculty, parts, **overrides):
    values = {
        "owner": member,
        "faculty_members": [faculty.faculty] if faculty else [],
        "disciplines": [(parts["cs"], 60), (parts["ve"], 40)],
        "outcomes": [
            ("Explain HIL rigs", [(parts["hil"], 2)]),
            ("Design a scenario test", [(parts["scenario"], 5), (parts["hil"], 3)]),
        ],
        "topics": [(1, "Why HIL"), (2, "Scenarios")],
        "assessment": [("Lab reports", 40), ("Exam", 60)],
        "readings": ["ISO 26262-6"],
        "session_needs": [("lecture", 2, 1, []), ("lab", 3, 1, [parts["bench"]])],
    }
    values.update(overrides)
    return f.editor_post(**values)


def test_it_redirects_anonymous_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.mark.parametrize("who", ["partner_reviewer", "scheduler_admin", "outsider"])
def test_it_refuses_users_who_do_not_design_courses(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {}).status_code == 403


def test_it_refuses_other_methods(client, faculty):
    client.force_login(faculty)
    assert client.put(URL).status_code == 405


def test_it_starts_with_the_faculty_member_in_the_team_and_his_member_as_owner(
    client, faculty, member
):
    client.force_login(faculty)
    response = client.get(URL)
    assert response.status_code == 200
    data = f.form_data(response.content, "course-editor")
    assert data["course-owner"] == [str(member.pk)]
    assert data["course-faculty"] == [str(faculty.faculty.pk)]
    assert data["outcomes-TOTAL_FORMS"] == ["1"] and data["outcomes-0-map-TOTAL_FORMS"] == ["1"]


def test_it_creates_the_course_its_first_draft_and_every_row(
    client, faculty, member, parts
):
    client.force_login(faculty)
    response = client.post(URL, post_data(member, faculty, parts))
    assert response.status_code == 302
    assert response["Location"] == reverse("course_edit", args=["ICV900"])
    course = Course.objects.get(code="ICV900")
    assert course.title_zh == "车辆操作系统" and course.owner == member
    assert list(course.faculty.all()) == [faculty.faculty]
    assert {(s.discipline.name, s.share) for s in course.discipline_shares.all()} == {
        ("Computer science", 60),
        ("Vehicle engineering", 40),
    }
    syllabus = course.current_syllabus()
    assert (syllabus.version, syllabus.status) == (1, Syllabus.Status.DRAFT)
    outcomes = list(syllabus.outcomes.all())
    assert [o.text for o in outcomes] == ["Explain HIL rigs", "Design a scenario test"]
    assert {(m.competency.name, m.level) for m in outcomes[1].mappings.all()} == {
        ("Scenario-based testing", 5),
        ("HIL testing", 3),
    }
    assert [t.title for t in syllabus.topics.all()] == ["Why HIL", "Scenarios"]
    assert syllabus.assessment_total() == 100
    assert [r.citation for r in syllabus.readings.all()] == ["ISO 26262-6"]
    lab = syllabus.session_needs.get(kind="lab")
    assert (lab.length, lab.count, list(lab.features.all())) == (3, 1, [parts["bench"]])


def test_it_refuses_an_assessment_that_does_not_add_up_and_saves_nothing(
    client, faculty, member, parts
):
    client.force_login(faculty)
    data = post_data(member, faculty, parts, assessment=[("Lab", 40), ("Exam", 50)])
    response = client.post(URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Assessment adds up to 90 %; it must be 100 %." in html
    assert 'value="Design a scenario test"' not in html  # textareas keep their text instead
    assert "Design a scenario test</textarea>" in html
    assert not Course.objects.exists() and not LearningOutcome.objects.exists()


def test_it_refuses_discipline_shares_that_do_not_add_up(client, faculty, member, parts):
    client.force_login(faculty)
    data = post_data(member, faculty, parts, disciplines=[(parts["cs"], 60), (parts["ve"], 20)])
    response = client.post(URL, data)
    assert "Discipline shares add up to 80 %; they must be 100 %." in response.content.decode()
    assert not Course.objects.exists()


def test_it_shows_an_outcome_without_competency_next_to_that_outcome(
    client, faculty, member, parts
):
    client.force_login(faculty)
    data = post_data(
        member, faculty, parts, outcomes=[("A", [(parts["hil"], 2)]), ("B without", [])]
    )
    response = client.post(URL, data)
    html = response.content.decode()
    row_errors = html[html.index('id="outcomes-1-errors"') :].split("</div>")[0]
    assert "Map this outcome to at least one competency." in row_errors
    assert "Outcome 2: Map this outcome to at least one competency." in html  # the summary
    assert not Course.objects.exists()


def test_it_shows_field_errors_next_to_the_field(client, faculty, member, parts):
    client.force_login(faculty)
    data = post_data(member, faculty, parts)
    data["outcomes-1-map-0-level"] = "9"
    data["topics-1-week"] = "0"
    response = client.post(URL, data)
    html = response.content.decode()
    level = html[html.index('id="id_outcomes-1-map-0-level_errors"') :].split("</div>")[0]
    assert "Select a valid choice" in level
    week = html[html.index('id="id_topics-1-week_errors"') :].split("</div>")[0]
    assert "greater than or equal to 1" in week
    assert not Course.objects.exists()


def test_it_refuses_a_code_already_used_in_any_case(client, faculty, member, parts, course):
    client.force_login(faculty)
    response = client.post(URL, post_data(member, faculty, parts, code="icv101"))
    html = response.content.decode()
    assert "The code ICV101 is already used by another course of the consortium." in html
    assert Course.objects.count() == 1


def test_it_adds_a_row_without_javascript_and_keeps_the_text(client, faculty, member, parts):
    client.force_login(faculty)
    data = post_data(member, faculty, parts)
    data["add"] = "outcomes"
    response = client.post(URL, data)
    assert response.status_code == 200
    sent = f.form_data(response.content, "course-editor")
    assert sent["outcomes-TOTAL_FORMS"] == ["3"]
    assert sent["outcomes-2-map-TOTAL_FORMS"] == ["1"]  # the new outcome has a competency row
    assert sent["outcomes-1-text"] == ["Design a scenario test"]
    assert not Course.objects.exists()


def test_it_adds_a_competency_row_to_one_outcome(client, faculty, member, parts):
    client.force_login(faculty)
    data = post_data(member, faculty, parts)
    data["add"] = "outcomes-0-map"
    sent = f.form_data(client.post(URL, data).content, "course-editor")
    assert sent["outcomes-0-map-TOTAL_FORMS"] == ["2"]
    assert sent["outcomes-1-map-TOTAL_FORMS"] == ["2"]


def test_it_returns_the_editor_fragment_and_the_summary_for_an_htmx_row_action(
    client, faculty, member, parts
):
    client.force_login(faculty)
    data = post_data(member, faculty, parts)
    data["add"] = "topics"
    response = client.post(URL, data, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'id="rows-topics"' in html and 'name="topics-2-week"' in html
    assert 'id="live-summary" class="live-summary" aria-live="polite" hx-swap-oob="true"' in html


def test_it_removes_a_row_and_saves_without_it(client, faculty, member, parts):
    client.force_login(faculty)
    data = post_data(member, faculty, parts)
    data["remove"] = "outcomes-1"
    response = client.post(URL, data)
    sent = f.form_data(response.content, "course-editor")
    assert sent["outcomes-1-DELETE"] == ["on"]
    assert 'id="outcomes-1"' not in response.content.decode()  # hidden, not shown
    response = client.post(URL, sent)
    assert response.status_code == 302
    syllabus = Course.objects.get(code="ICV900").current_syllabus()
    assert [o.text for o in syllabus.outcomes.all()] == ["Explain HIL rigs"]


def test_it_ignores_a_tampered_row_action(client, faculty, member, parts):
    client.force_login(faculty)
    data = post_data(member, faculty, parts)
    data["add"] = "course-code"
    response = client.post(URL, data)
    assert response.status_code == 200
    assert not Course.objects.exists()


def test_it_lets_the_coordinator_create_a_course(client, consortium_admin, member, parts):
    client.force_login(consortium_admin)
    teacher = f.faculty(member)
    data = post_data(member, None, parts, faculty_members=[teacher])
    response = client.post(URL, data)
    assert response.status_code == 302
    assert list(Course.objects.get(code="ICV900").faculty.all()) == [teacher]


def test_it_saves_nothing_when_a_row_fails_half_way(
    client, faculty, member, parts, monkeypatch
):
    def explode(self):
        raise RuntimeError("disk full")

    monkeypatch.setattr(BaseOutcomeFormSet, "save_rows", explode)
    client.force_login(faculty)
    with pytest.raises(RuntimeError):
        client.post(URL, post_data(member, faculty, parts))
    assert not Course.objects.exists()
    assert not Syllabus.objects.exists()
