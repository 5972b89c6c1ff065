"""Programmes and their competency matrix (courses × competencies, targets, gaps, thin spots)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from curriculum.access import (
    get_programme_for_user,
    is_reviewer,
    require_role,
    visible_courses,
    visible_programmes,
)
from curriculum.forms import MatrixFilterForm
from curriculum.matrix import competency_matrix
from curriculum.models import Profile, ProgrammeCourse

Role = Profile.Role


@login_required
@require_GET
def programme_list(request: HttpRequest) -> HttpResponse:
    require_role(request.user, *Role.values)
    counted = Q()
    if is_reviewer(request.user):  # count only the courses shared with the reviewer's firm
        counted = Q(entries__course__in=visible_courses(request.user).values("pk"))
    required = Q(entries__kind=ProgrammeCourse.Kind.REQUIRED) & counted
    elective = Q(entries__kind=ProgrammeCourse.Kind.ELECTIVE) & counted
    programmes = (
        visible_programmes(request.user)
        .select_related("lead")
        .annotate(
            required_count=Count("entries", filter=required, distinct=True),
            elective_count=Count("entries", filter=elective, distinct=True),
            target_count=Count("targets", distinct=True),
        )
        .order_by("code")
    )
    return render(request, "curriculum/programme_list.html", {"programmes": programmes})


@login_required
@require_GET
def programme_matrix(request: HttpRequest, code: str) -> HttpResponse:
    programme = get_programme_for_user(request.user, code)
    form = MatrixFilterForm(request.GET)
    form.is_valid()  # an unknown member is reported on the form and ignored
    courses = visible_courses(request.user) if is_reviewer(request.user) else None
    matrix = competency_matrix(programme, member=form.cleaned_data.get("member"), courses=courses)
    template = "curriculum/programme_matrix.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#matrix"
    context = {
        "programme": programme,
        "form": form,
        "matrix": matrix,
        "partial_view": courses is not None,
    }
    return render(request, template, context)
