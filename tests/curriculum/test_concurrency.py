"""Two people changing the same syllabus at once never silently overwrite each other.

- Content: the course editor's save carries ``Syllabus.revision``; the second save is refused
  with a conflict message and the user's text is kept (issue 2's editor, exercised here with the
  review workflow in the picture: a submit in between also stops a save).
- Status: each workflow action carries the status the user saw and locks the row; whoever comes
  second gets 409 with a message that says what happened, and nothing of his is recorded.
"""

import threading

import pytest
from django.db import OperationalError, close_old_connections, connection
from django.urls import reverse

from curriculum import services
from curriculum.models import LearningOutcome, Syllabus, Transition
from curriculum.workflow import Conflict
from tests import factories as f
from tests.curriculum.review_data import counts, fill, review_url, submitted

S = Syllabus.Status


@pytest.fixture
def colleague(course, member):
    """A second teacher of the course."""
    user = f.user("faculty-b", role="faculty", member=member)
    course.faculty.add(f.faculty(member, user_obj=user, name="Zhao Lei"))
    return user


def _editor(client, course):
    response = client.get(reverse("course_edit", args=[course.code]))
    assert response.status_code == 200
    return f.form_data(response.content, "course-editor")


def test_the_second_editor_save_gets_a_conflict_and_keeps_his_text(
    client, course, faculty, colleague
):
    fill(course.current_syllabus())
    first, second = client, type(client)()
    first.force_login(faculty)
    second.force_login(colleague)
    mine, theirs = _editor(first, course), _editor(second, course)
    mine["outcomes-0-text"] = "Fuse camera, radar and lidar data"
    assert first.post(reverse("course_edit", args=[course.code]), mine).status_code == 302
    theirs["outcomes-0-text"] = "Their careful rewrite"
    response = second.post(reverse("course_edit", args=[course.code]), theirs)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else saved this syllabus" in html
    assert "Their careful rewrite</textarea>" in html
    texts = set(LearningOutcome.objects.values_list("text", flat=True))
    assert "Fuse camera, radar and lidar data" in texts and "Their careful rewrite" not in texts


def test_a_submit_between_opening_and_saving_the_editor_stops_the_save(
    client, course, faculty, colleague
):
    fill(course.current_syllabus())
    client.force_login(faculty)
    mine = _editor(client, course)
    services.syllabus_submit(syllabus=course.current_syllabus(), by=colleague)
    mine["outcomes-0-text"] = "Too late"
    response = client.post(reverse("course_edit", args=[course.code]), mine)
    assert response.status_code == 409
    assert "Too late</textarea>" in response.content.decode()
    assert not LearningOutcome.objects.filter(text="Too late").exists()


def test_a_submit_after_someone_saved_is_refused(client, course, faculty, colleague):
    syllabus = fill(course.current_syllabus())
    client.force_login(faculty)
    page = client.get(review_url(syllabus)).content.decode()
    assert 'name="expected_revision" value="0"' in page
    Syllabus.objects.filter(pk=syllabus.pk).update(revision=1)  # the colleague saved meanwhile
    before = counts()
    response = client.post(
        f"{review_url(syllabus)}submit/", {"expected_status": "draft", "expected_revision": "0"}
    )
    assert response.status_code == 409
    assert "saved this syllabus after you opened it" in response.content.decode()
    assert counts() == before


def test_two_reviewers_on_a_stale_page_cannot_both_decide(
    client, course, faculty, firm_a, firm_b, partner_reviewer, other_reviewer
):
    syllabus = submitted(course, faculty, firm_a, firm_b)
    a, b = client, type(client)()
    a.force_login(partner_reviewer)
    b.force_login(other_reviewer)
    assert "action-endorse" in b.get(review_url(syllabus)).content.decode()  # B opens the page
    a.post(f"{review_url(syllabus)}request_changes/",
           {"comment": "Add V2X", "expected_status": "in_review"})
    before = counts()
    response = b.post(f"{review_url(syllabus)}endorse/",
                      {"comment": "Looks good to us", "expected_status": "in_review"})
    assert response.status_code == 409
    assert "Changes requested" in response.content.decode()
    assert "Looks good to us" in response.content.decode()  # his text is kept
    assert counts() == before


def test_the_status_guard_holds_even_without_a_row_lock(course, faculty, scheduler_admin,
                                                        firm_a, monkeypatch):
    """If the row were not locked (or the lock were lost), the conditional update still refuses
    to move a syllabus whose status changed after it was read."""
    syllabus = submitted(course, faculty, firm_a)
    stale = Syllabus.objects.get(pk=syllabus.pk)
    Syllabus.objects.filter(pk=syllabus.pk).update(status=S.APPROVED)
    before = counts()
    monkeypatch.setattr(services, "_lock", lambda s: stale)
    with pytest.raises(Conflict):
        services.syllabus_approve(syllabus=stale, by=scheduler_admin)
    assert counts() == before


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_approvals_record_one(member, faculty, scheduler_admin, firm_a):
    """Two managers press Approve at the same moment, on two connections: one wins, one 409.

    On PostgreSQL the second waits for the row lock, then reads the new status: a Conflict. The
    test database of SQLite is an in-memory shared cache, which refuses the second writer at once
    ("database table is locked") instead of waiting as the file database in use does; either
    way the second approval is refused and recorded nowhere.
    """
    course = f.course(member, code="ICV900", faculty_members=[faculty.faculty])
    syllabus = submitted(course, faculty, firm_a)
    coordinator = f.user("coordinator-b", role="coordinator")
    barrier = threading.Barrier(2, timeout=10)
    outcomes: list[str] = []

    def approve(user):
        try:
            barrier.wait()
            services.syllabus_approve(syllabus=syllabus, by=user, expected_status=S.IN_REVIEW)
            outcomes.append("approved")
        except Conflict:
            outcomes.append("conflict")
        except OperationalError as error:
            outcomes.append("locked" if "locked" in str(error) else repr(error))
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=approve, args=(u,)) for u in (scheduler_admin, coordinator)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    refused = "locked" if connection.vendor == "sqlite" else "conflict"
    assert sorted(outcomes) in (["approved", "conflict"], ["approved", refused])
    assert Transition.objects.filter(syllabus=syllabus, to_status=S.APPROVED).count() == 1
