"""Reusable checks of curriculum input. Each returns a sentence the UI can show, or raises."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

COURSE_CODE_RE = re.compile(r"^[A-Z][A-Z0-9-]{1,19}$")


def validate_course_code(value: str) -> None:
    """A course code: a capital letter, then capitals, digits or hyphens (2–20 characters)."""
    if not COURSE_CODE_RE.match(value):
        raise ValidationError(
            _(
                "Use 2–20 capital letters, digits or hyphens, starting with a letter "
                "(e.g. ICV101)."
            ),
            code="invalid_code",
        )


def assessment_total_problem(weights: Iterable[int]) -> str | None:
    """The sentence to show when assessment weights are entered but do not add up to 100 %."""
    weights = list(weights)
    total = sum(weights)
    if not weights or total == 100:
        return None
    return _("Assessment adds up to %(total)s %%; it must be 100 %%.") % {"total": total}


def discipline_shares_problem(shares: Iterable[int]) -> str | None:
    """The sentence to show when a course names no discipline or the shares miss 100 %."""
    shares = list(shares)
    if not shares:
        return _("Name at least one contributing discipline.")
    total = sum(shares)
    if total == 100:
        return None
    return _("Discipline shares add up to %(total)s %%; they must be 100 %%.") % {"total": total}


def missing_equipment_problem(
    needed: Iterable, room_features: Iterable[frozenset[int]]
) -> str | None:
    """A warning when no room or lab in the consortium has every feature a session needs.

    `needed` holds Feature objects; `room_features` the set of feature ids of each room.
    """
    needed = list(needed)
    if not needed:
        return None
    rooms = list(room_features)
    ids = {f.pk for f in needed}
    if any(ids <= have for have in rooms):
        return None
    missing = [f for f in needed if not any(f.pk in have for have in rooms)]
    if missing:
        names = ", ".join(str(f) for f in missing)
        if len(missing) == 1:
            return _("No room or lab in the consortium has a %(feature)s.") % {"feature": names}
        return _("No room or lab in the consortium has any of: %(features)s.") % {
            "features": names
        }
    return _("No single room or lab in the consortium has all of: %(features)s.") % {
        "features": ", ".join(str(f) for f in needed)
    }


def prerequisite_cycle(
    edges: Mapping[int, Iterable[int]], course: int, requires: int
) -> list[int] | None:
    """The cycle that `course requires requires` would close, as ids from course back to course.

    `edges` maps a course id to the ids of the courses it requires. Breadth-first from `requires`
    along existing edges; if `course` is reached, the path plus the new edge is a cycle.
    """
    if course == requires:
        return [course, course]
    parent: dict[int, int] = {requires: requires}
    queue = deque([requires])
    while queue:
        node = queue.popleft()
        for nxt in edges.get(node, ()):
            if nxt in parent:
                continue
            parent[nxt] = node
            if nxt == course:
                path = [nxt]
                while path[-1] != requires:
                    path.append(parent[path[-1]])
                return [course, *reversed(path)]
            queue.append(nxt)
    return None


LEVEL_HELP = gettext_lazy("1 remember · 2 understand · 3 apply · 4 analyse · 5 evaluate · 6 create")
