"""Week grids of a timetable, shared by the workbook and the PDF book.

A grid is one subject's week (a cohort, a faculty member, a room or lab): days across, periods
down. Each session is a block of consecutive periods; sessions that overlap (a clash in a draft
run) are drawn as one block that lists them all, so merged ranges never overlap.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from scheduler.timetable import Entry, Ref, Timetable

SUBJECTS = ("cohort", "faculty", "room")
SUBJECT_LABELS = {"cohort": _("Cohort"), "faculty": _("Faculty"), "room": _("Room")}

# Light fills (RRGGBB), readable under black text, one per member institution in a stable order.
PALETTE = (
    "DCEBFA", "FCE3C8", "DDF2DC", "F6D9E6", "E6E0F5", "FFF3C4",
    "D4F0EE", "EDE3D6", "E2E8EE", "F9DCDC", "E4F2C9", "D9E2FB",
)


def display(en: str, zh: str) -> str:
    """The text in the active language, falling back to the other one when empty."""
    if (get_language() or "en").startswith("zh"):
        return zh or en
    return en or zh


def ref_name(ref: Ref) -> str:
    return display(ref.name, ref.name_zh)


def both_names(ref: Ref) -> str:
    """English and Chinese, for documents that show both languages."""
    if ref.name_zh and ref.name_zh != ref.name:
        return f"{ref.name} {ref.name_zh}"
    return ref.name


def clock(entry: Entry) -> str:
    if entry.start is None or entry.end is None:
        return ""
    return f"{entry.start:%H:%M}–{entry.end:%H:%M}"


@dataclass(frozen=True)
class Block:
    """Consecutive periods of one day taken by one session, or by several that overlap."""

    day: int
    first: int  # position in Timetable.slots
    last: int  # inclusive
    entries: tuple[Entry, ...]

    @property
    def rows(self) -> int:
        return self.last - self.first + 1

    @property
    def clash(self) -> bool:
        return len(self.entries) > 1


@dataclass(frozen=True)
class Grid:
    subject: str  # one of SUBJECTS
    ref: Ref
    blocks: tuple[Block, ...]
    sessions: int

    @property
    def label(self) -> str:
        return f"{SUBJECT_LABELS[self.subject]}: {self.title}"

    @property
    def title(self) -> str:
        name = ref_name(self.ref)
        if self.subject == "faculty" or not self.ref.code or self.ref.code == name:
            return name
        return f"{self.ref.code} {name}"


def subject_refs(entry: Entry, subject: str) -> tuple[Ref, ...]:
    if subject == "cohort":
        return entry.cohorts
    if subject == "faculty":
        return entry.faculty
    return (entry.room,)


def week_grids(tt: Timetable, subjects: Iterable[str] = SUBJECTS) -> list[Grid]:
    """One grid per cohort, faculty member and room that the timetable's entries involve."""
    positions = {slot.index: pos for pos, slot in enumerate(tt.slots)}
    grids = []
    for subject in subjects:
        refs: dict[int, Ref] = {}
        entries: dict[int, list[Entry]] = defaultdict(list)
        for entry in tt.entries:
            for ref in subject_refs(entry, subject):
                refs.setdefault(ref.id, ref)
                entries[ref.id].append(entry)
        ordered = sorted(refs.values(), key=lambda r: (ref_name(r) if subject == "faculty"
                                                        else r.code, r.id))
        for ref in ordered:
            mine = entries[ref.id]
            blocks = layout_blocks(mine, positions, len(tt.slots))
            grids.append(Grid(subject=subject, ref=ref, blocks=blocks, sessions=len(mine)))
    return grids


def layout_blocks(entries: list[Entry], positions: dict[int, int], rows: int) -> tuple[Block, ...]:
    """Entries as blocks per day, overlapping ones merged; entries off the grid are left out."""
    spans: dict[int, list[tuple[int, int, Entry]]] = defaultdict(list)
    for entry in entries:
        first = positions.get(entry.period)
        if first is None:
            continue
        last = min(first + max(entry.length, 1) - 1, rows - 1)
        spans[entry.day].append((first, last, entry))
    blocks = []
    for day in sorted(spans):
        current: list[tuple[int, int, Entry]] = []
        for first, last, entry in sorted(spans[day], key=lambda s: (s[0], s[1], s[2].session_id)):
            if current and first > max(s[1] for s in current):
                blocks.append(_block(day, current))
                current = []
            current.append((first, last, entry))
        if current:
            blocks.append(_block(day, current))
    return tuple(blocks)


def _block(day: int, spans: list[tuple[int, int, Entry]]) -> Block:
    return Block(
        day=day,
        first=min(s[0] for s in spans),
        last=max(s[1] for s in spans),
        entries=tuple(s[2] for s in spans),
    )


def entry_lines(entry: Entry, subject: str) -> list[str]:
    """What a grid cell says about a session, leaving out the grid's own subject."""
    lines = [f"{entry.course.code} · {entry.kind_label}", ref_name(entry.course)]
    if subject != "room":
        lines.append(f"{entry.room.code} · {ref_name(entry.campus)}")
    if subject != "faculty" and entry.faculty:
        lines.append(", ".join(ref_name(f) for f in entry.faculty))
    if subject != "cohort" and entry.cohorts:
        lines.append(", ".join(c.code for c in entry.cohorts))
    return lines


def block_lines(block: Block, subject: str) -> list[str]:
    if not block.clash:
        return entry_lines(block.entries[0], subject)
    lines = [str(_("Clash: %(count)d sessions at once") % {"count": len(block.entries)})]
    for entry in block.entries:
        lines.append(f"{entry.course.code} · {entry.kind_label} {clock(entry)}")
    return lines


def member_colours(tt: Timetable) -> dict[int, str]:
    """A fill colour per member institution, stable for a timetable and all its packs."""
    order = [m.id for m in tt.members]
    for entry in tt.entries:
        if entry.member.id not in order:
            order.append(entry.member.id)
    return {member_id: PALETTE[i % len(PALETTE)] for i, member_id in enumerate(order)}


def visible_violations(tt: Timetable, member_id: int | None = None) -> list[dict]:
    """The run's violations; for a member's pack only those about its sessions or its own things.

    A violation is kept when it names a session of the pack, or names a course, faculty member,
    cohort, room or campus that the pack's entries show as belonging to the member.
    """
    if member_id is None:
        return list(tt.violations)
    sessions = {e.session_id for e in tt.entries}
    own: set[tuple[str, int]] = set()
    for e in tt.entries:
        if e.member.id == member_id:
            own.add(("course", e.course.id))
        for kind, refs in (("faculty", e.faculty), ("cohort", e.cohorts),
                           ("room", (e.room,)), ("campus", (e.campus,))):
            own.update((kind, r.id) for r in refs if r.member_id == member_id)
    kept = []
    for violation in tt.violations:
        refs = {(kind, ref_id) for kind, ref_id in violation.get("refs", ())}
        if any(kind == "session" and ref_id in sessions for kind, ref_id in refs) or refs & own:
            kept.append(violation)
    return kept


def counts(tt: Timetable, violations: list[dict]) -> dict[str, int]:
    hard = sum(1 for v in violations if v.get("hard"))
    return {
        "sessions": len(tt.entries),
        "periods": sum(e.length for e in tt.entries),
        "cohorts": len({c.id for e in tt.entries for c in e.cohorts}),
        "faculty": len({f.id for e in tt.entries for f in e.faculty}),
        "rooms": len({e.room.id for e in tt.entries}),
        "hard": hard,
        "soft": len(violations) - hard,
    }
