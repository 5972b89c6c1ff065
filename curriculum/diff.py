"""Compare two versions of a syllabus, part by part, for a side-by-side view.

Rows are matched in passes, from the strictest key to the loosest: an outcome first by its exact
text, then by its position; a weekly topic by week and title, then by week; an assessment
component by name; a session need by kind and length, then by kind; a reading by citation. What
is left unmatched on the left was removed, on the right added. A matched pair whose compared
fields differ is "changed", and the fields that differ are named.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from curriculum.models import LearningOutcome, SessionNeed, Syllabus

ADDED, REMOVED, CHANGED, SAME = "added", "removed", "changed", "same"


@dataclass(frozen=True)
class Row:
    status: str
    left: dict[str, str] | None
    right: dict[str, str] | None
    changed: frozenset[str] = frozenset()


@dataclass
class Section:
    name: str
    title: str
    fields: list[tuple[str, str]]  # (key, label)
    rows: list[Row] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counts = {ADDED: 0, REMOVED: 0, CHANGED: 0, SAME: 0}
        for row in self.rows:
            counts[row.status] += 1
        return counts

    @property
    def has_changes(self) -> bool:
        return any(row.status != SAME for row in self.rows)

    @property
    def lines(self) -> list[dict]:
        """Rows ready for a side-by-side table: one cell per field, in the section's order."""
        return [
            {
                "status": row.status,
                "has_left": row.left is not None,
                "has_right": row.right is not None,
                "cells": [
                    {
                        "label": label,
                        "left": (row.left or {}).get(key, ""),
                        "right": (row.right or {}).get(key, ""),
                        "changed": key in row.changed,
                    }
                    for key, label in self.fields
                ],
            }
            for row in self.rows
        ]


@dataclass
class SyllabusDiff:
    left: Syllabus
    right: Syllabus
    sections: list[Section]

    @property
    def has_changes(self) -> bool:
        return any(s.has_changes for s in self.sections)


def load_for_diff(syllabus_qs, versions: Sequence[int]) -> list[Syllabus]:
    """The syllabi of these versions with all their parts, in a fixed number of queries."""
    return list(
        syllabus_qs.filter(version__in=versions).prefetch_related(
            Prefetch(
                "outcomes",
                queryset=LearningOutcome.objects.prefetch_related("mappings__competency"),
            ),
            "topics",
            "assessment",
            "readings",
            Prefetch("session_needs", queryset=SessionNeed.objects.prefetch_related("features")),
        )
    )


def match(
    left: Sequence[Any], right: Sequence[Any], keys: Sequence[Callable[[Any], Any]]
) -> list[tuple[Any | None, Any | None]]:
    """Pair rows of two lists, pass by pass; unmatched rows pair with None. Keeps right's order,
    with removed rows placed after the row that preceded them on the left."""
    pairs: dict[int, int] = {}  # left index -> right index
    free_left = list(range(len(left)))
    free_right = list(range(len(right)))
    for key in keys:
        for li in list(free_left):
            k = key(left[li])
            for ri in free_right:
                if key(right[ri]) == k:
                    pairs[li] = ri
                    free_left.remove(li)
                    free_right.remove(ri)
                    break
    by_right = {ri: li for li, ri in pairs.items()}
    result: list[tuple[Any | None, Any | None]] = [
        (left[by_right[ri]] if ri in by_right else None, right[ri]) for ri in range(len(right))
    ]
    # Put each removed row right after the pair that holds its left-hand predecessor.
    for li in free_left:
        at = 0
        if li > 0:
            for i, (lrow, _right) in enumerate(result):
                if lrow is left[li - 1]:
                    at = i + 1
                    break
        result.insert(at, (left[li], None))
    return result


def _rows(
    left: Sequence[Any],
    right: Sequence[Any],
    keys: Sequence[Callable[[Any], Any]],
    describe: Callable[[Any], dict[str, str]],
) -> list[Row]:
    rows = []
    for a, b in match(left, right, keys):
        da = describe(a) if a is not None else None
        db = describe(b) if b is not None else None
        if da is None:
            rows.append(Row(ADDED, None, db))
        elif db is None:
            rows.append(Row(REMOVED, da, None))
        else:
            changed = frozenset(k for k in da if da[k] != db[k])
            rows.append(Row(CHANGED if changed else SAME, da, db, changed))
    return rows


def _numbered(outcomes) -> list[LearningOutcome]:
    """The outcomes in order, each told its number as people see it ("Outcome 1" is the first)."""
    outcomes = list(outcomes)
    for number, outcome in enumerate(outcomes, start=1):
        outcome.number = number
    return outcomes


def _outcome(o: LearningOutcome) -> dict[str, str]:
    mappings = sorted(o.mappings.all(), key=lambda m: m.competency.code)
    return {
        "position": str(getattr(o, "number", o.position)),
        "text": o.text,
        "text_zh": o.text_zh,
        "mappings": ", ".join(f"{m.competency} (L{m.level})" for m in mappings),
    }


def _topic(t) -> dict[str, str]:
    return {"week": str(t.week), "title": t.title, "title_zh": t.title_zh,
            "description": t.description}


def _component(c) -> dict[str, str]:
    return {"name": c.name, "name_zh": c.name_zh, "weight": f"{c.weight}%"}


def _need(n: SessionNeed) -> dict[str, str]:
    return {
        "kind": n.get_kind_display(),
        "length": str(n.length),
        "count": str(n.count),
        "features": ", ".join(sorted(str(f) for f in n.features.all())),
    }


def _reading(r) -> dict[str, str]:
    return {"citation": r.citation, "required": _("required") if r.required else _("optional")}


@dataclass(frozen=True)
class Part:
    """How one kind of row is compared: where the rows are, how they match, what is shown."""

    name: str
    title: str
    fields: tuple[tuple[str, str], ...]
    rows: Callable[[Syllabus], list]
    keys: tuple[Callable[[Any], Any], ...]
    describe: Callable[[Any], dict[str, str]]


def _summary(s: Syllabus) -> dict[str, str]:
    return {"summary": s.summary, "summary_zh": s.summary_zh}


PARTS = (
    Part("summary", _("Summary"), (("summary", _("Summary")), ("summary_zh", _("Chinese summary"))),
         lambda s: [s], (lambda s: True,), _summary),
    Part("outcomes", _("Learning outcomes"),
         (("position", "#"), ("text", _("Outcome")), ("text_zh", _("Chinese")),
          ("mappings", _("Competencies (level)"))),
         lambda s: _numbered(s.outcomes.all()),
         (lambda o: o.text.strip().lower(), lambda o: o.position), _outcome),
    Part("topics", _("Weekly topics"),
         (("week", _("Week")), ("title", _("Topic")), ("title_zh", _("Chinese")),
          ("description", _("Description"))),
         lambda s: list(s.topics.all()),
         (lambda t: (t.week, t.title.strip().lower()), lambda t: t.week), _topic),
    Part("assessment", _("Assessment"),
         (("name", _("Component")), ("name_zh", _("Chinese")), ("weight", _("Weight"))),
         lambda s: list(s.assessment.all()), (lambda c: c.name.strip().lower(),), _component),
    Part("session_needs", _("Session needs"),
         (("kind", _("Kind")), ("length", _("Periods")), ("count", _("Per week")),
          ("features", _("Equipment"))),
         lambda s: list(s.session_needs.all()),
         (lambda n: (n.kind, n.length), lambda n: n.kind), _need),
    Part("readings", _("Readings"), (("citation", _("Citation")),
                                     ("required", pgettext_lazy("reading", "Required"))),
         lambda s: list(s.readings.all()), (lambda r: r.citation.strip().lower(),), _reading),
)


def compare(left: Syllabus, right: Syllabus) -> SyllabusDiff:
    """Section by section differences from ``left`` (older) to ``right`` (newer)."""
    sections = []
    for part in PARTS:
        section = Section(part.name, str(part.title), [(k, str(label)) for k, label in part.fields])
        section.rows = _rows(part.rows(left), part.rows(right), part.keys, part.describe)
        sections.append(section)
    return SyllabusDiff(left, right, sections)
