from django.urls import path

from curriculum.views import home, inbox, review_dashboard, reviews

urlpatterns = [
    path("", home.home, name="home"),
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
