"""The transition table: who may move a syllabus from which status to which (403 before 409)."""

import pytest

from curriculum import workflow
from curriculum.models import Syllabus
from curriculum.workflow import Action, Conflict, NotAllowed
from tests.curriculum.review_data import share

S = Syllabus.Status


@pytest.fixture
def shared_course(course, firm_a):
    share(course, firm_a)
    return course


def _at(course, status):
    syllabus = course.current_syllabus()
    syllabus.status = status
    syllabus.save()
    return syllabus


def test_it_lists_every_status_as_reachable():
    targets = {rule.target for rule in workflow.TRANSITIONS}
    assert targets == set(S.values)
    assert {rule.action for rule in workflow.TRANSITIONS} == set(Action.values)


@pytest.mark.parametrize(
    ("user_fixture", "status", "expected"),
    [
        ("faculty", S.DRAFT, [Action.SUBMIT]),
        ("faculty", S.IN_REVIEW, []),
        ("faculty", S.CHANGES_REQUESTED, [Action.REVISE]),
        ("faculty", S.PUBLISHED, [Action.REVISE]),
        ("scheduler_admin", S.SUBMITTED, [Action.START_REVIEW, Action.REQUEST_CHANGES,
                                          Action.APPROVE]),
        ("scheduler_admin", S.IN_REVIEW, [Action.REQUEST_CHANGES, Action.APPROVE]),
        ("scheduler_admin", S.APPROVED, [Action.PUBLISH]),
        ("other_scheduler_admin", S.APPROVED, []),
        ("partner_reviewer", S.IN_REVIEW, [Action.ENDORSE, Action.REQUEST_CHANGES]),
        ("partner_reviewer", S.SUBMITTED, []),
        ("other_reviewer", S.IN_REVIEW, []),
        ("other_faculty", S.DRAFT, []),
        ("consortium_admin", S.DRAFT, [Action.SUBMIT]),
        ("consortium_admin", S.APPROVED, [Action.PUBLISH]),
    ],
)
def test_it_offers_the_actions_of_the_table(request, shared_course, user_fixture, status,
                                             expected):
    user = request.getfixturevalue(user_fixture)
    syllabus = _at(shared_course, status)
    assert workflow.available(user, syllabus) == expected


@pytest.mark.parametrize(
    ("user_fixture", "action"),
    [
        ("partner_reviewer", Action.SUBMIT),
        ("partner_reviewer", Action.APPROVE),
        ("other_reviewer", Action.ENDORSE),
        ("other_faculty", Action.SUBMIT),
        ("faculty", Action.APPROVE),
        ("faculty", Action.ENDORSE),
        ("other_scheduler_admin", Action.PUBLISH),
        ("outsider", Action.SUBMIT),
    ],
)
def test_it_refuses_users_who_may_never_act_with_403(request, shared_course, user_fixture,
                                                      action):
    user = request.getfixturevalue(user_fixture)
    with pytest.raises(NotAllowed) as refused:
        workflow.check(action=action, user=user, syllabus=shared_course.current_syllabus())
    assert refused.value.status_code == 403


@pytest.mark.parametrize(
    ("user_fixture", "status", "action"),
    [
        ("faculty", S.SUBMITTED, Action.SUBMIT),
        ("faculty", S.DRAFT, Action.REVISE),
        ("partner_reviewer", S.DRAFT, Action.ENDORSE),
        ("partner_reviewer", S.CHANGES_REQUESTED, Action.REQUEST_CHANGES),
        ("scheduler_admin", S.DRAFT, Action.APPROVE),
        ("scheduler_admin", S.IN_REVIEW, Action.PUBLISH),
        ("consortium_admin", S.PUBLISHED, Action.PUBLISH),
    ],
)
def test_it_refuses_a_status_that_does_not_allow_the_move_with_409(
    request, shared_course, user_fixture, status, action
):
    user = request.getfixturevalue(user_fixture)
    syllabus = _at(shared_course, status)
    with pytest.raises(Conflict) as refused:
        workflow.check(action=action, user=user, syllabus=syllabus)
    assert refused.value.status_code == 409
    assert syllabus.get_status_display() in refused.value.message


def test_it_refuses_moves_on_an_old_version(shared_course, faculty):
    old = _at(shared_course, S.CHANGES_REQUESTED)
    old.is_current = False
    old.save()
    with pytest.raises(Conflict, match="no longer the current version"):
        workflow.check(action=Action.REVISE, user=faculty, syllabus=old)
    assert workflow.available(faculty, old) == []
