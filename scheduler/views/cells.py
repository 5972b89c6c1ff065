"""The clickable week of periods used for faculty availability and room unavailability."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _

from scheduler import models as m


@dataclass(frozen=True)
class WeekRow:
    period: m.TermPeriod
    # per day: (value "day:period", mark, its label, the day's name for the button's label)
    cells: tuple[tuple[str, str, str, str], ...]


@dataclass(frozen=True)
class Week:
    days: tuple[str, ...]
    rows: tuple[WeekRow, ...]


def week_cells(term: m.Term, marks: dict[tuple[int, int], str], labels: dict) -> Week:
    """The term's days × periods with each period's mark (e.g. "unavailable") and its label."""
    days = tuple(term.day_name(d) for d in range(term.days_per_week))
    rows = tuple(
        WeekRow(
            period,
            tuple(
                (f"{d}:{period.index}", mark, str(labels.get(mark, "")), days[d])
                for d in range(term.days_per_week)
                for mark in [marks.get((d, period.index), "")]
            ),
        )
        for period in term.periods.all()
    )
    return Week(days, rows)


def change_cell(request: HttpRequest, change: Callable[[int, int], object]) -> str:
    """Apply `change(day, period)` to the clicked cell; the refusal's sentence, or ""."""
    try:
        change(*cell_from_post(request))
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


def cell_from_post(request: HttpRequest) -> tuple[int, int]:
    """The clicked cell of a week form, "day:period" in POST["cell"]."""
    try:
        day, period = (int(part) for part in request.POST.get("cell", "").split(":"))
    except ValueError:
        raise ValidationError(_("Choose a period of the week.")) from None
    return day, period
