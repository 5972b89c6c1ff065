"""The login and logout pages (Django's auth views with our templates)."""

from django.contrib.staticfiles import finders

from tests import factories as f


def test_it_shows_the_login_form(client):
    response = client.get("/login/?next=/courses/")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="username"' in content and 'name="password"' in content
    assert 'value="/courses/"' in content
    assert "Please log in to see this page." in content


def test_it_logs_in_and_goes_to_next(client, faculty):
    response = client.post(
        "/login/", {"username": "faculty", "password": f.PASSWORD, "next": "/courses/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/courses/"
    assert client.get("/").context["user"].username == "faculty"


def test_it_refuses_a_wrong_password_in_place(client, faculty):
    response = client.post("/login/", {"username": "faculty", "password": "wrong"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert not response.context["user"].is_authenticated


def test_it_logs_out_with_a_post_and_says_so(client, faculty):
    client.force_login(faculty)
    response = client.post("/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/login/?logged_out=1"
    page = client.get(response["Location"])
    assert "You are logged out." in page.content.decode()
    assert client.get("/").status_code == 302


def test_it_refuses_logout_by_get(client, faculty):
    client.force_login(faculty)
    assert client.get("/logout/").status_code == 405
    assert client.get("/").status_code == 200


def test_it_names_an_icon_that_exists(client):
    """Browsers asked for /favicon.ico on every page and logged a 404."""
    content = client.get("/login/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg"' in content
    assert finders.find("favicon.svg")
