"""Timetable views: week grids by cohort, faculty, room or member; a session: details, pin, move."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from curriculum.access import faculty_of
from scheduler import access, services
from scheduler import models as m
from scheduler.forms import MoveForm
from scheduler.timetable import Entry, Ref, Timetable, load_timetable, rule_label, week_grid

VIEWS = {
    "cohort": gettext_lazy("Cohort"),
    "faculty": gettext_lazy("Faculty member"),
    "room": gettext_lazy("Room or lab"),
    "member": gettext_lazy("Member institution"),
}


@dataclass(frozen=True)
class Choice:
    id: int
    label: str


def _refs(entries: tuple[Entry, ...], by: str) -> list[Ref]:
    seen: dict[int, Ref] = {}
    for e in entries:
        refs = {"cohort": e.cohorts, "faculty": e.faculty, "room": (e.room,)}.get(by, ())
        for ref in refs:
            seen.setdefault(ref.id, ref)
    return sorted(seen.values(), key=lambda r: (r.code, r.name))


def _involves(entry: Entry, by: str, subject: int) -> bool:
    if by == "cohort":
        return any(c.id == subject for c in entry.cohorts)
    if by == "faculty":
        return any(f.id == subject for f in entry.faculty)
    if by == "room":
        return entry.room.id == subject
    members = {entry.course.member_id, entry.room.member_id}
    members.update(c.member_id for c in entry.cohorts)
    members.update(f.member_id for f in entry.faculty)
    return subject in members


def _as_int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _choices(tt: Timetable, by: str) -> list[Choice]:
    if by == "member":
        return [Choice(r.id, r.display) for r in tt.members]
    return [
        Choice(r.id, f"{r.code} {r.display}".strip() if by != "faculty" else r.display)
        for r in _refs(tt.entries, by)
    ]


def _default_subject(request: HttpRequest, by: str, choices: list[Choice]) -> int | None:
    own = faculty_of(request.user)
    if by == "faculty" and own is not None and any(c.id == own.pk for c in choices):
        return own.pk
    return choices[0].id if choices else None


@login_required
@require_GET
def timetable_grid(request: HttpRequest, pk: int) -> HttpResponse:
    run = access.get_run_for_user(request.user, pk)
    tt = load_timetable(run)
    own = faculty_of(request.user)
    default_view = "faculty" if own is not None and not access.is_staff(request.user) else "cohort"
    by = request.GET.get("by") if request.GET.get("by") in VIEWS else default_view
    choices = _choices(tt, by)
    subject = _as_int(request.GET.get("id"))
    if request.GET.get("shown", by) != by:
        subject = None  # the form still carried the subject of the view it was showing
    chosen = subject in {c.id for c in choices}
    if not chosen:
        subject = _default_subject(request, by, choices)
    campus, kind = _as_int(request.GET.get("campus")), request.GET.get("kind") or ""
    query = {"by": by, "id": subject if chosen else None, "campus": campus, "kind": kind}
    here = reverse("scheduler:timetable_grid", args=[run.pk])
    here += "?" + urlencode({k: v for k, v in query.items() if v not in (None, "")})
    entries = [
        e
        for e in tt.entries
        if subject is not None
        and _involves(e, by, subject)
        and (campus is None or e.campus.id == campus)
        and (not kind or e.kind == kind)
    ]
    campuses = sorted({e.campus for e in tt.entries}, key=lambda c: c.code)
    context = {
        "run": run,
        "term": run.term,
        "tt": tt,
        "grid": week_grid(tt, entries),
        "views": VIEWS,
        "by": by,
        "choices": choices,
        "subject": subject,
        "campuses": campuses,
        "campus": campus,
        "kinds": m.Session._meta.get_field("kind").choices,
        "kind": kind,
        "count": len(entries),
        "is_staff": access.is_staff(request.user),
        "penalties": [(rule_label(r), v) for r, v in tt.penalties.items() if v],
        "here": here,
    }
    template = "scheduler/timetable_grid.html"
    if request.htmx and request.headers.get("HX-Target") == "timetable":
        response = render(request, template + "#timetable", context)
        response["HX-Push-Url"] = here  # what the page shows, not the form's leftovers
        return response
    return render(request, template, context)


@login_required
@require_GET
def term_timetable(request: HttpRequest, slug: str) -> HttpResponse:
    """The term's published timetable (404 when there is none)."""
    term = access.get_term_for_user(request.user, slug)
    if term.published_run_id is None:
        raise Http404
    return redirect("scheduler:timetable_grid", pk=term.published_run_id)


def _session_context(request: HttpRequest, run: m.Run, session: m.Session, **extra) -> dict:
    tt_entry = next((e for e in load_timetable(run).entries if e.session_id == session.pk), None)
    can_edit = access.can_edit_run(request.user, run)
    frozen = services.run_is_frozen(run)
    periods = list(run.term.periods.all())
    form = extra.pop("form", None)
    if form is None and can_edit and tt_entry is not None:
        form = MoveForm(
            initial={"day": tt_entry.day, "period": tt_entry.period, "room": tt_entry.room.id},
            term=run.term,
            periods=periods,
            session=session,
        )
    return {
        "run": run,
        "term": run.term,
        "session": session,
        "entry": tt_entry,
        "can_edit": can_edit,
        "can_move": can_edit and not frozen and services.run_has_timetable(run),
        "frozen": frozen,
        "form": form,
        "is_staff": access.is_staff(request.user),
        "entry_day": run.term.day_name(tt_entry.day) if tt_entry is not None else "",
        "pinned_here": tt_entry is not None
        and (session.pin_day, session.pin_period, session.pin_room_id)
        == (tt_entry.day, tt_entry.period, tt_entry.room.id),
        **extra,
    }


def _render_session(request: HttpRequest, context: dict, status: int = 200) -> HttpResponse:
    template = "scheduler/session_detail.html"
    if request.htmx:
        template += "#panel"
    return render(request, template, context, status=status)


@login_required
@require_GET
def session_detail(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    run = access.get_run_for_user(request.user, pk)
    session = access.get_session_for_run(run, session_pk)
    return _render_session(request, _session_context(request, run, session))


@login_required
@require_POST
def session_pin(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    run = access.get_run_for_user(request.user, pk, edit=True)
    session = access.get_session_for_run(run, session_pk)
    try:
        if request.POST.get("action") == "unpin":
            services.session_unpin(session=session)
            messages.success(request, _("Unpinned: the next solves may move it."))
        else:
            services.session_pin(session=session, run=run)
            messages.success(request, _("Pinned here for the next solves that keep pins."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    if request.htmx:
        response = _render_session(request, _session_context(request, run, session))
        response["HX-Trigger"] = "timetable-changed"  # the grid beside redraws its pins
        return response
    return redirect("scheduler:session_detail", pk=run.pk, session_pk=session.pk)


@login_required
@require_POST
def session_move(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    run = access.get_run_for_user(request.user, pk, edit=True)
    session = access.get_session_for_run(run, session_pk)
    if services.run_is_frozen(run):
        raise PermissionDenied
    form = MoveForm(
        request.POST, term=run.term, periods=list(run.term.periods.all()), session=session
    )
    if not form.is_valid():
        return _render_session(request, _session_context(request, run, session, form=form), 400)
    where = {k: form.cleaned_data[k] for k in ("day", "period", "room")}
    if request.POST.get("action") != "save":
        preview = services.move_preview(run=run, session=session, **where)
        context = _session_context(request, run, session, form=form, preview=preview)
        context["rule_deltas"] = [
            (rule_label(rule), before, after) for rule, before, after in preview.rule_deltas()
        ]
        return _render_session(request, context)
    try:
        services.assignment_move(run=run, session=session, **where)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Moved. The run's penalties are recomputed."))
    url = reverse("scheduler:timetable_grid", args=[run.pk])
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)
