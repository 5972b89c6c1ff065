"""POST /scheduling/feeds/new/: make a secret calendar address for a subject."""

import pytest

from scheduler.models import CalendarFeed
from tests import factories as f

URL = "/scheduling/feeds/new/"


def test_it_makes_a_faculty_members_own_feed(client, faculty):
    client.force_login(faculty)
    response = client.post(URL, {"subject": f"faculty:{faculty.faculty.pk}"})
    assert response.status_code == 302 and response["Location"] == "/scheduling/feeds/"
    feed = CalendarFeed.objects.get()
    assert (feed.owner, feed.subject, feed.subject_id) == (faculty, "faculty",
                                                           faculty.faculty.pk)
    assert len(feed.token) >= 32 and feed.revoked_at is None


def test_it_keeps_one_active_feed_per_subject(client, faculty):
    client.force_login(faculty)
    client.post(URL, {"subject": f"faculty:{faculty.faculty.pk}"})
    client.post(URL, {"subject": f"faculty:{faculty.faculty.pk}"})
    assert CalendarFeed.objects.count() == 1


def test_it_lets_faculty_subscribe_to_the_cohorts_they_teach_only(client, faculty, member):
    taught, other = f.cohort(member), f.cohort(member)
    f.offering(f.term(member), f.course(member), cohorts=[taught],
               faculty_members=[faculty.faculty])
    client.force_login(faculty)
    assert client.post(URL, {"subject": f"cohort:{taught.pk}"}).status_code == 302
    response = client.post(URL, {"subject": f"cohort:{other.pk}"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert list(CalendarFeed.objects.values_list("subject_id", flat=True)) == [taught.pk]


def test_it_lets_an_administrator_subscribe_to_his_members_things_only(
    client, scheduler_admin, member, other_member
):
    mine, theirs = f.room(f.campus(member)), f.room(f.campus(other_member))
    client.force_login(scheduler_admin)
    assert client.post(URL, {"subject": f"room:{mine.pk}"}).status_code == 302
    assert client.post(URL, {"subject": f"room:{theirs.pk}"}).status_code == 400
    assert client.post(URL, {"subject": f"cohort:{f.cohort(other_member).pk}"}
                       ).status_code == 400
    assert list(CalendarFeed.objects.values_list("subject_id", flat=True)) == [mine.pk]


def test_it_lets_the_coordinator_subscribe_to_anything(client, consortium_admin, other_member):
    cohort = f.cohort(other_member)
    client.force_login(consortium_admin)
    assert client.post(URL, {"subject": f"cohort:{cohort.pk}"}).status_code == 302
    assert CalendarFeed.objects.get().subject_id == cohort.pk


def test_it_answers_htmx_with_the_updated_list(client, faculty):
    client.force_login(faculty)
    response = client.post(URL, {"subject": f"faculty:{faculty.faculty.pk}"},
                           HTTP_HX_REQUEST="true")
    feed = CalendarFeed.objects.get()
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert f"{feed.token}.ics" in body


@pytest.mark.parametrize("who", ["partner_reviewer", "outsider"])
def test_it_is_404_for_users_without_feeds(client, who, request, faculty):
    client.force_login(request.getfixturevalue(who))
    assert client.post(URL, {"subject": f"faculty:{faculty.faculty.pk}"}).status_code == 404
    assert not CalendarFeed.objects.exists()


def test_it_refuses_get(client, faculty):
    client.force_login(faculty)
    assert client.get(URL).status_code == 405


def test_it_sends_anonymous_users_to_log_in(client, faculty):
    assert client.post(URL, {"subject": f"faculty:{faculty.faculty.pk}"}).status_code == 302
    assert not CalendarFeed.objects.exists()
