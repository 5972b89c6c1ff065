from django.urls import reverse

from scheduler import models as sm
from tests import factories as f
from tests.scheduler.scenario import assert_guarded

URL = reverse("scheduler:room_list")


def test_it_lists_every_members_rooms_in_fixed_queries(
    client, other_scheduler_admin, member, django_assert_num_queries
):
    client.force_login(other_scheduler_admin)
    for count in (1, 6):
        for _ in range(count):
            room = f.room(f.campus(member), access=sm.Room.Access.RESTRICTED)
            room.features.add(f.feature())
            sm.RoomLoan.objects.create(room=room, borrower=f.institution(), cap_periods_per_week=4)
        with django_assert_num_queries(8):
            response = client.get(URL)
        assert response.status_code == 200
        assert room.code.encode() in response.content


def test_it_hides_rooms_from_faculty_reviewers_and_outsiders(
    client, faculty, partner_reviewer, outsider
):
    for user in (faculty, partner_reviewer, outsider):
        client.force_login(user)
        assert client.get(URL).status_code == 404


def test_it_turns_away_anonymous_users_and_other_methods(client, scheduler_admin):
    assert_guarded(client, scheduler_admin, URL, method="get", refused="post")
