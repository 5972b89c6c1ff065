from django.urls import reverse

from tests.scheduler.scenario import assert_guarded


def _url(cohort):
    return reverse("scheduler:cohort_edit", args=[cohort.pk])


def _data(cohort, **over):
    data = {
        "code": cohort.code,
        "name": "Renamed",
        "institution": cohort.institution_id,
        "size": 45,
    }
    data.update(over)
    return data


def test_it_saves_the_owners_changes(client, scheduler_admin, sched):
    cohort = sched.cohorts[0]
    client.force_login(scheduler_admin)
    assert client.post(_url(cohort), _data(cohort)).status_code == 302
    cohort.refresh_from_db()
    assert (cohort.name, cohort.size) == ("Renamed", 45)


def test_it_shows_another_members_cohort_read_only(client, other_scheduler_admin, sched):
    cohort = sched.cohorts[0]
    client.force_login(other_scheduler_admin)
    response = client.get(_url(cohort))
    assert response.status_code == 200
    assert b"only its scheduling administrators change it" in response.content
    assert client.post(_url(cohort), _data(cohort)).status_code == 403
    cohort.refresh_from_db()
    assert cohort.size == 30


def test_it_lets_the_coordinator_edit(client, consortium_admin, sched):
    cohort = sched.cohorts[0]
    client.force_login(consortium_admin)
    assert client.post(_url(cohort), _data(cohort)).status_code == 302


def test_it_hides_cohorts_from_faculty(client, faculty, sched):
    client.force_login(faculty)
    assert client.get(_url(sched.cohorts[0])).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched):
    assert_guarded(client, scheduler_admin, _url(sched.cohorts[0]), method="get", refused="delete")
