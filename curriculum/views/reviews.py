"""Partner firm review of a syllabus: the review page, status changes, comments, ratings, sharing,
the reviewer's list, and the comparison of two versions.

Every view starts with the access helper: a course the user may not see is a 404 (also for its
fragments and versions); what he may see but not change is a 403; a status that does not allow the
action is a 409 with a message, and the typed text is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from curriculum import diff as syllabus_diff_module
from curriculum import services, workflow
from curriculum.access import (
    can_edit_course,
    get_course_for_user,
    get_syllabus_for_user,
    is_coordinator,
    is_course_manager,
    is_reviewer,
    member_of,
    reviewer_firm_for,
    role_of,
    visible_comments,
    visible_courses,
)
from curriculum.models import (
    Comment,
    Endorsement,
    Institution,
    LearningOutcome,
    OutcomeRating,
    SessionNeed,
    Syllabus,
)
from curriculum.workflow import Action, WorkflowError

Anchor = Comment.Anchor

# --- What the review page shows ------------------------------------------------------------------


@dataclass
class Part:
    """One commentable part of a syllabus, with the threads the user may read about it."""

    anchor: str
    anchor_id: int | None
    label: str
    obj: Any = None
    threads: list[Comment] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.anchor}-{self.anchor_id or 0}"


def _load_syllabus(request: HttpRequest, code: str, version: int) -> Syllabus:
    """The syllabus with all its parts, if the user may see its course (404 otherwise)."""
    syllabus = get_syllabus_for_user(request.user, code, version)
    return (
        Syllabus.objects.select_related("course__owner")
        .prefetch_related(
            Prefetch(
                "outcomes",
                queryset=LearningOutcome.objects.prefetch_related("mappings__competency"),
            ),
            "topics",
            "assessment",
            Prefetch("session_needs", queryset=SessionNeed.objects.prefetch_related("features")),
        )
        .get(pk=syllabus.pk)
    )


def _threads(request: HttpRequest, syllabus: Syllabus) -> dict[tuple[str, int | None], list]:
    """Visible threads by anchor, each root with its visible replies in ``thread_replies``."""
    comments = list(
        visible_comments(request.user, syllabus).select_related("author__profile", "firm")
    )
    roots: dict[int, Comment] = {}
    for c in comments:
        if c.parent_id is None:
            c.thread_replies = []
            roots[c.pk] = c
    for c in comments:
        if c.parent_id is not None and c.parent_id in roots:
            roots[c.parent_id].thread_replies.append(c)
    by_anchor: dict[tuple[str, int | None], list] = {}
    for root in roots.values():
        by_anchor.setdefault((root.anchor, root.anchor_id), []).append(root)
    return by_anchor


def _parts(syllabus: Syllabus, threads: dict) -> list[Part]:
    parts = [Part(Anchor.GENERAL, None, _("The whole syllabus"))]
    for i, o in enumerate(syllabus.outcomes.all(), start=1):
        parts.append(Part(Anchor.OUTCOME, o.pk, _("Outcome %(n)s") % {"n": i}, o))
    for t in syllabus.topics.all():
        parts.append(Part(Anchor.TOPIC, t.pk, _("Week %(w)s") % {"w": t.week}, t))
    parts.append(Part(Anchor.ASSESSMENT, None, _("Assessment"), list(syllabus.assessment.all())))
    for n in syllabus.session_needs.all():
        parts.append(Part(Anchor.SESSION_NEED, n.pk, _("Session need"), n))
    for part in parts:
        part.threads = threads.get((part.anchor, part.anchor_id), [])
    return parts


def panel_context(user, syllabus: Syllabus) -> dict:
    """What the status panel needs: actions the user may take now, history, verdicts, counts.

    Shared by the review page and the course designer's syllabus page (through the
    ``review_panel`` template tag), so both show the same buttons for the same rules.
    """
    course = syllabus.course
    firm = reviewer_firm_for(user, course)
    actions = workflow.available(user, syllabus)
    verdicts = list(syllabus.endorsements.select_related("firm", "reviewer"))
    if firm is not None:
        if any(v.firm_id == firm.pk for v in verdicts):
            actions = [a for a in actions if a not in (Action.ENDORSE, Action.REQUEST_CHANGES)]
        if not can_edit_course(user, course):
            verdicts = [v for v in verdicts if v.firm_id == firm.pk]  # other firms' stay private
    return {
        "syllabus": syllabus,
        "course": course,
        "actions": [(a, a.label) for a in actions],
        "needs_reason": Action.REQUEST_CHANGES,
        "transitions": list(syllabus.transitions.select_related("by")),
        "verdicts": verdicts,
        "comment_count": visible_comments(user, syllabus).count(),
        "may_share": can_edit_course(user, course),
        "reviewer_firm": firm,
    }


def _review_context(request: HttpRequest, syllabus: Syllabus, **extra) -> dict:
    user = request.user
    course = syllabus.course
    firm = reviewer_firm_for(user, course)
    team = can_edit_course(user, course)
    my_ratings = {}
    if firm is not None:
        my_ratings = dict(
            OutcomeRating.objects.filter(
                outcome__syllabus=syllabus, reviewer=user
            ).values_list("outcome_id", "score")
        )
    averages = {}
    if team or is_course_manager(user, course):  # firms see only their own ratings
        averages = {
            row["outcome_id"]: row
            for row in OutcomeRating.objects.filter(outcome__syllabus=syllabus)
            .values("outcome_id")
            .annotate(average=Avg("score"), n=Count("id"))
        }
    for o in syllabus.outcomes.all():
        o.my_score = my_ratings.get(o.pk)
        o.relevance = averages.get(o.pk)
    context = {
        "syllabus": syllabus,
        "course": course,
        "parts": _parts(syllabus, _threads(request, syllabus)),
        "may_comment": team or firm is not None,
        "team": team,
        "reviewer_firm": firm,
        "may_rate": firm is not None
        and syllabus.is_current
        and syllabus.status == Syllabus.Status.IN_REVIEW,
        "shared_firms": [s.firm for s in course.shares.select_related("firm")] if team else [],
        "versions": list(course.syllabi.order_by("version").values_list("version", flat=True)),
        "scores": range(1, 6),
    }
    context.update(extra)
    return context


def _review_url(syllabus: Syllabus) -> str:
    return reverse(
        "review_syllabus", kwargs={"code": syllabus.course.code, "version": syllabus.version}
    )


# --- The review page and status changes ----------------------------------------------------------


@login_required
@require_GET
def review_syllabus(request: HttpRequest, code: str, version: int) -> HttpResponse:
    """The syllabus with its comment threads, ratings, status panel and history."""
    syllabus = _load_syllabus(request, code, version)
    template = "curriculum/review_syllabus.html"
    if request.htmx:
        template += "#panel"
    return render(request, template, _review_context(request, syllabus))


SERVICES = {
    Action.SUBMIT: services.syllabus_submit,
    Action.START_REVIEW: services.syllabus_start_review,
    Action.ENDORSE: services.syllabus_endorse,
    Action.REQUEST_CHANGES: services.syllabus_request_changes,
    Action.REVISE: services.syllabus_revise,
    Action.APPROVE: services.syllabus_approve,
    Action.PUBLISH: services.syllabus_publish,
}


@login_required
@require_POST
def review_transition(request: HttpRequest, code: str, version: int, action: str) -> HttpResponse:
    """Move the syllabus one step along the workflow (see curriculum/workflow.py)."""
    syllabus = get_syllabus_for_user(request.user, code, version)
    if action not in Action.values:
        raise Http404
    action = Action(action)
    kwargs: dict[str, Any] = {
        "syllabus": syllabus,
        "by": request.user,
        "comment": request.POST.get("comment", ""),
        "expected_status": request.POST.get("expected_status") or None,
    }
    if action == Action.SUBMIT and request.POST.get("expected_revision", "").isdigit():
        kwargs["expected_revision"] = int(request.POST["expected_revision"])
    try:
        result = SERVICES[action](**kwargs)
    except WorkflowError as error:
        if error.status_code == 403:
            raise PermissionDenied(error.message) from error
        syllabus = _load_syllabus(request, code, version)
        still_possible = action in workflow.available(request.user, syllabus)
        context = _review_context(
            request, syllabus, panel_error=error.message, failed_action=action,
            typed_comment=kwargs["comment"],
            kept_comment="" if still_possible else kwargs["comment"],
        )
        template = "curriculum/review_syllabus.html" + ("#panel" if request.htmx else "")
        return render(request, template, context, status=error.status_code)
    target = result if isinstance(result, Syllabus) else syllabus
    messages.success(
        request, _("%(s)s: %(action)s done.") % {"s": target, "action": action.label}
    )
    url = _review_url(target)
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


# --- Comments and ratings ------------------------------------------------------------------------


def _part_response(
    request: HttpRequest, syllabus: Syllabus, key: str, *, status: int = 200, **extra
) -> HttpResponse:
    """The page, or for htmx only the discussion of one part; errors keep the typed text."""
    syllabus = _load_syllabus(request, syllabus.course.code, syllabus.version)
    context = _review_context(request, syllabus, **extra)
    part = next((p for p in context["parts"] if p.key == key), context["parts"][0])
    if context.get("error_key") and context["error_key"] != part.key:
        context["error_key"] = part.key  # an unknown part: the message goes to the whole syllabus
    if request.htmx:
        context["part"] = part
        return render(request, "curriculum/review_syllabus.html#discussion", context, status=status)
    if status == 200:
        return redirect(_review_url(syllabus) + f"#part-{key}")
    return render(request, "curriculum/review_syllabus.html", context, status=status)


def _anchor_of(request: HttpRequest) -> tuple[str, int | None]:
    anchor = request.POST.get("anchor", Anchor.GENERAL)
    raw = request.POST.get("anchor_id", "")
    return anchor, (int(raw) if raw.isdigit() and int(raw) > 0 else None)


def _raise_forbidden(error: WorkflowError) -> None:
    if error.status_code == 403:
        raise PermissionDenied(error.message) from error


@login_required
@require_POST
def review_comment_add(request: HttpRequest, code: str, version: int) -> HttpResponse:
    """Start a comment thread on one part of the syllabus."""
    syllabus = get_syllabus_for_user(request.user, code, version)
    anchor, anchor_id = _anchor_of(request)
    key = f"{anchor}-{anchor_id or 0}"
    firm = None
    if request.POST.get("firm", "").isdigit():
        firm = Institution.objects.filter(pk=request.POST["firm"]).first()
    try:
        comment = services.comment_add(
            syllabus=syllabus,
            by=request.user,
            body=request.POST.get("body", ""),
            anchor=anchor,
            anchor_id=anchor_id,
            confidential=request.POST.get("confidential") == "on",
            firm=firm,
        )
    except WorkflowError as error:
        _raise_forbidden(error)
        return _part_response(
            request, syllabus, key, status=error.status_code, error=error.message,
            error_key=key, typed_body=request.POST.get("body", ""),
        )
    return _part_response(request, syllabus, key, new_comment=comment.pk)


def _comment_for_user(request: HttpRequest, code: str, version: int, pk: int) -> Comment:
    """A comment the user may read on a syllabus he may see; 404 otherwise."""
    syllabus = get_syllabus_for_user(request.user, code, version)
    return get_object_or_404(
        visible_comments(request.user, syllabus).select_related("syllabus__course"), pk=pk
    )


@login_required
@require_POST
def review_comment_reply(request: HttpRequest, code: str, version: int, pk: int) -> HttpResponse:
    """Reply in a thread."""
    parent = _comment_for_user(request, code, version, pk)
    key = f"{parent.anchor}-{parent.anchor_id or 0}"
    try:
        services.comment_reply(parent=parent, by=request.user, body=request.POST.get("body", ""))
    except WorkflowError as error:
        _raise_forbidden(error)
        return _part_response(
            request, parent.syllabus, key, status=error.status_code, error=error.message,
            error_thread=parent.pk, typed_body=request.POST.get("body", ""),
        )
    return _part_response(request, parent.syllabus, key)


@login_required
@require_POST
def review_comment_resolve(
    request: HttpRequest, code: str, version: int, pk: int
) -> HttpResponse:
    """Mark a thread resolved, or open it again (``resolved=0``)."""
    comment = _comment_for_user(request, code, version, pk)
    try:
        thread = services.comment_resolve(
            comment=comment, by=request.user, resolved=request.POST.get("resolved", "1") != "0"
        )
    except WorkflowError as error:
        _raise_forbidden(error)
        raise
    return _part_response(request, comment.syllabus, f"{thread.anchor}-{thread.anchor_id or 0}")


@login_required
@require_POST
def review_rate(request: HttpRequest, code: str, version: int, pk: int) -> HttpResponse:
    """A reviewer rates one outcome's industry relevance (1–5)."""
    syllabus = get_syllabus_for_user(request.user, code, version)
    outcome = get_object_or_404(syllabus.outcomes, pk=pk)
    raw = request.POST.get("score", "")
    key = f"{Anchor.OUTCOME}-{outcome.pk}"
    try:
        services.outcome_rate(
            outcome=outcome, by=request.user, score=int(raw) if raw.isdigit() else 0
        )
    except WorkflowError as error:
        _raise_forbidden(error)
        return _part_response(
            request, syllabus, key, status=error.status_code, error=error.message, error_key=key
        )
    return _part_response(request, syllabus, key, rated=outcome.pk)


# --- Sharing -------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def review_sharing(request: HttpRequest, code: str) -> HttpResponse:
    """The course team picks the partner firms that review the course's syllabi."""
    course = get_course_for_user(request.user, code, edit=True)
    firms = list(Institution.objects.filter(kind=Institution.Kind.ENTERPRISE))
    shared = set(course.shares.values_list("firm_id", flat=True))
    error = None
    if request.method == "POST":
        wanted = {int(x) for x in request.POST.getlist("firms") if x.isdigit()}
        unknown = wanted - {f.pk for f in firms}
        if unknown:
            error = _("Only enterprise members review syllabi: pick firms from the list.")
        else:
            services.course_share(
                course=course, firms=[f for f in firms if f.pk in wanted], by=request.user
            )
            messages.success(request, _("Sharing saved."))
            url = reverse("review_sharing", kwargs={"code": course.code})
            return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
        shared = wanted
    template = "curriculum/review_sharing.html" + ("#form" if request.htmx else "")
    context = {"course": course, "firms": firms, "shared": shared, "error": error}
    return render(request, template, context, status=400 if error else 200)


# --- The list of syllabi to review ---------------------------------------------------------------


@login_required
@require_GET
def review_list(request: HttpRequest) -> HttpResponse:
    """Current syllabi the user may see, searchable; a reviewer sees only his firm's shares."""
    if role_of(request.user) is None:
        raise PermissionDenied
    query = request.GET.get("q", "").strip()
    status = request.GET.get("status", "")
    syllabi = (
        Syllabus.objects.filter(is_current=True, course__in=visible_courses(request.user))
        .select_related("course__owner")
        .order_by("course__code")
    )
    if query:
        syllabi = syllabi.filter(
            Q(course__code__icontains=query)
            | Q(course__title__icontains=query)
            | Q(course__title_zh__icontains=query)
        )
    if status in Syllabus.Status.values:
        syllabi = syllabi.filter(status=status)
    syllabi = list(syllabi)
    firm = member_of(request.user) if is_reviewer(request.user) else None
    _annotate_review_state(syllabi, firm=firm, everything=is_coordinator(request.user))
    template = "curriculum/review_list.html" + ("#results" if request.htmx else "")
    context = {
        "syllabi": syllabi,
        "q": query,
        "status": status,
        "statuses": Syllabus.Status.choices,
        "firm": firm,
        "show_review_state": firm is not None or is_coordinator(request.user),
    }
    return render(request, template, context)


def _annotate_review_state(syllabi: list[Syllabus], *, firm, everything: bool) -> None:
    """Open threads and verdicts a user may know of: his firm's own, or all for the coordinator.
    Others see neither (``None``): comments belong to each course's team."""
    threads = Comment.objects.filter(syllabus__in=syllabi, parent__isnull=True, resolved=False)
    verdicts = Endorsement.objects.filter(syllabus__in=syllabi)
    if firm is not None:
        threads, verdicts = threads.filter(firm=firm), verdicts.filter(firm=firm)
    elif not everything:
        for s in syllabi:
            s.open_threads, s.verdicts = None, None
        return
    open_by = dict(
        threads.values("syllabus_id").annotate(n=Count("id")).values_list("syllabus_id", "n")
    )
    verdicts_by: dict[int, list[Endorsement]] = {}
    for v in verdicts.select_related("firm"):
        verdicts_by.setdefault(v.syllabus_id, []).append(v)
    for s in syllabi:
        s.open_threads = open_by.get(s.pk, 0)
        s.verdicts = verdicts_by.get(s.pk, [])


# --- Versions -----------------------------------------------------------------------------------


@login_required
@require_GET
def syllabus_diff(request: HttpRequest, code: str) -> HttpResponse:
    """Two versions side by side (``?a=1&b=2``; by default the previous and the latest)."""
    course = get_course_for_user(request.user, code)
    versions = list(course.syllabi.order_by("version").values_list("version", flat=True))
    if not versions:
        raise Http404
    a = _version_param(request, "a", versions[-2] if len(versions) > 1 else versions[0])
    b = _version_param(request, "b", versions[-1])
    if a not in versions or b not in versions:
        raise Http404
    loaded = {s.version: s for s in syllabus_diff_module.load_for_diff(course.syllabi, [a, b])}
    comparison = syllabus_diff_module.compare(loaded[a], loaded[b])
    template = "curriculum/syllabus_diff.html" + ("#comparison" if request.htmx else "")
    context = {"course": course, "versions": versions, "a": a, "b": b, "diff": comparison}
    return render(request, template, context)


def _version_param(request: HttpRequest, name: str, default: int) -> int:
    raw = request.GET.get(name, "")
    if not raw:
        return default
    if not raw.isdigit():
        raise Http404
    return int(raw)
