from django.urls import reverse

from tests.scheduler.scenario import assert_guarded, world


def _url(term):
    return reverse("scheduler:offering_list", args=[term.slug])


def test_it_lists_offerings_in_fixed_queries(
    client, scheduler_admin, member, django_assert_num_queries
):
    client.force_login(scheduler_admin)
    for size in (1, 5):
        w = world(member, size=size)
        with django_assert_num_queries(8):
            response = client.get(_url(w.term))
        assert response.status_code == 200
        assert all(o.course.code.encode() in response.content for o in w.offerings)


def test_it_is_read_only_for_another_members_scheduler(client, other_scheduler_admin, sched):
    client.force_login(other_scheduler_admin)
    response = client.get(_url(sched.term))
    assert response.status_code == 200
    assert reverse("scheduler:offering_create", args=[sched.term.slug]).encode() not in (
        response.content
    )


def test_it_hides_offerings_from_faculty_and_reviewers(client, faculty, partner_reviewer, sched):
    for user in (faculty, partner_reviewer):
        client.force_login(user)
        assert client.get(_url(sched.term)).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched):
    assert_guarded(client, scheduler_admin, _url(sched.term), method="get", refused="post")
