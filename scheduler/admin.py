"""Django admin for every scheduling model, for consortium coordinators (staff and superusers).

Changelists select the related rows their columns show; foreign keys to large tables (sessions,
runs, offerings) are raw-id fields. Runs, assignments, publications and export jobs are written by
the solver and the publish action: the admin shows them and lets a coordinator delete a run, but
does not edit what the engine produced.
"""

from __future__ import annotations

from django.contrib import admin

from curriculum.admin import ReadOnlyAdmin
from scheduler import models as m


class TermPeriodInline(admin.TabularInline):
    model = m.TermPeriod
    extra = 0


class HolidayInline(admin.TabularInline):
    model = m.Holiday
    extra = 0


@admin.register(m.Term)
class TermAdmin(admin.ModelAdmin):
    list_display = [
        "slug",
        "name",
        "name_zh",
        "institution",
        "start_date",
        "weeks",
        "days_per_week",
    ]
    list_select_related = ["institution"]
    list_filter = ["institution"]
    search_fields = ["slug", "name", "name_zh"]
    raw_id_fields = ["published_run"]
    inlines = [TermPeriodInline, HolidayInline]


@admin.register(m.TermPeriod)
class TermPeriodAdmin(admin.ModelAdmin):
    list_display = ["term", "index", "start", "end"]
    list_select_related = ["term"]
    list_filter = ["term"]


@admin.register(m.Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ["term", "date", "name"]
    list_select_related = ["term"]
    list_filter = ["term"]
    search_fields = ["name"]


class RoomLoanInline(admin.TabularInline):
    model = m.RoomLoan
    extra = 0


@admin.register(m.Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_zh", "kind", "campus", "capacity", "access"]
    list_select_related = ["campus"]
    list_filter = ["kind", "access", "campus__institution", "features"]
    search_fields = ["code", "name", "name_zh"]
    filter_horizontal = ["features"]
    inlines = [RoomLoanInline]


@admin.register(m.RoomLoan)
class RoomLoanAdmin(admin.ModelAdmin):
    list_display = ["room", "borrower", "cap_periods_per_week"]
    list_select_related = ["room", "borrower"]
    list_filter = ["borrower"]
    search_fields = ["room__code", "room__name"]


@admin.register(m.RoomUnavailability)
class RoomUnavailabilityAdmin(admin.ModelAdmin):
    list_display = ["term", "room", "day", "period"]
    list_select_related = ["term", "room"]
    list_filter = ["term", "day"]
    search_fields = ["room__code"]


@admin.register(m.FacultyAvailability)
class FacultyAvailabilityAdmin(admin.ModelAdmin):
    list_display = ["term", "faculty", "day", "period", "kind"]
    list_select_related = ["term", "faculty"]
    list_filter = ["term", "kind", "day", "faculty__institution"]
    search_fields = ["faculty__name", "faculty__name_zh"]
    raw_id_fields = ["faculty"]


@admin.register(m.Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_zh", "institution", "size", "programme"]
    list_select_related = ["institution", "programme"]
    list_filter = ["institution", "programme"]
    search_fields = ["code", "name", "name_zh"]
    filter_horizontal = ["courses"]


class SessionInline(admin.TabularInline):
    model = m.Session
    extra = 0
    fields = ["kind", "length", "features", "pin_day", "pin_period", "pin_room"]
    raw_id_fields = ["pin_room"]


@admin.register(m.Offering)
class OfferingAdmin(admin.ModelAdmin):
    list_display = ["course", "term", "expected_size", "min_days"]
    list_select_related = ["course", "term"]
    list_filter = ["term", "course__owner"]
    search_fields = ["course__code", "course__title", "course__title_zh"]
    filter_horizontal = ["cohorts", "faculty"]
    raw_id_fields = ["course"]
    inlines = [SessionInline]


@admin.register(m.Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "offering", "kind", "length", "pin_day", "pin_period", "pin_room"]
    list_select_related = ["offering__course", "offering__term", "pin_room"]
    list_filter = ["offering__term", "kind", "length", "features"]
    search_fields = ["offering__course__code"]
    filter_horizontal = ["features", "allowed_rooms"]
    raw_id_fields = ["offering", "pin_room"]


@admin.register(m.Run)
class RunAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "term",
        "status",
        "mode",
        "objective",
        "hard_violations",
        "created_by",
        "created_at",
    ]
    list_select_related = ["term", "created_by"]
    list_filter = ["status", "mode", "term"]
    search_fields = ["term__slug", "created_by__username"]
    date_hierarchy = "created_at"
    raw_id_fields = ["term", "created_by"]

    def get_readonly_fields(self, request, obj=None):
        """What the engine wrote stays as it wrote it; a coordinator may still cancel or delete."""
        editable = {"cancel_requested"}
        return [f.name for f in self.model._meta.concrete_fields if f.name not in editable]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(m.Assignment)
class AssignmentAdmin(ReadOnlyAdmin):
    list_display = ["run", "session", "day", "period", "room"]
    list_select_related = ["run__term", "session__offering__course", "room"]
    list_filter = ["run__term", "day"]
    search_fields = ["session__offering__course__code", "room__code"]


@admin.register(m.Publication)
class PublicationAdmin(ReadOnlyAdmin):
    list_display = ["term", "run", "by", "at"]
    list_select_related = ["term", "run__term", "by"]
    list_filter = ["term"]


@admin.register(m.CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["owner", "subject", "subject_id", "created_at", "revoked_at"]
    list_select_related = ["owner"]
    list_filter = ["subject"]
    search_fields = ["owner__username"]
    readonly_fields = ["token", "created_at"]
    raw_id_fields = ["owner"]


@admin.register(m.ExportJob)
class ExportJobAdmin(ReadOnlyAdmin):
    list_display = ["id", "kind", "status", "progress", "requested_by", "filename", "created_at"]
    list_select_related = ["requested_by"]
    list_filter = ["status", "kind"]
    search_fields = ["requested_by__username", "filename"]
    exclude = ["content"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return True
