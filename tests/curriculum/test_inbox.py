"""The in-app inbox: list, unread count, mark read (one or all), open an item."""

import pytest

from curriculum import services
from curriculum.models import Notification
from tests.curriculum.review_data import submitted


@pytest.fixture
def items(course, faculty, partner_reviewer, firm_a):
    """The reviewer has one notice (review requested) and a comment notice to the faculty."""
    syllabus = submitted(course, faculty, firm_a)
    services.comment_add(syllabus=syllabus, by=partner_reviewer, body="Hello")
    return syllabus


def test_it_lists_the_users_items(client, items, partner_reviewer, faculty,
                                  django_assert_num_queries):
    client.force_login(faculty)
    with django_assert_num_queries(7):
        response = client.get("/inbox/")
    assert response.status_code == 200
    assert [n.kind for n in response.context["page"]] == ["comment"]
    assert response.context["unread_count"] == 1
    assert "New comment on ICV101 v1: Hello" in response.content.decode()


def test_it_filters_unread_and_serves_the_fragment(client, items, faculty):
    Notification.objects.filter(user=faculty).update(read_at="2026-01-01T00:00Z")
    client.force_login(faculty)
    response = client.get("/inbox/", {"unread": "1"}, HTTP_HX_REQUEST="true")
    assert response.content.decode().lstrip().startswith('<div id="inbox-list">')
    assert list(response.context["page"]) == []
    assert response["HX-Trigger"] == "inbox-changed"


def test_it_marks_one_read_and_opens_it(client, items, faculty):
    notice = Notification.objects.get(user=faculty)
    client.force_login(faculty)
    response = client.post(f"/inbox/{notice.pk}/read/", {"open": "1"})
    assert response.status_code == 302
    assert response["Location"].startswith("/courses/ICV101/v/1/review/#comment-")
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_it_marks_one_read_by_htmx(client, items, faculty):
    notice = Notification.objects.get(user=faculty)
    client.force_login(faculty)
    response = client.post(f"/inbox/{notice.pk}/read/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response.context["unread_count"] == 0


def test_it_marks_all_read(client, items, faculty, partner_reviewer):
    client.force_login(faculty)
    assert client.post("/inbox/read-all/").status_code == 302
    assert not Notification.objects.filter(user=faculty, read_at__isnull=True).exists()
    assert Notification.objects.filter(user=partner_reviewer, read_at__isnull=True).exists()


def test_it_counts_unread_for_the_nav_badge(client, items, partner_reviewer,
                                           django_assert_num_queries):
    client.force_login(partner_reviewer)
    with django_assert_num_queries(3):
        response = client.get("/inbox/badge/", HTTP_HX_REQUEST="true")
    assert '<span id="inbox-badge"' in response.content.decode()
    assert ">1</span>" in response.content.decode()


def test_it_hides_other_users_items(client, items, faculty, partner_reviewer):
    notice = Notification.objects.get(user=faculty)
    client.force_login(partner_reviewer)
    assert client.post(f"/inbox/{notice.pk}/read/").status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_it_puts_the_inbox_in_the_nav(client, items, faculty):
    client.force_login(faculty)
    html = client.get("/inbox/").content.decode()
    assert 'hx-get="/inbox/badge/"' in html


def test_it_refuses_wrong_methods_and_anonymous(client, items, faculty):
    assert client.get("/inbox/").status_code == 302
    assert client.get("/inbox/badge/").status_code == 302
    client.force_login(faculty)
    assert client.post("/inbox/").status_code == 405
    assert client.get("/inbox/read-all/").status_code == 405
    notice = Notification.objects.get(user=faculty)
    assert client.get(f"/inbox/{notice.pk}/read/").status_code == 405
