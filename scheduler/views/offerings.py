"""Offerings of a term: course, cohorts, faculty; sessions from the syllabus' needs, editable."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from scheduler import access, services
from scheduler import models as m
from scheduler.forms import OfferingForm, SessionFormSet


@login_required
@require_GET
def offering_list(request: HttpRequest, slug: str) -> HttpResponse:
    term = access.get_term_for_user(request.user, slug)
    access.require_staff(request.user)
    offerings = (
        m.Offering.objects.filter(term=term)
        .select_related("course__owner")
        .prefetch_related("cohorts", "faculty")
        .annotate(session_count=Count("sessions"), weekly=Sum("sessions__length"))
    )
    return render(
        request,
        "scheduler/offering_list.html",
        {
            "term": term,
            "offerings": offerings,
            "can_edit": access.can_edit_member(request.user, term.institution_id),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def offering_create(request: HttpRequest, slug: str) -> HttpResponse:
    term = access.get_term_for_user(request.user, slug, edit=True)
    form = OfferingForm(request.POST or None, term=term)
    if request.method == "POST" and form.is_valid():
        offering = services.offering_save(form=form, generate=True)
        messages.success(
            request,
            _("Offering %(code)s added with %(count)d weekly sessions.")
            % {"code": offering.course.code, "count": offering.sessions.count()},
        )
        return redirect("scheduler:offering_edit", pk=offering.pk)
    return render(
        request,
        "scheduler/offering_form.html",
        {"term": term, "form": form, "offering": None, "can_edit": True},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def offering_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offering = access.get_offering_for_user(request.user, pk, edit=request.method == "POST")
    term = offering.term
    can_edit = access.can_edit_member(request.user, term.institution_id)
    data = request.POST if request.method == "POST" else None
    periods = term.periods.count()
    form = OfferingForm(data, instance=offering, term=term)
    sessions = SessionFormSet(data, instance=offering, prefix="sessions", periods=periods)
    if data is not None:
        if not can_edit:
            raise PermissionDenied
        if form.is_valid() and sessions.is_valid():
            services.offering_save(form=form, sessions=sessions)
            messages.success(request, _("Offering saved."))
            return redirect("scheduler:offering_edit", pk=offering.pk)
    return render(
        request,
        "scheduler/offering_form.html",
        {
            "term": term,
            "form": form,
            "sessions": sessions,
            "offering": offering,
            "can_edit": can_edit,
        },
        status=400 if data is not None else 200,
    )


@login_required
@require_POST
def offering_sessions_generate(request: HttpRequest, pk: int) -> HttpResponse:
    offering = access.get_offering_for_user(request.user, pk, edit=True)
    try:
        count = services.offering_sessions_from_syllabus(offering=offering)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(count)d weekly sessions made from the syllabus.") % {"count": count}
        )
    return redirect("scheduler:offering_edit", pk=offering.pk)
