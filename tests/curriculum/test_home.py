import pytest


def test_it_redirects_anonymous_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_it_shows_home_to_faculty(client, faculty):
    client.force_login(faculty)
    response = client.get("/")
    assert response.status_code == 200
    assert b"ICV Curriculum Planner" in response.content


@pytest.mark.browser
def test_it_logs_in_through_the_form(page, faculty):
    from tests.conftest import login

    login(page, "faculty")
    assert page.locator(".who").inner_text().startswith("Wei Wang")
