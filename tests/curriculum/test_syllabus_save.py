"""The services behind the editor: course_create and syllabus_save_content (optimistic locking)."""

import pytest

from curriculum.forms import CourseEditor
from curriculum.models import Course, LearningOutcome, Syllabus
from curriculum.services import SyllabusEditConflict, course_create, syllabus_save_content
from curriculum.workflow import NotAllowed
from tests import factories as f


@pytest.fixture
def comp(db):
    return f.competency(name="Functional safety")


def editor_for(course, user, **changes):
    """A bound editor for ICV101 (its shares posted afresh as one discipline at 100 %)."""
    discipline = course.discipline_shares.first()
    course.discipline_shares.exclude(pk=discipline.pk).delete()
    data = {
        "course-code": course.code,
        "course-title": changes.get("title", course.title),
        "course-title_zh": course.title_zh,
        "course-credits": str(course.credits),
        "course-owner": str(course.owner_id),
        "course-faculty": [str(p) for p in course.faculty.values_list("pk", flat=True)],
        "syllabus-summary": changes.get("summary", ""),
        "syllabus-summary_zh": "",
        "syllabus-revision": str(changes.get("revision", 0)),
        "disciplines-TOTAL_FORMS": "0",
        "disciplines-INITIAL_FORMS": "0",
    }
    for prefix in ["outcomes", "topics", "assessment", "readings", "session_needs"]:
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    data.update({
        "disciplines-TOTAL_FORMS": "1",
        "disciplines-INITIAL_FORMS": "1",
        "disciplines-0-id": str(discipline.pk),
        "disciplines-0-discipline": str(discipline.discipline_id),
        "disciplines-0-share": "100",
    })
    if "outcome" in changes:
        data.update({
            "outcomes-TOTAL_FORMS": "1",
            "outcomes-0-text": changes["outcome"],
            "outcomes-0-map-TOTAL_FORMS": "1",
            "outcomes-0-map-INITIAL_FORMS": "0",
            "outcomes-0-map-0-competency": str(changes["competency"].pk),
            "outcomes-0-map-0-level": "2",
        })
    syllabus = course.current_syllabus()
    editor = CourseEditor(data, course=course, syllabus=syllabus, user=user)
    return editor, syllabus


def test_it_saves_and_bumps_the_revision(course, faculty, comp):
    editor, syllabus = editor_for(
        course, faculty, summary="New", outcome="Assess risk", competency=comp
    )
    assert editor.is_valid(), editor.problems()
    syllabus_save_content(editor=editor, syllabus=syllabus, revision=0, by=faculty)
    syllabus.refresh_from_db()
    assert (syllabus.revision, syllabus.summary) == (1, "New")
    assert LearningOutcome.objects.get().text == "Assess risk"


def test_it_refuses_a_stale_revision_and_writes_nothing(course, faculty, comp):
    editor, syllabus = editor_for(course, faculty, title="Changed", outcome="X", competency=comp)
    assert editor.is_valid()
    Syllabus.objects.filter(pk=syllabus.pk).update(revision=3)
    with pytest.raises(SyllabusEditConflict) as conflict:
        syllabus_save_content(editor=editor, syllabus=syllabus, revision=0, by=faculty)
    assert conflict.value.current.revision == 3
    assert conflict.value.status_code == 409
    assert "Someone else saved this syllabus while you were editing" in conflict.value.message
    assert Course.objects.get().title == "Perception and Sensor Fusion"
    assert not LearningOutcome.objects.exists()


def test_it_refuses_a_syllabus_that_is_no_longer_current(course, faculty):
    editor, syllabus = editor_for(course, faculty, summary="Late")
    assert editor.is_valid(), editor.problems()
    Syllabus.objects.filter(pk=syllabus.pk).update(is_current=False)
    with pytest.raises(SyllabusEditConflict) as conflict:
        syllabus_save_content(editor=editor, syllabus=syllabus, revision=0, by=faculty)
    assert "no longer an editable draft" in conflict.value.message
    syllabus.refresh_from_db()
    assert syllabus.summary == ""


def test_it_refuses_someone_outside_the_course_team(course, other_faculty):
    editor, syllabus = editor_for(course, other_faculty, summary="Hijack")
    editor.is_valid()
    with pytest.raises(NotAllowed):
        syllabus_save_content(editor=editor, syllabus=syllabus, revision=0, by=other_faculty)


def test_create_puts_the_faculty_member_in_the_team(member, faculty, other_faculty):
    data = f.editor_post(
        owner=member,
        faculty_members=[other_faculty.faculty],
        disciplines=[(f.discipline(), 100)],
    )
    editor = CourseEditor(data)
    assert editor.is_valid(), editor.problems()
    course = course_create(editor=editor, by=faculty)
    assert set(course.faculty.all()) == {faculty.faculty, other_faculty.faculty}
    assert course.current_syllabus().version == 1
