"""Faculty availability per period of a term's week (unavailable, rather not, preferred), limits."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from curriculum.models import Faculty
from scheduler import access, services
from scheduler import models as m
from scheduler.forms import FacultyLimitsForm
from scheduler.views.cells import change_cell, week_cells


@login_required
@require_GET
def faculty_list(request: HttpRequest) -> HttpResponse:
    access.require_staff(request.user)
    terms = list(m.Term.objects.order_by("-start_date"))
    wanted = request.GET.get("term")
    term = next((t for t in terms if t.slug == wanted), terms[0] if terms else None)
    faculty = Faculty.objects.select_related("institution").order_by("institution__name", "name")
    return render(
        request,
        "scheduler/faculty_list.html",
        {"faculty": faculty, "terms": terms, "term": term},
    )


@login_required
@require_http_methods(["GET", "POST"])
def faculty_availability(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    person = access.get_faculty_for_user(request.user, pk, edit=request.method == "POST")
    term = access.get_term_for_user(request.user, slug)
    can_edit = access.can_edit_member(request.user, person.institution_id)
    limits = FacultyLimitsForm(instance=person)
    error = ""
    if request.method == "POST" and "cell" in request.POST:
        error = change_cell(
            request,
            lambda d, p: services.faculty_availability_cycle(
                term=term, faculty=person, day=d, period=p
            ),
        )
        if not request.htmx and not error:
            return redirect("scheduler:faculty_availability", pk=person.pk, slug=term.slug)
    elif request.method == "POST":
        limits = FacultyLimitsForm(request.POST, instance=person)
        if limits.is_valid():
            limits.save()
            messages.success(request, _("Limits saved."))
            return redirect("scheduler:faculty_availability", pk=person.pk, slug=term.slug)
        error = _("Check the limits below.")
    marks = {
        (a.day, a.period): a.kind
        for a in m.FacultyAvailability.objects.filter(term=term, faculty=person)
    }
    context = {
        "person": person,
        "term": term,
        "week": week_cells(term, marks, dict(m.FacultyAvailability.Kind.choices)),
        "limits": limits,
        "can_edit": can_edit,
        "action": request.path,
        "error": error,
        "kinds": m.FacultyAvailability.Kind.choices,
    }
    template = "scheduler/faculty_availability.html"
    if request.htmx:
        template += "#week"
    return render(request, template, context, status=400 if error else 200)
