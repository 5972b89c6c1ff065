"""The consortium and its curriculum: members, people, competencies, courses and versioned syllabi.

Domain behaviour that belongs to one model lives here as methods; workflows that span models live
in ``curriculum/services.py``.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _


def bilingual(en: str, zh: str) -> str:
    """The text in the active language, falling back to the other one when empty."""
    if (get_language() or "en").startswith("zh"):
        return zh or en
    return en or zh


class Institution(models.Model):
    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("University")
        RESEARCH = "research", _("Research institute")
        ENTERPRISE = "enterprise", _("Enterprise")
        GOVERNMENT = "government", _("Government body")

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    class Meta:
        ordering = ["name"]
        verbose_name = _("member institution")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return bilingual(self.name, self.name_zh)

    @property
    def is_firm(self) -> bool:
        return self.kind == self.Kind.ENTERPRISE


class Campus(models.Model):
    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="campuses")
    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)

    class Meta:
        ordering = ["institution__name", "name"]
        verbose_name = _("campus")
        verbose_name_plural = _("campuses")

    def __str__(self) -> str:
        return bilingual(self.name, self.name_zh)


class TravelTime(models.Model):
    """Minutes to travel between two campuses, either way. Stored once, with a < b."""

    campus_a = models.ForeignKey(Campus, on_delete=models.CASCADE, related_name="+")
    campus_b = models.ForeignKey(Campus, on_delete=models.CASCADE, related_name="+")
    minutes = models.PositiveIntegerField(_("minutes"))

    class Meta:
        verbose_name = _("travel time")
        constraints = [
            models.UniqueConstraint(fields=["campus_a", "campus_b"], name="travel_unique_pair"),
            models.CheckConstraint(
                condition=Q(campus_a__lt=models.F("campus_b")), name="travel_ordered_pair"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.campus_a} ↔ {self.campus_b}: {self.minutes} min"


class Discipline(models.Model):
    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_zh = models.CharField(_("Chinese name"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("discipline")

    def __str__(self) -> str:
        return bilingual(self.name, self.name_zh)


class CompetencyArea(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("competency area")

    def __str__(self) -> str:
        return f"{self.number}. {bilingual(self.name, self.name_zh)}"


class Competency(models.Model):
    area = models.ForeignKey(CompetencyArea, on_delete=models.PROTECT, related_name="competencies")
    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["area__number", "code"]
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")

    def __str__(self) -> str:
        return bilingual(self.name, self.name_zh)


class Feature(models.Model):
    """An equipment feature of a room or lab that a session may need (e.g. a HIL bench)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_zh = models.CharField(_("Chinese name"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("equipment feature")

    def __str__(self) -> str:
        return bilingual(self.name, self.name_zh)


class Faculty(models.Model):
    """A teacher of the consortium; may or may not have a login."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="faculty",
    )
    name = models.CharField(_("name"), max_length=100)
    name_zh = models.CharField(_("Chinese name"), max_length=100, blank=True)
    title = models.CharField(
        pgettext_lazy("form of address", "title"), max_length=30, blank=True,
        help_text=_("e.g. Dr, Prof"),
    )
    email = models.EmailField(_("email"), blank=True)
    institution = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="faculty", verbose_name=_("home member")
    )
    also_teaches_at = models.ManyToManyField(
        Institution, blank=True, related_name="visiting_faculty", verbose_name=_("also teaches at")
    )
    disciplines = models.ManyToManyField(Discipline, blank=True, related_name="faculty")
    weekly_load_limit = models.PositiveSmallIntegerField(
        _("weekly load limit (periods)"), default=16
    )
    max_periods_per_day = models.PositiveSmallIntegerField(
        _("maximum periods per day"), null=True, blank=True
    )
    max_days_per_week = models.PositiveSmallIntegerField(
        _("maximum days per week"), null=True, blank=True
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("faculty member")
        verbose_name_plural = _("faculty")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        name = bilingual(self.name, self.name_zh)
        return f"{self.title} {name}".strip()


class Profile(models.Model):
    """A user's role in the consortium and the member it acts for."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Consortium coordinator")
        SCHEDULER = "scheduler", _("Scheduling administrator")
        FACULTY = "faculty", _("Faculty")
        REVIEWER = "reviewer", _("Partner reviewer")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    institution = models.ForeignKey(
        Institution,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name=_("member"),
    )
    # The language the user last chose in the menu; his emails are written in it (blank: the
    # site's default, settings.LANGUAGE_CODE).
    language = models.CharField(_("language"), max_length=10, blank=True, default="")

    class Meta:
        verbose_name = _("profile")
        constraints = [
            models.CheckConstraint(
                condition=Q(role="coordinator") | Q(institution__isnull=False),
                name="profile_member_unless_coordinator",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class Course(models.Model):
    code = models.CharField(_("code"), max_length=20, unique=True)
    title = models.CharField(_("title"), max_length=200)
    title_zh = models.CharField(_("Chinese title"), max_length=200, blank=True)
    credits = models.DecimalField(
        _("credits"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("20"))],
    )
    owner = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="owned_courses", verbose_name=_("owner")
    )
    co_institutions = models.ManyToManyField(
        Institution, blank=True, related_name="co_taught_courses", verbose_name=_("co-teaching")
    )
    faculty = models.ManyToManyField(Faculty, blank=True, related_name="courses")
    disciplines = models.ManyToManyField(
        Discipline, through="CourseDiscipline", related_name="courses"
    )
    prerequisites = models.ManyToManyField(
        "self",
        through="Prerequisite",
        symmetrical=False,
        related_name="required_by",
        blank=True,
    )
    shared_with = models.ManyToManyField(
        Institution,
        through="CourseShare",
        related_name="shared_courses",
        blank=True,
        verbose_name=_("shared with firms"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("course")

    def __str__(self) -> str:
        return f"{self.code} {self.display_title}"

    @property
    def display_title(self) -> str:
        return bilingual(self.title, self.title_zh)

    def is_interdisciplinary(self) -> bool:
        return self.disciplines.count() >= 2

    def current_syllabus(self) -> Syllabus | None:
        return self.syllabi.filter(is_current=True).first()


class CourseDiscipline(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="discipline_shares")
    discipline = models.ForeignKey(Discipline, on_delete=models.PROTECT, related_name="+")
    share = models.PositiveSmallIntegerField(
        _("share %"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["course", "discipline"], name="course_discipline_unique"
            ),
        ]


class Prerequisite(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="+")
    requires = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["course", "requires"], name="prerequisite_unique"),
            models.CheckConstraint(
                condition=~Q(course=models.F("requires")), name="prerequisite_not_self"
            ),
        ]


class CourseShare(models.Model):
    """A course's syllabi are shared with one partner firm (an enterprise member)."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="shares")
    firm = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"kind": Institution.Kind.ENTERPRISE},
    )
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    shared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["course", "firm"], name="course_share_unique"),
        ]


class Programme(models.Model):
    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    lead = models.ForeignKey(
        Institution,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programmes",
        verbose_name=_("lead member"),
    )
    description = models.TextField(_("description"), blank=True)
    courses = models.ManyToManyField(Course, through="ProgrammeCourse", related_name="programmes")

    class Meta:
        ordering = ["code"]
        verbose_name = _("programme")

    def __str__(self) -> str:
        return bilingual(self.name, self.name_zh)


class ProgrammeCourse(models.Model):
    class Kind(models.TextChoices):
        REQUIRED = "required", _("Required")
        ELECTIVE = "elective", _("Elective")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="entries")
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="programme_entries")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.REQUIRED)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["programme", "course"], name="programme_course_unique"),
        ]


LEVEL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(6)]


class ProgrammeTarget(models.Model):
    """The level (Bloom 1–6) a programme wants its graduates to reach in a competency."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="targets")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(_("target level"), validators=LEVEL_VALIDATORS)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "competency"], name="programme_target_unique"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=6), name="programme_target_level_range"
            ),
        ]


class Syllabus(models.Model):
    """One version of a course's content. Submitting freezes it; revising starts the next one."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        IN_REVIEW = "in_review", _("In industry review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        APPROVED = "approved", _("Approved")
        PUBLISHED = "published", _("Published")

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="syllabi")
    version = models.PositiveIntegerField(_("version"), default=1)
    is_current = models.BooleanField(default=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    summary = models.TextField(_("summary"), blank=True)
    summary_zh = models.TextField(_("Chinese summary"), blank=True)
    # Optimistic locking: every save of the content through a form bumps this number.
    revision = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["course", "-version"]
        verbose_name = _("syllabus")
        verbose_name_plural = _("syllabi")
        constraints = [
            models.UniqueConstraint(fields=["course", "version"], name="syllabus_version_unique"),
            models.UniqueConstraint(
                fields=["course"], condition=Q(is_current=True), name="syllabus_one_current"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course.code} v{self.version}"

    @property
    def is_editable(self) -> bool:
        """Only a current draft is edited; a submitted version is frozen for good.

        After changes are requested the team revises: that starts version n+1 as a draft
        (``services.syllabus_revise``), and the requested-changes version stays as it was.
        """
        return self.is_current and self.status == self.Status.DRAFT

    def assessment_total(self) -> int:
        return sum(c.weight for c in self.assessment.all())


class LearningOutcome(models.Model):
    syllabus = models.ForeignKey(Syllabus, on_delete=models.CASCADE, related_name="outcomes")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("outcome"))
    text_zh = models.TextField(_("Chinese outcome"), blank=True)
    competencies = models.ManyToManyField(
        Competency, through="OutcomeCompetency", related_name="outcomes"
    )

    class Meta:
        ordering = ["syllabus", "position", "id"]
        verbose_name = _("learning outcome")

    def __str__(self) -> str:
        return bilingual(self.text, self.text_zh)


class OutcomeCompetency(models.Model):
    outcome = models.ForeignKey(LearningOutcome, on_delete=models.CASCADE, related_name="mappings")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="mappings")
    level = models.PositiveSmallIntegerField(_("level"), validators=LEVEL_VALIDATORS)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["outcome", "competency"], name="outcome_competency_unique"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=6), name="outcome_competency_level_range"
            ),
        ]


class WeeklyTopic(models.Model):
    syllabus = models.ForeignKey(Syllabus, on_delete=models.CASCADE, related_name="topics")
    week = models.PositiveSmallIntegerField(_("week"), validators=[MinValueValidator(1)])
    title = models.CharField(_("topic"), max_length=200)
    title_zh = models.CharField(_("Chinese topic"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["syllabus", "week", "id"]
        verbose_name = _("weekly topic")

    def __str__(self) -> str:
        return f"W{self.week} {bilingual(self.title, self.title_zh)}"


class AssessmentComponent(models.Model):
    syllabus = models.ForeignKey(Syllabus, on_delete=models.CASCADE, related_name="assessment")
    name = models.CharField(_("component"), max_length=100)
    name_zh = models.CharField(_("Chinese name"), max_length=100, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight %"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta:
        ordering = ["syllabus", "id"]
        verbose_name = _("assessment component")

    def __str__(self) -> str:
        return f"{bilingual(self.name, self.name_zh)} ({self.weight}%)"


class Reading(models.Model):
    syllabus = models.ForeignKey(Syllabus, on_delete=models.CASCADE, related_name="readings")
    citation = models.CharField(_("citation"), max_length=500)
    required = models.BooleanField(_("required"), default=True)

    class Meta:
        ordering = ["syllabus", "-required", "id"]
        verbose_name = _("reading")

    def __str__(self) -> str:
        return self.citation


class SessionKind(models.TextChoices):
    LECTURE = "lecture", _("Lecture")
    LAB = "lab", _("Lab")
    SEMINAR = "seminar", _("Seminar")


class SessionNeed(models.Model):
    """What a course needs every week: e.g. two 2-period lectures and one 3-period HIL lab."""

    syllabus = models.ForeignKey(Syllabus, on_delete=models.CASCADE, related_name="session_needs")
    kind = models.CharField(_("kind"), max_length=10, choices=SessionKind.choices)
    length = models.PositiveSmallIntegerField(
        _("length (periods)"), validators=[MinValueValidator(1), MaxValueValidator(6)]
    )
    count = models.PositiveSmallIntegerField(
        _("per week"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    features = models.ManyToManyField(Feature, blank=True, related_name="session_needs")

    class Meta:
        ordering = ["syllabus", "id"]
        verbose_name = _("session need")

    def __str__(self) -> str:
        return ngettext(
            "%(count)s × %(kind)s (%(length)s period)",
            "%(count)s × %(kind)s (%(length)s periods)",
            self.length,
        ) % {"count": self.count, "kind": self.get_kind_display(), "length": self.length}


class Transition(models.Model):
    """A syllabus changed status: who, when, why. A record, never edited."""

    syllabus = models.ForeignKey(Syllabus, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, choices=Syllabus.Status.choices)
    to_status = models.CharField(max_length=20, choices=Syllabus.Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["syllabus", "at", "id"]
        verbose_name = _("status change")

    def __str__(self) -> str:
        return f"{self.syllabus}: {self.from_status} → {self.to_status}"


class Comment(models.Model):
    """A remark on one part of a syllabus, with threaded replies."""

    class Anchor(models.TextChoices):
        GENERAL = "general", _("Whole syllabus")
        OUTCOME = "outcome", _("Learning outcome")
        TOPIC = "topic", _("Weekly topic")
        ASSESSMENT = "assessment", _("Assessment")
        SESSION_NEED = "session_need", _("Session need")

    syllabus = models.ForeignKey(Syllabus, on_delete=models.CASCADE, related_name="comments")
    anchor = models.CharField(max_length=20, choices=Anchor.choices, default=Anchor.GENERAL)
    anchor_id = models.PositiveBigIntegerField(null=True, blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The firm whose thread this is; null for a thread the course team started.
    firm = models.ForeignKey(
        Institution, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    body = models.TextField(_("comment"))
    confidential = models.BooleanField(_("confidential to the course team"), default=False)
    resolved = models.BooleanField(_("resolved"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")


class OutcomeRating(models.Model):
    """A partner reviewer's rating (1–5) of how relevant an outcome is to industry."""

    outcome = models.ForeignKey(LearningOutcome, on_delete=models.CASCADE, related_name="ratings")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    firm = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(
        _("industry relevance"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    rated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["outcome", "reviewer"], name="rating_unique"),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=5), name="rating_score_range"
            ),
        ]


class Endorsement(models.Model):
    """A firm's verdict on a syllabus version."""

    class Decision(models.TextChoices):
        ENDORSE = "endorse", _("Endorsed")
        REQUEST_CHANGES = "request_changes", _("Changes requested")

    syllabus = models.ForeignKey(Syllabus, on_delete=models.CASCADE, related_name="endorsements")
    firm = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="+")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(max_length=20, choices=Decision.choices)
    comment = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["syllabus", "at"]
        constraints = [
            # One verdict per firm on each version; a revised version is reviewed afresh.
            models.UniqueConstraint(fields=["syllabus", "firm"], name="endorsement_one_per_firm"),
        ]


class Notification(models.Model):
    """An item in a user's in-app inbox (also sent by email)."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Syllabus submitted")
        COMMENT = "comment", _("New comment")
        REPLY = "reply", _("New reply")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        ENDORSED = "endorsed", _("Syllabus endorsed")
        APPROVED = "approved", _("Syllabus approved")
        PUBLISHED = "published", _("Syllabus published")
        OTHER = "other", _("Notification")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    syllabus = models.ForeignKey(
        Syllabus, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # The sentence in the site's default language: what old rows (before ``event``) show, and
    # the fallback when an event's sentence cannot be made.
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # What happened, kept as data so that each reader sees the sentence in his language: a key of
    # SENTENCES and its values (course code, version, actor, firm and firm_zh, comment excerpt…).
    event = models.CharField(max_length=30, blank=True, default="")
    params = models.JSONField(default=dict, blank=True)

    SENTENCES = {
        "submitted": _("%(s)s was submitted for review."),
        "review_requested": _("%(s)s awaits your firm's review."),
        "changes_requested": _("Changes were requested on %(s)s: %(why)s"),
        "endorsed": _("%(firm)s endorsed %(s)s."),
        "approved": _("%(s)s was approved."),
        "published": _("%(s)s was published."),
        "comment": _("New comment on %(s)s: %(body)s"),
        "reply": _("New reply on %(s)s: %(body)s"),
    }

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_inbox_idx")]

    @property
    def text(self) -> str:
        """The sentence in the active language (the stored ``message`` for rows without event)."""
        sentence = self.SENTENCES.get(self.event)
        if sentence is None:
            return self.message
        values = {**self.params, "firm": bilingual(self.params.get("firm", ""),
                                                    self.params.get("firm_zh", ""))}
        values["s"] = f"{values.get('course', '')} v{values.get('version', '')}"
        try:
            return str(sentence) % values
        except (KeyError, TypeError, ValueError):
            return self.message
