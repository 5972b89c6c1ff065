"""Comparing two versions: rows matched sensibly, changed fields named, shown side by side."""

import pytest

from curriculum import diff, services
from curriculum import models as cm
from tests import factories as f
from tests.curriculum.review_data import submitted


@pytest.fixture
def two_versions(course, faculty, scheduler_admin, firm_a):
    """v1 as filled; v2 with outcome 1 reworded, a topic added, the exam removed, the project
    reweighted, and the lab need lengthened."""
    v1 = submitted(course, faculty, firm_a)
    services.syllabus_request_changes(syllabus=v1, by=scheduler_admin, comment="Rework")
    v2 = services.syllabus_revise(syllabus=v1, by=faculty)
    v2.outcomes.filter(position=1).update(text="Fuse camera, radar and lidar data")
    cm.WeeklyTopic.objects.create(syllabus=v2, week=3, title="V2X messages")
    v2.assessment.filter(name="Exam").delete()
    v2.assessment.filter(name="Project").update(weight=100)
    v2.session_needs.update(length=3)
    return v1, v2


def _section(comparison, name):
    return next(s for s in comparison.sections if s.name == name)


def test_it_matches_rows_and_names_changed_fields(two_versions):
    v1, v2 = two_versions
    comparison = diff.compare(v1, v2)
    outcomes = _section(comparison, "outcomes")
    assert [r.status for r in outcomes.rows] == ["changed", "same"]
    assert outcomes.rows[0].changed == {"text"}
    assert outcomes.rows[0].left["text"] == "Fuse camera and lidar data"
    topics = _section(comparison, "topics")
    assert [r.status for r in topics.rows] == ["same", "same", "added"]
    assessment = _section(comparison, "assessment")
    assert [(r.status, r.changed) for r in assessment.rows] == [
        ("changed", {"weight"}), ("removed", frozenset()),
    ]
    needs = _section(comparison, "session_needs")
    assert [(r.status, r.changed) for r in needs.rows] == [("changed", {"length"})]
    assert comparison.has_changes
    assert not diff.compare(v1, v1).has_changes


def test_it_places_a_removed_row_after_its_predecessor():
    pairs = diff.match(["a", "b", "c"], ["a", "c", "d"], [lambda x: x])
    assert pairs == [("a", "a"), ("b", None), ("c", "c"), (None, "d")]


def test_it_shows_the_versions_side_by_side(client, two_versions, faculty,
                                            django_assert_num_queries):
    v1, v2 = two_versions
    client.force_login(faculty)
    with django_assert_num_queries(15):
        response = client.get(f"/courses/{v1.course.code}/diff/")
    assert response.status_code == 200
    assert (response.context["a"], response.context["b"]) == (1, 2)
    html = response.content.decode()
    assert "Fuse camera, radar and lidar data" in html and "Fuse camera and lidar data" in html
    assert 'class="diff-row removed"' in html and 'class="diff-row added"' in html
    assert 'class="changed-field"' in html


def test_it_compares_chosen_versions_and_serves_the_fragment(client, two_versions, faculty):
    v1, _ = two_versions
    client.force_login(faculty)
    response = client.get(
        f"/courses/{v1.course.code}/diff/", {"a": 2, "b": 1}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="comparison"')
    assert (response.context["a"], response.context["b"]) == (2, 1)


def test_it_is_404_for_unknown_versions_and_unshared_reviewers(client, two_versions, faculty,
                                                               other_reviewer):
    v1, _ = two_versions
    client.force_login(faculty)
    assert client.get(f"/courses/{v1.course.code}/diff/", {"a": 7}).status_code == 404
    assert client.get(f"/courses/{v1.course.code}/diff/", {"a": "x"}).status_code == 404
    client.force_login(other_reviewer)
    assert client.get(f"/courses/{v1.course.code}/diff/").status_code == 404


def test_it_lets_a_shared_reviewer_compare(client, two_versions, partner_reviewer):
    client.force_login(partner_reviewer)
    assert client.get(f"/courses/{two_versions[0].course.code}/diff/").status_code == 200


def test_it_refuses_post_and_anonymous(client, course, faculty):
    assert client.get(f"/courses/{course.code}/diff/").status_code == 302
    client.force_login(faculty)
    assert client.post(f"/courses/{course.code}/diff/").status_code == 405


def test_it_compares_a_single_version_with_itself(client, course, faculty):
    f.outcome(course.current_syllabus(), text="Only one")
    client.force_login(faculty)
    response = client.get(f"/courses/{course.code}/diff/")
    assert "no differences" in response.content.decode()


def test_it_numbers_outcomes_from_one_and_names_competencies_and_equipment(course):
    """The editor saves positions from 0; people read "Outcome 1" and competency names."""
    syllabus = course.current_syllabus()
    comp = f.competency(code="perc-calibration", name="Sensor calibration")
    f.outcome(syllabus, position=0, text="Calibrate a lidar", mappings=[(comp, 2)])
    need = cm.SessionNeed.objects.create(syllabus=syllabus, kind="lab", length=2, count=1)
    need.features.add(f.feature(code="gpu-servers", name="GPU servers"))
    comparison = diff.compare(syllabus, syllabus)
    outcome = _section(comparison, "outcomes").rows[0].right
    assert outcome["position"] == "1"
    assert outcome["mappings"] == "Sensor calibration (L2)"
    assert _section(comparison, "session_needs").rows[0].right["features"] == "GPU servers"
