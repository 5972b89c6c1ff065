from django.urls import path

from scheduler.views import (
    cohorts,
    exports,
    faculty,
    feeds,
    grid,
    offerings,
    reports,
    rooms,
    runs,
    terms,
)

app_name = "scheduler"
urlpatterns = [
    # Setup
    path("", terms.term_list, name="term_list"),
    path("terms/new/", terms.term_create, name="term_create"),
    path("terms/<slug:slug>/", terms.term_detail, name="term_detail"),
    path("terms/<slug:slug>/edit/", terms.term_edit, name="term_edit"),
    path("terms/<slug:slug>/offerings/", offerings.offering_list, name="offering_list"),
    path("terms/<slug:slug>/offerings/new/", offerings.offering_create, name="offering_create"),
    path("offerings/<int:pk>/", offerings.offering_edit, name="offering_edit"),
    path(
        "offerings/<int:pk>/generate-sessions/",
        offerings.offering_sessions_generate,
        name="offering_sessions_generate",
    ),
    path("rooms/", rooms.room_list, name="room_list"),
    path("rooms/new/", rooms.room_create, name="room_create"),
    path("rooms/<int:pk>/", rooms.room_edit, name="room_edit"),
    path(
        "rooms/<int:pk>/unavailable/<slug:slug>/",
        rooms.room_unavailability,
        name="room_unavailability",
    ),
    path("faculty/", faculty.faculty_list, name="faculty_list"),
    path(
        "faculty/<int:pk>/availability/<slug:slug>/",
        faculty.faculty_availability,
        name="faculty_availability",
    ),
    path("cohorts/", cohorts.cohort_list, name="cohort_list"),
    path("cohorts/new/", cohorts.cohort_create, name="cohort_create"),
    path("cohorts/<int:pk>/", cohorts.cohort_edit, name="cohort_edit"),
    # Runs
    path("terms/<slug:slug>/generate/", runs.run_create, name="run_create"),
    path("runs/<int:pk>/", runs.run_detail, name="run_detail"),
    path("runs/<int:pk>/cancel/", runs.run_cancel, name="run_cancel"),
    path("runs/<int:pk>/publish/", runs.run_publish, name="run_publish"),
    path("runs/<int:pk>/copy/", runs.run_copy, name="run_copy"),
    # Timetables
    path("terms/<slug:slug>/timetable/", grid.term_timetable, name="term_timetable"),
    path("runs/<int:pk>/grid/", grid.timetable_grid, name="timetable_grid"),
    path("runs/<int:pk>/sessions/<int:session_pk>/", grid.session_detail, name="session_detail"),
    path("runs/<int:pk>/sessions/<int:session_pk>/pin/", grid.session_pin, name="session_pin"),
    path("runs/<int:pk>/sessions/<int:session_pk>/move/", grid.session_move, name="session_move"),
    path("terms/<slug:slug>/compare/", reports.run_compare, name="run_compare"),
    path("terms/<slug:slug>/load/", reports.term_load, name="term_load"),
]

# Exports and calendar feeds (issue 5).
urlpatterns += [
    path("runs/<int:pk>/timetable.<str:fmt>", exports.run_export, name="run_export"),
    path("terms/<slug:slug>/timetable.<str:fmt>", exports.term_export, name="term_export"),
    path("exports/", exports.export_job_create, name="export_job_create"),
    path("exports/<int:pk>/", exports.export_job_detail, name="export_job_detail"),
    path("exports/<int:pk>/download/", exports.export_job_download, name="export_job_download"),
    path("feeds/", feeds.feed_list, name="feed_list"),
    path("feeds/new/", feeds.feed_create, name="feed_create"),
    path("feeds/<int:pk>/revoke/", feeds.feed_revoke, name="feed_revoke"),
    path("feeds/<str:token>.ics", feeds.feed_ics, name="feed_ics"),
]

