import pytest
from django.urls import reverse

from curriculum.models import (
    AssessmentComponent,
    CourseShare,
    Prerequisite,
    ProgrammeCourse,
    Reading,
    SessionNeed,
    WeeklyTopic,
)
from tests import factories as f

URL = reverse("course_detail", args=["ICV101"])


@pytest.fixture
def full(course, other_member):
    """ICV101 with every part of a syllabus, a prerequisite, a follow-up course and a programme."""
    syllabus = course.current_syllabus()
    syllabus.summary, syllabus.summary_zh = "Sensors and fusion.", "传感器与融合。"
    syllabus.save()
    area = f.competency_area(name="Environment perception and sensor fusion")
    comp = f.competency(area, name="Lidar perception")
    f.outcome(
        syllabus, text="Fuse lidar and camera", text_zh="融合激光雷达与相机", mappings=[(comp, 4)]
    )
    WeeklyTopic.objects.create(
        syllabus=syllabus, week=3, title="Kalman filters", title_zh="卡尔曼滤波"
    )
    AssessmentComponent.objects.create(
        syllabus=syllabus, name="Project", name_zh="项目", weight=100
    )
    Reading.objects.create(syllabus=syllabus, citation="Thrun, Probabilistic Robotics")
    need = SessionNeed.objects.create(syllabus=syllabus, kind="lab", length=3, count=1)
    need.features.add(f.feature(name="Perception lab"))
    basics = f.course(other_member, code="CS100", title="Programming")
    later = f.course(other_member, code="ICV401", title="Autonomous Systems")
    Prerequisite.objects.create(course=course, requires=basics)
    Prerequisite.objects.create(course=later, requires=course)
    ProgrammeCourse.objects.create(programme=f.programme(name="ICV Minor"), course=course)
    return {"basics": basics, "later": later}


def test_it_redirects_anonymous_to_login(client, course):
    assert client.get(URL)["Location"].startswith("/login/")


def test_it_refuses_post(client, faculty, course):
    client.force_login(faculty)
    assert client.post(URL).status_code == 405


def test_it_hides_an_unshared_course_from_a_reviewer(
    client, partner_reviewer, other_reviewer, course, firm_b
):
    CourseShare.objects.create(course=course, firm=firm_b)
    client.force_login(partner_reviewer)
    assert client.get(URL).status_code == 404
    client.force_login(other_reviewer)
    assert client.get(URL).status_code == 200


def test_it_returns_404_for_an_unknown_course(client, faculty):
    client.force_login(faculty)
    assert client.get(reverse("course_detail", args=["NOPE1"])).status_code == 404


@pytest.mark.parametrize("who", ["faculty", "other_faculty", "scheduler_admin", "consortium_admin"])
def test_it_shows_every_part_in_both_languages(client, request, full, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    expected = [
        *("Perception and Sensor Fusion", "感知与传感器融合"),
        *("Sensors and fusion.", "传感器与融合。"),
        *("Computer science", "60 %", "interdisciplinary", "Draft", "version 1"),
        *("Fuse lidar and camera", "融合激光雷达与相机", "Lidar perception", ">4</span>"),
        *("Environment perception and sensor fusion", "Kalman filters", "卡尔曼滤波"),
        *("Project", "100 %", "Thrun, Probabilistic Robotics", "1 × Lab (3 periods)"),
        *("Perception lab", "CS100", "ICV401", "ICV Minor"),
    ]
    for text in expected:
        assert text in html, text


def test_it_counts_periods_by_the_length_of_a_session_need(client, faculty, course):
    """It read "4 × Seminar of 1 periods": the noun follows the length, not the count."""
    syllabus = course.current_syllabus()
    SessionNeed.objects.create(syllabus=syllabus, kind="seminar", length=1, count=4)
    client.force_login(faculty)
    html = client.get(URL).content.decode()
    assert "4 × Seminar (1 period)" in html and "1 periods" not in html


def test_it_offers_editing_only_to_the_course_team(client, faculty, other_faculty, course):
    edit = reverse("course_edit", args=["ICV101"])
    client.force_login(faculty)
    assert edit in client.get(URL).content.decode()
    client.force_login(other_faculty)
    assert edit not in client.get(URL).content.decode()


def test_it_does_not_name_unshared_prerequisites_to_a_reviewer(
    client, partner_reviewer, firm_a, full, course
):
    CourseShare.objects.create(course=course, firm=firm_a)
    client.force_login(partner_reviewer)
    html = client.get(URL).content.decode()
    assert "CS100" not in html and "ICV401" not in html


def test_it_returns_the_syllabus_fragment_for_htmx(client, faculty, full):
    client.force_login(faculty)
    html = client.get(URL, HTTP_HX_REQUEST="true").content.decode()
    assert html.lstrip().startswith('<article class="syllabus" id="syllabus">')
    assert "<html" not in html


def test_it_includes_the_review_panel(client, faculty, course):
    client.force_login(faculty)
    assert 'id="review-panel"' in client.get(URL).content.decode()


def test_it_reads_in_the_same_number_of_queries_for_a_small_and_a_large_syllabus(
    client, faculty, full, course
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(faculty)
    client.get(URL)  # warm the session

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    small = count()
    syllabus = course.current_syllabus()
    for i in range(6):
        f.outcome(syllabus, mappings=[(f.competency(), 2), (f.competency(), 3)])
        WeeklyTopic.objects.create(syllabus=syllabus, week=4 + i, title=f"Topic {i}")
        SessionNeed.objects.create(syllabus=syllabus, kind="lecture", length=2).features.add(
            f.feature()
        )
    assert count() == small
