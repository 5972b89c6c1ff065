"""The Django admin of both apps: complete, usable by coordinators, closed to everyone else."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from curriculum import models as cm
from scheduler import models as sm
from tests import factories as f

MODELS = [
    *apps.get_app_config("curriculum").get_models(),
    *apps.get_app_config("scheduler").get_models(),
]
# A changelist that issues a query per row would show up far above this with the demo data.
MAX_CHANGELIST_QUERIES = 15


def _url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def demo_with_records(db):
    """The demo consortium (with its comments, ratings and inbox items) plus one row of each
    model the demo does not fill."""
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    reviewer = cm.Profile.objects.get(user__username="reviewer").user
    cm.Notification.objects.create(user=reviewer, kind="other", message="Hello")  # without event
    term = sm.Term.objects.get(slug="demo")
    run = sm.Run.objects.create(term=term, status=sm.Run.Status.SUCCEEDED, objective=10)
    room = sm.Room.objects.get(code="JY-B101")
    sm.Assignment.objects.bulk_create(
        sm.Assignment(run=run, session=s, day=0, period=0, room=room)
        for s in sm.Session.objects.filter(offering__term=term)
    )
    sm.Publication.objects.create(term=term, run=run, by=reviewer)
    sm.CalendarFeed.objects.create(owner=reviewer, subject="room", subject_id=room.pk)
    sm.ExportJob.objects.create(requested_by=reviewer, kind="timetable_xlsx")


def test_it_registers_every_model_of_both_apps():
    missing = [m.__name__ for m in MODELS if not admin.site.is_registered(m)]
    assert missing == []


def test_it_renders_every_page_for_the_coordinator(client, demo_with_records):
    client.force_login(cm.Profile.objects.get(user__username="coordinator").user)
    assert client.get("/admin/").status_code == 200
    problems = []
    for model in MODELS:
        assert model.objects.exists(), f"no {model.__name__} row to show"
        with CaptureQueriesContext(connection) as queries:
            response = client.get(_url(model, "changelist"))
        if response.status_code != 200:
            problems.append(f"{model.__name__} changelist: {response.status_code}")
        elif len(queries) > MAX_CHANGELIST_QUERIES:
            problems.append(f"{model.__name__} changelist: {len(queries)} queries")
        obj = model.objects.order_by("pk").first()
        response = client.get(_url(model, "change", obj.pk))
        if response.status_code != 200:
            problems.append(f"{model.__name__} change: {response.status_code}")
        search = client.get(_url(model, "changelist"), {"q": "ICV"})
        if search.status_code != 200:
            problems.append(f"{model.__name__} search: {search.status_code}")
    assert problems == []


@pytest.mark.parametrize(
    "fixture", ["faculty", "scheduler_admin", "partner_reviewer", "outsider"]
)
def test_it_sends_everyone_else_to_the_admin_login(request, client, fixture):
    client.force_login(request.getfixturevalue(fixture))
    for url in ["/admin/", _url(cm.Course, "changelist"), _url(sm.Room, "changelist")]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_it_sends_anonymous_to_the_admin_login(client):
    response = client.get(_url(cm.Transition, "changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_it_keeps_transitions_read_only(client, consortium_admin, course):
    syllabus = course.current_syllabus()
    t = cm.Transition.objects.create(
        syllabus=syllabus, from_status="draft", to_status="submitted", by=consortium_admin
    )
    client.force_login(consortium_admin)
    assert client.get(_url(cm.Transition, "add")).status_code == 403
    assert client.post(_url(cm.Transition, "delete", t.pk), {"post": "yes"}).status_code == 403
    client.post(_url(cm.Transition, "change", t.pk), {"to_status": "published"})
    t.refresh_from_db()
    assert t.to_status == "submitted"
    assert cm.Transition.objects.count() == 1


def test_it_does_not_move_a_syllabus_status_from_the_admin(client, consortium_admin, course):
    syllabus = course.current_syllabus()
    client.force_login(consortium_admin)
    page = client.get(_url(cm.Syllabus, "change", syllabus.pk)).content.decode()
    assert 'name="status"' not in page


def test_it_refuses_a_prerequisite_cycle_and_names_it(client, consortium_admin, member):
    a = f.course(member, code="ICV301")
    b = f.course(member, code="ICV302")
    cm.Prerequisite.objects.create(course=b, requires=a)
    client.force_login(consortium_admin)
    response = client.post(_url(cm.Prerequisite, "add"), {"course": a.pk, "requires": b.pk})
    assert response.status_code == 200
    assert "ICV301 → ICV302 → ICV301" in response.content.decode()
    assert cm.Prerequisite.objects.count() == 1


def test_it_lets_the_coordinator_change_a_room(client, consortium_admin, member):
    room = f.room(f.campus(member), code="R1", capacity=30)
    client.force_login(consortium_admin)
    url = _url(sm.Room, "change", room.pk)
    data = {
        "campus": room.campus_id, "code": "R1", "name": "Room one", "name_zh": "", "kind": "room",
        "capacity": 45, "access": "open",
        "loans-TOTAL_FORMS": 0, "loans-INITIAL_FORMS": 0,
    }
    response = client.post(url, data)
    assert response.status_code == 302
    room.refresh_from_db()
    assert (room.name, room.capacity) == ("Room one", 45)
