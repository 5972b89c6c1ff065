"""Refusals and missing pages keep the app around them: navigation and a way home."""

from django.test import override_settings


def test_it_answers_a_refusal_with_a_page_of_the_app(client, course, other_faculty):
    client.force_login(other_faculty)
    response = client.get(f"/courses/{course.code}/edit/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Forbidden</h1>" in html and 'class="mainnav"' in html and 'href="/"' in html


@override_settings(DEBUG=False)
def test_it_answers_a_missing_page_with_a_page_of_the_app(client, faculty):
    client.force_login(faculty)
    response = client.get("/courses/NOPE1/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html and 'class="mainnav"' in html


@override_settings(DEBUG=False)
def test_it_says_so_in_chinese_too(client, faculty):
    client.force_login(faculty)
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    html = client.get("/courses/NOPE1/").content.decode()
    assert "页面没有找到" in html and "首页" in html
