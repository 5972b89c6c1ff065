"""POST /scheduling/feeds/<pk>/revoke/: the owner stops a feed's address working."""

import pytest

from scheduler.models import CalendarFeed


@pytest.fixture
def feed(faculty):
    return CalendarFeed.objects.create(owner=faculty, subject="faculty",
                                       subject_id=faculty.faculty.pk)


def test_it_revokes_the_owners_feed(client, faculty, feed):
    client.force_login(faculty)
    response = client.post(f"/scheduling/feeds/{feed.pk}/revoke/")
    assert response.status_code == 302
    feed.refresh_from_db()
    assert feed.revoked_at is not None
    assert client.get(f"/scheduling/feeds/{feed.token}.ics").status_code == 404


def test_it_answers_htmx_with_the_updated_list(client, faculty, feed):
    client.force_login(faculty)
    response = client.post(f"/scheduling/feeds/{feed.pk}/revoke/", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body and "revoked" in body
    feed.refresh_from_db()
    assert feed.revoked_at is not None


def test_it_hides_other_peoples_feeds(client, consortium_admin, feed):
    client.force_login(consortium_admin)
    assert client.post(f"/scheduling/feeds/{feed.pk}/revoke/").status_code == 404
    feed.refresh_from_db()
    assert feed.revoked_at is None


def test_it_refuses_get(client, faculty, feed):
    client.force_login(faculty)
    assert client.get(f"/scheduling/feeds/{feed.pk}/revoke/").status_code == 405


def test_it_sends_anonymous_users_to_log_in(client, feed):
    assert client.post(f"/scheduling/feeds/{feed.pk}/revoke/").status_code == 302
    feed.refresh_from_db()
    assert feed.revoked_at is None
