"""GET /scheduling/feeds/: "My calendar feeds"."""

import pytest

from scheduler.models import CalendarFeed
from tests import factories as f

URL = "/scheduling/feeds/"


def test_it_lists_the_users_own_feeds_with_their_addresses(client, faculty, other_faculty):
    mine = CalendarFeed.objects.create(owner=faculty, subject="faculty",
                                       subject_id=faculty.faculty.pk)
    theirs = CalendarFeed.objects.create(owner=other_faculty, subject="faculty",
                                         subject_id=other_faculty.faculty.pk)
    client.force_login(faculty)
    body = client.get(URL).content.decode()
    assert f"http://testserver/scheduling/feeds/{mine.token}.ics" in body
    assert f"webcal://testserver/scheduling/feeds/{mine.token}.ics" in body
    assert theirs.token not in body
    assert "Faculty member: Dr Wang Wei" in body


def test_it_offers_only_the_subjects_the_user_may_subscribe_to(client, faculty, member):
    cohort = f.cohort(member, code="taught")
    f.cohort(member, code="not-taught")
    term = f.term(member)
    f.offering(term, f.course(member), cohorts=[cohort], faculty_members=[faculty.faculty])
    client.force_login(faculty)
    body = client.get(URL).content.decode()
    assert f'value="faculty:{faculty.faculty.pk}"' in body
    assert f'value="cohort:{cohort.pk}"' in body
    assert "not-taught" not in body


def test_it_shows_revoked_feeds_without_their_address(client, faculty):
    feed = CalendarFeed.objects.create(owner=faculty, subject="faculty",
                                       subject_id=faculty.faculty.pk)
    CalendarFeed.objects.filter(pk=feed.pk).update(revoked_at="2027-01-01T00:00Z")
    client.force_login(faculty)
    body = client.get(URL).content.decode()
    assert "revoked" in body and feed.token not in body


def test_it_uses_a_fixed_number_of_queries(client, scheduler_admin, member,
                                           django_assert_num_queries):
    rooms = [f.room(f.campus(member)) for _ in range(3)]
    client.force_login(scheduler_admin)
    for room in rooms[:1]:
        CalendarFeed.objects.create(owner=scheduler_admin, subject="room", subject_id=room.pk)
    with django_assert_num_queries(9):
        client.get(URL)
    for room in rooms[1:]:
        CalendarFeed.objects.create(owner=scheduler_admin, subject="room", subject_id=room.pk)
    CalendarFeed.objects.create(owner=scheduler_admin, subject="cohort",
                                subject_id=f.cohort(member).pk)
    with django_assert_num_queries(10):  # one more kind of subject: cohorts
        response = client.get(URL)
    assert response.content.decode().count('class="feed') == 4


def test_it_answers_htmx_with_the_fragment(client, faculty):
    client.force_login(faculty)
    body = client.get(URL, HTTP_HX_REQUEST="true").content.decode()
    assert body.lstrip().startswith('<div id="feeds">') and "<html" not in body


@pytest.mark.parametrize("who", ["partner_reviewer", "outsider"])
def test_it_is_404_for_users_without_feeds(client, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == 404


def test_it_refuses_post(client, faculty):
    client.force_login(faculty)
    assert client.post(URL).status_code == 405


def test_it_sends_anonymous_users_to_log_in(client):
    assert client.get(URL).status_code == 302
