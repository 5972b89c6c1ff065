from django.urls import path

from curriculum.views import courses, exports, home, inbox, matrix, review_dashboard, reviews

urlpatterns = [
    path("", home.home, name="home"),
    # Course designer (issue 2)
    path("courses/", courses.course_list, name="course_list"),
    path("courses/new/", courses.course_create, name="course_create"),
    path("courses/new/validate/", courses.course_validate, name="course_create_validate"),
    path("courses/<str:code>/", courses.course_detail, name="course_detail"),
    path("courses/<str:code>/v/<int:version>/", courses.syllabus_detail, name="syllabus_detail"),
    path("courses/<str:code>/edit/", courses.course_edit, name="course_edit"),
    path("courses/<str:code>/edit/validate/", courses.course_validate, name="course_edit_validate"),
    path(
        "courses/<str:code>/prerequisites/",
        courses.course_prerequisites,
        name="course_prerequisites",
    ),
    path(
        "courses/<str:code>/prerequisites/<str:requires>/remove/",
        courses.course_prerequisite_remove,
        name="course_prerequisite_remove",
    ),
    path("courses/<str:code>/programmes/", courses.course_programmes, name="course_programmes"),
    path(
        "courses/<str:code>/programmes/<str:programme>/remove/",
        courses.course_programme_remove,
        name="course_programme_remove",
    ),
    path("programmes/", matrix.programme_list, name="programme_list"),
    path("programmes/<str:code>/matrix/", matrix.programme_matrix, name="programme_matrix"),
    # Partner firm review and the syllabus workflow (issue 6)
    path("reviews/", reviews.review_list, name="review_list"),
    path("reviews/dashboard/", review_dashboard.review_dashboard, name="review_dashboard"),
    path("courses/<str:code>/sharing/", reviews.review_sharing, name="review_sharing"),
    path("courses/<str:code>/diff/", reviews.syllabus_diff, name="syllabus_diff"),
    path(
        "courses/<str:code>/v/<int:version>/review/",
        reviews.review_syllabus,
        name="review_syllabus",
    ),
    path(
        "courses/<str:code>/v/<int:version>/review/<str:action>/",
        reviews.review_transition,
        name="review_transition",
    ),
    path(
        "courses/<str:code>/v/<int:version>/comments/",
        reviews.review_comment_add,
        name="review_comment_add",
    ),
    path(
        "courses/<str:code>/v/<int:version>/comments/<int:pk>/reply/",
        reviews.review_comment_reply,
        name="review_comment_reply",
    ),
    path(
        "courses/<str:code>/v/<int:version>/comments/<int:pk>/resolve/",
        reviews.review_comment_resolve,
        name="review_comment_resolve",
    ),
    path(
        "courses/<str:code>/v/<int:version>/outcomes/<int:pk>/rate/",
        reviews.review_rate,
        name="review_rate",
    ),
    path("inbox/", inbox.inbox, name="inbox"),
    path("inbox/badge/", inbox.inbox_badge, name="inbox_badge"),
    path("inbox/read-all/", inbox.inbox_read_all, name="inbox_read_all"),
    path("inbox/<int:pk>/read/", inbox.inbox_read, name="inbox_read"),
]

# Exports (issue 5): PDF and Excel downloads of syllabi, programmes and the curriculum.
urlpatterns += [
    path(
        "courses/<str:code>/v/<int:version>/syllabus.pdf",
        exports.syllabus_pdf_download,
        name="syllabus_pdf",
    ),
    path("programmes/<str:code>/plan.pdf", exports.programme_pdf_download, name="programme_pdf"),
    path(
        "programmes/<str:code>/curriculum.xlsx",
        exports.programme_xlsx_download,
        name="programme_xlsx",
    ),
    path("exports/curriculum.xlsx", exports.curriculum_xlsx_download, name="curriculum_xlsx"),
]

