from django.urls import reverse

from curriculum import models as cm
from scheduler import models as sm
from tests import factories as f
from tests.scheduler.scenario import assert_guarded


def _url(term):
    return reverse("scheduler:offering_create", args=[term.slug])


def _course_with_needs(member, faculty_member):
    course = f.course(member, faculty_members=[faculty_member])
    syllabus = course.current_syllabus()
    hil = f.feature(code="hil", name="HIL bench")
    cm.SessionNeed.objects.create(syllabus=syllabus, kind="lecture", length=2, count=2)
    lab = cm.SessionNeed.objects.create(syllabus=syllabus, kind="lab", length=3, count=1)
    lab.features.add(hil)
    return course


def test_it_makes_one_session_per_weekly_meeting(client, scheduler_admin, sched, member):
    course = _course_with_needs(member, sched.faculty[0])
    client.force_login(scheduler_admin)
    response = client.post(
        _url(sched.term),
        {
            "course": course.pk,
            "cohorts": [sched.cohorts[0].pk],
            "faculty": [sched.faculty[0].pk],
            "min_days": 2,
        },
    )
    assert response.status_code == 302
    offering = sm.Offering.objects.get(term=sched.term, course=course)
    sessions = list(offering.sessions.order_by("kind", "id"))
    assert [(s.kind, s.length) for s in sessions] == [("lab", 3), ("lecture", 2), ("lecture", 2)]
    assert [f.code for f in sessions[0].features.all()] == ["hil"]


def test_it_refuses_an_offering_without_faculty(client, scheduler_admin, sched, member):
    course = _course_with_needs(member, sched.faculty[0])
    client.force_login(scheduler_admin)
    response = client.post(_url(sched.term), {"course": course.pk, "min_days": 1})
    assert response.status_code == 400
    assert b"Name at least one faculty member" in response.content
    assert not sm.Offering.objects.filter(course=course).exists()


def test_it_forbids_another_members_scheduler(client, other_scheduler_admin, sched, member):
    course = _course_with_needs(member, sched.faculty[0])
    client.force_login(other_scheduler_admin)
    assert client.get(_url(sched.term)).status_code == 403
    data = {"course": course.pk, "faculty": [sched.faculty[0].pk], "min_days": 1}
    assert client.post(_url(sched.term), data).status_code == 403
    assert not sm.Offering.objects.filter(course=course).exists()


def test_it_hides_the_form_from_reviewers(client, partner_reviewer, sched):
    client.force_login(partner_reviewer)
    assert client.get(_url(sched.term)).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched):
    assert_guarded(client, scheduler_admin, _url(sched.term), method="get", refused="put")
