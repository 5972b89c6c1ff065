from django.urls import reverse

from curriculum import models as cm
from scheduler import models as sm
from tests.scheduler.scenario import assert_guarded, placed_run


def _url(offering):
    return reverse("scheduler:offering_sessions_generate", args=[offering.pk])


def _needs(offering, count=3):
    cm.SessionNeed.objects.create(
        syllabus=offering.course.current_syllabus(), kind="seminar", length=1, count=count
    )


def test_it_replaces_the_sessions_from_the_syllabus(client, scheduler_admin, sched):
    offering = sched.offerings[0]
    _needs(offering)
    client.force_login(scheduler_admin)
    assert client.post(_url(offering)).status_code == 302
    assert list(offering.sessions.values_list("kind", "length")) == [("seminar", 1)] * 3


def test_it_explains_a_syllabus_without_needs(client, scheduler_admin, sched):
    offering = sched.offerings[0]
    client.force_login(scheduler_admin)
    response = client.post(_url(offering), follow=True)
    assert b"states no session needs" in response.content
    assert offering.sessions.count() == 1


def test_it_refuses_when_sessions_are_published(client, scheduler_admin, sched):
    offering = sched.offerings[0]
    _needs(offering)
    sm.Publication.objects.create(term=sched.term, run=placed_run(sched.term), by=scheduler_admin)
    client.force_login(scheduler_admin)
    response = client.post(_url(offering), follow=True)
    assert b"published timetable" in response.content
    assert list(offering.sessions.values_list("kind", flat=True)) == ["lecture"]


def test_it_forbids_another_members_scheduler(client, other_scheduler_admin, sched):
    offering = sched.offerings[0]
    _needs(offering)
    client.force_login(other_scheduler_admin)
    assert client.post(_url(offering)).status_code == 403
    assert offering.sessions.count() == 1


def test_it_hides_the_action_from_reviewers(client, partner_reviewer, sched):
    client.force_login(partner_reviewer)
    assert client.post(_url(sched.offerings[0])).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched):
    assert_guarded(client, scheduler_admin, _url(sched.offerings[0]), method="post", refused="get")
