import pytest
from django.urls import reverse

from curriculum.models import CourseShare, Syllabus
from tests import factories as f


@pytest.fixture
def versions(course):
    """ICV101 v1 (published, no longer current) and v2 (current draft)."""
    first = course.current_syllabus()
    f.outcome(first, text="Old outcome")
    Syllabus.objects.filter(pk=first.pk).update(status="published", is_current=False)
    second = Syllabus.objects.create(course=course, version=2, is_current=True)
    f.outcome(second, text="New outcome")
    return first, second


def url(version: int) -> str:
    return reverse("syllabus_detail", args=["ICV101", version])


def test_it_redirects_anonymous_to_login(client, course):
    assert client.get(url(1))["Location"].startswith("/login/")


def test_it_refuses_post(client, faculty, course):
    client.force_login(faculty)
    assert client.post(url(1)).status_code == 405


def test_it_shows_an_older_version_as_it_was(client, faculty, versions):
    client.force_login(faculty)
    html = client.get(url(1)).content.decode()
    assert "Old outcome" in html and "New outcome" not in html
    assert "not the current version" in html and "Published" in html
    assert f'href="{url(2)}"' in html


def test_it_returns_404_for_a_version_that_does_not_exist(client, faculty, versions):
    client.force_login(faculty)
    assert client.get(url(9)).status_code == 404


def test_it_hides_versions_of_an_unshared_course_from_a_reviewer(
    client, partner_reviewer, other_reviewer, versions, course, firm_b
):
    CourseShare.objects.create(course=course, firm=firm_b)
    client.force_login(partner_reviewer)
    assert client.get(url(1)).status_code == 404
    client.force_login(other_reviewer)
    assert client.get(url(1)).status_code == 200


def test_it_returns_the_syllabus_fragment_for_htmx(client, faculty, versions):
    client.force_login(faculty)
    html = client.get(url(2), HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in html and "New outcome" in html
