from django.urls import reverse

from scheduler import models as sm
from tests.scheduler.scenario import assert_guarded, placed_run


def _url(term):
    return reverse("scheduler:run_compare", args=[term.slug])


def _pair(sched):
    a = placed_run(sched.term, penalties={"isolated": 6, "min_days": 5}, objective=11)
    b = placed_run(sched.term, penalties={"isolated": 2, "min_days": 5}, objective=7)
    moved = b.assignments.order_by("session_id").first()
    moved.day, moved.period = 3, 2
    moved.save()
    return a, b, moved


def test_it_lists_moved_sessions_and_penalty_changes(client, scheduler_admin, sched):
    a, b, moved = _pair(sched)
    client.force_login(scheduler_admin)
    response = client.get(_url(sched.term), {"a": a.pk, "b": b.pk})
    assert response.status_code == 200
    body = response.content.decode()
    assert "1 session moved" in body and "1 unchanged" in body
    assert moved.session.offering.course.code in body and "Thursday 10:00" in body
    assert '<td>6</td><td>2</td><td class="ok">-4</td>' in body


def test_it_compares_with_the_published_run_by_default(client, scheduler_admin, sched):
    a, b, _moved = _pair(sched)
    sched.term.published_run = a
    sched.term.save()
    client.force_login(scheduler_admin)
    body = client.get(_url(sched.term)).content.decode()
    assert f'<option value="{a.pk}" selected>' in body
    assert f'<option value="{b.pk}" selected>' in body


def test_it_needs_two_runs(client, scheduler_admin, sched):
    placed_run(sched.term)
    sm.Run.objects.create(term=sched.term, status=sm.Run.Status.FAILED)
    client.force_login(scheduler_admin)
    assert b"Two runs with a timetable are needed" in client.get(_url(sched.term)).content


def test_it_hides_the_comparison_from_faculty_and_reviewers(
    client, faculty, partner_reviewer, sched
):
    a, _b, _m = _pair(sched)
    sched.term.published_run = a
    sched.term.save()
    for user in (faculty, partner_reviewer):
        client.force_login(user)
        assert client.get(_url(sched.term)).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched):
    assert_guarded(client, scheduler_admin, _url(sched.term), method="get", refused="post")


def test_it_compares_in_fixed_queries(client, scheduler_admin, member, django_assert_num_queries):
    from tests.scheduler.scenario import world

    client.force_login(scheduler_admin)
    for size in (1, 6):
        w = world(member, size=size)
        a, b = placed_run(w.term), placed_run(w.term)
        with django_assert_num_queries(18):
            response = client.get(_url(w.term), {"a": a.pk, "b": b.pk})
        assert b"0 sessions moved" in response.content
