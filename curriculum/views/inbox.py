"""The in-app inbox: review notifications, marked read one by one or all at once."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_POST

from curriculum import services
from curriculum.models import Notification

PAGE_SIZE = 30


def _own_notification(request: HttpRequest, pk: int) -> Notification:
    """The user's own inbox item; anyone else's is a 404."""
    return get_object_or_404(Notification, pk=pk, user=request.user)


def _render_list(request: HttpRequest, *, status: int = 200) -> HttpResponse:
    items = Notification.objects.filter(user=request.user).select_related("syllabus__course")
    if request.GET.get("unread") == "1":
        items = items.filter(read_at__isnull=True)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    template = "curriculum/inbox.html" + ("#list" if request.htmx else "")
    context = {
        "page": page,
        "unread_only": request.GET.get("unread") == "1",
        "unread_count": Notification.objects.filter(
            user=request.user, read_at__isnull=True
        ).count(),
    }
    response = render(request, template, context, status=status)
    if request.htmx:
        response["HX-Trigger"] = "inbox-changed"
    return response


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    """The user's notifications, newest first (``?unread=1`` for the unread ones)."""
    return _render_list(request)


@login_required
@require_POST
def inbox_read(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one item read; with ``open=1`` go on to the page it points at."""
    notification = _own_notification(request, pk)
    services.notification_mark_read(notification=notification, by=request.user)
    if request.POST.get("open") == "1" and notification.url.startswith("/"):
        return redirect(notification.url)
    return _render_list(request) if request.htmx else redirect("inbox")


@login_required
@require_POST
def inbox_read_all(request: HttpRequest) -> HttpResponse:
    services.notification_mark_all_read(user=request.user)
    return _render_list(request) if request.htmx else redirect("inbox")


@login_required
@require_GET
def inbox_badge(request: HttpRequest) -> HttpResponse:
    """The unread count for the navigation bar (an htmx fragment; one query)."""
    count = Notification.objects.filter(user=request.user, read_at__isnull=True).count()
    # Rendered without the request: the navigation's context processors are not needed here.
    return HttpResponse(render_to_string("curriculum/inbox_badge.html", {"unread_count": count}))
