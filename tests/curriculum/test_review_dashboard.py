"""The coordinator's dashboard: endorsements, relevance per competency area, what waits."""

import pytest

from curriculum import services
from tests import factories as f
from tests.curriculum.review_data import share, submitted


@pytest.fixture
def reviewed(course, member, faculty, firm_a, firm_b, partner_reviewer, other_reviewer):
    """ICV101 in review with A (endorsed, outcomes rated 4 and 2) and B (no verdict yet),
    in programme P1; ICV201 a draft in no programme."""
    syllabus = submitted(course, faculty, firm_a, firm_b)
    first, second = syllabus.outcomes.all()
    services.outcome_rate(outcome=first, by=partner_reviewer, score=4)
    services.outcome_rate(outcome=second, by=partner_reviewer, score=2)
    services.outcome_rate(outcome=first, by=other_reviewer, score=5)
    services.syllabus_endorse(syllabus=syllabus, by=partner_reviewer)
    f.programme(code="p1", name="ICV minor", courses=[course])
    other = f.course(member, code="ICV201", faculty_members=[faculty.faculty])
    share(other, firm_a)
    return syllabus


def test_it_shows_verdicts_relevance_and_waiting(client, reviewed, consortium_admin,
                                                 django_assert_num_queries):
    client.force_login(consortium_admin)
    with django_assert_num_queries(11):
        response = client.get("/reviews/dashboard/")
    assert response.status_code == 200
    groups = response.context["groups"]
    assert [g["programme"].code if g["programme"] else None for g in groups] == ["p1", None]
    line = groups[0]["lines"][0]
    assert [(firm.code, d) for firm, d in line.firms] == [("firma", "endorse"), ("firmb", "")]
    assert line.waiting == "Waiting for the verdict of Firm B Systems"
    area_index = [a.pk for a in response.context["areas"]].index(
        reviewed.outcomes.first().mappings.get().competency.area_id
    )
    assert line.averages[area_index] == round((4 + 2 + 5) / 3, 1)
    assert groups[0]["averages"][area_index] == round((4 + 2 + 5) / 3, 1)
    assert groups[1]["lines"][0].waiting == "Waiting for the course team to submit the draft"
    assert [(firm.code, done, shared) for firm, done, shared in groups[0]["firms"]] == [
        ("firma", 1, 1), ("firmb", 0, 1),
    ]
    html = response.content.decode()
    assert "Firm A Motors: ✓ endorsed" in html



def test_it_names_who_approves_and_publishes(client, reviewed, consortium_admin, other_reviewer):
    """It said "A manager: approve", which named nobody."""
    services.syllabus_endorse(syllabus=reviewed, by=other_reviewer)
    client.force_login(consortium_admin)
    managers = "the coordinator or Chongqing Test University's scheduling administrator"
    line = client.get("/reviews/dashboard/").context["groups"][0]["lines"][0]
    assert line.waiting == f"Waiting for {managers} to approve"
    services.syllabus_approve(syllabus=reviewed, by=consortium_admin)
    html = client.get("/reviews/dashboard/").content.decode()
    assert f"Waiting for {managers} to publish".replace("'", "&#x27;") in html
    client.cookies["django_language"] = "zh-hans"
    html = client.get("/reviews/dashboard/").content.decode()
    assert "等待联盟协调人或重庆测试大学的排课管理员发布" in html

def test_it_shows_a_scheduler_his_members_courses(client, reviewed, scheduler_admin,
                                                  other_scheduler_admin):
    client.force_login(scheduler_admin)
    assert len(client.get("/reviews/dashboard/").context["groups"]) == 2
    client.force_login(other_scheduler_admin)
    assert client.get("/reviews/dashboard/").context["groups"] == []


def test_it_returns_the_groups_fragment_to_htmx(client, reviewed, consortium_admin):
    client.force_login(consortium_admin)
    response = client.get("/reviews/dashboard/", HTTP_HX_REQUEST="true")
    assert response.content.decode().lstrip().startswith('<div id="groups">')


def test_it_refuses_reviewers_faculty_and_anonymous(client, reviewed, partner_reviewer, faculty):
    assert client.get("/reviews/dashboard/").status_code == 302
    for user in (partner_reviewer, faculty):
        client.force_login(user)
        assert client.get("/reviews/dashboard/").status_code == 403


def test_it_refuses_post(client, consortium_admin):
    client.force_login(consortium_admin)
    assert client.post("/reviews/dashboard/").status_code == 405
