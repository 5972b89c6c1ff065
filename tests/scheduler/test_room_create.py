from django.urls import reverse

from scheduler import models as sm
from tests import factories as f
from tests.scheduler.scenario import assert_guarded

URL = reverse("scheduler:room_create")


def _data(campus, **over):
    data = {
        "campus": campus.pk,
        "code": "HIL-1",
        "name": "HIL lab",
        "name_zh": "硬件在环实验室",
        "kind": "lab",
        "capacity": 24,
        "access": "restricted",
        "loans-TOTAL_FORMS": 1,
        "loans-INITIAL_FORMS": 0,
    }
    data.update(over)
    return data


def test_it_creates_a_lab_with_a_loan(client, scheduler_admin, member, other_member):
    campus = f.campus(member)
    hil = f.feature(code="hil")
    client.force_login(scheduler_admin)
    data = _data(
        campus,
        features=[hil.pk],
        **{"loans-0-borrower": other_member.pk, "loans-0-cap_periods_per_week": 6},
    )
    response = client.post(URL, data)
    assert response.status_code == 302
    room = sm.Room.objects.get(code="HIL-1")
    assert list(room.features.values_list("code", flat=True)) == ["hil"]
    assert list(room.loans.values_list("borrower", "cap_periods_per_week")) == [
        (other_member.pk, 6)
    ]


def test_it_refuses_a_loan_to_the_owner_and_saves_nothing(client, scheduler_admin, member):
    campus = f.campus(member)
    client.force_login(scheduler_admin)
    data = _data(campus, **{"loans-0-borrower": member.pk, "loans-0-cap_periods_per_week": 6})
    response = client.post(URL, data)
    assert response.status_code == 400
    assert b"Loan row 1" in response.content
    assert not sm.Room.objects.exists()


def test_it_refuses_another_members_campus(client, scheduler_admin, other_member):
    client.force_login(scheduler_admin)
    response = client.post(URL, _data(f.campus(other_member)))
    assert response.status_code == 400
    assert not sm.Room.objects.exists()


def test_it_hides_the_form_from_faculty(client, faculty):
    client.force_login(faculty)
    assert client.get(URL).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin):
    assert_guarded(client, scheduler_admin, URL, method="get", refused="put")
