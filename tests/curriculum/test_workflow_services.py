"""Workflow services: moves recorded, versions frozen and deep-copied, refusals leave no trace."""

import pytest
from django.contrib import admin

from curriculum import models as cm
from curriculum import services
from curriculum.workflow import Conflict, Invalid, NotAllowed
from tests import factories as f
from tests.curriculum.review_data import counts, fill, share, submitted

S = cm.Syllabus.Status
Kind = cm.Notification.Kind


def _inbox(user):
    return list(cm.Notification.objects.filter(user=user).values_list("kind", flat=True))


def test_it_submits_and_starts_industry_review_when_shared(
    course, faculty, partner_reviewer, scheduler_admin, consortium_admin, firm_a,
    django_capture_on_commit_callbacks, mailoutbox,
):
    partner_reviewer.email = "rev@firma.example"
    partner_reviewer.save()
    with django_capture_on_commit_callbacks(execute=True):
        syllabus = submitted(course, faculty, firm_a)
    syllabus.refresh_from_db()
    assert syllabus.status == S.IN_REVIEW
    moves = list(syllabus.transitions.values_list("from_status", "to_status", "by"))
    assert moves == [(S.DRAFT, S.SUBMITTED, faculty.pk), (S.SUBMITTED, S.IN_REVIEW, faculty.pk)]
    assert "Firm A Motors" in syllabus.transitions.last().comment
    assert _inbox(scheduler_admin) == [Kind.SUBMITTED]
    assert _inbox(consortium_admin) == [Kind.SUBMITTED]
    assert _inbox(partner_reviewer) == [Kind.SUBMITTED]
    assert _inbox(faculty) == []  # the actor is not told of his own move
    assert [m.to for m in mailoutbox] == [["rev@firma.example"]]
    assert "ICV101 v1" in mailoutbox[0].subject


def test_it_waits_in_submitted_without_shared_firms(course, faculty, scheduler_admin, firm_a):
    syllabus = submitted(course, faculty)
    assert syllabus.status == S.SUBMITTED
    with pytest.raises(Conflict, match="Share the course"):
        services.syllabus_start_review(syllabus=syllabus, by=scheduler_admin)
    share(course, firm_a)
    services.syllabus_start_review(syllabus=syllabus, by=scheduler_admin)
    syllabus.refresh_from_db()
    assert syllabus.status == S.IN_REVIEW


def test_it_refuses_to_submit_an_incomplete_draft_without_a_trace(course, faculty):
    before = counts()
    with pytest.raises(Invalid) as refused:
        services.syllabus_submit(syllabus=course.current_syllabus(), by=faculty)
    assert "learning outcome" in refused.value.message
    assert "add up to 0%" in refused.value.message
    assert counts() == before


def test_it_records_a_verdict_per_firm_and_refuses_a_second(
    course, faculty, partner_reviewer, firm_a, firm_b
):
    colleague = f.user("reviewer-a2", role=cm.Profile.Role.REVIEWER, member=firm_a)
    syllabus = submitted(course, faculty, firm_a, firm_b)
    endorsement = services.syllabus_endorse(syllabus=syllabus, by=partner_reviewer, comment="ok")
    assert (endorsement.firm, endorsement.decision) == (firm_a, "endorse")
    before = counts()
    with pytest.raises(Conflict, match="already given its verdict"):
        services.syllabus_request_changes(syllabus=syllabus, by=colleague, comment="No")
    assert counts() == before
    syllabus.refresh_from_db()
    assert syllabus.status == S.IN_REVIEW  # endorsing does not move the status


def test_it_requires_a_reason_to_request_changes(course, faculty, partner_reviewer, firm_a):
    syllabus = submitted(course, faculty, firm_a)
    before = counts()
    with pytest.raises(Invalid, match="reason is required"):
        services.syllabus_request_changes(syllabus=syllabus, by=partner_reviewer, comment="  ")
    assert counts() == before


def test_it_revises_into_a_deep_copy_and_moves_is_current(
    course, faculty, partner_reviewer, firm_a
):
    v1 = submitted(course, faculty, firm_a)
    services.syllabus_request_changes(syllabus=v1, by=partner_reviewer, comment="More labs")
    v2 = services.syllabus_revise(syllabus=v1, by=faculty)
    v1.refresh_from_db()
    assert (v1.version, v1.is_current, v1.status) == (1, False, S.CHANGES_REQUESTED)
    assert (v2.version, v2.is_current, v2.status) == (2, True, S.DRAFT)
    assert course.current_syllabus() == v2
    assert v2.is_editable and not v1.is_editable

    def content(s):
        return (
            list(
                s.outcomes.values_list(
                    "position", "text", "mappings__competency", "mappings__level"
                )
            ),
            list(s.topics.values_list("week", "title")),
            list(s.assessment.values_list("name", "weight")),
            list(s.readings.values_list("citation", "required")),
            list(s.session_needs.values_list("kind", "length", "count", "features")),
        )

    assert content(v2) == content(v1)
    assert not set(v2.outcomes.values_list("pk", flat=True)) & set(
        v1.outcomes.values_list("pk", flat=True)
    )
    # Editing the copy leaves the frozen version alone.
    v2.outcomes.update(text="Changed")
    v2.session_needs.first().features.clear()
    assert content(v1)[0][0][1] == "Fuse camera and lidar data"
    assert content(v1)[4][0][3] is not None
    move = v2.transitions.get()
    assert (move.from_status, move.to_status, move.by) == (S.CHANGES_REQUESTED, S.DRAFT, faculty)


def test_it_approves_and_publishes_with_notices(
    course, faculty, partner_reviewer, scheduler_admin, firm_a
):
    syllabus = submitted(course, faculty, firm_a)
    services.syllabus_endorse(syllabus=syllabus, by=partner_reviewer)
    services.syllabus_approve(syllabus=syllabus, by=scheduler_admin, comment="Good")
    services.syllabus_publish(syllabus=syllabus, by=scheduler_admin)
    syllabus.refresh_from_db()
    assert syllabus.status == S.PUBLISHED
    assert list(syllabus.transitions.values_list("to_status", flat=True)) == [
        S.SUBMITTED, S.IN_REVIEW, S.APPROVED, S.PUBLISHED,
    ]
    assert _inbox(faculty) == [Kind.PUBLISHED, Kind.APPROVED, Kind.ENDORSED]
    assert _inbox(partner_reviewer) == [Kind.PUBLISHED, Kind.APPROVED, Kind.SUBMITTED]


def test_it_refuses_a_stale_status_or_revision(course, faculty, scheduler_admin, firm_a):
    syllabus = course.current_syllabus()
    fill(syllabus)
    before = counts()
    with pytest.raises(Conflict, match="saved this syllabus after you opened it"):
        services.syllabus_submit(syllabus=syllabus, by=faculty, expected_revision=7)
    with pytest.raises(Conflict, match="changed this syllabus meanwhile"):
        services.syllabus_submit(syllabus=syllabus, by=faculty, expected_status=S.SUBMITTED)
    assert counts() == before


def test_it_shares_only_with_firms_and_only_by_the_team(
    course, faculty, other_faculty, firm_a, firm_b, member
):
    with pytest.raises(NotAllowed):
        services.course_share(course=course, firms=[firm_a], by=other_faculty)
    with pytest.raises(Invalid, match="Only enterprise members"):
        services.course_share(course=course, firms=[member], by=faculty)
    assert not course.shares.exists()
    services.course_share(course=course, firms=[firm_a, firm_b], by=faculty)
    services.course_share(course=course, firms=[firm_b], by=faculty)
    assert list(course.shares.values_list("firm", "shared_by")) == [(firm_b.pk, faculty.pk)]


def test_it_keeps_transitions_read_only_in_the_admin(rf, consortium_admin):
    model_admin = admin.site._registry[cm.Transition]
    request = rf.get("/admin/")
    request.user = consortium_admin
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


def test_it_has_no_url_that_edits_a_transition():
    from django.urls import get_resolver

    names = [name for name in get_resolver().reverse_dict if isinstance(name, str)]
    assert not [n for n in names if "transition" in n and n != "review_transition"]


def test_it_emails_each_inbox_item_once_committed_and_nothing_when_refused(
    course, faculty, partner_reviewer, firm_a, django_capture_on_commit_callbacks, mailoutbox
):
    faculty.email = "wang@cqu.example"
    faculty.save()
    syllabus = submitted(course, faculty, firm_a)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(syllabus=syllabus, by=partner_reviewer, body="Add radar")
        services.syllabus_request_changes(syllabus=syllabus, by=partner_reviewer, comment="Radar")
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["wang@cqu.example"], "[ICV] New comment on ICV101 v1: Add radar"),
        (["wang@cqu.example"], "[ICV] Changes were requested on ICV101 v1: Radar"),
    ]
    assert "/courses/ICV101/v/1/review/" in mailoutbox[1].body
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Conflict):
        services.syllabus_endorse(syllabus=syllabus, by=partner_reviewer)
    assert len(mailoutbox) == 2
