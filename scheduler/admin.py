"""Django admin for every scheduling model, for coordinators."""

from django.contrib import admin

from scheduler import models as m


class TermPeriodInline(admin.TabularInline):
    model = m.TermPeriod
    extra = 0


class HolidayInline(admin.TabularInline):
    model = m.Holiday
    extra = 0


@admin.register(m.Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["slug", "name", "institution", "start_date", "weeks", "days_per_week"]
    inlines = [TermPeriodInline, HolidayInline]


class RoomLoanInline(admin.TabularInline):
    model = m.RoomLoan
    extra = 0


@admin.register(m.Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "campus", "capacity", "access"]
    list_filter = ["kind", "access", "campus__institution"]
    search_fields = ["code", "name", "name_zh"]
    filter_horizontal = ["features"]
    inlines = [RoomLoanInline]


@admin.register(m.Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "institution", "size", "programme"]
    list_filter = ["institution"]
    filter_horizontal = ["courses"]


class SessionInline(admin.TabularInline):
    model = m.Session
    extra = 0
    fields = ["kind", "length", "pin_day", "pin_period", "pin_room"]


@admin.register(m.Offering)
class OfferingAdmin(admin.ModelAdmin):
    list_display = ["course", "term", "expected_size", "min_days"]
    list_filter = ["term"]
    filter_horizontal = ["cohorts", "faculty"]
    inlines = [SessionInline]


@admin.register(m.Run)
class RunAdmin(admin.ModelAdmin):
    list_display = ["id", "term", "status", "mode", "objective", "hard_violations", "created_at"]
    list_filter = ["status", "mode", "term"]


@admin.register(
    m.Session,
    m.TermPeriod,
    m.Holiday,
    m.RoomLoan,
    m.RoomUnavailability,
    m.FacultyAvailability,
    m.Assignment,
    m.Publication,
    m.CalendarFeed,
    m.ExportJob,
)
class PlainAdmin(admin.ModelAdmin):
    pass
