from django.urls import reverse

from tests import factories as f
from tests.scheduler.scenario import assert_guarded, placed_run

URL = reverse("scheduler:term_list")


def test_it_lists_terms_for_a_scheduler(client, scheduler_admin, sched, django_assert_num_queries):
    f.term(sched.term.institution)
    client.force_login(scheduler_admin)
    with django_assert_num_queries(5):  # session, user, profile, member (navigation), terms
        response = client.get(URL)
    assert response.status_code == 200
    assert sched.term.slug.encode() in response.content
    assert reverse("scheduler:term_create").encode() in response.content


def test_it_shows_faculty_only_published_terms(client, faculty, sched):
    hidden = f.term(sched.term.institution, name="Hidden term")
    sched.term.published_run = placed_run(sched.term)
    sched.term.save()
    client.force_login(faculty)
    response = client.get(URL)
    assert response.status_code == 200
    assert sched.term.name.encode() in response.content
    assert hidden.name.encode() not in response.content
    assert reverse("scheduler:term_create").encode() not in response.content


def test_it_tells_faculty_that_nothing_is_published_rather_than_no_terms(client, faculty, sched):
    client.force_login(faculty)
    html = client.get(URL).content.decode()
    assert "Nothing published yet." in html and "No terms yet." not in html


def test_it_hides_everything_from_reviewers_and_outsiders(client, partner_reviewer, outsider):
    for user in (partner_reviewer, outsider):
        client.force_login(user)
        assert client.get(URL).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin):
    assert_guarded(client, scheduler_admin, URL, method="get", refused="post")
