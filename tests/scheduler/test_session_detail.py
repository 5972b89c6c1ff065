from django.urls import reverse

from tests import factories as f
from tests.scheduler.scenario import assert_guarded


def _url(run, session):
    return reverse("scheduler:session_detail", args=[run.pk, session.pk])


def _session(run):
    return run.assignments.order_by("session_id").first().session


def test_it_shows_a_sessions_place_people_and_broken_rules(client, scheduler_admin, sched_run):
    session = _session(sched_run)
    sched_run.violations = [
        {
            "rule": "isolated",
            "hard": False,
            "penalty": 2,
            "message": "Alone in its day.",
            "refs": [["session", session.pk]],
        }
    ]
    sched_run.save()
    client.force_login(scheduler_admin)
    response = client.get(_url(sched_run, session))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Alone in its day." in body and "Monday" in body and "08:00–09:50" in body
    assert reverse("scheduler:session_pin", args=[sched_run.pk, session.pk]) in body
    assert reverse("scheduler:session_move", args=[sched_run.pk, session.pk]) in body


def test_it_returns_the_panel_to_htmx(client, scheduler_admin, sched_run):
    client.force_login(scheduler_admin)
    response = client.get(_url(sched_run, _session(sched_run)), HTTP_HX_REQUEST="true")
    assert response.content.lstrip().startswith(b'<div class="session-panel')
    assert b"<html" not in response.content
    assert b"Open as a page" in response.content


def test_it_heads_the_page_and_does_not_link_to_itself(client, scheduler_admin, sched_run):
    client.force_login(scheduler_admin)
    body = client.get(_url(sched_run, _session(sched_run))).content.decode()
    assert f"<h1>Timetable · {sched_run.term}</h1>" in body
    assert "Open as a page" not in body


def test_it_offers_a_copy_instead_of_moves_on_a_published_run(client, scheduler_admin, sched_run):
    sched_run.term.published_run = sched_run
    sched_run.term.save()
    client.force_login(scheduler_admin)
    body = client.get(_url(sched_run, _session(sched_run))).content.decode()
    assert reverse("scheduler:run_copy", args=[sched_run.pk]) in body
    assert (
        reverse("scheduler:session_move", args=[sched_run.pk, _session(sched_run).pk]) not in body
    )


def test_it_is_read_only_for_another_members_scheduler(client, other_scheduler_admin, sched_run):
    client.force_login(other_scheduler_admin)
    response = client.get(_url(sched_run, _session(sched_run)))
    assert response.status_code == 200
    assert b"Pin here" not in response.content and b"Preview" not in response.content


def test_it_refuses_a_session_of_another_term(client, scheduler_admin, sched_run, member):
    other = f.offering(f.term(member), f.course(member)).sessions.get()
    client.force_login(scheduler_admin)
    assert client.get(_url(sched_run, other)).status_code == 404


def test_it_hides_unpublished_runs_from_faculty(client, faculty, sched_run):
    client.force_login(faculty)
    assert client.get(_url(sched_run, _session(sched_run))).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched_run):
    assert_guarded(
        client, scheduler_admin, _url(sched_run, _session(sched_run)), method="get", refused="post"
    )
