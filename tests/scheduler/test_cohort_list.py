from django.urls import reverse

from tests import factories as f
from tests.scheduler.scenario import assert_guarded

URL = reverse("scheduler:cohort_list")


def test_it_lists_cohorts_in_fixed_queries(
    client, other_scheduler_admin, member, django_assert_num_queries
):
    client.force_login(other_scheduler_admin)
    for count in (1, 6):
        for _ in range(count):
            cohort = f.cohort(member)
        with django_assert_num_queries(5):
            response = client.get(URL)
        assert response.status_code == 200
        assert cohort.code.encode() in response.content


def test_it_hides_cohorts_from_faculty_and_reviewers(client, faculty, partner_reviewer):
    for user in (faculty, partner_reviewer):
        client.force_login(user)
        assert client.get(URL).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin):
    assert_guarded(client, scheduler_admin, URL, method="get", refused="post")
