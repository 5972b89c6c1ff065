"""Calendar feeds: "My calendar feeds" (create, revoke) and the secret feed URL itself.

The feed URL needs no login: its token is the key. A revoked feed, or one whose owner may no
longer see its subject, answers 404.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from curriculum.access import role_of
from curriculum.models import Profile
from exports.ical import ICS_CONTENT_TYPE
from scheduler import exporting
from scheduler.models import CalendarFeed

FEED_ROLES = (Profile.Role.COORDINATOR, Profile.Role.SCHEDULER, Profile.Role.FACULTY)


def require_feed_user(user) -> None:
    """Faculty, scheduling administrators and the coordinator have feeds; others see nothing."""
    if role_of(user) not in FEED_ROLES:
        raise Http404


class FeedForm(forms.Form):
    subject = forms.ChoiceField(label=gettext_lazy("Calendar of"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(CalendarFeed.Subject.choices)
        self.fields["subject"].choices = [
            (f"{subject}:{pk}", f"{labels[subject]}: {label}")
            for subject, pk, label in exporting.feed_subjects(user)
        ]

    def clean_subject(self) -> tuple[str, int]:
        subject, _sep, pk = self.cleaned_data["subject"].partition(":")
        return subject, int(pk)


def _context(request: HttpRequest, form: FeedForm | None = None) -> dict:
    feeds = list(CalendarFeed.objects.filter(owner=request.user).order_by("-created_at", "-id"))
    names = exporting.feed_subject_names([(f.subject, f.subject_id) for f in feeds])
    for feed in feeds:
        path = reverse("scheduler:feed_ics", args=[feed.token])
        feed.url = request.build_absolute_uri(path)
        feed.webcal = "webcal://" + feed.url.split("://", 1)[1]
        feed.name = names[(feed.subject, feed.subject_id)]
    return {"feeds": feeds, "form": form or FeedForm(user=request.user)}


def _respond(request: HttpRequest, context: dict, status: int = 200) -> HttpResponse:
    template = "exports/feed_list.html"
    if request.htmx:
        template += "#feeds"
    return render(request, template, context, status=status)


@login_required
@require_GET
def feed_list(request: HttpRequest) -> HttpResponse:
    require_feed_user(request.user)
    return _respond(request, _context(request))


@login_required
@require_POST
def feed_create(request: HttpRequest) -> HttpResponse:
    require_feed_user(request.user)
    form = FeedForm(request.POST, user=request.user)
    if not form.is_valid():
        return _respond(request, _context(request, form), status=400)
    subject, subject_id = form.cleaned_data["subject"]
    exporting.feed_create(user=request.user, subject=subject, subject_id=subject_id)
    if request.htmx:
        return _respond(request, _context(request))
    messages.success(
        request, _("Your calendar feed is ready: copy its address into your calendar app.")
    )
    return redirect("scheduler:feed_list")


@login_required
@require_POST
def feed_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    feed = get_object_or_404(CalendarFeed, pk=pk, owner=request.user)
    exporting.feed_revoke(feed=feed)
    if request.htmx:
        return _respond(request, _context(request))
    messages.success(request, _("The feed is revoked: its address no longer works."))
    return redirect("scheduler:feed_list")


@require_GET
def feed_ics(request: HttpRequest, token: str) -> HttpResponse:
    """The calendar behind a secret address (no login: calendar apps cannot log in)."""
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("owner"), token=token, revoked_at__isnull=True
    )
    if not exporting.may_subscribe(feed.owner, feed.subject, feed.subject_id):
        raise Http404
    response = HttpResponse(exporting.feed_ics(feed), content_type=ICS_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(
        False, f"{feed.subject}-{feed.subject_id}.ics"
    )
    response["Cache-Control"] = "private, max-age=300"
    return response
