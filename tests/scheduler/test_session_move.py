from django.urls import reverse

from scheduler import models as sm
from tests.scheduler.scenario import assert_guarded, placed_run


def _url(run, session):
    return reverse("scheduler:session_move", args=[run.pk, session.pk])


def _first(run):
    return run.assignments.order_by("session_id").first()


def _onto_the_other(run, action):
    """Move the first session onto the second's day, period and room (a room clash)."""
    first, second = run.assignments.order_by("session_id")
    data = {"day": second.day, "period": second.period, "room": second.room_id, "action": action}
    return first, second, data


def test_it_previews_the_rules_a_move_would_break(client, scheduler_admin, sched_run):
    first, second, data = _onto_the_other(sched_run, "preview")
    client.force_login(scheduler_admin)
    response = client.post(_url(sched_run, first.session), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "It would break:" in body
    assert second.room.code in body
    first.refresh_from_db()
    assert (first.day, first.period) == (0, 0)  # nothing saved


def test_it_returns_the_preview_panel_to_htmx(client, scheduler_admin, sched_run):
    first, _second, data = _onto_the_other(sched_run, "preview")
    client.force_login(scheduler_admin)
    response = client.post(_url(sched_run, first.session), data, HTTP_HX_REQUEST="true")
    assert response.content.lstrip().startswith(b'<div class="session-panel')
    assert b"If you save this move" in response.content


def test_it_saves_a_move_and_recomputes_the_runs_rules(client, scheduler_admin, sched_run):
    first, second, data = _onto_the_other(sched_run, "save")
    client.force_login(scheduler_admin)
    response = client.post(_url(sched_run, first.session), data)
    assert response["Location"] == reverse("scheduler:timetable_grid", args=[sched_run.pk])
    first.refresh_from_db()
    sched_run.refresh_from_db()
    assert (first.day, first.period, first.room) == (second.day, second.period, second.room)
    assert sched_run.hard_violations >= 1 and sched_run.edited_at is not None
    assert any(v["rule"] == "room_clash" for v in sched_run.violations)


def test_it_refuses_a_place_past_the_end_of_the_day(client, scheduler_admin, sched_run):
    first = _first(sched_run)
    client.force_login(scheduler_admin)
    data = {"day": 0, "period": 3, "room": first.room_id, "action": "save"}
    response = client.post(_url(sched_run, first.session), data)
    assert response.status_code == 400
    assert b"runs past the day" in response.content
    first.refresh_from_db()
    assert first.period == 0


def test_it_never_moves_a_session_of_a_published_run(client, scheduler_admin, sched):
    run = placed_run(sched.term)
    sm.Publication.objects.create(term=sched.term, run=run, by=scheduler_admin)
    first, _second, data = _onto_the_other(run, "save")
    client.force_login(scheduler_admin)
    assert client.post(_url(run, first.session), data).status_code == 403
    first.refresh_from_db()
    assert (first.day, first.period) == (0, 0)


def test_it_forbids_another_members_scheduler(client, other_scheduler_admin, sched_run):
    first, _second, data = _onto_the_other(sched_run, "save")
    client.force_login(other_scheduler_admin)
    assert client.post(_url(sched_run, first.session), data).status_code == 403
    first.refresh_from_db()
    assert first.day == 0


def test_it_hides_runs_from_faculty(client, faculty, sched_run):
    client.force_login(faculty)
    assert client.post(_url(sched_run, _first(sched_run).session)).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched_run):
    assert_guarded(
        client,
        scheduler_admin,
        _url(sched_run, _first(sched_run).session),
        method="post",
        refused="get",
    )
