"""Runs: generate (enqueue a solve), the live progress page, cancel, publish, copy to edit."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from scheduler import access, services
from scheduler import models as m
from scheduler.forms import GenerateForm
from scheduler.solver.instance import HARD_RULES, SOFT_RULES
from scheduler.timetable import rule_label
from scheduler.views.common import sentences_with_links

CHART_W, CHART_H = 360, 140


@dataclass(frozen=True)
class Chart:
    objective: str  # SVG polyline points
    bound: str
    top: int | None
    bottom: int | None
    seconds: float
    # (series, x, y) of a series with a single point so far: a polyline of one point draws nothing
    dots: tuple[tuple[str, str, str], ...] = ()


def progress_chart(points: list[list], seconds: float) -> Chart:
    """Objective and bound over time as two polylines in a CHART_W × CHART_H box."""
    values = [v for _t, obj, bound in points for v in (obj, bound) if v is not None]
    if not points or not values:
        return Chart("", "", None, None, seconds)
    top, bottom = max(values), min(values)
    span = max(top - bottom, 1)
    width = max(seconds, points[-1][0], 1)

    def xy(column: int) -> list[tuple[str, str]]:
        return [
            (f"{point[0] / width * CHART_W:.1f}",
             f"{CHART_H - (point[column] - bottom) / span * CHART_H:.1f}")
            for point in points
            if point[column] is not None
        ]

    series = {"objective": xy(1), "bound": xy(2)}
    dots = tuple((name, *xys[0]) for name, xys in series.items() if len(xys) == 1)
    objective, bound = (" ".join(f"{x},{y}" for x, y in xys) for xys in series.values())
    return Chart(objective, bound, top, bottom, width, dots)


def soft_summary(violations: list) -> str:
    """E.g. "26 soft-rule penalties in 5 rules": the sentences count penalties, not rules."""
    n, rules = len(violations), len({v.rule for v in violations})
    return _("%(penalties)s in %(rules)s") % {
        "penalties": ngettext("%(n)d soft-rule penalty", "%(n)d soft-rule penalties", n)
        % {"n": n},
        "rules": ngettext("%(n)d rule", "%(n)d rules", rules) % {"n": rules},
    }


def elapsed_s(run: m.Run) -> float:
    if run.started_at is None:
        return 0.0
    end = run.finished_at or timezone.now()
    return max((end - run.started_at).total_seconds(), 0.0)


def penalty_rows(run: m.Run) -> list[tuple[str, str, int]]:
    return [(rule, rule_label(rule), run.penalties.get(rule, 0)) for rule in SOFT_RULES]


@login_required
@require_POST
def run_create(request: HttpRequest, slug: str) -> HttpResponse:
    term = access.get_term_for_user(request.user, slug, edit=True)
    form = GenerateForm(request.POST, term=term)
    problems = []
    if form.is_valid():
        try:
            with transaction.atomic():
                run = services.run_create(term=term, by=request.user, **form.cleaned_data)
        except services.RunRefused as refused:
            problems = sentences_with_links([p.as_dict() for p in refused.problems], term)
        else:
            return redirect("scheduler:run_detail", pk=run.pk)
    return render(
        request,
        "scheduler/run_refused.html",
        {"term": term, "generate_form": form, "problems": problems},
        status=400,
    )


def _run_context(request: HttpRequest, run: m.Run) -> dict:
    can_edit = access.can_edit_run(request.user, run)
    violations = sentences_with_links(run.violations, run.term) if not run.is_active else []
    hard = [v for v in violations if v.hard]
    soft = [v for v in violations if not v.hard]
    return {
        "run": run,
        "term": run.term,
        "elapsed": elapsed_s(run),
        "chart": progress_chart(run.progress, float(run.time_limit_s)),
        "chart_w": CHART_W,
        "chart_h": CHART_H,
        "penalties": penalty_rows(run),
        "hard_violations": hard,
        "soft_violations": soft,
        "soft_summary": soft_summary(soft),
        "explanation": sentences_with_links(run.explanation, run.term),
        "is_published": run.term.published_run_id == run.pk,
        "has_timetable": services.run_has_timetable(run),
        "can_edit": can_edit,
        "hard_rules": HARD_RULES,
        "generate_form": GenerateForm(
            term=run.term,
            initial={
                "mode": m.Run.Mode.MINIMAL,
                "reference": run.pk,
                "time_limit_s": run.time_limit_s,
                "seed": run.seed,
            },
        )
        if can_edit and services.run_has_timetable(run)
        else None,
    }


@login_required
@require_GET
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = access.get_run_for_user(request.user, pk)
    if run.is_active and (
        services.runs_fail_stale(term=run.term) or services.run_fail_if_task_ended(run)
    ):
        run.refresh_from_db()
    template = "scheduler/run_detail.html"
    if request.htmx:
        template += "#live"
    return render(request, template, _run_context(request, run))


@login_required
@require_POST
def run_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    run = access.get_run_for_user(request.user, pk, edit=True)
    services.run_cancel(run=run)
    if request.htmx:
        return render(request, "scheduler/run_detail.html#live", _run_context(request, run))
    messages.info(request, _("Cancel requested: the best timetable found so far is kept."))
    return redirect("scheduler:run_detail", pk=run.pk)


@login_required
@require_POST
def run_publish(request: HttpRequest, pk: int) -> HttpResponse:
    run = access.get_run_for_user(request.user, pk, edit=True)
    try:
        services.run_publish(run=run, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Run %(id)d is now the term's timetable.") % {"id": run.pk})
    if request.htmx:
        return HttpResponseClientRedirect(reverse("scheduler:run_detail", args=[run.pk]))
    return redirect("scheduler:run_detail", pk=run.pk)


@login_required
@require_POST
def run_copy(request: HttpRequest, pk: int) -> HttpResponse:
    run = access.get_run_for_user(request.user, pk, edit=True)
    try:
        copy = services.run_copy(run=run, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("scheduler:run_detail", pk=run.pk)
    messages.success(request, _("An editable copy of run %(id)d.") % {"id": run.pk})
    return redirect("scheduler:timetable_grid", pk=copy.pk)
