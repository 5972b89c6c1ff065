"""Inbox items and their emails speak the recipient's language, not the actor's: they keep what
happened (event and values) and make the sentence when shown or mailed."""

import pytest
from django.utils import translation

from curriculum import services
from curriculum.models import Notification, Profile
from tests.curriculum.review_data import submitted


@pytest.fixture
def in_review(course, faculty, firm_a):
    faculty.email = "wang@cqu.example"
    faculty.save()
    return submitted(course, faculty, firm_a)


def _prefers_chinese(user) -> None:
    Profile.objects.filter(user=user).update(language="zh-hans")


def test_it_mails_and_shows_a_comment_in_the_recipients_language(
    client, in_review, faculty, partner_reviewer, django_capture_on_commit_callbacks, mailoutbox
):
    _prefers_chinese(faculty)
    client.force_login(partner_reviewer)  # the reviewer acts in English
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/courses/ICV101/v/1/comments/", {"anchor": "general", "body": "Add radar"}
        )
    assert response.status_code == 302
    [mail] = mailoutbox
    assert mail.to == ["wang@cqu.example"]
    assert mail.subject == "[ICV] ICV101 v1 有新评论：Add radar"
    assert mail.body.startswith("ICV101 v1 有新评论：Add radar\n\n/courses/ICV101/v/1/review/#")
    assert mail.body.endswith("-- 智能网联汽车课程规划系统")

    notice = Notification.objects.get(user=faculty)
    assert (notice.event, notice.params["body"], notice.params["actor"]) == (
        "comment", "Add radar", "reviewer",
    )
    assert notice.message == "New comment on ICV101 v1: Add radar"  # the fallback, in English
    client.force_login(faculty)
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/inbox/"})
    assert "ICV101 v1 有新评论：Add radar" in client.get("/inbox/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/inbox/"})
    assert "New comment on ICV101 v1: Add radar" in client.get("/inbox/").content.decode()


def test_it_mails_in_the_default_language_whoever_acts(
    in_review, faculty, partner_reviewer, django_capture_on_commit_callbacks, mailoutbox
):
    with translation.override("zh-hans"), django_capture_on_commit_callbacks(execute=True):
        services.syllabus_endorse(syllabus=in_review, by=partner_reviewer)
    assert [m.subject for m in mailoutbox] == ["[ICV] Firm A Motors endorsed ICV101 v1."]
    notice = Notification.objects.get(user=faculty, event="endorsed")
    with translation.override("zh-hans"):
        assert notice.text == "甲汽车认可了 ICV101 v1。"  # the firm's Chinese name too


def test_it_shows_an_old_item_as_it_was_stored(faculty):
    notice = Notification.objects.create(user=faculty, kind="other", message="Hello")
    with translation.override("zh-hans"):
        assert notice.text == "Hello"
    broken = Notification(user=faculty, kind="comment", event="comment", message="Kept",
                          params={"course": "ICV101"})
    assert broken.text == "Kept"  # a value missing: the stored sentence rather than an error
