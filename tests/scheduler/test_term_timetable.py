from django.urls import reverse

from tests.scheduler.scenario import assert_guarded


def _url(term):
    return reverse("scheduler:term_timetable", args=[term.slug])


def test_it_redirects_to_the_published_run(client, faculty, sched_run):
    term = sched_run.term
    term.published_run = sched_run
    term.save()
    client.force_login(faculty)
    response = client.get(_url(term))
    assert response["Location"] == reverse("scheduler:timetable_grid", args=[sched_run.pk])


def test_it_is_404_before_publication(client, scheduler_admin, sched_run):
    client.force_login(scheduler_admin)
    assert client.get(_url(sched_run.term)).status_code == 404


def test_it_hides_timetables_from_reviewers(client, partner_reviewer, sched_run):
    sched_run.term.published_run = sched_run
    sched_run.term.save()
    client.force_login(partner_reviewer)
    assert client.get(_url(sched_run.term)).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched_run):
    assert_guarded(client, scheduler_admin, _url(sched_run.term), method="get", refused="post")
