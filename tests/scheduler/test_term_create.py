import datetime as dt

from django.urls import reverse

from scheduler import models as sm
from tests.scheduler.scenario import assert_guarded

URL = reverse("scheduler:term_create")


def _data(member, **over):
    data = {
        "slug": "spring27",
        "name": "Spring 2027",
        "name_zh": "2027春",
        "institution": member.pk,
        "start_date": "2027-03-01",
        "weeks": 16,
        "days_per_week": 5,
        "periods-TOTAL_FORMS": 3,
        "periods-INITIAL_FORMS": 0,
        "periods-0-start": "08:00",
        "periods-0-end": "08:45",
        "periods-1-start": "10:00",
        "periods-1-end": "10:45",
        "periods-2-start": "08:55",
        "periods-2-end": "09:40",
        "holidays-TOTAL_FORMS": 1,
        "holidays-INITIAL_FORMS": 0,
        "holidays-0-date": "2027-04-05",
        "holidays-0-name": "Qingming",
    }
    data.update(over)
    return data


def test_it_creates_a_term_with_periods_in_clock_order(client, scheduler_admin, member):
    client.force_login(scheduler_admin)
    response = client.post(URL, _data(member))
    assert response.status_code == 302
    term = sm.Term.objects.get(slug="spring27")
    assert term.institution == member
    assert [(p.index, p.start) for p in term.periods.all()] == [
        (0, dt.time(8, 0)),
        (1, dt.time(8, 55)),
        (2, dt.time(10, 0)),
    ]
    assert [h.name for h in term.holidays.all()] == ["Qingming"]


def test_it_refuses_a_term_without_periods(client, scheduler_admin, member):
    client.force_login(scheduler_admin)
    data = _data(member, **{"periods-TOTAL_FORMS": 0})
    response = client.post(URL, data)
    assert response.status_code == 200
    assert b"at least one teaching period" in response.content
    assert not sm.Term.objects.filter(slug="spring27").exists()


def test_it_refuses_overlapping_periods_and_holidays_outside_the_term(
    client, scheduler_admin, member
):
    client.force_login(scheduler_admin)
    response = client.post(URL, _data(member, **{"periods-1-start": "08:30"}))
    assert b"overlap" in response.content
    response = client.post(URL, _data(member, **{"holidays-0-date": "2028-01-01"}))
    assert b"outside the term" in response.content
    assert not sm.Term.objects.exists()


def test_it_keeps_a_scheduler_to_his_own_member(client, scheduler_admin, member, other_member):
    client.force_login(scheduler_admin)
    response = client.post(URL, _data(member, institution=other_member.pk))
    assert response.status_code == 200
    assert not sm.Term.objects.exists()


def test_it_lets_the_coordinator_pick_the_member(client, consortium_admin, other_member):
    client.force_login(consortium_admin)
    assert client.post(URL, _data(other_member)).status_code == 302
    assert sm.Term.objects.get().institution == other_member


def test_it_hides_the_form_from_faculty_and_reviewers(client, faculty, partner_reviewer):
    for user in (faculty, partner_reviewer):
        client.force_login(user)
        assert client.get(URL).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin):
    assert_guarded(client, scheduler_admin, URL, method="get", refused="put")
