from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from curriculum.views import language

urlpatterns = [
    path("admin/", admin.site.urls),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Django's set_language, which also keeps the choice on the user's profile (for his emails).
    path("i18n/setlang/", language.set_language, name="set_language"),
    path("", include("curriculum.urls")),
    path("scheduling/", include("scheduler.urls")),
]
