"""Django admin for every curriculum model, for consortium coordinators (staff and superusers).

Every changelist selects the related rows its columns show (no query per row); foreign keys to
large tables are raw-id fields, so change forms do not render thousands of options. The records of
the review workflow are read-only here: status changes (Transition) are never edited, and a
syllabus' status moves only through the workflow, which records who moved it.
"""

from __future__ import annotations

from collections import defaultdict

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from curriculum import models as m
from curriculum.validators import prerequisite_cycle


class ReadOnly:
    """A record: readable, never added, changed or deleted here (admins and inlines)."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyAdmin(ReadOnly, admin.ModelAdmin):
    pass


# --- Members, places, people --------------------------------------------------------------------


class CampusInline(admin.TabularInline):
    model = m.Campus
    extra = 0


@admin.register(m.Institution)
class InstitutionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_zh", "kind"]
    list_filter = ["kind"]
    search_fields = ["code", "name", "name_zh"]
    inlines = [CampusInline]


@admin.register(m.Campus)
class CampusAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_zh", "institution"]
    list_select_related = ["institution"]
    list_filter = ["institution"]
    search_fields = ["code", "name", "name_zh"]


@admin.register(m.TravelTime)
class TravelTimeAdmin(admin.ModelAdmin):
    list_display = ["campus_a", "campus_b", "minutes"]
    list_select_related = ["campus_a", "campus_b"]
    list_filter = ["campus_a__institution"]
    search_fields = ["campus_a__name", "campus_b__name", "campus_a__code", "campus_b__code"]


@admin.register(m.Discipline, m.Feature)
class CodeNameAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_zh"]
    search_fields = ["code", "name", "name_zh"]


class CompetencyInline(admin.TabularInline):
    model = m.Competency
    extra = 0


@admin.register(m.CompetencyArea)
class CompetencyAreaAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "name_zh"]
    search_fields = ["name", "name_zh"]
    inlines = [CompetencyInline]


@admin.register(m.Competency)
class CompetencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_zh", "area"]
    list_select_related = ["area"]
    list_filter = ["area"]
    search_fields = ["code", "name", "name_zh"]


@admin.register(m.Faculty)
class FacultyAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "name_zh",
        "title",
        "institution",
        "weekly_load_limit",
        "max_periods_per_day",
        "max_days_per_week",
        "user",
    ]
    list_select_related = ["institution", "user"]
    list_filter = ["institution", "disciplines"]
    search_fields = ["name", "name_zh", "email", "user__username"]
    filter_horizontal = ["also_teaches_at", "disciplines"]
    raw_id_fields = ["user"]


@admin.register(m.Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "institution"]
    list_select_related = ["user", "institution"]
    list_filter = ["role", "institution"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    raw_id_fields = ["user"]


# --- Courses ------------------------------------------------------------------------------------


class PrerequisiteForm(forms.ModelForm):
    """Refuses a prerequisite that would close a cycle, naming it."""

    class Meta:
        model = m.Prerequisite
        fields = ["course", "requires"]
        labels = {"course": _("Course"), "requires": _("Requires")}

    def clean(self):
        cleaned = super().clean()
        course, requires = cleaned.get("course"), cleaned.get("requires")
        if course is None or requires is None:
            return cleaned
        edges = defaultdict(list)
        others = m.Prerequisite.objects.exclude(pk=self.instance.pk)
        for a, b in others.values_list("course_id", "requires_id"):
            edges[a].append(b)
        cycle = prerequisite_cycle(edges, course.pk, requires.pk)
        if cycle:
            codes = dict(m.Course.objects.filter(pk__in=cycle).values_list("pk", "code"))
            raise forms.ValidationError(
                _("This prerequisite would close a cycle: %(cycle)s."),
                params={"cycle": " → ".join(codes[pk] for pk in cycle)},
            )
        return cleaned


class CourseDisciplineInline(admin.TabularInline):
    model = m.CourseDiscipline
    extra = 0


class PrerequisiteInline(admin.TabularInline):
    model = m.Prerequisite
    form = PrerequisiteForm
    fk_name = "course"
    extra = 0
    raw_id_fields = ["requires"]


class CourseShareInline(admin.TabularInline):
    model = m.CourseShare
    extra = 0
    raw_id_fields = ["shared_by"]


@admin.register(m.Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "title_zh", "owner", "credits"]
    list_select_related = ["owner"]
    list_filter = ["owner", "disciplines", "shares__firm"]
    search_fields = ["code", "title", "title_zh"]
    filter_horizontal = ["co_institutions", "faculty"]
    inlines = [CourseDisciplineInline, PrerequisiteInline, CourseShareInline]


@admin.register(m.CourseDiscipline)
class CourseDisciplineAdmin(admin.ModelAdmin):
    list_display = ["course", "discipline", "share"]
    list_select_related = ["course", "discipline"]
    list_filter = ["discipline"]
    search_fields = ["course__code", "course__title"]
    raw_id_fields = ["course"]


@admin.register(m.Prerequisite)
class PrerequisiteAdmin(admin.ModelAdmin):
    form = PrerequisiteForm
    list_display = ["course", "requires"]
    list_select_related = ["course", "requires"]
    search_fields = ["course__code", "requires__code"]
    raw_id_fields = ["course", "requires"]


@admin.register(m.CourseShare)
class CourseShareAdmin(admin.ModelAdmin):
    list_display = ["course", "firm", "shared_by", "shared_at"]
    list_select_related = ["course", "firm", "shared_by"]
    list_filter = ["firm"]
    search_fields = ["course__code", "course__title"]
    raw_id_fields = ["course", "shared_by"]


class ProgrammeCourseInline(admin.TabularInline):
    model = m.ProgrammeCourse
    extra = 0
    raw_id_fields = ["course"]


class ProgrammeTargetInline(admin.TabularInline):
    model = m.ProgrammeTarget
    extra = 0


@admin.register(m.Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_zh", "lead"]
    list_select_related = ["lead"]
    search_fields = ["code", "name", "name_zh"]
    inlines = [ProgrammeCourseInline, ProgrammeTargetInline]


@admin.register(m.ProgrammeCourse)
class ProgrammeCourseAdmin(admin.ModelAdmin):
    list_display = ["programme", "course", "kind"]
    list_select_related = ["programme", "course"]
    list_filter = ["programme", "kind"]
    search_fields = ["course__code", "course__title"]
    raw_id_fields = ["course"]


@admin.register(m.ProgrammeTarget)
class ProgrammeTargetAdmin(admin.ModelAdmin):
    list_display = ["programme", "competency", "level"]
    list_select_related = ["programme", "competency"]
    list_filter = ["programme", "competency__area"]
    search_fields = ["competency__code", "competency__name"]


# --- Syllabi ------------------------------------------------------------------------------------


class OutcomeInline(admin.StackedInline):
    model = m.LearningOutcome
    extra = 0


class TopicInline(admin.TabularInline):
    model = m.WeeklyTopic
    extra = 0


class AssessmentInline(admin.TabularInline):
    model = m.AssessmentComponent
    extra = 0


class ReadingInline(admin.TabularInline):
    model = m.Reading
    extra = 0


class SessionNeedInline(admin.TabularInline):
    model = m.SessionNeed
    extra = 0


class TransitionInline(ReadOnly, admin.TabularInline):
    model = m.Transition
    extra = 0
    fields = ["from_status", "to_status", "by", "at", "comment"]
    readonly_fields = fields


@admin.register(m.Syllabus)
class SyllabusAdmin(admin.ModelAdmin):
    list_display = ["course", "version", "status", "is_current", "updated_at"]
    list_select_related = ["course"]
    list_filter = ["status", "is_current", "course__owner"]
    search_fields = ["course__code", "course__title", "course__title_zh"]
    # The status moves only through the review workflow, which records every step.
    readonly_fields = ["status", "revision", "created_at", "updated_at"]
    raw_id_fields = ["course"]
    inlines = [
        OutcomeInline,
        TopicInline,
        AssessmentInline,
        ReadingInline,
        SessionNeedInline,
        TransitionInline,
    ]


class SyllabusPartAdmin(admin.ModelAdmin):
    """A part of a syllabus: listed with its course, filtered by status and owner."""

    list_select_related = ["syllabus__course"]
    list_filter = ["syllabus__status", "syllabus__course__owner"]
    search_fields = ["syllabus__course__code"]
    raw_id_fields = ["syllabus"]


class OutcomeCompetencyInline(admin.TabularInline):
    model = m.OutcomeCompetency
    extra = 0


@admin.register(m.LearningOutcome)
class LearningOutcomeAdmin(SyllabusPartAdmin):
    list_display = ["syllabus", "position", "text", "text_zh"]
    search_fields = [*SyllabusPartAdmin.search_fields, "text", "text_zh"]
    inlines = [OutcomeCompetencyInline]


@admin.register(m.WeeklyTopic)
class WeeklyTopicAdmin(SyllabusPartAdmin):
    list_display = ["syllabus", "week", "title", "title_zh"]
    search_fields = [*SyllabusPartAdmin.search_fields, "title", "title_zh"]


@admin.register(m.AssessmentComponent)
class AssessmentComponentAdmin(SyllabusPartAdmin):
    list_display = ["syllabus", "name", "name_zh", "weight"]


@admin.register(m.Reading)
class ReadingAdmin(SyllabusPartAdmin):
    list_display = ["syllabus", "citation", "required"]
    search_fields = [*SyllabusPartAdmin.search_fields, "citation"]


@admin.register(m.SessionNeed)
class SessionNeedAdmin(SyllabusPartAdmin):
    list_display = ["syllabus", "kind", "length", "count"]
    list_filter = ["kind", "features", *SyllabusPartAdmin.list_filter]
    filter_horizontal = ["features"]


@admin.register(m.OutcomeCompetency)
class OutcomeCompetencyAdmin(admin.ModelAdmin):
    list_display = ["outcome", "competency", "level"]
    list_select_related = ["outcome", "competency"]
    list_filter = ["level", "competency__area"]
    search_fields = ["outcome__syllabus__course__code", "competency__code", "competency__name"]
    raw_id_fields = ["outcome"]


# --- The review workflow ------------------------------------------------------------------------


@admin.register(m.Transition)
class TransitionAdmin(ReadOnlyAdmin):
    """Status changes are a record: readable, never edited or deleted here."""

    list_display = ["syllabus", "from_status", "to_status", "by", "at"]
    list_select_related = ["syllabus__course", "by"]
    list_filter = ["to_status", "from_status"]
    search_fields = ["syllabus__course__code", "by__username", "comment"]
    date_hierarchy = "at"


@admin.register(m.Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = [
        "syllabus",
        "anchor",
        "author",
        "firm",
        "confidential",
        "resolved",
        "created_at",
    ]
    list_select_related = ["syllabus__course", "author", "firm"]
    list_filter = ["anchor", "confidential", "resolved", "firm"]
    search_fields = ["syllabus__course__code", "author__username", "body"]
    raw_id_fields = ["syllabus", "parent", "author"]


@admin.register(m.OutcomeRating)
class OutcomeRatingAdmin(admin.ModelAdmin):
    list_display = ["outcome", "firm", "reviewer", "score", "rated_at"]
    list_select_related = ["outcome", "firm", "reviewer"]
    list_filter = ["firm", "score"]
    search_fields = ["outcome__syllabus__course__code", "reviewer__username"]
    raw_id_fields = ["outcome", "reviewer"]


@admin.register(m.Endorsement)
class EndorsementAdmin(admin.ModelAdmin):
    list_display = ["syllabus", "firm", "reviewer", "decision", "at"]
    list_select_related = ["syllabus__course", "firm", "reviewer"]
    list_filter = ["decision", "firm"]
    search_fields = ["syllabus__course__code", "reviewer__username"]
    raw_id_fields = ["syllabus", "reviewer"]


@admin.register(m.Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "message", "created_at", "read_at"]
    list_select_related = ["user"]
    list_filter = ["kind"]
    search_fields = ["user__username", "message"]
    raw_id_fields = ["user", "syllabus"]
