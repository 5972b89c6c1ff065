"""The syllabus workflow: who may move a syllabus from which status to which.

    draft --submit--> submitted --start review--> in industry review --approve--> approved
    submitted --approve--> approved (no industry review)           approved --publish--> published
    submitted / in industry review --request changes--> changes requested
    in industry review --endorse--> in industry review (a firm's verdict, no status change)
    changes requested / published --revise--> draft of version n+1 (a deep copy)

Who acts:
- TEAM: the faculty of the course (and the coordinator, who counts as the team everywhere).
  Submits and revises.
- MANAGER: the coordinator or the owner member's scheduling administrator. Starts the industry
  review, approves, publishes, and may request changes.
- REVIEWER: a partner reviewer of a firm the course is shared with. Endorses or requests changes
  while the syllabus is in industry review.

Who starts the industry review: it starts by itself when a syllabus is submitted and its course is
already shared with at least one firm (recorded as a second transition by the submitter). A
syllabus submitted unshared waits in "submitted": a manager either starts the review once the team
has shared it, or approves it without industry review.

A refused move raises ``NotAllowed`` (HTTP 403: this user may never make it) or ``Conflict``
(HTTP 409: the syllabus is not in a status that allows it, or it changed since the user looked).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from curriculum.access import User, can_edit_course, is_course_manager, reviewer_firm_for
from curriculum.models import Syllabus

Status = Syllabus.Status


class WorkflowError(Exception):
    """A refused action; ``status_code`` is what the view answers."""

    status_code = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Invalid(WorkflowError):
    """The input is wrong (an empty reason, a score out of range, an unknown anchor)."""

    status_code = 400


class NotAllowed(WorkflowError):
    """This user may not take this action on this syllabus, whatever its status."""

    status_code = 403


class Conflict(WorkflowError):
    """The syllabus is not in a state that allows the action (or changed meanwhile)."""

    status_code = 409


class Actor(enum.StrEnum):
    TEAM = "team"
    MANAGER = "manager"
    REVIEWER = "reviewer"


class Action(models.TextChoices):
    SUBMIT = "submit", _("Submit for review")
    START_REVIEW = "start_review", _("Start industry review")
    ENDORSE = "endorse", _("Endorse")
    REQUEST_CHANGES = "request_changes", _("Request changes")
    REVISE = "revise", _("Revise: start the next version")
    APPROVE = "approve", _("Approve")
    PUBLISH = "publish", _("Publish")


@dataclass(frozen=True)
class Rule:
    action: Action
    source: Status
    target: Status
    actors: frozenset[Actor]


def _rule(action: Action, source: Status, target: Status, *actors: Actor) -> Rule:
    return Rule(action, source, target, frozenset(actors))


A, S = Action, Status
TEAM, MANAGER, REVIEWER = Actor.TEAM, Actor.MANAGER, Actor.REVIEWER

# The whole table. Nothing else moves a syllabus.
TRANSITIONS: tuple[Rule, ...] = (
    _rule(A.SUBMIT, S.DRAFT, S.SUBMITTED, TEAM),
    _rule(A.START_REVIEW, S.SUBMITTED, S.IN_REVIEW, MANAGER),
    _rule(A.ENDORSE, S.IN_REVIEW, S.IN_REVIEW, REVIEWER),
    _rule(A.REQUEST_CHANGES, S.IN_REVIEW, S.CHANGES_REQUESTED, REVIEWER, MANAGER),
    _rule(A.REQUEST_CHANGES, S.SUBMITTED, S.CHANGES_REQUESTED, MANAGER),
    _rule(A.REVISE, S.CHANGES_REQUESTED, S.DRAFT, TEAM),
    _rule(A.REVISE, S.PUBLISHED, S.DRAFT, TEAM),
    _rule(A.APPROVE, S.SUBMITTED, S.APPROVED, MANAGER),
    _rule(A.APPROVE, S.IN_REVIEW, S.APPROVED, MANAGER),
    _rule(A.PUBLISH, S.APPROVED, S.PUBLISHED, MANAGER),
)


def actors_of(user: User, syllabus: Syllabus) -> frozenset[Actor]:
    """The roles this user holds towards the syllabus's course."""
    course = syllabus.course
    roles = set()
    if can_edit_course(user, course):
        roles.add(TEAM)
    if is_course_manager(user, course):
        roles.add(MANAGER)
    if reviewer_firm_for(user, course) is not None:
        roles.add(REVIEWER)
    return frozenset(roles)


def check(*, action: Action, user: User, syllabus: Syllabus) -> Rule:
    """The rule that lets this user take this action now; NotAllowed or Conflict otherwise."""
    actors = actors_of(user, syllabus)
    rules = [r for r in TRANSITIONS if r.action == action and r.actors & actors]
    if not rules:
        raise NotAllowed(_("You may not %(action)s this syllabus.") % {"action": _verb(action)})
    if not syllabus.is_current:
        raise Conflict(
            _("Version %(v)s is no longer the current version.") % {"v": syllabus.version}
        )
    for rule in rules:
        if rule.source == syllabus.status:
            return rule
    raise Conflict(
        _("A syllabus that is “%(status)s” cannot be %(done)s.")
        % {"status": syllabus.get_status_display(), "done": _done(action)}
    )


def available(user: User, syllabus: Syllabus) -> list[Action]:
    """The actions this user may take on the syllabus in its present status (for buttons)."""
    if not syllabus.is_current:
        return []
    actors = actors_of(user, syllabus)
    actions = []
    for rule in TRANSITIONS:
        if rule.source == syllabus.status and rule.actors & actors and rule.action not in actions:
            actions.append(rule.action)
    return actions


def _verb(action: Action) -> str:
    return str(action.label).lower()


# "A syllabus that is … cannot be <done>": a verb, unlike the status badges of the same words.
_DONE = {
    A.SUBMIT: pgettext_lazy("cannot be", "submitted"),
    A.START_REVIEW: pgettext_lazy("cannot be", "sent to industry review"),
    A.ENDORSE: pgettext_lazy("cannot be", "endorsed"),
    A.REQUEST_CHANGES: pgettext_lazy("cannot be", "sent back for changes"),
    A.REVISE: pgettext_lazy("cannot be", "revised"),
    A.APPROVE: pgettext_lazy("cannot be", "approved"),
    A.PUBLISH: pgettext_lazy("cannot be", "published"),
}


def _done(action: Action) -> str:
    return str(_DONE[action])
