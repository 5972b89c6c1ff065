from django.urls import reverse

from scheduler import models as sm
from tests.scheduler.scenario import assert_guarded, placed_run, world


def _url(run):
    return reverse("scheduler:timetable_grid", args=[run.pk])


def test_it_draws_a_cohorts_week_with_blocks_and_clock_times(client, scheduler_admin, sched_run):
    cohort = sched_run.term.offerings.first().cohorts.first()
    client.force_login(scheduler_admin)
    response = client.get(_url(sched_run), {"by": "cohort", "id": cohort.pk})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'rowspan="2"' in body
    assert "08:00–08:50" in body and "08:00–09:50" in body
    session = sm.Session.objects.filter(offering__cohorts=cohort).get()
    assert reverse("scheduler:session_detail", args=[sched_run.pk, session.pk]) in body
    assert body.count('class="block') == 1


def test_it_views_by_faculty_room_and_member_with_filters(client, scheduler_admin, sched_run):
    room = sched_run.assignments.first().room
    client.force_login(scheduler_admin)
    by_room = client.get(_url(sched_run), {"by": "room", "id": room.pk}).content.decode()
    assert by_room.count('class="block') == 1
    member = sched_run.term.institution
    by_member = client.get(_url(sched_run), {"by": "member", "id": member.pk}).content.decode()
    assert by_member.count('class="block') == 2
    labs = client.get(_url(sched_run), {"by": "member", "id": member.pk, "kind": "lab"})
    assert labs.content.decode().count('class="block') == 0


def test_it_returns_the_filters_and_grid_to_htmx(client, scheduler_admin, sched_run):
    room = sched_run.assignments.first().room
    client.force_login(scheduler_admin)
    response = client.get(
        _url(sched_run), {"by": "room"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="timetable"
    )
    assert response.content.lstrip().startswith(b'<div id="timetable">')
    assert b'<div id="grid">' in response.content and b"<html" not in response.content
    assert f'<option value="{room.pk}"'.encode() in response.content  # the rooms to choose


def test_it_loads_in_fixed_queries(client, scheduler_admin, member, django_assert_num_queries):
    client.force_login(scheduler_admin)
    for size in (1, 6):
        run = placed_run(world(member, size=size).term)
        with django_assert_num_queries(12):
            response = client.get(_url(run), {"by": "member", "id": member.pk})
        assert response.content.decode().count('class="block') == size


def test_it_shows_faculty_their_own_week_of_the_published_run(client, faculty, sched_run):
    own = faculty.faculty
    offering = sched_run.term.offerings.first()
    offering.faculty.add(own)
    client.force_login(faculty)
    assert client.get(_url(sched_run)).status_code == 404
    sched_run.term.published_run = sched_run
    sched_run.term.save()
    response = client.get(_url(sched_run))
    assert response.status_code == 200
    assert f'<option value="{own.pk}" selected>'.encode() in response.content


def test_it_shows_reviewers_no_timetable(client, partner_reviewer, sched_run):
    sched_run.term.published_run = sched_run
    sched_run.term.save()
    unpublished = placed_run(sched_run.term)
    client.force_login(partner_reviewer)
    assert client.get(_url(sched_run)).status_code == 404
    assert client.get(_url(unpublished)).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched_run):
    assert_guarded(client, scheduler_admin, _url(sched_run), method="get", refused="post")


def test_it_marks_a_pinned_session_with_a_named_svg_pin(client, scheduler_admin, sched_run):
    """The 📌 emoji showed as an empty box where no emoji font is installed."""
    from scheduler import services

    placed = sched_run.assignments.select_related("session").first()
    services.session_pin(session=placed.session, run=sched_run)
    client.force_login(scheduler_admin)
    body = client.get(_url(sched_run), {"by": "room", "id": placed.room_id}).content.decode()
    assert "📌" not in body
    assert body.count('<svg class="pin-icon"') == 1
    assert 'role="img" aria-label="Pinned"><title>Pinned</title>' in body
    client.cookies["django_language"] = "zh-hans"
    body = client.get(_url(sched_run), {"by": "room", "id": placed.room_id}).content.decode()
    assert 'aria-label="已固定"' in body


def test_it_pushes_an_address_without_the_subject_of_the_view_just_left(
    client, scheduler_admin, sched_run
):
    """Changing "View by" posted the old cohort's id along and pushed it into the address bar."""
    cohort = sched_run.term.offerings.first().cohorts.first()
    room = sched_run.assignments.order_by("room__code").first().room
    client.force_login(scheduler_admin)
    htmx = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "timetable"}
    changed = client.get(_url(sched_run), {"shown": "cohort", "by": "room", "id": cohort.pk,
                                           "campus": "", "kind": "lab"}, **htmx)
    assert changed["HX-Push-Url"] == f"{_url(sched_run)}?by=room&kind=lab"
    assert changed.context["subject"] == changed.context["choices"][0].id
    assert f'hx-get="{_url(sched_run)}?by=room&amp;kind=lab"' in changed.content.decode()
    chosen = client.get(_url(sched_run), {"shown": "room", "by": "room", "id": room.pk}, **htmx)
    assert chosen["HX-Push-Url"] == f"{_url(sched_run)}?by=room&id={room.pk}"
    assert chosen.context["subject"] == room.pk
    plain = client.get(_url(sched_run), {"shown": "cohort", "by": "room", "id": cohort.pk})
    assert plain.status_code == 200 and "HX-Push-Url" not in plain
    assert plain.context["subject"] == plain.context["choices"][0].id
