"""Rooms and labs: list, create, edit with loans to members (caps), unavailable periods per term."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from scheduler import access, services
from scheduler import models as m
from scheduler.forms import LoanFormSet, RoomForm
from scheduler.views.cells import change_cell, week_cells


@login_required
@require_GET
def room_list(request: HttpRequest) -> HttpResponse:
    access.require_staff(request.user)
    rooms = m.Room.objects.select_related("campus__institution").prefetch_related(
        "features", "loans__borrower"
    )
    return render(
        request,
        "scheduler/room_list.html",
        {"rooms": rooms, "can_create": access.can_create(request.user)},
    )


def _room_page(request: HttpRequest, room: m.Room | None, can_edit: bool) -> HttpResponse:
    data = request.POST if request.method == "POST" and can_edit else None
    form = RoomForm(data, instance=room, user=request.user)
    loans = LoanFormSet(data, instance=room or m.Room(), prefix="loans")
    if data is not None and form.is_valid():
        loans.instance = form.instance
        if loans.is_valid():
            room = services.room_save(form=form, loans=loans)
            messages.success(request, _("Room %(code)s saved.") % {"code": room.code})
            return redirect("scheduler:room_edit", pk=room.pk)
    elif data is not None:
        loans.is_valid()
    return render(
        request,
        "scheduler/room_form.html",
        {
            "room": room,
            "form": form,
            "loans": loans,
            "can_edit": can_edit,
            "terms": m.Term.objects.all() if room else [],
        },
        status=400 if data is not None else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def room_create(request: HttpRequest) -> HttpResponse:
    access.require_staff(request.user)
    return _room_page(request, None, True)


@login_required
@require_http_methods(["GET", "POST"])
def room_edit(request: HttpRequest, pk: int) -> HttpResponse:
    room = access.get_room_for_user(request.user, pk)
    can_edit = access.can_edit_member(request.user, room.campus.institution_id)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    return _room_page(request, room, can_edit)


@login_required
@require_http_methods(["GET", "POST"])
def room_unavailability(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    room = access.get_room_for_user(request.user, pk, edit=request.method == "POST")
    term = access.get_term_for_user(request.user, slug)
    error = ""
    if request.method == "POST":
        error = change_cell(
            request,
            lambda d, p: services.room_unavailability_toggle(term=term, room=room, day=d, period=p),
        )
        if not request.htmx and not error:
            return redirect("scheduler:room_unavailability", pk=room.pk, slug=term.slug)
    marks = {
        (u.day, u.period): "unavailable"
        for u in m.RoomUnavailability.objects.filter(term=term, room=room)
    }
    context = {
        "room": room,
        "term": term,
        "week": week_cells(term, marks, {"unavailable": _("Unavailable")}),
        "can_edit": access.can_edit_member(request.user, room.campus.institution_id),
        "action": request.path,
        "error": error,
    }
    template = "scheduler/room_unavailability.html"
    if request.htmx:
        template += "#week"
    return render(request, template, context, status=400 if error else 200)
