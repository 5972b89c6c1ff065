"""Terms, rooms, offerings and their sessions, solver runs and the timetables they produce."""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from curriculum.models import (
    Campus,
    Course,
    Faculty,
    Feature,
    Institution,
    Programme,
    SessionKind,
    bilingual,
)

DAY_NAMES = (
    _("Monday"),
    _("Tuesday"),
    _("Wednesday"),
    _("Thursday"),
    _("Friday"),
    _("Saturday"),
    _("Sunday"),
)


class Term(models.Model):
    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    institution = models.ForeignKey(
        Institution,
        on_delete=models.PROTECT,
        related_name="terms",
        verbose_name=_("organising member"),
    )
    start_date = models.DateField(_("start date"), help_text=_("The Monday of week 1."))
    weeks = models.PositiveSmallIntegerField(
        _("weeks"), validators=[MinValueValidator(1), MaxValueValidator(30)]
    )
    days_per_week = models.PositiveSmallIntegerField(
        _("days per week"), default=5, validators=[MinValueValidator(1), MaxValueValidator(7)]
    )
    published_run = models.ForeignKey(
        "Run",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published timetable"),
    )

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("term")

    def __str__(self) -> str:
        return bilingual(self.name, self.name_zh)

    def day_name(self, day: int) -> str:
        return str(DAY_NAMES[day])

    def date_of(self, week: int, day: int) -> dt.date:
        """The calendar date of a day (0 = first teaching day) in a week (1-based)."""
        return self.start_date + dt.timedelta(weeks=week - 1, days=day)


class TermPeriod(models.Model):
    """One period of every teaching day, with its clock times (Asia/Shanghai by default)."""

    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="periods")
    index = models.PositiveSmallIntegerField(_("period"))
    start = models.TimeField(_("starts"))
    end = models.TimeField(_("ends"))

    class Meta:
        ordering = ["term", "index"]
        constraints = [
            models.UniqueConstraint(fields=["term", "index"], name="term_period_unique"),
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="period_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.index + 1}: {self.start:%H:%M}–{self.end:%H:%M}"


class Holiday(models.Model):
    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="holidays")
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["term", "date"]
        constraints = [
            models.UniqueConstraint(fields=["term", "date"], name="holiday_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.name}"


class Room(models.Model):
    class Kind(models.TextChoices):
        ROOM = "room", _("Room")
        LAB = "lab", _("Lab")

    class Access(models.TextChoices):
        OPEN = "open", _("Open to every member")
        RESTRICTED = "restricted", _("Owner and listed borrowers only")

    campus = models.ForeignKey(Campus, on_delete=models.PROTECT, related_name="rooms")
    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ROOM)
    capacity = models.PositiveIntegerField(_("capacity"))
    features = models.ManyToManyField(Feature, blank=True, related_name="rooms")
    access = models.CharField(
        _("access"), max_length=20, choices=Access.choices, default=Access.OPEN
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("room or lab")

    def __str__(self) -> str:
        return f"{self.code} {bilingual(self.name, self.name_zh)}"

    @property
    def owner(self) -> Institution:
        return self.campus.institution


class RoomLoan(models.Model):
    """A member may borrow a restricted room up to a cap of periods per week."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="loans")
    borrower = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="+")
    cap_periods_per_week = models.PositiveSmallIntegerField(_("cap (periods per week)"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["room", "borrower"], name="room_loan_unique"),
        ]


class RoomUnavailability(models.Model):
    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="+")
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="unavailable")
    day = models.PositiveSmallIntegerField()
    period = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["term", "room", "day", "period"], name="room_unavailable_unique"
            ),
        ]


class FacultyAvailability(models.Model):
    class Kind(models.TextChoices):
        UNAVAILABLE = "unavailable", _("Unavailable")
        DISCOURAGED = "discouraged", _("Rather not")
        PREFERRED = "preferred", _("Preferred")

    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="+")
    faculty = models.ForeignKey(Faculty, on_delete=models.CASCADE, related_name="availability")
    day = models.PositiveSmallIntegerField()
    period = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["term", "faculty", "day", "period"], name="faculty_availability_unique"
            ),
        ]


class Cohort(models.Model):
    """Students who take courses together and must never have two sessions at once."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    institution = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="cohorts", verbose_name=_("member")
    )
    size = models.PositiveIntegerField(_("students"))
    programme = models.ForeignKey(
        Programme, on_delete=models.SET_NULL, null=True, blank=True, related_name="cohorts"
    )
    courses = models.ManyToManyField(Course, blank=True, related_name="cohorts")

    class Meta:
        ordering = ["code"]
        verbose_name = _("cohort")

    def __str__(self) -> str:
        return bilingual(self.name, self.name_zh)


class Offering(models.Model):
    """A course taught in a term to one or more cohorts by one or more faculty."""

    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="offerings")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="offerings")
    cohorts = models.ManyToManyField(Cohort, blank=True, related_name="offerings")
    faculty = models.ManyToManyField(Faculty, blank=True, related_name="offerings")
    expected_size = models.PositiveIntegerField(
        _("expected students"), null=True, blank=True, help_text=_("Blank: the cohorts' sizes.")
    )
    min_days = models.PositiveSmallIntegerField(
        _("spread over at least (days)"), default=1, validators=[MinValueValidator(1)]
    )

    class Meta:
        ordering = ["term", "course__code"]
        constraints = [
            models.UniqueConstraint(fields=["term", "course"], name="offering_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.course.code} ({self.term.slug})"


class Session(models.Model):
    """One weekly meeting of an offering; can be pinned to a day, a period and a room."""

    offering = models.ForeignKey(Offering, on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(_("kind"), max_length=10, choices=SessionKind.choices)
    length = models.PositiveSmallIntegerField(
        _("length (periods)"), default=1, validators=[MinValueValidator(1)]
    )
    features = models.ManyToManyField(Feature, blank=True, related_name="+")
    allowed_rooms = models.ManyToManyField(Room, blank=True, related_name="+")
    pin_day = models.PositiveSmallIntegerField(null=True, blank=True)
    pin_period = models.PositiveSmallIntegerField(null=True, blank=True)
    pin_room = models.ForeignKey(
        Room, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["offering", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(pin_day__isnull=True, pin_period__isnull=True, pin_room__isnull=True)
                | Q(pin_day__isnull=False, pin_period__isnull=False),
                name="session_pin_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.offering.course.code} {self.get_kind_display()} ({self.length})"

    @property
    def is_pinned(self) -> bool:
        return self.pin_day is not None


class Run(models.Model):
    """One solver job for a term: parameters, live progress, result and explanation."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        INFEASIBLE = "infeasible", _("Infeasible")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    class Mode(models.TextChoices):
        FRESH = "fresh", _("Fresh")
        PINS = "pins", _("Keep pinned sessions")
        MINIMAL = "minimal", _("Minimal change (stay close to a chosen timetable)")

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="runs")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    mode = models.CharField(max_length=20, choices=Mode.choices, default=Mode.FRESH)
    time_limit_s = models.PositiveIntegerField(
        _("time limit (s)"), default=60, validators=[MinValueValidator(1), MaxValueValidator(3600)]
    )
    seed = models.PositiveIntegerField(_("seed"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    cancel_requested = models.BooleanField(default=False)
    # Live progress: [[elapsed_s, objective, bound], ...] and the latest figures.
    progress = models.JSONField(default=list, blank=True)
    solutions_found = models.PositiveIntegerField(default=0)
    objective = models.BigIntegerField(null=True, blank=True)
    bound = models.BigIntegerField(null=True, blank=True)
    penalties = models.JSONField(default=dict, blank=True)
    hard_violations = models.PositiveIntegerField(default=0)
    violations = models.JSONField(default=list, blank=True)
    explanation = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)
    # A published run is frozen; editing it by hand makes a copy, which remembers its source.
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    edited_at = models.DateTimeField(null=True, blank=True)  # last move made by hand
    # Minimal-change mode: the timetable to stay close to (blank: the term's published one).
    reference = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["term", "status"], name="run_term_status_idx")]

    def __str__(self) -> str:
        return f"Run {self.pk} of {self.term.slug} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE


class Assignment(models.Model):
    """A session placed by a run at a day, a start period and a room."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="assignments")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="assignments")
    day = models.PositiveSmallIntegerField()
    period = models.PositiveSmallIntegerField()
    room = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="assignments")

    class Meta:
        ordering = ["run", "day", "period"]
        constraints = [
            models.UniqueConstraint(fields=["run", "session"], name="assignment_unique"),
        ]


class Publication(models.Model):
    """A run published as a term's timetable. The newest one is the term's current timetable."""

    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="publications")
    run = models.ForeignKey(Run, on_delete=models.PROTECT, related_name="publications")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["term", "-at", "-id"]


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """A secret calendar URL its owner can revoke (one per user and subject)."""

    class Subject(models.TextChoices):
        FACULTY = "faculty", _("Faculty member")
        COHORT = "cohort", _("Cohort")
        ROOM = "room", _("Room")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    subject = models.CharField(max_length=10, choices=Subject.choices)
    subject_id = models.PositiveBigIntegerField()
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]


class ExportJob(models.Model):
    """An export that runs in the background, with progress, and its file once done."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="export_jobs"
    )
    kind = models.CharField(max_length=30)
    params = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    filename = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    content = models.BinaryField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
