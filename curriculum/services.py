"""Workflows that span models. Keyword-only functions named ``<entity>_<action>``.

The review workflow (issue 6) is in the first part: every function checks who may act with
``curriculum.workflow`` and raises ``workflow.NotAllowed`` (403) or ``workflow.Conflict`` (409)
before it writes anything, so a refusal leaves no trace. State changes lock the syllabus row
(``select_for_update``) and re-read its status inside the transaction, so two people acting on a
stale page cannot both succeed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from curriculum import notifications as notices
from curriculum import workflow
from curriculum.access import (
    User,
    can_edit_course,
    faculty_of,
    is_coordinator,
    reviewer_firm_for,
    visible_comments,
)
from curriculum.models import (
    Comment,
    Course,
    CourseShare,
    Endorsement,
    Institution,
    LearningOutcome,
    Notification,
    OutcomeCompetency,
    OutcomeRating,
    Prerequisite,
    Programme,
    ProgrammeCourse,
    Syllabus,
    Transition,
)
from curriculum.validators import prerequisite_cycle
from curriculum.workflow import Action, Conflict, Invalid, NotAllowed

Status = Syllabus.Status
Kind = Notification.Kind

# --- Notifications -------------------------------------------------------------------------------


def notify(
    *, users: Iterable, kind: str, syllabus: Syllabus | None, event: str = "",
    params: dict | None = None, message: str = "", url: str = "", exclude: User | None = None,
) -> list[Notification]:
    """An inbox item for each user (once each, never to ``exclude``), and an email after commit.

    ``event`` (a key of ``Notification.SENTENCES``) and its ``params`` let every reader see the
    sentence in his own language; ``message`` is for notices without an event."""
    model = Notification(kind=kind, event=event, params=params or {}, message=message)
    with translation.override(settings.LANGUAGE_CODE):
        message = model.text[:300]
    seen: set[int] = set()
    items = []
    for user in users:
        if user.pk in seen or (exclude is not None and user.pk == exclude.pk):
            continue
        seen.add(user.pk)
        items.append(
            Notification(user=user, kind=kind, syllabus=syllabus, message=message, url=url,
                         event=event, params=model.params)
        )
    Notification.objects.bulk_create(items)
    notices.send_emails(items)
    return items


def notification_mark_read(*, notification: Notification, by: User) -> Notification:
    if notification.user_id != by.pk:
        raise NotAllowed(_("This is not your notification."))
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notification_mark_all_read(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def _event(syllabus: Syllabus, by: User, **values) -> dict:
    """What a notification needs to say what happened, in any language, later."""
    return {
        "course": syllabus.course.code,
        "version": syllabus.version,
        "actor": by.get_full_name() or by.get_username(),
        **values,
    }


def _excerpt(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- Status changes ------------------------------------------------------------------------------


def _lock(syllabus: Syllabus) -> Syllabus:
    """The syllabus row, locked for this transaction and read afresh."""
    return Syllabus.objects.select_for_update().select_related("course__owner").get(pk=syllabus.pk)


def _locked_for(
    syllabus: Syllabus,
    *,
    action: Action,
    by: User,
    expected_status: str | None,
    expected_revision: int | None = None,
) -> Syllabus:
    """Inside a transaction: the syllabus locked and read afresh, once this user may make this
    move now. Refusals: 403 before 409; a page opened before someone else acted is a 409."""
    locked = _lock(syllabus)
    workflow.check(action=action, user=by, syllabus=locked)
    if expected_status is not None and locked.status != expected_status:
        raise Conflict(
            _("Someone changed this syllabus meanwhile: it is now “%(status)s”. Reload the page.")
            % {"status": locked.get_status_display()}
        )
    if expected_revision is not None and locked.revision != expected_revision:
        raise Conflict(
            _("Someone saved this syllabus after you opened it. Reload the page to see it.")
        )
    return locked


def _move(locked: Syllabus, *, to: str, by: User, comment: str) -> Transition:
    record = Transition.objects.create(
        syllabus=locked, from_status=locked.status, to_status=to, by=by, comment=comment
    )
    # A conditional update as a second guard: the row must still hold the status we checked.
    changed = Syllabus.objects.filter(pk=locked.pk, status=locked.status).update(
        status=to, updated_at=timezone.now()
    )
    if changed != 1:
        raise Conflict(_("Someone changed this syllabus meanwhile. Reload the page."))
    locked.status = to
    return record


def _tell(
    locked: Syllabus, *, users: Iterable, kind: str, event: str, by: User, **values
) -> None:
    """Notify these users (not the actor) of what happened to the syllabus, with its review link."""
    notify(users=users, kind=kind, syllabus=locked, event=event,
           params=_event(locked, by, **values), url=notices.review_url(locked), exclude=by)


def syllabus_problems(syllabus: Syllabus) -> list[str]:
    """What keeps a draft from being submitted, in full sentences."""
    problems = []
    if not syllabus.outcomes.exists():
        problems.append(_("Add at least one learning outcome."))
    total = syllabus.assessment_total()
    if total != 100:
        problems.append(
            _("The assessment weights add up to %(total)s%%, not 100%%.") % {"total": total}
        )
    return problems


def syllabus_submit(
    *,
    syllabus: Syllabus,
    by: User,
    comment: str = "",
    expected_status: str | None = None,
    expected_revision: int | None = None,
) -> Syllabus:
    """Freeze the draft and submit it; industry review starts at once when the course is shared."""
    with transaction.atomic():
        locked = _locked_for(syllabus, action=Action.SUBMIT, by=by,
                             expected_status=expected_status, expected_revision=expected_revision)
        problems = syllabus_problems(locked)
        if problems:
            raise Invalid(" ".join(problems))
        _move(locked, to=Status.SUBMITTED, by=by, comment=comment)
        _tell(locked, by=by, kind=Kind.SUBMITTED,
              users=[*notices.team_users(locked), *notices.manager_users(locked)],
              event="submitted")
        firms = [s.firm for s in locked.course.shares.select_related("firm")]
        if firms:
            _start_review(locked, by=by, firms=firms, automatic=True)
    return locked


def _start_review(locked: Syllabus, *, by: User, firms: list[Institution], automatic: bool) -> None:
    names = ", ".join(f.display_name for f in firms)
    note = (
        _("Industry review started on submission: shared with %(firms)s.")
        if automatic
        else _("Industry review started: shared with %(firms)s.")
    )
    _move(locked, to=Status.IN_REVIEW, by=by, comment=note % {"firms": names})
    _tell(locked, by=by, kind=Kind.SUBMITTED, users=notices.firm_reviewers(locked),
          event="review_requested")


def syllabus_start_review(
    *, syllabus: Syllabus, by: User, comment: str = "", expected_status: str | None = None
) -> Syllabus:
    """A manager opens industry review of a submitted syllabus (the course must be shared)."""
    with transaction.atomic():
        locked = _locked_for(syllabus, action=Action.START_REVIEW, by=by,
                             expected_status=expected_status)
        firms = [s.firm for s in locked.course.shares.select_related("firm")]
        if not firms:
            raise Conflict(_("Share the course with at least one partner firm first."))
        _start_review(locked, by=by, firms=firms, automatic=False)
    return locked


def _verdict(locked: Syllabus, *, by: User, decision: str, comment: str) -> Endorsement | None:
    """Record a reviewer's verdict for his firm; one per firm and version."""
    firm = reviewer_firm_for(by, locked.course)
    if firm is None:
        return None  # A manager requesting changes gives no firm verdict.
    if locked.endorsements.filter(firm=firm).exists():
        raise Conflict(
            _("%(firm)s has already given its verdict on this version.")
            % {"firm": firm.display_name}
        )
    try:
        with transaction.atomic():
            return Endorsement.objects.create(
                syllabus=locked, firm=firm, reviewer=by, decision=decision, comment=comment
            )
    except IntegrityError:
        raise Conflict(_("Your firm has already given its verdict on this version.")) from None


def syllabus_request_changes(
    *, syllabus: Syllabus, by: User, comment: str, expected_status: str | None = None
) -> Syllabus:
    """A reviewer (for his firm) or a manager sends the syllabus back to the team."""
    with transaction.atomic():
        locked = _locked_for(syllabus, action=Action.REQUEST_CHANGES, by=by,
                             expected_status=expected_status)
        if not comment.strip():
            raise Invalid(_("Say what should change: the reason is required."))
        _verdict(locked, by=by, decision=Endorsement.Decision.REQUEST_CHANGES, comment=comment)
        _move(locked, to=Status.CHANGES_REQUESTED, by=by, comment=comment)
        _tell(locked, by=by, kind=Kind.CHANGES_REQUESTED,
              users=[*notices.team_users(locked), *notices.manager_users(locked)],
              event="changes_requested", why=_excerpt(comment))
    return locked


def syllabus_endorse(
    *, syllabus: Syllabus, by: User, comment: str = "", expected_status: str | None = None
) -> Endorsement:
    """A reviewer endorses the version for his firm. The status does not change (no Transition)."""
    with transaction.atomic():
        locked = _locked_for(syllabus, action=Action.ENDORSE, by=by,
                             expected_status=expected_status)
        endorsement = _verdict(
            locked, by=by, decision=Endorsement.Decision.ENDORSE, comment=comment
        )
        _tell(locked, by=by, kind=Kind.ENDORSED,
              users=[*notices.team_users(locked), *notices.manager_users(locked)],
              event="endorsed", firm=endorsement.firm.name, firm_zh=endorsement.firm.name_zh)
    return endorsement


def _step(
    syllabus: Syllabus,
    *,
    by: User,
    comment: str,
    expected_status: str | None,
    action: Action,
    to: str,
    kind: str,
    audience: Callable[[Syllabus], Iterable],
    event: str,
) -> Syllabus:
    """A plain move: check, record, tell ``audience`` of ``event``."""
    with transaction.atomic():
        locked = _locked_for(syllabus, action=action, by=by, expected_status=expected_status)
        _move(locked, to=to, by=by, comment=comment)
        _tell(locked, by=by, kind=kind, users=audience(locked), event=event)
    return locked


def syllabus_approve(
    *, syllabus: Syllabus, by: User, comment: str = "", expected_status: str | None = None
) -> Syllabus:
    """A manager approves; the team and the reviewing firms hear of it."""
    return _step(
        syllabus, by=by, comment=comment, expected_status=expected_status,
        action=Action.APPROVE, to=Status.APPROVED, kind=Kind.APPROVED,
        audience=lambda s: [*notices.team_users(s), *notices.firm_reviewers(s)],
        event="approved",
    )


def syllabus_publish(
    *, syllabus: Syllabus, by: User, comment: str = "", expected_status: str | None = None
) -> Syllabus:
    """A manager publishes an approved syllabus; the team, the firms and the managers hear."""
    return _step(
        syllabus, by=by, comment=comment, expected_status=expected_status,
        action=Action.PUBLISH, to=Status.PUBLISHED, kind=Kind.PUBLISHED,
        audience=lambda s: [
            *notices.team_users(s), *notices.firm_reviewers(s), *notices.manager_users(s)
        ],
        event="published",
    )


def syllabus_revise(
    *, syllabus: Syllabus, by: User, comment: str = "", expected_status: str | None = None
) -> Syllabus:
    """Start version n+1 as a draft: a deep copy of the content; the old version stays frozen."""
    with transaction.atomic():
        locked = _locked_for(syllabus, action=Action.REVISE, by=by,
                             expected_status=expected_status)
        last = locked.course.syllabi.aggregate(v=Max("version"))["v"] or locked.version
        Syllabus.objects.filter(pk=locked.pk).update(is_current=False)
        new = Syllabus.objects.create(
            course=locked.course,
            version=last + 1,
            is_current=True,
            status=Status.DRAFT,
            summary=locked.summary,
            summary_zh=locked.summary_zh,
        )
        syllabus_copy_content(source=locked, target=new)
        Transition.objects.create(
            syllabus=new,
            from_status=locked.status,
            to_status=Status.DRAFT,
            by=by,
            comment=comment
            or _("Version %(new)s started from version %(old)s.")
            % {"new": new.version, "old": locked.version},
        )
    return new


def syllabus_copy_content(*, source: Syllabus, target: Syllabus) -> None:
    """Copy outcomes (with competency mappings), topics, assessment, readings and session needs
    (with features) from one syllabus into another, in a fixed number of queries."""
    outcomes = list(source.outcomes.prefetch_related("mappings"))
    copies = LearningOutcome.objects.bulk_create(
        [
            LearningOutcome(syllabus=target, position=o.position, text=o.text, text_zh=o.text_zh)
            for o in outcomes
        ]
    )
    OutcomeCompetency.objects.bulk_create(
        [
            OutcomeCompetency(outcome=copy, competency_id=m.competency_id, level=m.level)
            for old, copy in zip(outcomes, copies, strict=True)
            for m in old.mappings.all()
        ]
    )
    for related in ("topics", "assessment", "readings"):
        rows = list(getattr(source, related).all())
        for row in rows:
            row.pk = None
            row.id = None
            row.syllabus = target
            row._state.adding = True
        if rows:
            type(rows[0]).objects.bulk_create(rows)
    needs = list(source.session_needs.prefetch_related("features"))
    features = [list(n.features.all()) for n in needs]
    for need in needs:
        need.pk = None
        need.id = None
        need.syllabus = target
        need._state.adding = True
    created = type(needs[0]).objects.bulk_create(needs) if needs else []
    through = target.session_needs.model.features.through
    through.objects.bulk_create(
        [
            through(sessionneed_id=need.pk, feature_id=feat.pk)
            for need, feats in zip(created, features, strict=True)
            for feat in feats
        ]
    )


# --- Sharing -------------------------------------------------------------------------------------


def course_share(*, course: Course, firms: Iterable[Institution], by: User) -> list[CourseShare]:
    """The course team shares the course's syllabi with exactly these partner firms."""
    if not can_edit_course(by, course):
        raise NotAllowed(_("Only the course team shares a course."))
    firms = list(firms)
    not_firms = [f.display_name for f in firms if not f.is_firm]
    if not_firms:
        raise Invalid(
            _("Only enterprise members review syllabi; not %(names)s.")
            % {"names": ", ".join(not_firms)}
        )
    with transaction.atomic():
        current = {s.firm_id for s in course.shares.select_for_update()}
        wanted = {f.pk for f in firms}
        course.shares.exclude(firm_id__in=wanted).delete()
        added = [f for f in firms if f.pk not in current]
        CourseShare.objects.bulk_create(
            [CourseShare(course=course, firm=f, shared_by=by) for f in added]
        )
        syllabus = course.current_syllabus()
        if added and syllabus is not None and syllabus.status == Status.IN_REVIEW:
            notify(
                users=notices.firm_reviewers(syllabus, added),
                kind=Kind.SUBMITTED,
                syllabus=syllabus,
                event="review_requested",
                params=_event(syllabus, by),
                url=notices.review_url(syllabus),
                exclude=by,
            )
    return list(course.shares.select_related("firm"))


# --- Comments and ratings ------------------------------------------------------------------------


def _anchor_exists(syllabus: Syllabus, anchor: str, anchor_id: int | None) -> bool:
    related = {
        Comment.Anchor.OUTCOME: syllabus.outcomes,
        Comment.Anchor.TOPIC: syllabus.topics,
        Comment.Anchor.ASSESSMENT: syllabus.assessment,
        Comment.Anchor.SESSION_NEED: syllabus.session_needs,
    }
    if anchor == Comment.Anchor.GENERAL:
        return anchor_id is None
    if anchor not in related:
        return False
    if anchor_id is None:
        return anchor == Comment.Anchor.ASSESSMENT  # the assessment as a whole
    return related[anchor].filter(pk=anchor_id).exists()


def comment_add(
    *,
    syllabus: Syllabus,
    by: User,
    body: str,
    anchor: str = Comment.Anchor.GENERAL,
    anchor_id: int | None = None,
    confidential: bool = False,
    firm: Institution | None = None,
) -> Comment:
    """Start a thread. A reviewer's thread belongs to his firm; the team may address one shared
    firm (``firm``) or keep the thread internal (``firm=None``)."""
    course = syllabus.course
    reviewer_firm = reviewer_firm_for(by, course)
    if reviewer_firm is not None:
        firm = reviewer_firm
    elif can_edit_course(by, course):
        if firm is not None and not course.shares.filter(firm=firm).exists():
            raise Invalid(_("The course is not shared with %(f)s.") % {"f": firm.display_name})
    else:
        raise NotAllowed(_("Only the course team and its partner reviewers comment."))
    if not body.strip():
        raise Invalid(_("The comment is empty."))
    if not _anchor_exists(syllabus, anchor, anchor_id):
        raise Invalid(_("The part of the syllabus this comment is about does not exist."))
    with transaction.atomic():
        comment = Comment.objects.create(
            syllabus=syllabus,
            anchor=anchor,
            anchor_id=anchor_id,
            author=by,
            firm=firm,
            body=body.strip(),
            confidential=confidential,
        )
        notify(
            users=notices.comment_audience(comment),
            kind=Kind.COMMENT,
            syllabus=syllabus,
            event="comment",
            params=_event(syllabus, by, body=_excerpt(body)),
            url=notices.review_url(syllabus) + f"#comment-{comment.pk}",
            exclude=by,
        )
    return comment


def _may_write_in(by: User, thread: Comment) -> bool:
    """The course team, or a reviewer of the thread's firm."""
    course = thread.syllabus.course
    if can_edit_course(by, course):
        return True
    firm = reviewer_firm_for(by, course)
    return firm is not None and firm.pk == thread.firm_id


def comment_reply(*, parent: Comment, by: User, body: str) -> Comment:
    """Reply in a thread; a reply to a reply joins the same thread (one level of nesting)."""
    thread = parent.parent if parent.parent_id else parent
    if not visible_comments(by, thread.syllabus).filter(pk=thread.pk).exists():
        raise NotAllowed(_("You cannot see this comment."))
    if not _may_write_in(by, thread):
        raise NotAllowed(_("Only the course team and this firm's reviewers reply here."))
    if not body.strip():
        raise Invalid(_("The reply is empty."))
    with transaction.atomic():
        reply = Comment.objects.create(
            syllabus=thread.syllabus,
            anchor=thread.anchor,
            anchor_id=thread.anchor_id,
            parent=thread,
            author=by,
            firm=thread.firm,
            body=body.strip(),
            confidential=thread.confidential,
        )
        audience = [*notices.comment_audience(thread)]
        audience += [c.author for c in thread.replies.select_related("author")]
        audience.append(thread.author)
        visible_to = [u for u in audience if _can_read(u, thread)]
        notify(
            users=visible_to,
            kind=Kind.REPLY,
            syllabus=thread.syllabus,
            event="reply",
            params=_event(thread.syllabus, by, body=_excerpt(body)),
            url=notices.review_url(thread.syllabus) + f"#comment-{thread.pk}",
            exclude=by,
        )
    return reply


def _can_read(user: User, thread: Comment) -> bool:
    return visible_comments(user, thread.syllabus).filter(pk=thread.pk).exists()


def comment_resolve(*, comment: Comment, by: User, resolved: bool = True) -> Comment:
    """Mark a thread resolved (or open again): the course team or the thread's firm."""
    thread = comment.parent if comment.parent_id else comment
    if not _may_write_in(by, thread):
        raise NotAllowed(_("Only the course team and this firm's reviewers resolve this thread."))
    thread.resolved = resolved
    thread.save(update_fields=["resolved"])
    return thread


def outcome_rate(*, outcome: LearningOutcome, by: User, score: int) -> OutcomeRating:
    """A reviewer rates an outcome's industry relevance (1–5) while the syllabus is in review."""
    syllabus = outcome.syllabus
    firm = reviewer_firm_for(by, syllabus.course)
    if firm is None:
        raise NotAllowed(_("Only partner reviewers of a shared firm rate outcomes."))
    if not (isinstance(score, int) and 1 <= score <= 5):
        raise Invalid(_("The relevance score must be a whole number from 1 to 5."))
    if syllabus.status != Status.IN_REVIEW or not syllabus.is_current:
        raise Conflict(_("Outcomes are rated while the syllabus is in industry review."))
    rating, _created = OutcomeRating.objects.update_or_create(
        outcome=outcome, reviewer=by, defaults={"firm": firm, "score": score}
    )
    return rating


# --- Course designer (issue 2): courses, syllabus content, prerequisites, programmes -------------


class SyllabusEditConflict(Conflict):
    """The syllabus changed since the editor was opened (stale revision, or no longer a draft).

    ``current`` is the syllabus as it is now, so the view can say what happened.
    """

    def __init__(self, message: str, *, current: Syllabus) -> None:
        super().__init__(message)
        self.current = current


def course_create(*, editor, by: User) -> Course:
    """Create a course, its first syllabus (a draft, version 1) and all inline rows at once.

    ``editor`` is a validated ``curriculum.forms.CourseEditor``. A faculty member who creates a
    course is always in its team.
    """
    with transaction.atomic():
        editor.syllabus.version = 1
        editor.syllabus.is_current = True
        editor.syllabus.status = Status.DRAFT
        course = editor.save()
        me = faculty_of(by)
        if me is not None and not is_coordinator(by):
            course.faculty.add(me)
    return course


def syllabus_save_content(*, editor, syllabus: Syllabus | None, revision: int, by: User) -> Course:
    """Save the course and its current syllabus' content from a validated editor, all or nothing.

    Optimistic locking: the save goes ahead only if the syllabus still has ``revision`` (the one
    the editor was opened with) and is still the current draft; it then holds revision + 1.
    Otherwise ``SyllabusEditConflict`` is raised and nothing is written. A course without a current
    syllabus gets a new draft version.
    """
    if not can_edit_course(by, editor.course):
        raise NotAllowed(_("Only the course team edits this course."))
    with transaction.atomic():
        if syllabus is None:
            last = editor.course.syllabi.aggregate(v=Max("version"))["v"] or 0
            editor.syllabus.version = last + 1
            editor.syllabus.is_current = True
            editor.syllabus.status = Status.DRAFT
            return editor.save()
        bumped = Syllabus.objects.filter(
            pk=syllabus.pk, revision=revision, is_current=True, status=Status.DRAFT
        ).update(revision=revision + 1, updated_at=timezone.now())
        if bumped != 1:
            current = Syllabus.objects.get(pk=syllabus.pk)
            raise SyllabusEditConflict(
                syllabus_save_conflict_message(current=current), current=current
            )
        editor.syllabus.revision = revision + 1
        return editor.save()


def syllabus_save_conflict_message(*, current: Syllabus) -> str:
    """Why a save of the syllabus editor was refused, given the syllabus as it is now."""
    if not current.is_editable:
        return _(
            "This syllabus is no longer an editable draft (version %(v)s is now “%(status)s”). "
            "Your text is kept below; nothing was saved."
        ) % {"v": current.version, "status": current.get_status_display()}
    saved_at = timezone.localtime(current.updated_at).strftime("%Y-%m-%d %H:%M")
    return _(
        "Someone else saved this syllabus while you were editing (at %(time)s). "
        "Your text is kept below; compare and save again."
    ) % {"time": saved_at}


def prerequisite_add(*, course: Course, requires: Course, by: User) -> Prerequisite:
    """``course`` now requires ``requires``; a cycle is refused with the cycle named.

    Raises ``django.core.exceptions.ValidationError`` (e.g. "ICV301 → ICV201 → ICV101 → ICV301
    would be a cycle.").
    """
    if not can_edit_course(by, course):
        raise NotAllowed(_("Only the course team changes prerequisites."))
    with transaction.atomic():
        # Lock both courses so two cycle checks on the same pair cannot both pass.
        list(Course.objects.select_for_update().filter(pk__in=[course.pk, requires.pk]))
        edges: dict[int, list[int]] = defaultdict(list)
        for src, dst in Prerequisite.objects.values_list("course_id", "requires_id"):
            edges[src].append(dst)
        if requires.pk in edges[course.pk]:
            raise ValidationError(
                _("%(course)s already requires %(requires)s.")
                % {"course": course.code, "requires": requires.code},
                code="duplicate",
            )
        cycle = prerequisite_cycle(edges, course.pk, requires.pk)
        if cycle:
            codes = dict(Course.objects.filter(pk__in=cycle).values_list("pk", "code"))
            raise ValidationError(
                _("%(cycle)s would be a cycle.") % {"cycle": " → ".join(codes[i] for i in cycle)},
                code="cycle",
            )
        return Prerequisite.objects.create(course=course, requires=requires)


def prerequisite_remove(*, course: Course, requires: Course, by: User) -> bool:
    """``course`` no longer requires ``requires``; False when it did not."""
    if not can_edit_course(by, course):
        raise NotAllowed(_("Only the course team changes prerequisites."))
    deleted, _rows = Prerequisite.objects.filter(course=course, requires=requires).delete()
    return deleted > 0


def course_add_to_programme(
    *, course: Course, programme: Programme, kind: str, by: User
) -> ProgrammeCourse:
    """Put the course in a programme as required or elective (or change how it counts there)."""
    if not can_edit_course(by, course):
        raise NotAllowed(_("Only the course team adds the course to a programme."))
    entry, _created = ProgrammeCourse.objects.update_or_create(
        programme=programme, course=course, defaults={"kind": kind}
    )
    return entry


def course_remove_from_programme(*, course: Course, programme: Programme, by: User) -> bool:
    if not can_edit_course(by, course):
        raise NotAllowed(_("Only the course team removes the course from a programme."))
    deleted, _rows = ProgrammeCourse.objects.filter(programme=programme, course=course).delete()
    return deleted > 0
