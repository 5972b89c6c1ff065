"""Every page's browser tab reads "<page> · ICV Curriculum Planner" (base.html appends the name;
scheduling, export, review and inbox pages used to show their own part only)."""

import re

import pytest
from django.urls import reverse

from scheduler.models import ExportJob
from tests.scheduler.scenario import placed_run, world

SUFFIX = " · ICV Curriculum Planner"


def _title(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


@pytest.fixture
def run(member):
    return placed_run(world(member, size=1).term)


def test_it_names_the_page_then_the_product_in_every_app(client, consortium_admin, run, course):
    job = ExportJob.objects.create(requested_by=consortium_admin, kind="timetable_pdf",
                                   params={"run": run.pk, "member": None, "format": "pdf"})
    pages = {
        "/": "Home",
        "/courses/": "Courses",
        "/courses/ICV101/": "ICV101 Perception and Sensor Fusion",
        "/inbox/": "Inbox",
        "/reviews/": "Reviews",
        "/reviews/dashboard/": "Review dashboard",
        reverse("scheduler:term_list"): "Terms",
        reverse("scheduler:room_list"): "Rooms and labs",
        reverse("scheduler:run_detail", args=[run.pk]): f"Run {run.pk}",
        reverse("scheduler:timetable_grid", args=[run.pk]): f"Timetable · {run.term}",
        reverse("scheduler:feed_list"): "My calendar feeds",
        reverse("scheduler:export_job_detail", args=[job.pk]): "Export",
    }
    client.force_login(consortium_admin)
    titles = {url: _title(client, url) for url in pages}
    assert titles == {url: page + SUFFIX for url, page in pages.items()}


def test_it_names_the_product_once_and_in_the_active_language(client, faculty):
    assert _title(client, "/login/") == "Log in" + SUFFIX
    client.force_login(faculty)
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert _title(client, "/inbox/") == "收件箱 · 智能网联汽车课程规划系统"
