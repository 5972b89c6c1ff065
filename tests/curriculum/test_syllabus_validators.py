"""The checks behind the editor's live summary (curriculum/validators.py)."""

import pytest
from django.core.exceptions import ValidationError

from curriculum.validators import (
    assessment_total_problem,
    discipline_shares_problem,
    missing_equipment_problem,
    validate_course_code,
)
from tests import factories as f


def test_assessment_must_add_up_to_100():
    assert assessment_total_problem([50, 40]) == "Assessment adds up to 90 %; it must be 100 %."
    assert assessment_total_problem([60, 40]) is None
    assert assessment_total_problem([]) is None  # nothing entered yet


def test_discipline_shares_must_add_up_to_100():
    assert discipline_shares_problem([60, 30]) == (
        "Discipline shares add up to 90 %; they must be 100 %."
    )
    assert discipline_shares_problem([]) == "Name at least one contributing discipline."
    assert discipline_shares_problem([100]) is None


@pytest.mark.django_db
def test_equipment_no_room_has_is_named():
    bench, sim = f.feature(name="HIL bench"), f.feature(name="driving simulator")
    rooms = [frozenset({sim.pk})]
    assert missing_equipment_problem([bench], rooms) == (
        "No room or lab in the consortium has a HIL bench."
    )
    assert missing_equipment_problem([sim], rooms) is None
    assert missing_equipment_problem([], rooms) is None


@pytest.mark.django_db
def test_equipment_spread_over_two_rooms_is_not_enough():
    bench, sim = f.feature(name="HIL bench"), f.feature(name="driving simulator")
    rooms = [frozenset({sim.pk}), frozenset({bench.pk})]
    assert missing_equipment_problem([bench, sim], rooms) == (
        "No single room or lab in the consortium has all of: HIL bench, driving simulator."
    )
    assert missing_equipment_problem([bench, sim], [frozenset({bench.pk, sim.pk})]) is None


@pytest.mark.parametrize("code", ["ICV101", "NEV-2", "AB"])
def test_course_code_accepts(code):
    validate_course_code(code)


@pytest.mark.parametrize("code", ["icv101", "1CV", "ICV 101", "A", "ICV/101"])
def test_course_code_refuses(code):
    with pytest.raises(ValidationError):
        validate_course_code(code)
