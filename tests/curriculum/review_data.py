"""Builders for review tests: a syllabus ready to submit, sharing, walking it on, row counts."""

from __future__ import annotations

from curriculum import models as cm
from curriculum import services
from tests import factories as f


def fill(syllabus: cm.Syllabus, *, area: cm.CompetencyArea | None = None) -> cm.Syllabus:
    """Give a syllabus two outcomes (mapped), two topics, a 100% assessment, a reading and a lab
    need with a feature: enough to submit, and something of each kind to compare."""
    area = area or f.competency_area(name="Perception")
    comp = f.competency(area, code=f"percep{f.n()}", name="Sensor fusion")
    f.outcome(syllabus, position=1, text="Fuse camera and lidar data", mappings=[(comp, 3)])
    f.outcome(syllabus, position=2, text="Calibrate sensors", mappings=[(comp, 2)])
    cm.WeeklyTopic.objects.create(syllabus=syllabus, week=1, title="Sensors")
    cm.WeeklyTopic.objects.create(syllabus=syllabus, week=2, title="Kalman filters")
    cm.AssessmentComponent.objects.create(syllabus=syllabus, name="Project", weight=60)
    cm.AssessmentComponent.objects.create(syllabus=syllabus, name="Exam", weight=40)
    cm.Reading.objects.create(syllabus=syllabus, citation="Thrun, Probabilistic Robotics")
    need = cm.SessionNeed.objects.create(syllabus=syllabus, kind="lab", length=2, count=1)
    need.features.add(f.feature(code=f"lidar{f.n()}", name="Lidar rig"))
    return syllabus


def share(course: cm.Course, *firms: cm.Institution) -> None:
    for firm in firms:
        cm.CourseShare.objects.create(course=course, firm=firm)


def submitted(course: cm.Course, by, *firms: cm.Institution) -> cm.Syllabus:
    """Share the course with ``firms`` and submit its filled current syllabus (in review if any)."""
    share(course, *firms)
    syllabus = course.current_syllabus()
    if not syllabus.outcomes.exists():
        fill(syllabus)
    return services.syllabus_submit(syllabus=syllabus, by=by)


def counts() -> dict[str, int]:
    """Rows that a refused action must not add."""
    return {
        model.__name__: model.objects.count()
        for model in (
            cm.Transition,
            cm.Comment,
            cm.Notification,
            cm.Endorsement,
            cm.OutcomeRating,
            cm.Syllabus,
            cm.CourseShare,
        )
    } | {"statuses": tuple(cm.Syllabus.objects.order_by("pk").values_list("status", flat=True))}


def review_url(syllabus: cm.Syllabus) -> str:
    return f"/courses/{syllabus.course.code}/v/{syllabus.version}/review/"
