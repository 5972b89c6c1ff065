"""Cohorts: students who take courses together (member, size, programme, courses)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from scheduler import access
from scheduler import models as m
from scheduler.forms import CohortForm


@login_required
@require_GET
def cohort_list(request: HttpRequest) -> HttpResponse:
    access.require_staff(request.user)
    cohorts = m.Cohort.objects.select_related("institution", "programme").annotate(
        course_count=Count("courses")
    )
    return render(
        request,
        "scheduler/cohort_list.html",
        {"cohorts": cohorts, "can_create": access.can_create(request.user)},
    )


def _cohort_page(request: HttpRequest, cohort: m.Cohort | None, can_edit: bool) -> HttpResponse:
    data = request.POST if request.method == "POST" and can_edit else None
    form = CohortForm(data, instance=cohort, user=request.user)
    if data is not None and form.is_valid():
        cohort = form.save()
        messages.success(request, _("Cohort %(code)s saved.") % {"code": cohort.code})
        return redirect("scheduler:cohort_edit", pk=cohort.pk)
    return render(
        request,
        "scheduler/cohort_form.html",
        {"cohort": cohort, "form": form, "can_edit": can_edit},
        status=400 if data is not None else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def cohort_create(request: HttpRequest) -> HttpResponse:
    access.require_staff(request.user)
    return _cohort_page(request, None, True)


@login_required
@require_http_methods(["GET", "POST"])
def cohort_edit(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = access.get_cohort_for_user(request.user, pk, edit=request.method == "POST")
    can_edit = access.can_edit_member(request.user, cohort.institution_id)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    return _cohort_page(request, cohort, can_edit)
