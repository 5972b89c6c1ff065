from django.urls import reverse

from scheduler import models as sm
from tests.scheduler.scenario import assert_guarded

URL = reverse("scheduler:cohort_create")


def _data(member, **over):
    data = {"code": "icv-minor-27", "name": "ICV minor 2027", "institution": member.pk, "size": 32}
    data.update(over)
    return data


def test_it_creates_a_cohort_of_the_schedulers_member(client, scheduler_admin, member, course):
    client.force_login(scheduler_admin)
    response = client.post(URL, _data(member, courses=[course.pk]))
    assert response.status_code == 302
    cohort = sm.Cohort.objects.get(code="icv-minor-27")
    assert cohort.institution == member
    assert list(cohort.courses.all()) == [course]


def test_it_refuses_another_member_and_an_empty_cohort(
    client, scheduler_admin, member, other_member
):
    client.force_login(scheduler_admin)
    assert client.post(URL, _data(other_member)).status_code == 400
    response = client.post(URL, _data(member, size=0))
    assert response.status_code == 400
    assert b"at least one student" in response.content
    assert not sm.Cohort.objects.exists()


def test_it_hides_the_form_from_reviewers(client, partner_reviewer):
    client.force_login(partner_reviewer)
    assert client.get(URL).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin):
    assert_guarded(client, scheduler_admin, URL, method="get", refused="put")
