from django.urls import path

from curriculum.views import home

urlpatterns = [
    path("", home.home, name="home"),
]
