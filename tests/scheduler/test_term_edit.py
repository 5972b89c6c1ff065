from django.urls import reverse

from scheduler import models as sm
from tests.scheduler.scenario import assert_guarded


def _url(term):
    return reverse("scheduler:term_edit", args=[term.slug])


def _data(term, **over):
    data = {
        "slug": term.slug,
        "name": "Renamed",
        "name_zh": "",
        "start_date": "2027-03-01",
        "weeks": 12,
        "days_per_week": 4,
        "periods-TOTAL_FORMS": 1,
        "periods-INITIAL_FORMS": 0,
        "periods-0-start": "09:00",
        "periods-0-end": "10:30",
        "holidays-TOTAL_FORMS": 0,
        "holidays-INITIAL_FORMS": 0,
    }
    data.update(over)
    return data


def test_it_saves_the_term_and_replaces_its_periods(client, scheduler_admin, sched):
    client.force_login(scheduler_admin)
    response = client.post(_url(sched.term), _data(sched.term))
    assert response.status_code == 302
    sched.term.refresh_from_db()
    assert (sched.term.name, sched.term.weeks, sched.term.days_per_week) == ("Renamed", 12, 4)
    assert sched.term.periods.count() == 1


def test_it_refuses_to_remove_every_period(client, scheduler_admin, sched):
    client.force_login(scheduler_admin)
    data = _data(sched.term, **{"periods-0-DELETE": "on"})
    response = client.post(_url(sched.term), data)
    assert response.status_code == 200
    assert b"at least one teaching period" in response.content
    assert sched.term.periods.count() == 4


def test_it_forbids_another_members_scheduler(client, other_scheduler_admin, sched):
    client.force_login(other_scheduler_admin)
    assert client.get(_url(sched.term)).status_code == 403
    assert client.post(_url(sched.term), _data(sched.term)).status_code == 403
    assert sm.Term.objects.get(pk=sched.term.pk).name != "Renamed"


def test_it_lets_the_coordinator_edit(client, consortium_admin, sched):
    client.force_login(consortium_admin)
    assert client.post(_url(sched.term), _data(sched.term)).status_code == 302


def test_it_hides_the_term_from_reviewers(client, partner_reviewer, sched):
    client.force_login(partner_reviewer)
    assert client.get(_url(sched.term)).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin, sched):
    assert_guarded(client, scheduler_admin, _url(sched.term), method="get", refused="delete")


def test_it_fills_date_and_time_inputs_in_iso_whatever_the_language(
    client, scheduler_admin, sched
):
    """<input type="date"> drops "2027/03/01" (the Chinese format): the term lost its dates."""
    sm.Holiday.objects.create(term=sched.term, date=sched.term.start_date, name="Holiday")
    client.force_login(scheduler_admin)
    client.post(reverse("set_language"), {"language": "zh-hans", "next": "/"})
    html = client.get(_url(sched.term)).content.decode()
    iso = sched.term.start_date.isoformat()
    assert f'type="date" name="start_date" value="{iso}"' in html
    assert f'type="date" name="holidays-0-date" value="{iso}"' in html
    assert "/" not in iso and 'type="time" name="periods-0-start" value="08:00"' in html
