"""Who hears about what in the review workflow, and the email that goes with each inbox item.

``services.notify`` creates the inbox rows; the emails leave through Django's mail API
(``mailers.default``, the console backend in development) once the transaction commits, so a
refused or rolled-back action never sends anything.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from curriculum.models import Comment, Institution, Notification, Profile, Syllabus

log = logging.getLogger(__name__)
Role = Profile.Role


def review_url(syllabus: Syllabus) -> str:
    return reverse(
        "review_syllabus", kwargs={"code": syllabus.course.code, "version": syllabus.version}
    )


def team_users(syllabus: Syllabus) -> QuerySet:
    """The faculty of the course who can log in."""
    return get_user_model().objects.filter(
        faculty__courses=syllabus.course, is_active=True, profile__role=Role.FACULTY
    )


def manager_users(syllabus: Syllabus) -> QuerySet:
    """Coordinators and the owner member's scheduling administrators."""
    return get_user_model().objects.filter(
        Q(profile__role=Role.COORDINATOR)
        | Q(profile__role=Role.SCHEDULER, profile__institution=syllabus.course.owner),
        is_active=True,
    )


def firm_reviewers(syllabus: Syllabus, firms: Iterable[Institution] | None = None) -> QuerySet:
    """Reviewers of the firms the course is shared with (or of the given firms among them)."""
    shared = syllabus.course.shares.values("firm")
    users = get_user_model().objects.filter(
        profile__role=Role.REVIEWER, profile__institution__in=shared, is_active=True
    )
    if firms is not None:
        users = users.filter(profile__institution__in=[f.pk for f in firms])
    return users


def comment_audience(comment: Comment) -> QuerySet:
    """Who hears of a new comment: the course faculty, and the thread's firm when it has one."""
    users = team_users(comment.syllabus)
    if comment.firm_id is not None:
        users = users | firm_reviewers(comment.syllabus, [comment.firm])
    return users


def user_languages(user_ids: Iterable[int]) -> dict[int, str]:
    """Each user's chosen language (settings.LANGUAGE_CODE when he has not chosen one)."""
    chosen = dict(
        Profile.objects.filter(user_id__in=list(user_ids)).exclude(language="")
        .values_list("user_id", "language")
    )
    return defaultdict(lambda: settings.LANGUAGE_CODE, chosen)


def send_emails(notifications: list[Notification]) -> None:
    """One email per inbox item, to users with an address, in the recipient's language, after
    the transaction commits."""
    notifications = [n for n in notifications if n.user.email]
    if not notifications:
        return
    languages = user_languages(n.user_id for n in notifications)
    messages = []
    for n in notifications:
        with translation.override(languages[n.user_id]):
            messages.append(
                EmailMessage(
                    subject=f"[ICV] {n.text}"[:180],
                    body=_email_body(n),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    to=[n.user.email],
                )
            )
    transaction.on_commit(lambda: _deliver(messages))


def _deliver(messages: list[EmailMessage]) -> None:
    try:
        mailers.default.send_messages(messages)
    except OSError:  # The inbox item exists; a mail server hiccup must not undo the action.
        log.exception("Could not send %d notification emails", len(messages))


def _email_body(n: Notification) -> str:
    link = f"\n\n{n.url}" if n.url else ""
    return f"{n.text}{link}\n\n-- {_('ICV Curriculum Planner')}"
