"""The language menu: Django's set_language, and the choice kept on the user's profile."""

from django.conf import settings

from curriculum.models import Profile


def test_it_switches_and_keeps_the_choice_on_the_profile(client, faculty):
    client.force_login(faculty)
    response = client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/inbox/"})
    assert (response.status_code, response["Location"]) == (302, "/inbox/")
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"
    faculty.profile.refresh_from_db()
    assert faculty.profile.language == "zh-hans"
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    faculty.profile.refresh_from_db()
    assert faculty.profile.language == "en"


def test_it_ignores_an_unknown_language(client, faculty):
    client.force_login(faculty)
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    faculty.profile.refresh_from_db()
    assert faculty.profile.language == ""


def test_it_lets_anonymous_visitors_switch_without_a_profile(client, faculty):
    response = client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/login/"})
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"
    assert Profile.objects.get(user=faculty).language == ""


def test_it_refuses_get(client, faculty):
    client.force_login(faculty)
    assert client.get("/i18n/setlang/", {"language": "zh-hans"}).status_code == 405
    faculty.profile.refresh_from_db()
    assert faculty.profile.language == ""


def test_it_answers_htmx_like_a_plain_form(client, faculty):
    client.force_login(faculty)
    response = client.post(
        "/i18n/setlang/", {"language": "zh-hans", "next": "/"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 302
    assert Profile.objects.get(user=faculty).language == "zh-hans"
