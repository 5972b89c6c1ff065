"""Helpers shared by the timetabling views: links from engine refs to the pages that change them."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from curriculum.models import Faculty
from scheduler import models as m
from scheduler.sentences import rendered_stored


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Sentence:
    """A sentence from the engine (a violation or a conflict) with links to what to change."""

    message: str
    links: tuple[Link, ...] = ()
    rule: str = ""
    hard: bool = False
    penalty: int = 0


def sentences_with_links(items: list[dict], term: m.Term) -> list[Sentence]:
    """Engine sentences (stored dicts with refs) with a link per ref, in at most five queries.

    faculty → their availability in this term, room → the room page, cohort → the cohort page,
    course or session → the offering page, term → the term's settings.
    """
    wanted: dict[str, set[int]] = {}
    for item in items:
        for kind, ref_id in item.get("refs", ()):
            wanted.setdefault(kind, set()).add(ref_id)
    session_offering = dict(
        m.Session.objects.filter(pk__in=wanted.get("session", ())).values_list("pk", "offering_id")
    )
    offering_ids = wanted.get("course", set()) | set(session_offering.values())
    offerings = {
        o.pk: o
        for o in m.Offering.objects.filter(pk__in=offering_ids, term=term).select_related("course")
    }
    faculty = {f.pk: f for f in Faculty.objects.filter(pk__in=wanted.get("faculty", ()))}
    rooms = {r.pk: r for r in m.Room.objects.filter(pk__in=wanted.get("room", ()))}
    cohorts = {c.pk: c for c in m.Cohort.objects.filter(pk__in=wanted.get("cohort", ()))}

    def link(kind: str, ref_id: int) -> Link | None:
        if kind == "session":
            kind, ref_id = "course", session_offering.get(ref_id)
        if kind == "course" and ref_id in offerings:
            return Link(
                _("Offering %(code)s") % {"code": offerings[ref_id].course.code},
                reverse("scheduler:offering_edit", args=[ref_id]),
            )
        if kind == "faculty" and ref_id in faculty:
            return Link(
                _("Availability of %(name)s") % {"name": faculty[ref_id].display_name},
                reverse("scheduler:faculty_availability", args=[ref_id, term.slug]),
            )
        if kind == "room" and ref_id in rooms:
            return Link(
                _("Room %(code)s") % {"code": rooms[ref_id].code},
                reverse("scheduler:room_edit", args=[ref_id]),
            )
        if kind == "cohort" and ref_id in cohorts:
            return Link(
                _("Cohort %(code)s") % {"code": cohorts[ref_id].code},
                reverse("scheduler:cohort_edit", args=[ref_id]),
            )
        if kind == "term" and ref_id == term.pk:
            return Link(_("Term settings"), reverse("scheduler:term_edit", args=[term.slug]))
        if kind == "offerings" and ref_id == term.pk:
            return Link(_("Offerings"), reverse("scheduler:offering_list", args=[term.slug]))
        return None

    out = []
    for item in items:
        links: list[Link] = []
        for kind, ref_id in item.get("refs", ()):
            found = link(kind, ref_id)
            if found is not None and found not in links:
                links.append(found)
        out.append(
            Sentence(
                message=rendered_stored(item),
                links=tuple(links),
                rule=item.get("rule", ""),
                hard=bool(item.get("hard", False)),
                penalty=int(item.get("penalty", 0) or 0),
            )
        )
    return out
