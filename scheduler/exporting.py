"""The ORM side of the timetable exports and calendar feeds.

- Which timetable an export shows (a run, or a term's published or latest successful run) and
  how much of it a user may take away: the coordinator the whole timetable (or any member's pack),
  everyone else only his own member's pack (the sessions that involve his member).
- Background export jobs (``ExportJob``) for big timetables, with progress.
- Calendar feeds: who may subscribe to which faculty member, cohort or room, and the feed itself.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from curriculum.access import User, faculty_of, is_coordinator, member_of, role_of
from curriculum.models import Faculty, Institution, Profile
from exports.grids import week_grids
from exports.ical import Revisions, calendar_ics
from exports.pdf import PDF_CONTENT_TYPE, timetable_book_pdf
from exports.timetable_xlsx import timetable_workbook
from exports.xlsx import XLSX_CONTENT_TYPE
from scheduler.models import (
    Assignment,
    CalendarFeed,
    Cohort,
    ExportJob,
    Publication,
    Room,
    Run,
    Term,
)
from scheduler.timetable import Ref, Timetable, load_timetable

logger = logging.getLogger(__name__)
Role = Profile.Role
Subject = CalendarFeed.Subject

FORMATS = {"xlsx": XLSX_CONTENT_TYPE, "pdf": PDF_CONTENT_TYPE}
# Up to this many week grids an export is made inside the request; above, in the background.
# A grid costs about 10 ms in a workbook and 0.25 s in a PDF book on the CI machines.
SYNC_GRIDS = {"xlsx": 150, "pdf": 8}
# A finished export's file is kept this long; a job not finished this long after it was asked
# for is taken for lost.
KEEP_FILES = dt.timedelta(days=7)
STALE_AFTER = dt.timedelta(minutes=30)
# Terms a calendar feed covers: the newest ones with a published timetable.
FEED_TERMS = 6


# --- Which timetable, and how much of it -------------------------------------------------------


def term_export_run(term: Term) -> Run | None:
    """The term's published timetable, or its latest successful run when none is published."""
    if term.published_run_id is not None:
        return Run.objects.select_related("term").get(pk=term.published_run_id)
    return (
        term.runs.filter(status=Run.Status.SUCCEEDED)
        .select_related("term")
        .order_by("-finished_at", "-created_at", "-id")
        .first()
    )


def export_member(user: User, requested: Institution | None = None) -> Institution | None:
    """The member whose pack the user gets: None (everything) only for the coordinator, who may
    ask for a member's pack; everyone else gets his own member's pack whatever he asks for."""
    if is_coordinator(user):
        return requested
    return member_of(user)


def member_ref(member: Institution | None) -> Ref | None:
    if member is None:
        return None
    return Ref(member.pk, member.code, member.name, member.name_zh, member_id=member.pk)


@dataclass(frozen=True)
class TimetableExport:
    """A timetable ready to export: the data, the pack's member, and what to call the file."""

    timetable: Timetable
    member: Ref | None
    basename: str

    def grids(self) -> int:
        return len(week_grids(self.timetable))

    def filename(self, fmt: str) -> str:
        return f"{self.basename}.{fmt}"


def timetable_export(run: Run, member: Institution | None) -> TimetableExport:
    tt = load_timetable(run, member=member)
    name = f"{tt.term_slug}-timetable-run{run.pk}"
    if member is not None:
        name += f"-{member.code}"
    return TimetableExport(tt, member_ref(member), name)


def render_timetable(export: TimetableExport, fmt: str, progress=None) -> bytes:
    if fmt == "xlsx":
        return timetable_workbook(export.timetable, member=export.member, progress=progress)
    if fmt == "pdf":
        return timetable_book_pdf(export.timetable, member=export.member, progress=progress)
    raise ValueError(f"Unknown timetable export format {fmt!r}.")


def runs_in_background(export: TimetableExport, fmt: str) -> bool:
    return export.grids() > SYNC_GRIDS[fmt]


# --- Background export jobs --------------------------------------------------------------------


def export_job_create(*, user, run: Run, member: Institution | None, fmt: str) -> ExportJob:
    """Queue a timetable export; the worker runs ``export_job_run``. Access is checked by the
    caller: the job stores the member whose pack the user may take."""
    from scheduler.tasks_exports import run_export_job

    if fmt not in FORMATS:
        raise ValueError(f"Unknown timetable export format {fmt!r}.")
    ExportJob.objects.filter(  # files are kept for a week
        requested_by=user, finished_at__lt=timezone.now() - KEEP_FILES
    ).delete()
    job = ExportJob.objects.create(
        requested_by=user,
        kind=f"timetable_{fmt}",
        params={
            "run": run.pk, "member": member.pk if member else None, "format": fmt,
            "language": translation.get_language(),  # the worker writes in the user's language
        },
    )
    transaction.on_commit(lambda: run_export_job.enqueue(job.pk))
    return job


def export_job_check(job: ExportJob) -> ExportJob:
    """A job still queued or running long after it was asked for has lost its worker: say so,
    so that its page stops waiting and the user can start it again."""
    if job.status in (ExportJob.Status.QUEUED, ExportJob.Status.RUNNING) and (
        job.created_at < timezone.now() - STALE_AFTER
    ):
        ExportJob.objects.filter(pk=job.pk, status=job.status).update(
            status=ExportJob.Status.FAILED, finished_at=timezone.now(),
            error=_("The export did not finish: no worker took it up, or it stopped. "
                    "Start it again from the timetable."),
        )
        job.refresh_from_db()
    return job


def export_job_run(*, job_id: int) -> ExportJob:
    """Make the file of a queued job, writing progress at most about once a second."""
    job = ExportJob.objects.get(pk=job_id)
    if job.status not in (ExportJob.Status.QUEUED, ExportJob.Status.RUNNING):
        return job
    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.RUNNING, progress=0)
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= 1 or done == total:
            last[0] = now
            percent = min(99, int(100 * done / max(total, 1)))
            ExportJob.objects.filter(pk=job.pk).update(progress=percent)

    try:
        params = job.params
        run = Run.objects.select_related("term").get(pk=params["run"])
        member = Institution.objects.get(pk=params["member"]) if params.get("member") else None
        with translation.override(params.get("language")):
            export = timetable_export(run, member)
            content = render_timetable(export, params["format"], progress)
    except Exception as error:  # the job reports any failure; the worker goes on
        logger.exception("Export job %s failed", job.pk)
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportJob.Status.FAILED,
            error=str(error) or error.__class__.__name__,
            finished_at=timezone.now(),
        )
    else:
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportJob.Status.DONE,
            progress=100,
            content=content,
            filename=export.filename(params["format"]),
            content_type=FORMATS[params["format"]],
            finished_at=timezone.now(),
        )
    job.refresh_from_db()
    return job


# --- Calendar feeds ----------------------------------------------------------------------------


def feed_subjects(user: User) -> list[tuple[str, int, str]]:
    """(subject, id, label) of everything the user may subscribe to.

    A faculty member: himself and the cohorts he teaches. A scheduling administrator: his
    member's faculty, cohorts and rooms. The coordinator: all of them.
    """
    role = role_of(user)
    people, cohorts, rooms = Faculty.objects.none(), Cohort.objects.none(), Room.objects.none()
    if role == Role.COORDINATOR:
        people, cohorts, rooms = Faculty.objects.all(), Cohort.objects.all(), Room.objects.all()
    elif role == Role.SCHEDULER and member_of(user) is not None:
        member = member_of(user)
        people = Faculty.objects.filter(institution=member)
        cohorts = Cohort.objects.filter(institution=member)
        rooms = Room.objects.filter(campus__institution=member)
    elif role == Role.FACULTY and faculty_of(user) is not None:
        me = faculty_of(user)
        people = Faculty.objects.filter(pk=me.pk)
        cohorts = Cohort.objects.filter(offerings__faculty=me).distinct()
    return (
        [(Subject.FACULTY, f.pk, f.display_name) for f in people.order_by("name")]
        + [(Subject.COHORT, c.pk, f"{c.code} {c}") for c in cohorts.order_by("code")]
        + [(Subject.ROOM, r.pk, str(r)) for r in rooms.order_by("code")]
    )


def may_subscribe(user: User, subject: str, subject_id: int) -> bool:
    """Whether ``user`` may have a feed of this subject (checked again on every fetch)."""
    if not user.is_active:
        return False
    role = role_of(user)
    model = SUBJECT_MODELS.get(subject)
    if model is None or role not in (Role.COORDINATOR, Role.SCHEDULER, Role.FACULTY):
        return False
    if role == Role.COORDINATOR:
        return model.objects.filter(pk=subject_id).exists()
    if role == Role.SCHEDULER:
        member = member_of(user)
        owner = {
            Subject.FACULTY: "institution",
            Subject.COHORT: "institution",
            Subject.ROOM: "campus__institution",
        }[subject]
        return (
            member is not None and model.objects.filter(pk=subject_id, **{owner: member}).exists()
        )
    me = faculty_of(user)
    if me is None:
        return False
    if subject == Subject.FACULTY:
        return subject_id == me.pk
    if subject == Subject.COHORT:
        return Cohort.objects.filter(pk=subject_id, offerings__faculty=me).exists()
    return False


def feed_create(*, user, subject: str, subject_id: int) -> CalendarFeed:
    """The user's active feed of this subject, made if he has none (one per user and subject)."""
    existing = CalendarFeed.objects.filter(
        owner=user, subject=subject, subject_id=subject_id, revoked_at__isnull=True
    ).first()
    return existing or CalendarFeed.objects.create(
        owner=user, subject=subject, subject_id=subject_id
    )


def feed_revoke(*, feed: CalendarFeed) -> None:
    if feed.revoked_at is None:
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at"])


SUBJECT_MODELS = {Subject.FACULTY: Faculty, Subject.COHORT: Cohort, Subject.ROOM: Room}


def feed_subject_names(keys) -> dict[tuple[str, int], str]:
    """Display names of (subject, id) pairs, one query per kind of subject."""
    wanted: dict[str, set[int]] = {}
    for subject, subject_id in keys:
        wanted.setdefault(subject, set()).add(subject_id)
    names = {}
    for subject, ids in wanted.items():
        for obj in SUBJECT_MODELS[subject].objects.filter(pk__in=ids):
            names[(subject, obj.pk)] = obj.display_name if subject == Subject.FACULTY else str(obj)
    return {key: names.get(key, _("(removed)")) for key in keys}


def feed_subject_name(subject: str, subject_id: int) -> str:
    return feed_subject_names([(subject, subject_id)])[(subject, subject_id)]


def feed_terms() -> list[Term]:
    return list(
        Term.objects.filter(published_run__isnull=False)
        .select_related("published_run")
        .order_by("-start_date")[:FEED_TERMS]
    )


def session_revisions(term: Term) -> Revisions:
    """Per session of the term: how often a publication moved it, and when it last changed.

    Publications are compared in order; a session counts a revision each time its day, period
    or room differs from the previous publication that held it. Two queries.
    """
    publications = list(
        Publication.objects.filter(term=term).order_by("at", "id").values_list("run_id", "at")
    )
    if not publications:
        return {}
    placements: dict[int, dict[int, tuple[int, int, int]]] = {}
    for run_id, session_id, day, period, room_id in Assignment.objects.filter(
        run_id__in={run_id for run_id, _at in publications}
    ).values_list("run_id", "session_id", "day", "period", "room_id"):
        placements.setdefault(run_id, {})[session_id] = (day, period, room_id)
    revisions: dict[tuple[str, int], tuple[int, dt.datetime]] = {}
    previous: dict[int, tuple[int, int, int]] = {}
    for run_id, at in publications:
        for session_id, placement in placements.get(run_id, {}).items():
            key = (term.slug, session_id)
            if session_id not in previous:
                revisions.setdefault(key, (0, at))
            elif previous[session_id] != placement:
                revisions[key] = (revisions[key][0] + 1, at)
            previous[session_id] = placement
    return revisions


def feed_ics(feed: CalendarFeed) -> bytes:
    """The feed's calendar: its subject's sessions in the newest published timetables."""
    timetables, revisions = [], {}
    for term in feed_terms():
        timetables.append(load_timetable(term.published_run))
        revisions.update(session_revisions(term))
    return calendar_ics(
        timetables,
        name=feed_subject_name(feed.subject, feed.subject_id),
        subject=feed.subject,
        subject_id=feed.subject_id,
        revisions=revisions,
    )


def subject_calendar(term: Term, run: Run, subject: str, subject_id: int, name: str) -> bytes:
    """One term's calendar of a subject (the ``export calendar`` command)."""
    return calendar_ics(
        [load_timetable(run)],
        name=name,
        subject=subject,
        subject_id=subject_id,
        revisions=session_revisions(term) if run.pk == term.published_run_id else None,
    )
