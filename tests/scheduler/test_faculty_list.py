from django.urls import reverse

from tests import factories as f
from tests.scheduler.scenario import assert_guarded

URL = reverse("scheduler:faculty_list")


def test_it_links_each_person_to_the_chosen_terms_availability(
    client, scheduler_admin, sched, member, django_assert_num_queries
):
    later = f.term(member, start_date=sched.term.start_date.replace(year=2028))
    client.force_login(scheduler_admin)
    for extra in (0, 5):
        for _ in range(extra):
            f.faculty(member)
        with django_assert_num_queries(6):
            response = client.get(URL, {"term": sched.term.slug})
        assert response.status_code == 200
    person = sched.faculty[0]
    url = reverse("scheduler:faculty_availability", args=[person.pk, sched.term.slug])
    assert url.encode() in response.content
    default = client.get(URL)
    assert (
        reverse("scheduler:faculty_availability", args=[person.pk, later.slug]).encode()
        in default.content
    )


def test_it_hides_the_list_from_faculty_and_reviewers(client, faculty, partner_reviewer):
    for user in (faculty, partner_reviewer):
        client.force_login(user)
        assert client.get(URL).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin):
    assert_guarded(client, scheduler_admin, URL, method="get", refused="post")
