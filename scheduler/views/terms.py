"""Terms: the list, creating and editing one (periods with clock times, holidays), its hub page."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from scheduler import access, services
from scheduler import models as m
from scheduler.forms import GenerateForm, HolidayFormSet, PeriodFormSet, TermForm


@login_required
@require_GET
def term_list(request: HttpRequest) -> HttpResponse:
    terms = access.visible_terms(request.user)
    if not access.may_see_timetables(request.user):
        raise Http404
    terms = terms.select_related("institution", "published_run").annotate(
        offering_count=Count("offerings", distinct=True)
    )
    return render(
        request,
        "scheduler/term_list.html",
        {"terms": terms, "can_create": access.can_create(request.user)},
    )


def _term_forms(request: HttpRequest, term: m.Term | None):
    data = request.POST if request.method == "POST" else None
    form = TermForm(data, instance=term, user=request.user)
    periods = PeriodFormSet(
        data,
        prefix="periods",
        initial=[{"start": p.start, "end": p.end} for p in term.periods.all()] if term else None,
    )
    first = last = None
    if term is not None:
        first, last = term.start_date, term.date_of(term.weeks, 6)
    holidays = HolidayFormSet(
        data,
        prefix="holidays",
        initial=[{"date": h.date, "name": h.name} for h in term.holidays.all()] if term else None,
        first_day=first,
        last_day=last,
    )
    return form, periods, holidays


def _save_term(request: HttpRequest, form, periods, holidays) -> m.Term | None:
    if not (form.is_valid() and periods.is_valid()):
        holidays.is_valid()
        return None
    start, weeks = form.cleaned_data["start_date"], form.cleaned_data["weeks"]
    holidays.first_day = start
    holidays.last_day = start + dt.timedelta(days=weeks * 7 - 1)
    if not holidays.is_valid():
        return None
    return services.term_save(form=form, periods=periods.periods, holidays=holidays.holidays)


def _term_page(request: HttpRequest, term: m.Term | None) -> HttpResponse:
    form, periods, holidays = _term_forms(request, term)
    if request.method == "POST":
        saved = _save_term(request, form, periods, holidays)
        if saved is not None:
            messages.success(request, _("Term saved."))
            return redirect("scheduler:term_detail", slug=saved.slug)
    return render(
        request,
        "scheduler/term_form.html",
        {"form": form, "periods": periods, "holidays": holidays, "term": term},
    )


@login_required
@require_http_methods(["GET", "POST"])
def term_create(request: HttpRequest) -> HttpResponse:
    if not access.can_create(request.user):
        raise Http404
    return _term_page(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def term_edit(request: HttpRequest, slug: str) -> HttpResponse:
    term = access.get_term_for_user(request.user, slug, edit=True)
    return _term_page(request, term)


@login_required
@require_GET
def term_detail(request: HttpRequest, slug: str) -> HttpResponse:
    term = access.get_term_for_user(request.user, slug)
    if not access.is_staff(request.user):
        if term.published_run_id is None:
            raise Http404
        return redirect("scheduler:timetable_grid", pk=term.published_run_id)
    services.runs_fail_stale(term=term)
    can_edit = access.can_edit_member(request.user, term.institution_id)
    runs = term.runs.select_related("created_by")[:50]
    return render(
        request,
        "scheduler/term_detail.html",
        {
            "term": term,
            "periods": list(term.periods.all()),
            "holidays": list(term.holidays.all()),
            "offering_count": term.offerings.count(),
            "runs": runs,
            "publications": term.publications.select_related("run", "by")[:20],
            "can_edit": can_edit,
            "generate_form": GenerateForm(term=term) if can_edit else None,
        },
    )
