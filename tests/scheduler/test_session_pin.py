from django.urls import reverse

from tests.scheduler.scenario import assert_guarded


def _url(run, session):
    return reverse("scheduler:session_pin", args=[run.pk, session.pk])


def _placed(run):
    return run.assignments.order_by("session_id").first()


def test_it_pins_a_session_where_the_run_placed_it_and_unpins(client, scheduler_admin, sched_run):
    placed = _placed(sched_run)
    session = placed.session
    client.force_login(scheduler_admin)
    assert client.post(_url(sched_run, session), {"action": "pin"}).status_code == 302
    session.refresh_from_db()
    assert (session.pin_day, session.pin_period, session.pin_room) == (
        placed.day,
        placed.period,
        placed.room,
    )
    client.post(_url(sched_run, session), {"action": "unpin"})
    session.refresh_from_db()
    assert session.pin_day is None and session.pin_room is None


def test_it_returns_the_panel_to_htmx(client, scheduler_admin, sched_run):
    session = _placed(sched_run).session
    client.force_login(scheduler_admin)
    response = client.post(_url(sched_run, session), {"action": "pin"}, HTTP_HX_REQUEST="true")
    assert response.content.lstrip().startswith(b'<div class="session-panel')
    assert b"Pinned here" in response.content


def test_it_tells_the_grid_beside_the_panel_to_redraw_its_pins(
    client, scheduler_admin, sched_run
):
    """The panel said "Pinned here" while the grid beside it kept no pin until a reload."""
    session = _placed(sched_run).session
    client.force_login(scheduler_admin)
    response = client.post(_url(sched_run, session), {"action": "pin"}, HTTP_HX_REQUEST="true")
    assert response["HX-Trigger"] == "timetable-changed"
    grid = client.get(reverse("scheduler:timetable_grid", args=[sched_run.pk])).content.decode()
    assert 'hx-trigger="timetable-changed from:body" hx-select="#grid" hx-target="#grid"' in grid


def test_it_forbids_another_members_scheduler(client, other_scheduler_admin, sched_run):
    session = _placed(sched_run).session
    client.force_login(other_scheduler_admin)
    assert client.post(_url(sched_run, session), {"action": "pin"}).status_code == 403
    session.refresh_from_db()
    assert session.pin_day is None


def test_it_hides_runs_from_faculty(client, faculty, sched_run):
    client.force_login(faculty)
    assert client.post(_url(sched_run, _placed(sched_run).session)).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched_run):
    assert_guarded(
        client,
        scheduler_admin,
        _url(sched_run, _placed(sched_run).session),
        method="post",
        refused="get",
    )
