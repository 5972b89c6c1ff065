"""Django admin for every curriculum model; consortium coordinators get staff access."""

from django.contrib import admin

from curriculum import models as m


@admin.register(m.Institution)
class InstitutionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_zh", "kind"]
    list_filter = ["kind"]
    search_fields = ["code", "name", "name_zh"]


@admin.register(m.Campus)
class CampusAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "institution"]
    list_filter = ["institution"]
    search_fields = ["code", "name", "name_zh"]


@admin.register(m.TravelTime)
class TravelTimeAdmin(admin.ModelAdmin):
    list_display = ["campus_a", "campus_b", "minutes"]
    list_select_related = ["campus_a", "campus_b"]


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
    inlines = [CompetencyInline]


@admin.register(m.Competency)
class CompetencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "area"]
    list_filter = ["area"]
    search_fields = ["code", "name", "name_zh"]


@admin.register(m.Faculty)
class FacultyAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "institution", "weekly_load_limit", "user"]
    list_filter = ["institution"]
    search_fields = ["name", "name_zh", "email"]
    filter_horizontal = ["also_teaches_at", "disciplines"]


@admin.register(m.Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "institution"]
    list_filter = ["role", "institution"]


class CourseDisciplineInline(admin.TabularInline):
    model = m.CourseDiscipline
    extra = 0


class PrerequisiteInline(admin.TabularInline):
    model = m.Prerequisite
    fk_name = "course"
    extra = 0


class CourseShareInline(admin.TabularInline):
    model = m.CourseShare
    extra = 0


@admin.register(m.Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "title_zh", "owner", "credits"]
    list_filter = ["owner"]
    search_fields = ["code", "title", "title_zh"]
    filter_horizontal = ["co_institutions", "faculty"]
    inlines = [CourseDisciplineInline, PrerequisiteInline, CourseShareInline]


class ProgrammeCourseInline(admin.TabularInline):
    model = m.ProgrammeCourse
    extra = 0


class ProgrammeTargetInline(admin.TabularInline):
    model = m.ProgrammeTarget
    extra = 0


@admin.register(m.Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "lead"]
    inlines = [ProgrammeCourseInline, ProgrammeTargetInline]


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


@admin.register(m.Syllabus)
class SyllabusAdmin(admin.ModelAdmin):
    list_display = ["course", "version", "status", "is_current", "updated_at"]
    list_filter = ["status", "is_current"]
    search_fields = ["course__code", "course__title"]
    inlines = [OutcomeInline, TopicInline, AssessmentInline, ReadingInline, SessionNeedInline]


@admin.register(m.OutcomeCompetency)
class OutcomeCompetencyAdmin(admin.ModelAdmin):
    list_display = ["outcome", "competency", "level"]
    list_select_related = ["outcome", "competency"]


@admin.register(m.Transition)
class TransitionAdmin(admin.ModelAdmin):
    """Status changes are a record: readable, never edited or deleted here."""

    list_display = ["syllabus", "from_status", "to_status", "by", "at"]
    list_filter = ["to_status"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


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
    list_filter = ["anchor", "confidential", "resolved"]


@admin.register(m.OutcomeRating)
class OutcomeRatingAdmin(admin.ModelAdmin):
    list_display = ["outcome", "firm", "reviewer", "score"]


@admin.register(m.Endorsement)
class EndorsementAdmin(admin.ModelAdmin):
    list_display = ["syllabus", "firm", "reviewer", "decision", "at"]


@admin.register(m.Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "message", "created_at", "read_at"]
    list_filter = ["kind"]


@admin.register(
    m.CourseShare,
    m.ProgrammeCourse,
    m.ProgrammeTarget,
    m.CourseDiscipline,
    m.Prerequisite,
    m.LearningOutcome,
    m.WeeklyTopic,
    m.AssessmentComponent,
    m.Reading,
    m.SessionNeed,
)
class PlainAdmin(admin.ModelAdmin):
    pass
