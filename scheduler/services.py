"""Timetabling workflows: checking a term, running, cancelling and publishing solves, pins, moves.

Views, the task and the `solve` command call these keyword-only functions; the engine is reached
through `scheduler.adapters` only.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, OperationalError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from curriculum.models import Faculty, Feature
from scheduler import adapters
from scheduler import models as m
from scheduler.sentences import stored
from scheduler.solver import instance as si

log = logging.getLogger(__name__)

Run = m.Run
Status = m.Run.Status

PROGRESS_EVERY_S = 1.0  # at most one progress write a second
HEARTBEAT_EVERY_S = 2.0  # at least one sign of life every two seconds
CANCEL_POLL_S = 0.5  # how often the database is asked whether the run was cancelled
MAX_PROGRESS_POINTS = 240
LOCK_RETRIES = 8  # a locked SQLite database: try a write again this many times


def _retrying[T](write: Callable[[], T]) -> T:
    """Run a short write again while the database reports itself locked (SQLite under load)."""
    for attempt in range(LOCK_RETRIES):
        try:
            return write()
        except OperationalError as error:
            if "locked" not in str(error).lower() or attempt == LOCK_RETRIES - 1:
                raise
            log.warning("Database locked; writing again (%d)", attempt + 1)
            time.sleep(0.05 * 2**attempt)
    raise AssertionError("unreachable")


# --- Before a solve: what makes a term impossible to timetable, in sentences --------------------


@dataclass(frozen=True)
class Problem:
    """A reason not to start a solve, with the things to change (as engine refs)."""

    message: str  # the app's own, translated already, or an engine Text translated when shown
    refs: tuple[tuple[str, int], ...] = ()

    def as_dict(self) -> dict:
        return {**stored(self.message), "refs": [list(r) for r in self.refs]}


class RunRefused(ValidationError):
    """Generate was refused: ``problems`` says why, each with what to change."""

    def __init__(self, problems: list[Problem]):
        super().__init__([p.message for p in problems])
        self.problems = problems


def _kind_name(kind: str) -> str:
    """'lecture' in the active language, lower case as the sentences use it."""
    return str(m.SessionKind(kind).label).lower() if kind in m.SessionKind.values else kind


def _own_checks(term: m.Term, instance: si.Instance, mode: str) -> list[Problem]:
    """Checks of the app's data that the engine cannot phrase: empty grid, missing people."""
    grid = instance.grid
    problems: list[Problem] = []
    if grid.periods_per_day == 0:
        problems.append(
            Problem(
                _(
                    "The term %(term)s has no teaching periods: add the periods of a day with "
                    "their clock times before generating."
                )
                % {"term": term},
                (("term", term.pk),),
            )
        )
    if not instance.courses:
        problems.append(
            Problem(
                _("The term %(term)s has no offerings: add the courses it teaches.")
                % {"term": term},
                (("offerings", term.pk),),
            )
        )
    if mode == Run.Mode.MINIMAL and not instance.reference:
        problems.append(
            Problem(
                _(
                    "Minimal change keeps close to a timetable: the published one, which the "
                    "term has not yet, or a run you choose. Publish a run first, re-solve from "
                    "a run's page, or choose another mode."
                ),
                (("term", term.pk),),
            )
        )
    room_features = set().union(*(r.features for r in instance.rooms)) if instance.rooms else set()
    slots = grid.slots
    demand: dict[int, int] = {}
    for course in instance.courses:
        if not course.faculty:
            problems.append(
                Problem(
                    _("%(course)s has no faculty: name who teaches it.") % {"course": course.name},
                    (("course", course.id),),
                )
            )
        if not course.sessions:
            problems.append(
                Problem(
                    _(
                        "%(course)s has no weekly sessions: generate them from the syllabus or "
                        "add them."
                    )
                    % {"course": course.name},
                    (("course", course.id),),
                )
            )
        for session in course.sessions:
            missing = session.features - room_features
            if missing:
                feature_names = {f.code: str(f) for f in Feature.objects.filter(code__in=missing)}
                problems.append(
                    Problem(
                        _("A %(kind)s of %(course)s needs %(features)s, which no room has.")
                        % {
                            "kind": _kind_name(session.kind),
                            "course": course.name,
                            "features": ", ".join(sorted(feature_names.get(c, c) for c in missing)),
                        },
                        (("course", course.id),),
                    )
                )
            if grid.periods_per_day and session.length > grid.periods_per_day:
                problems.append(
                    Problem(
                        _(
                            "A %(kind)s of %(course)s lasts %(length)d periods, longer than a "
                            "day's %(periods)d."
                        )
                        % {
                            "kind": _kind_name(session.kind),
                            "course": course.name,
                            "length": session.length,
                            "periods": grid.periods_per_day,
                        },
                        (("course", course.id),),
                    )
                )
            pin = session.pinned
            if pin is not None and (
                pin.day >= grid.days or pin.period + session.length > grid.periods_per_day
            ):
                problems.append(
                    Problem(
                        _(
                            "A %(kind)s of %(course)s is pinned to day %(day)d, period %(period)d, "
                            "outside the term's week."
                        )
                        % {
                            "kind": _kind_name(session.kind),
                            "course": course.name,
                            "day": pin.day + 1,
                            "period": pin.period + 1,
                        },
                        (("course", course.id),),
                    )
                )
        weekly = sum(s.length for s in course.sessions)
        for cohort in course.cohorts:
            demand[cohort] = demand.get(cohort, 0) + weekly
    problems += _load_limit_problems(term, instance)
    for cohort in instance.cohorts:
        if slots and demand.get(cohort.id, 0) > slots:
            problems.append(
                Problem(
                    _(
                        "The cohort %(cohort)s takes %(need)d periods a week, but the week holds "
                        "%(slots)d (%(days)d days of %(periods)d periods)."
                    )
                    % {
                        "cohort": cohort.name,
                        "need": demand[cohort.id],
                        "slots": slots,
                        "days": grid.days,
                        "periods": grid.periods_per_day,
                    },
                    (("cohort", cohort.id),),
                )
            )
    return problems


def _load_limit_problems(term: m.Term, instance: si.Instance) -> list[Problem]:
    """Every session is placed, so a teacher's weekly periods are known before any solve: a
    teacher over his weekly load limit is a refusal, not something a timetable could fix."""
    weekly: dict[int, int] = {}
    for course in instance.courses:
        for teacher in course.faculty:
            weekly[teacher] = weekly.get(teacher, 0) + sum(s.length for s in course.sessions)
    limits = Faculty.objects.filter(pk__in=weekly)
    return [
        Problem(
            _(
                "%(teacher)s teaches %(need)d periods a week in %(term)s, above the weekly load "
                "limit of %(limit)d: share a course with a colleague or raise the limit."
            )
            % {"teacher": t, "need": weekly[t.pk], "term": term, "limit": t.weekly_load_limit},
            (("faculty", t.pk),),
        )
        for t in limits
        if weekly[t.pk] > t.weekly_load_limit
    ]


def term_precheck(
    term: m.Term, *, mode: str = Run.Mode.FRESH, reference: Run | None = None
) -> list[Problem]:
    """Why a solve of the term cannot succeed, found before it starts (empty when none)."""
    instance, _index = adapters.build_instance(term, mode=mode, reference_run=reference)
    problems = _own_checks(term, instance, mode)
    if problems:
        return problems
    from scheduler.solver.explain import precheck

    return [Problem(c.message, tuple(tuple(r) for r in c.refs)) for c in precheck(instance)]


# --- Starting, running and ending a run ------------------------------------------------------


def run_create(
    *,
    term: m.Term,
    by,
    mode: str,
    time_limit_s: int,
    seed: int = 0,
    reference: Run | None = None,
    enqueue: bool = True,
) -> Run:
    """A queued run of the term, its task enqueued once the transaction commits.

    In minimal-change mode the solve stays close to ``reference`` (by default the published
    run). Raises RunRefused with sentences when the term cannot be timetabled as it stands.
    """
    if mode != Run.Mode.MINIMAL:
        reference = None
    elif reference is None and term.published_run_id is not None:
        reference = Run.objects.get(pk=term.published_run_id)
    problems = term_precheck(term, mode=mode, reference=reference)
    if problems:
        raise RunRefused(problems)
    run = Run.objects.create(
        term=term,
        mode=mode,
        time_limit_s=time_limit_s,
        seed=seed,
        created_by=by,
        reference=reference,
    )
    if enqueue:
        transaction.on_commit(lambda: _enqueue(run))
    return run


def _enqueue(run: Run) -> None:
    from scheduler.tasks import solve_run

    run.task_id = str(solve_run.enqueue(run.pk).id)
    Run.objects.filter(pk=run.pk).update(task_id=run.task_id)


def runs_fail_stale(*, term: m.Term | None = None) -> int:
    """Mark failed the running runs whose worker gave no sign of life within the timeout.

    A worker killed mid-solve leaves its run `running`; the next worker (at task start) and every
    page that shows runs call this. The published timetable is never touched.
    """
    limit = timezone.now() - dt.timedelta(seconds=settings.RUN_HEARTBEAT_TIMEOUT_S)
    runs = Run.objects.filter(status=Status.RUNNING).filter(
        Q(heartbeat_at__lt=limit) | Q(heartbeat_at__isnull=True, started_at__lt=limit)
    )
    if term is not None:
        runs = runs.filter(term=term)
    return runs.update(
        status=Status.FAILED,
        finished_at=timezone.now(),
        error=_(
            "The worker stopped while solving (no sign of life for %(seconds)d s). The "
            "published timetable is untouched; generate again."
        )
        % {"seconds": settings.RUN_HEARTBEAT_TIMEOUT_S},
    )


def run_fail_if_task_ended(run: Run) -> bool:
    """A queued run whose task already ended (e.g. it raised before solving) is marked failed."""
    if run.status != Status.QUEUED or not run.task_id:
        return False
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    ended = DBTaskResult.objects.filter(
        pk=run.task_id, status__in=(TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL)
    ).exists()
    if ended:
        Run.objects.filter(pk=run.pk, status=Status.QUEUED).update(
            status=Status.FAILED,
            finished_at=timezone.now(),
            error=_("The background task ended without solving; generate again."),
        )
    return ended


class RunMonitor:
    """Carries the engine's callbacks to the database from a thread of its own.

    The engine may call `on_progress` from its own threads; they only record. The monitor thread
    writes progress at most once a second, a heartbeat at least every two seconds, and reads
    `cancel_requested` twice a second so that `should_stop` turns true soon after a Cancel.
    """

    def __init__(self, run_id: int, *, report: Callable[[si.Progress], None] | None = None):
        self.run_id = run_id
        self.report = report
        self.cancelled = False
        self.lost = False  # the run was ended by someone else (e.g. marked failed)
        self._lock = threading.Lock()
        self._points: list[list] = []
        self._latest: si.Progress | None = None
        self._penalties: dict[str, int] | None = None  # of the latest report that had them
        self._dirty = False
        self._stop = threading.Event()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=f"run-{run_id}", daemon=True)

    def on_progress(self, progress: si.Progress) -> None:
        with self._lock:
            self._latest = progress
            if progress.penalties is not None:
                self._penalties = progress.penalties
            self._points.append([round(progress.elapsed_s, 2), progress.objective, progress.bound])
            if len(self._points) > MAX_PROGRESS_POINTS:
                self._points = self._points[:1] + self._points[2::2] + self._points[-1:]
            self._dirty = True

    def should_stop(self) -> bool:
        return self._stop.is_set()

    @property
    def points(self) -> list[list]:
        with self._lock:
            return list(self._points)

    def __enter__(self) -> RunMonitor:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()
        self._thread.join()
        with self._lock:
            latest, dirty = self._latest, self._dirty
        if dirty and latest is not None and self.report is not None:
            self.report(latest)  # the last figures; the final save writes them

    def _loop(self) -> None:
        last_write = time.monotonic()
        try:
            while not self._done.wait(CANCEL_POLL_S):
                try:
                    self._poll_cancel()
                    now = time.monotonic()
                    due = now - last_write >= HEARTBEAT_EVERY_S
                    if due or (self._dirty and now - last_write >= PROGRESS_EVERY_S):
                        self._write()
                        last_write = now
                except DatabaseError:  # e.g. a locked SQLite file: try again next time round
                    log.warning("Run %s: progress not written this time", self.run_id)
        finally:
            connection.close()

    def _poll_cancel(self) -> None:
        row = Run.objects.filter(pk=self.run_id).values("status", "cancel_requested").first()
        if row is None or row["status"] != Status.RUNNING:
            self.lost = True
            self._stop.set()
        elif row["cancel_requested"]:
            self.cancelled = True
            self._stop.set()

    def _write(self) -> None:
        values: dict = {"heartbeat_at": timezone.now()}
        with self._lock:
            latest, dirty = self._latest, self._dirty
            if dirty and latest is not None:
                values.update(
                    progress=list(self._points),
                    objective=latest.objective,
                    bound=latest.bound,
                    solutions_found=latest.solutions,
                )
                if self._penalties is not None:
                    values["penalties"] = dict(self._penalties)
            self._dirty = False
        Run.objects.filter(pk=self.run_id, status=Status.RUNNING).update(**values)
        if dirty and latest is not None and self.report is not None:
            self.report(latest)


def hint_for(run: Run) -> tuple[si.Placement, ...] | None:
    """A warm start: the reference in minimal mode, the published timetable with pins."""
    if run.mode == Run.Mode.MINIMAL and run.reference_id is not None:
        return adapters.placements_of(m.Run(pk=run.reference_id)) or None
    if run.mode == Run.Mode.FRESH or run.term.published_run_id is None:
        return None
    return adapters.placements_of(m.Run(pk=run.term.published_run_id)) or None


def _outcome(solution: si.Solution, monitor: RunMonitor, run: Run) -> tuple[str, str]:
    """The run's final status and error text for an engine result."""
    found = solution.status in (si.Status.OPTIMAL, si.Status.FEASIBLE)
    if monitor.cancelled:
        return Status.CANCELLED, ""
    if found:
        return Status.SUCCEEDED, ""
    if solution.status == si.Status.INFEASIBLE:
        return Status.INFEASIBLE, ""
    if solution.status == si.Status.UNKNOWN:
        return Status.FAILED, _(
            "No timetable was found within %(seconds)d s. Try a longer time limit, or read "
            "the explanation below."
        ) % {"seconds": run.time_limit_s}
    return Status.FAILED, _("The engine rejected the model (status %(status)s): a bug.") % {
        "status": solution.status
    }


def run_execute(*, run_id: int, report: Callable[[si.Progress], None] | None = None) -> str:
    """Claim a queued run, solve it, save the result; returns the final status.

    The one code path of the background task and of `manage.py solve`.
    """
    _retrying(runs_fail_stale)
    now = timezone.now()
    claimed = _retrying(
        lambda: Run.objects.filter(pk=run_id, status=Status.QUEUED).update(
            status=Status.RUNNING, started_at=now, heartbeat_at=now
        )
    )
    run = Run.objects.select_related("term", "reference").get(pk=run_id)
    if not claimed:
        log.info("Run %s is %s, not queued: nothing to do", run_id, run.status)
        return run.status
    try:
        with RunMonitor(run.pk, report=report) as monitor:
            from scheduler.solver.solve import solve

            instance, _index = adapters.build_instance(
                run.term, mode=run.mode, reference_run=run.reference
            )
            solution = solve(
                instance,
                time_limit_s=run.time_limit_s,
                num_workers=settings.SOLVER_WORKERS,
                seed=run.seed,
                hint=hint_for(run),
                on_progress=monitor.on_progress,
                should_stop=monitor.should_stop,
            )
            status, error = _outcome(solution, monitor, run)
            if status in (Status.INFEASIBLE, Status.FAILED) and not solution.explanation:
                from scheduler.solver.explain import explain

                conflicts = tuple(explain(instance, time_limit_s=min(30, run.time_limit_s)))
                solution = _with_explanation(solution, conflicts)
        finished = timezone.now()
        saved = _retrying(
            lambda: adapters.save_solution(
                run,
                solution,
                only_if_status=Status.RUNNING,
                status=status,
                error=error,
                progress=monitor.points,
                finished_at=finished,
                heartbeat_at=finished,
            )
        )
        if not saved:
            run.refresh_from_db()
            log.warning("Run %s ended as %s before its result was saved", run.pk, run.status)
            return run.status
        return status
    except Exception as exc:
        log.exception("Run %s failed", run_id)
        error = f"{type(exc).__name__}: {exc}"
        _retrying(
            lambda: Run.objects.filter(pk=run_id, status=Status.RUNNING).update(
                status=Status.FAILED, error=error, finished_at=timezone.now()
            )
        )
        return Status.FAILED


def _with_explanation(solution: si.Solution, conflicts: tuple[si.Conflict, ...]) -> si.Solution:
    import dataclasses

    return dataclasses.replace(solution, explanation=conflicts)


def run_cancel(*, run: Run) -> Run:
    """Ask a run to stop. A queued run is cancelled at once; a running one keeps its best."""
    _retrying(
        lambda: Run.objects.filter(pk=run.pk, status=Status.QUEUED).update(
            status=Status.CANCELLED, cancel_requested=True, finished_at=timezone.now()
        )
    )
    _retrying(
        lambda: Run.objects.filter(pk=run.pk, status=Status.RUNNING).update(cancel_requested=True)
    )
    run.refresh_from_db()
    return run


def run_has_timetable(run: Run) -> bool:
    return run.status in (Status.SUCCEEDED, Status.CANCELLED) and run.objective is not None


def run_publish(*, run: Run, by) -> m.Publication:
    """Make the run the term's timetable; earlier publications stay as history."""
    if not run_has_timetable(run):
        raise ValidationError(_("Only a finished run with a timetable can be published."))
    if run.hard_violations:
        raise ValidationError(
            ngettext(
                "This timetable breaks %(count)d hard rule; it cannot be published.",
                "This timetable breaks %(count)d hard rules; it cannot be published.",
                run.hard_violations,
            )
            % {"count": run.hard_violations}
        )
    with transaction.atomic():
        publication = m.Publication.objects.create(term_id=run.term_id, run=run, by=by)
        m.Term.objects.filter(pk=run.term_id).update(published_run=run)
    run.term.published_run = run
    return publication


# --- Setup -------------------------------------------------------------------------------------


def term_save(*, form, periods: list[tuple[dt.time, dt.time]], holidays: dict) -> m.Term:
    """Save a term with its day's periods (numbered by start time) and holidays, all or nothing."""
    with transaction.atomic():
        term = form.save()
        m.TermPeriod.objects.filter(term=term).delete()
        m.TermPeriod.objects.bulk_create(
            m.TermPeriod(term=term, index=i, start=start, end=end)
            for i, (start, end) in enumerate(sorted(periods))
        )
        m.Holiday.objects.filter(term=term).delete()
        m.Holiday.objects.bulk_create(
            m.Holiday(term=term, date=day, name=name) for day, name in sorted(holidays.items())
        )
    return term


def room_save(*, form, loans) -> m.Room:
    with transaction.atomic():
        room = form.save()
        loans.instance = room
        loans.save()
    return room


AVAILABILITY_CYCLE = {
    None: m.FacultyAvailability.Kind.UNAVAILABLE,
    m.FacultyAvailability.Kind.UNAVAILABLE: m.FacultyAvailability.Kind.DISCOURAGED,
    m.FacultyAvailability.Kind.DISCOURAGED: m.FacultyAvailability.Kind.PREFERRED,
    m.FacultyAvailability.Kind.PREFERRED: None,
}


def _check_cell(term: m.Term, day: int, period: int) -> None:
    if not (0 <= day < term.days_per_week and 0 <= period < term.periods.count()):
        raise ValidationError(_("That period is not in the term's week."))


def faculty_availability_cycle(*, term: m.Term, faculty, day: int, period: int) -> str | None:
    """Cycle one period of a faculty member: free → unavailable → rather not → preferred → free."""
    _check_cell(term, day, period)
    with transaction.atomic():
        cell = (
            m.FacultyAvailability.objects.select_for_update()
            .filter(term=term, faculty=faculty, day=day, period=period)
            .first()
        )
        kind = AVAILABILITY_CYCLE[cell.kind if cell else None]
        if cell is not None and kind is None:
            cell.delete()
        elif cell is not None:
            cell.kind = kind
            cell.save(update_fields=["kind"])
        else:
            m.FacultyAvailability.objects.create(
                term=term, faculty=faculty, day=day, period=period, kind=kind
            )
    return kind


def room_unavailability_toggle(*, term: m.Term, room: m.Room, day: int, period: int) -> bool:
    """Toggle one period of a room between available and unavailable; returns unavailable."""
    _check_cell(term, day, period)
    with transaction.atomic():
        deleted, _rows = m.RoomUnavailability.objects.filter(
            term=term, room=room, day=day, period=period
        ).delete()
        if not deleted:
            m.RoomUnavailability.objects.create(term=term, room=room, day=day, period=period)
    return not deleted


def offering_sessions_from_syllabus(*, offering: m.Offering) -> int:
    """Replace the offering's sessions by one per weekly meeting its current syllabus needs.

    Refused when a session is in a published timetable. Returns the number of sessions made.
    """
    syllabus = offering.course.current_syllabus()
    if syllabus is None or not syllabus.session_needs.exists():
        raise ValidationError(
            _("The current syllabus of %(course)s states no session needs.")
            % {"course": offering.course.code}
        )
    if m.Assignment.objects.filter(
        session__offering=offering, run__publications__isnull=False
    ).exists():
        raise ValidationError(
            _(
                "Sessions of %(course)s are in a published timetable; edit them one by one "
                "instead of generating them again."
            )
            % {"course": offering.course.code}
        )
    made = 0
    with transaction.atomic():
        offering.sessions.all().delete()
        for need in syllabus.session_needs.prefetch_related("features"):
            features = list(need.features.all())
            for _n in range(need.count):
                session = m.Session.objects.create(
                    offering=offering, kind=need.kind, length=need.length
                )
                session.features.set(features)
                made += 1
    return made


def offering_save(*, form, sessions=None, generate: bool = False) -> m.Offering:
    """Save an offering (and its session rows); a new one gets its sessions from the syllabus."""
    with transaction.atomic():
        offering = form.save()
        if sessions is not None:
            sessions.instance = offering
            sessions.save()
        if generate:
            syllabus = offering.course.current_syllabus()
            if syllabus is not None and syllabus.session_needs.exists():
                offering_sessions_from_syllabus(offering=offering)
    return offering


# --- Copies, pins and moves by hand ------------------------------------------------------------


def run_is_frozen(run: Run) -> bool:
    """A run that is or was published does not change: edits go to a copy."""
    return run.term.published_run_id == run.pk or run.publications.exists()


def run_copy(*, run: Run, by) -> Run:
    """An editable copy of a finished run: same placements, figures and parameters."""
    if not run_has_timetable(run):
        raise ValidationError(_("Only a finished run with a timetable can be copied."))
    now = timezone.now()
    with transaction.atomic():
        copy = Run.objects.create(
            term_id=run.term_id,
            status=Status.SUCCEEDED,
            mode=run.mode,
            time_limit_s=run.time_limit_s,
            seed=run.seed,
            created_by=by,
            created_at=now,
            started_at=now,
            finished_at=now,
            objective=run.objective,
            bound=run.bound,
            penalties=run.penalties,
            hard_violations=run.hard_violations,
            violations=run.violations,
            solutions_found=run.solutions_found,
            copied_from=run,
            reference=run.reference,
        )
        m.Assignment.objects.bulk_create(
            m.Assignment(
                run=copy, session_id=a.session_id, day=a.day, period=a.period, room_id=a.room_id
            )
            for a in run.assignments.all()
        )
    return copy


def session_pin(*, session: m.Session, run: Run) -> m.Session:
    """Pin a session where the run placed it (day, period and room), for the next solves."""
    placed = m.Assignment.objects.filter(run=run, session=session).first()
    if placed is None:
        raise ValidationError(_("This run does not place that session."))
    session.pin_day, session.pin_period, session.pin_room_id = (
        placed.day,
        placed.period,
        placed.room_id,
    )
    session.save(update_fields=["pin_day", "pin_period", "pin_room"])
    return session


def session_unpin(*, session: m.Session) -> m.Session:
    session.pin_day = session.pin_period = session.pin_room = None
    session.save(update_fields=["pin_day", "pin_period", "pin_room"])
    return session


@dataclass(frozen=True)
class Check:
    """The rules a timetable breaks, recomputed without the solver (validate.py)."""

    violations: tuple[si.Violation, ...]
    penalties: dict[str, int]
    objective: int
    hard: int


def timetable_check(run: Run, placements) -> Check:
    """What validate.py says of these placements for the run's term and mode."""
    from scheduler.solver.validate import validate

    instance, _index = adapters.build_instance(run.term, mode=run.mode, reference_run=run.reference)
    report = validate(instance, tuple(placements))
    return Check(
        violations=report.violations,
        penalties={rule: report.penalties.get(rule, 0) for rule in si.SOFT_RULES},
        objective=report.cost,
        hard=len(report.hard),
    )


def _moved(placements, session: m.Session, day: int, period: int, room: m.Room):
    out = [p for p in placements if p.session != session.pk]
    out.append(si.Placement(session=session.pk, day=day, period=period, room=room.pk))
    return tuple(out)


@dataclass(frozen=True)
class Preview:
    before: Check
    after: Check
    new: tuple[si.Violation, ...]  # broken after the move, not before
    gone: tuple[si.Violation, ...]  # broken before, not after

    @property
    def delta(self) -> int:
        return self.after.objective - self.before.objective

    def rule_deltas(self) -> list[tuple[str, int, int]]:
        return [
            (rule, self.before.penalties.get(rule, 0), self.after.penalties.get(rule, 0))
            for rule in si.SOFT_RULES
            if self.before.penalties.get(rule, 0) != self.after.penalties.get(rule, 0)
        ]


def move_preview(*, run: Run, session: m.Session, day: int, period: int, room: m.Room) -> Preview:
    """Which rules moving the session would break (or mend), before anything is saved."""
    placements = adapters.placements_of(run)
    before = timetable_check(run, placements)
    after = timetable_check(run, _moved(placements, session, day, period, room))
    old = {v.message for v in before.violations}
    now = {v.message for v in after.violations}
    return Preview(
        before=before,
        after=after,
        new=tuple(v for v in after.violations if v.message not in old),
        gone=tuple(v for v in before.violations if v.message not in now),
    )


def assignment_move(*, run: Run, session: m.Session, day: int, period: int, room: m.Room) -> Check:
    """Move a session of an unpublished run by hand and store the rules the run now breaks."""
    if run_is_frozen(run):
        raise ValidationError(
            _("A published timetable does not change: make an editable copy and move there.")
        )
    if not run_has_timetable(run):
        raise ValidationError(_("Only a finished run with a timetable can be edited."))
    placements = _moved(adapters.placements_of(run), session, day, period, room)
    check = timetable_check(run, placements)
    with transaction.atomic():
        m.Assignment.objects.update_or_create(
            run=run, session=session, defaults={"day": day, "period": period, "room": room}
        )
        Run.objects.filter(pk=run.pk).update(
            objective=check.objective,
            penalties=check.penalties,
            hard_violations=check.hard,
            violations=adapters.violation_dicts(check.violations),
            edited_at=timezone.now(),
        )
    run.refresh_from_db()
    return check
