"""Seeded consortium instances of any size, for tests and the scale benchmark.

``generate(sessions=200, seed=0)`` builds a fictional ICV consortium with about that many weekly
sessions: universities, an institute and companies, each with campuses and travel times between
them (15-90 minutes); classrooms per campus; specialised labs (HIL bench, driving simulator, V2X
test field, battery lab, perception lab, vehicle network lab) that their owners lend to some other
members under weekly caps; faculty with unavailable, discouraged and preferred periods and load
limits, some teaching for two members; cohorts of several members; courses with two-period
lectures in their member's classrooms and two- or three-period labs that need equipment. The load
is kept below what the rooms, faculty and cohorts can take, so instances are feasible in practice.
"""

from __future__ import annotations

import random

from .instance import (
    Campus,
    Cohort,
    Course,
    Faculty,
    Instance,
    Member,
    Period,
    Room,
    Session,
    TimeGrid,
    Weights,
)

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
# 10 periods of 50 minutes, a long lunch break and an evening block.
CLOCK = (
    (480, 530),
    (540, 590),
    (600, 650),
    (660, 710),
    (810, 860),
    (870, 920),
    (930, 980),
    (990, 1040),
    (1110, 1160),
    (1170, 1220),
)
LABS = (
    ("hil_bench", "HIL Bench Lab", 24),
    ("driving_sim", "Driving Simulator Hall", 30),
    ("v2x_field", "V2X Test Field", 40),
    ("battery_lab", "Battery Lab", 24),
    ("perception_lab", "Perception Lab", 30),
    ("vehicle_network_lab", "Vehicle Network Lab", 30),
)
TOPICS = (
    "Perception and Sensor Fusion",
    "Motion Planning",
    "Vehicle Dynamics Control",
    "V2X Networks",
    "In-Vehicle Networks",
    "HD Maps and Positioning",
    "AUTOSAR Software",
    "Real-Time Operating Systems",
    "Functional Safety",
    "SOTIF",
    "Automotive Cybersecurity",
    "Battery Management",
    "Motor Control",
    "Scenario-Based Testing",
    "Vehicle Data Engineering",
    "Deep Learning for Driving",
)
SURNAMES = ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu")


def grid() -> TimeGrid:
    periods = tuple(Period(a, b, f"P{i + 1}") for i, (a, b) in enumerate(CLOCK))
    return TimeGrid(days=len(DAYS), periods=periods, day_names=DAYS)


def generate(sessions: int = 200, seed: int = 0, *, weights: Weights | None = None) -> Instance:
    """A consortium instance with about ``sessions`` weekly sessions."""
    rng = random.Random(seed)
    g = grid()
    ppd = g.periods_per_day
    slots = g.slots
    n_courses = max(2, round(sessions / 2.12))
    n_members = max(3, min(40, 4 + sessions // 150))
    members = tuple(
        Member(i, name)
        for i, name in enumerate(
            [f"Chongqing University {i + 1}" for i in range(max(1, n_members // 2))]
            + ["ICV Research Institute"]
            + [f"Automaker {i + 1}" for i in range(n_members - max(1, n_members // 2) - 1)]
        )
    )
    campuses: list[Campus] = []
    campus_member: dict[int, int] = {}
    for m in members:
        for _ in range(1 if rng.random() < 0.6 else 2):
            cid = len(campuses)
            campuses.append(Campus(cid, f"{m.name} campus {cid + 1}"))
            campus_member[cid] = m.id
    travel = []
    for a in campuses:
        for b in campuses:
            if a.id < b.id:
                same = campus_member[a.id] == campus_member[b.id]
                travel.append((a.id, b.id, rng.randint(15, 30) if same else rng.randint(30, 90)))
    campuses_of = {m.id: [c.id for c in campuses if campus_member[c.id] == m.id] for m in members}

    # Demand first, so rooms can be sized to it.
    cohort_count = max(2, round(sessions / 14))
    cohorts = tuple(
        Cohort(i, f"ICV-{2024 + i % 3}-{chr(65 + i % 26)}{i // 26 or ''}", rng.randint(15, 45))
        for i in range(cohort_count)
    )
    cohort_member = {q.id: members[rng.randrange(len(members))].id for q in cohorts}
    faculty_count = max(2, round(n_courses / 1.6))
    faculty_member = {f: members[rng.randrange(len(members))].id for f in range(faculty_count)}

    courses: list[Course] = []
    next_session = 0
    lecture_load: dict[int, int] = {m.id: 0 for m in members}
    lab_load: dict[str, int] = {}
    member_lab_load: dict[tuple[int, str], int] = {}
    cohort_load: dict[int, int] = {q.id: 0 for q in cohorts}
    faculty_load: dict[int, int] = dict.fromkeys(range(faculty_count), 0)
    for ci in range(n_courses):
        member = members[ci % len(members)].id
        n_lectures = rng.choice((1, 2, 2))
        has_lab = rng.random() < 0.45
        lab = rng.choice(LABS) if has_lab else None
        lab_length = rng.choice((2, 3)) if has_lab else 0
        periods = 2 * n_lectures + lab_length
        # Cohorts with room in their week, favouring those of the course's member.
        candidates = [q for q in cohorts if cohort_load[q.id] + periods <= 26]
        rng.shuffle(candidates)
        candidates.sort(key=lambda q: cohort_member[q.id] != member)
        chosen = candidates[: rng.choice((1, 1, 2, 3))] if candidates else []
        # Faculty: one or two, mostly of the member, some from elsewhere.
        teachers = [f for f in range(faculty_count) if faculty_load[f] + periods <= 12]
        rng.shuffle(teachers)
        teachers.sort(key=lambda f: faculty_member[f] != member or rng.random() < 0.2)
        staff = teachers[: 1 if rng.random() < 0.8 else 2] or [rng.randrange(faculty_count)]
        for f in staff:
            faculty_load[f] += periods
        for q in chosen:
            cohort_load[q.id] += periods
        size = sum(q.size for q in chosen) or rng.randint(15, 40)
        items = []
        for _ in range(n_lectures):
            items.append(Session(next_session, length=2, kind="lecture"))
            next_session += 1
        if lab is not None:
            items.append(
                Session(next_session, length=lab_length, kind="lab", features=frozenset({lab[0]}))
            )
            next_session += 1
            lab_load[lab[0]] = lab_load.get(lab[0], 0) + lab_length
            key = (member, lab[0])
            member_lab_load[key] = member_lab_load.get(key, 0) + lab_length
        lecture_load[member] += 2 * n_lectures
        topic = TOPICS[ci % len(TOPICS)]
        unavailable = frozenset()
        if rng.random() < 0.1:
            day = rng.randrange(g.days)
            unavailable = frozenset(g.slot(day, p) for p in range(ppd))
        courses.append(
            Course(
                id=ci,
                name=f"{topic} {ci // len(TOPICS) + 1}",
                sessions=tuple(items),
                faculty=tuple(staff),
                cohorts=tuple(q.id for q in chosen),
                size=min(size, 160),
                min_days=min(len(items), 2),
                member=member,
                unavailable=unavailable,
            )
        )

    # Classrooms: per member, enough for its lectures at about 45% use.
    rooms: list[Room] = []
    for m in members:
        need = max(1, round(lecture_load[m.id] / (slots * 0.45)))
        for k in range(need):
            campus = campuses_of[m.id][k % len(campuses_of[m.id])]
            cap = rng.choice((40, 60, 60, 90, 120, 160)) if k else 160
            rooms.append(
                Room(len(rooms), f"{m.name[:3].upper()}-{101 + k}", cap, campus, owner=m.id)
            )
    lecture_rooms = {m.id: [r.id for r in rooms if r.owner == m.id] for m in members}
    # Labs: one per kind at least, more where demand asks, lent to others under caps.
    for feature, title, cap in LABS:
        count = max(1, round(lab_load.get(feature, 0) / (slots * 0.4)))
        for k in range(count):
            owner = members[rng.randrange(len(members))].id
            lent = tuple(
                (
                    m.id,
                    max(
                        rng.choice((8, 12, 16, 20)),
                        -(-member_lab_load.get((m.id, feature), 0) // count) + 3,
                    ),
                )
                for m in members
                if m.id != owner
            )
            rooms.append(
                Room(
                    len(rooms),
                    f"{title} {k + 1}",
                    cap,
                    rng.choice(campuses_of[owner]),
                    frozenset({feature}),
                    owner=owner,
                    borrow_caps=lent,
                )
            )
    # Lectures stay in their member's classrooms.
    courses = [
        Course(
            c.id,
            c.name,
            tuple(
                Session(s.id, s.length, s.kind, s.features, frozenset(lecture_rooms[c.member]))
                if s.kind == "lecture"
                else s
                for s in c.sessions
            ),
            c.faculty,
            c.cohorts,
            c.size,
            c.min_days,
            c.member,
            c.unavailable,
        )
        for c in courses
    ]

    faculty = []
    for f in range(faculty_count):
        unavailable: set[int] = set()
        if rng.random() < 0.3:  # a research day
            day = rng.randrange(g.days)
            unavailable.update(g.slot(day, p) for p in range(ppd))
        discouraged = frozenset(g.slot(d, p) for d in range(g.days) for p in (8, 9))
        preferred: frozenset[int] = frozenset()
        if rng.random() < 0.2:
            preferred = frozenset(g.slot(d, p) for d in range(g.days) for p in range(4))
        faculty.append(
            Faculty(
                f,
                f"Dr {SURNAMES[f % len(SURNAMES)]} {f // len(SURNAMES) + 1}",
                unavailable=frozenset(unavailable),
                discouraged=discouraged,
                preferred=preferred,
                max_periods_per_day=rng.choice((6, 8, None)),
                max_days=rng.choice((4, None, None)),
            )
        )

    return Instance(
        name=f"consortium-{sessions}-{seed}",
        grid=g,
        rooms=tuple(rooms),
        courses=tuple(courses),
        faculty=tuple(faculty),
        cohorts=cohorts,
        campuses=tuple(campuses),
        travel=tuple(travel),
        weights=weights or Weights.consortium(),
        members=members,
    )
