"""Writes the demo consortium into the database, idempotently.

Every object is found by its natural key (a code, a username, a slug, a name within a member) and
created only when missing; what an object owns (a course's syllabus and shares, a term's periods,
an offering's sessions...) is created together with it. A second run therefore creates nothing
and changes nothing, and it never overwrites what people changed in the app since. Rows are
written with ``bulk_create`` so that a first load takes a few seconds.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone, translation

from curriculum import models as cm
from curriculum.demo import consortium as K
from curriculum.demo import courses as C
from curriculum.demo import reviews as R
from curriculum.demo import term as T
from curriculum.demo.consortium import en_zh
from curriculum.notifications import review_url
from scheduler import models as sm

Status = cm.Syllabus.Status


@dataclass
class Result:
    """What a load created, per model label (empty on a second run)."""

    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, model, n: int = 1) -> None:
        if n:
            self.created[model._meta.label] += n

    @property
    def total(self) -> int:
        return sum(self.created.values())


def load(*, password: str) -> Result:
    """Create whatever of the demo consortium is missing, in one transaction."""
    result = Result()
    with transaction.atomic():
        members = _members(result)
        campuses = _campuses(members, result)
        _travel(campuses, result)
        disciplines = _by_code(cm.Discipline, K.DISCIPLINES, result)
        competencies = _competencies(result)
        features = _by_code(cm.Feature, K.FEATURES, result)
        users = _users(members, password, result)
        teachers = _faculty(members, disciplines, users, result)
        courses = _courses(members, disciplines, competencies, features, teachers, users, result)
        _programmes(members, courses, competencies, result)
        _review_activity(users, result)
        term = _term(members, teachers, result)
        rooms = _rooms(campuses, members, features, result)
        _room_closures(term, rooms, result)
        cohorts = _cohorts(members, courses, result)
        _offerings(term, courses, teachers, cohorts, result)
    return result


# --- Helpers ------------------------------------------------------------------------------------


def _create_missing(model, key: str, wanted: dict, build, result: Result) -> dict:
    """The objects of ``wanted`` (key -> spec) by key; missing ones are built and bulk-created."""
    existing = {getattr(o, key): o for o in model.objects.filter(**{f"{key}__in": list(wanted)})}
    new = [build(k, spec) for k, spec in wanted.items() if k not in existing]
    if new:
        model.objects.bulk_create(new)
        result.add(model, len(new))
        existing = {
            getattr(o, key): o for o in model.objects.filter(**{f"{key}__in": list(wanted)})
        }
    return existing


def _by_code(model, specs: dict[str, str], result: Result) -> dict:
    def build(code, text):
        name, name_zh = en_zh(text)
        return model(code=code, name=name, name_zh=name_zh)

    return _create_missing(model, "code", specs, build, result)


def _through(descriptor, rows: list[tuple[int, int]], result: Result) -> None:
    """Bulk-create rows of a many-to-many table: (source id, target id) pairs."""
    through, m2m = descriptor.through, descriptor.field
    source, target = m2m.m2m_field_name() + "_id", m2m.m2m_reverse_field_name() + "_id"
    through.objects.bulk_create([through(**{source: a, target: b}) for a, b in rows])
    result.add(through, len(rows))


def _ago(days: float) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


# --- The consortium -----------------------------------------------------------------------------


def _members(result: Result) -> dict[str, cm.Institution]:
    def build(code, spec):
        kind, text = spec
        name, name_zh = en_zh(text)
        return cm.Institution(code=code, name=name, name_zh=name_zh, kind=kind)

    return _create_missing(cm.Institution, "code", K.MEMBERS, build, result)


def _campuses(members, result: Result) -> dict[str, cm.Campus]:
    def build(code, spec):
        member, text = spec
        name, name_zh = en_zh(text)
        return cm.Campus(code=code, institution=members[member], name=name, name_zh=name_zh)

    return _create_missing(cm.Campus, "code", K.CAMPUSES, build, result)


def _travel(campuses, result: Result) -> None:
    existing = set(cm.TravelTime.objects.values_list("campus_a_id", "campus_b_id"))
    new = []
    for (a, b), minutes in K.TRAVEL_MINUTES.items():
        low, high = sorted((campuses[a].pk, campuses[b].pk))
        if (low, high) not in existing:
            new.append(cm.TravelTime(campus_a_id=low, campus_b_id=high, minutes=minutes))
    cm.TravelTime.objects.bulk_create(new)
    result.add(cm.TravelTime, len(new))


def _competencies(result: Result) -> dict[str, cm.Competency]:
    areas = {}
    for number, (text, _) in enumerate(K.COMPETENCY_AREAS, start=1):
        areas[number] = text

    def build_area(number, text):
        name, name_zh = en_zh(text)
        return cm.CompetencyArea(number=number, name=name, name_zh=name_zh)

    area_objs = _create_missing(cm.CompetencyArea, "number", areas, build_area, result)
    wanted = {
        code: (number, text)
        for number, (_, comps) in enumerate(K.COMPETENCY_AREAS, start=1)
        for code, text in comps.items()
    }

    def build(code, spec):
        number, text = spec
        name, name_zh = en_zh(text)
        return cm.Competency(area=area_objs[number], code=code, name=name, name_zh=name_zh)

    return _create_missing(cm.Competency, "code", wanted, build, result)


def _users(members, password: str, result: Result) -> dict[str, User]:
    names = [x.username for x in K.USERS]
    existing = {u.username: u for u in User.objects.filter(username__in=names)}
    hashed = None
    checked: dict[str, bool] = {}  # stored hash -> whether it matches the demo password
    for login in K.USERS:
        user = existing.get(login.username)
        if user is None:
            hashed = hashed or make_password(password)
            user = User.objects.create(
                username=login.username,
                password=hashed,
                first_name=login.first_name,
                last_name=login.last_name,
                email=f"{login.username}@icv-consortium.example",
                is_staff=login.staff,
                is_superuser=login.staff,
            )
            result.add(User)
            existing[login.username] = user
        else:
            # DEMO_PASSWORD may have changed since the last load: the printed logins must work.
            if user.password not in checked:
                checked[user.password] = check_password(password, user.password)
            if not checked[user.password]:
                hashed = hashed or make_password(password)
                user.password = hashed
                user.save(update_fields=["password"])
        if not cm.Profile.objects.filter(user=user).exists():
            cm.Profile.objects.create(
                user=user,
                role=login.role,
                institution=members[login.member] if login.member else None,
            )
            result.add(cm.Profile)
    return existing


def _faculty(members, disciplines, users, result: Result) -> dict[str, cm.Faculty]:
    """Teachers by English name; a teacher's natural key is (name, home member)."""
    existing = {
        (f.name, f.institution_id): f
        for f in cm.Faculty.objects.filter(name__in=[t.en for t in K.FACULTY])
    }
    new = []
    for t in K.FACULTY:
        member = members[t.member]
        if (t.en, member.pk) in existing:
            continue
        name_en, name_zh = en_zh(t.name)
        family, given = name_en.split(" ", 1)
        new.append(
            cm.Faculty(
                name=name_en,
                name_zh=name_zh,
                title=t.title,
                email=f"{given.lower()}.{family.lower()}@{K.EMAIL_DOMAINS[t.member]}",
                institution=member,
                weekly_load_limit=t.load,
                max_periods_per_day=t.max_per_day,
                max_days_per_week=t.max_days,
                user=users[t.user] if t.user else None,
            )
        )
    if new:
        cm.Faculty.objects.bulk_create(new)
        result.add(cm.Faculty, len(new))
        spec = {t.en: t for t in K.FACULTY}
        _through(
            cm.Faculty.disciplines,
            [(f.pk, disciplines[d].pk) for f in new for d in spec[f.name].disciplines],
            result,
        )
        _through(
            cm.Faculty.also_teaches_at,
            [(f.pk, members[m].pk) for f in new for m in spec[f.name].also_at],
            result,
        )
        existing.update({(f.name, f.institution_id): f for f in new})
    return {t.en: existing[(t.en, members[t.member].pk)] for t in K.FACULTY}


# --- Courses and syllabi ------------------------------------------------------------------------


def _courses(members, disciplines, competencies, features, teachers, users, result: Result):
    specs = {c.code: c for c in C.COURSES}

    def build(code, spec):
        title, title_zh = en_zh(spec.title)
        return cm.Course(
            code=code,
            title=title,
            title_zh=title_zh,
            credits=Decimal(spec.credits),
            owner=members[spec.owner],
        )

    before = set(cm.Course.objects.filter(code__in=list(specs)).values_list("code", flat=True))
    courses = _create_missing(cm.Course, "code", specs, build, result)
    new = [courses[code] for code in specs if code not in before]
    if not new:
        return courses

    _through(
        cm.Course.co_institutions,
        [(c.pk, members[m].pk) for c in new for m in specs[c.code].co],
        result,
    )
    _through(
        cm.Course.faculty,
        [(c.pk, teachers[name].pk) for c in new for name in specs[c.code].team],
        result,
    )
    shares = [
        cm.CourseDiscipline(course=c, discipline=disciplines[d], share=share)
        for c in new
        for d, share in specs[c.code].disciplines.items()
    ]
    cm.CourseDiscipline.objects.bulk_create(shares)
    result.add(cm.CourseDiscipline, len(shares))
    prerequisites = [
        cm.Prerequisite(course=c, requires=courses[r]) for c in new for r in specs[c.code].requires
    ]
    cm.Prerequisite.objects.bulk_create(prerequisites)
    result.add(cm.Prerequisite, len(prerequisites))
    _syllabi(new, specs, members, competencies, features, teachers, users, result)
    return courses


def _team_user(spec: C.CourseSpec, teachers, users) -> User:
    """Who acts for the course team: its first teacher with a login, else the coordinator."""
    for name in spec.team:
        if teachers[name].user_id:
            return teachers[name].user
    return users["coordinator"]


def _manager(spec: C.CourseSpec, users) -> User:
    """Who approves: the owner member's scheduling administrator, else the coordinator."""
    by_member = {x.member: x.username for x in K.USERS if x.role == "scheduler"}
    return users[by_member.get(spec.owner, "coordinator")]


def _syllabi(new, specs, members, competencies, features, teachers, users, result) -> None:
    firm_reviewer = {x.member: users[x.username] for x in K.USERS if x.role == "reviewer"}
    syllabi = []
    for c in new:
        spec = specs[c.code]
        syllabi.append(
            cm.Syllabus(course=c, version=1, is_current=True, status=spec.status,
                        summary=spec.summary)
        )
    cm.Syllabus.objects.bulk_create(syllabi)
    result.add(cm.Syllabus, len(syllabi))

    outcomes, topics, assessment, readings, needs, course_shares = [], [], [], [], [], []
    for s in syllabi:
        spec = specs[s.course.code]
        for position, (text, _) in enumerate(spec.outcomes):
            en, zh = en_zh(text)
            outcomes.append(cm.LearningOutcome(syllabus=s, position=position, text=en, text_zh=zh))
        weeks = list(spec.topics[:7]) + [C.MIDTERM] + list(spec.topics[7:13])
        weeks += [C.PRESENTATIONS, C.FINAL_REVIEW]
        for week, text in enumerate(weeks, start=1):
            en, zh = en_zh(text)
            topics.append(cm.WeeklyTopic(syllabus=s, week=week, title=en, title_zh=zh))
        for text, weight in C.ASSESSMENT[spec.assessment]:
            en, zh = en_zh(text)
            assessment.append(
                cm.AssessmentComponent(syllabus=s, name=en, name_zh=zh, weight=weight)
            )
        readings += [cm.Reading(syllabus=s, citation=r, required=i == 0)
                     for i, r in enumerate(spec.readings)]
        needs += [cm.SessionNeed(syllabus=s, kind=n.kind, length=n.length, count=n.count)
                  for n in spec.sessions]
        sharer = _team_user(spec, teachers, users)
        course_shares += [
            cm.CourseShare(course=s.course, firm=members[f], shared_by=sharer, shared_at=_ago(130))
            for f in spec.shared_with
        ]
    for model, rows in [
        (cm.LearningOutcome, outcomes),
        (cm.WeeklyTopic, topics),
        (cm.AssessmentComponent, assessment),
        (cm.Reading, readings),
        (cm.SessionNeed, needs),
        (cm.CourseShare, course_shares),
    ]:
        model.objects.bulk_create(rows)
        result.add(model, len(rows))

    mappings = []
    for o in outcomes:
        spec = specs[o.syllabus.course.code]
        for code, level in spec.outcomes[o.position][1].items():
            mappings.append(
                cm.OutcomeCompetency(outcome=o, competency=competencies[code], level=level)
            )
    cm.OutcomeCompetency.objects.bulk_create(mappings)
    result.add(cm.OutcomeCompetency, len(mappings))
    _through(
        cm.SessionNeed.features,
        [
            (need.pk, features[code].pk)
            for need, spec_need in zip(
                needs, [n for s in syllabi for n in specs[s.course.code].sessions], strict=True
            )
            for code in spec_need.features.split()
        ],
        result,
    )
    _history(syllabi, specs, members, teachers, users, firm_reviewer, result)


# The steps that brought a syllabus to its status, and how many days ago each happened.
_STEPS = {
    Status.SUBMITTED: [(Status.DRAFT, Status.SUBMITTED, "team", 12)],
    Status.IN_REVIEW: [
        (Status.DRAFT, Status.SUBMITTED, "team", 25),
        (Status.SUBMITTED, Status.IN_REVIEW, "team", 25),
    ],
    Status.APPROVED: [
        (Status.DRAFT, Status.SUBMITTED, "team", 60),
        (Status.SUBMITTED, Status.IN_REVIEW, "team", 60),
        (Status.IN_REVIEW, Status.APPROVED, "manager", 20),
    ],
    Status.PUBLISHED: [
        (Status.DRAFT, Status.SUBMITTED, "team", 120),
        (Status.SUBMITTED, Status.IN_REVIEW, "team", 120),
        (Status.IN_REVIEW, Status.APPROVED, "manager", 80),
        (Status.APPROVED, Status.PUBLISHED, "manager", 75),
    ],
}
_COMMENTS = {
    Status.SUBMITTED: "Ready for review.",
    Status.IN_REVIEW: "Shared with partner firms: industry review started.",
    Status.APPROVED: "Approved after industry review.",
    Status.PUBLISHED: "Published for the coming term.",
}
_ENDORSED_DAYS_AGO = {Status.IN_REVIEW: 10, Status.APPROVED: 22, Status.PUBLISHED: 82}
# In-review syllabi on which one firm has already given its verdict (the other is still awaited).
EARLY_ENDORSEMENTS = {"ICV520": K.FIRM_B}


def _history(syllabi, specs, members, teachers, users, firm_reviewer, result) -> None:
    """Transitions for every step a syllabus went through, and the firms' endorsements."""
    transitions, endorsements = [], []
    for i, s in enumerate(syllabi):
        spec = specs[s.course.code]
        for source, target, actor, days in _STEPS.get(s.status, []):
            by = _team_user(spec, teachers, users) if actor == "team" else _manager(spec, users)
            transitions.append(
                cm.Transition(syllabus=s, from_status=source, to_status=target, by=by,
                              at=_ago(days - i * 0.1), comment=_COMMENTS[target])
            )
        endorsing = []
        if s.status in (Status.APPROVED, Status.PUBLISHED):
            endorsing = list(spec.shared_with)
        elif s.course.code in EARLY_ENDORSEMENTS:
            endorsing = [EARLY_ENDORSEMENTS[s.course.code]]
        for firm in endorsing:
            reviewer = firm_reviewer[firm]
            endorsements.append(
                cm.Endorsement(syllabus=s, firm=members[firm], reviewer=reviewer,
                               decision=cm.Endorsement.Decision.ENDORSE,
                               comment="The outcomes match what we need from graduates.",
                               at=_ago(_ENDORSED_DAYS_AGO[s.status] - i * 0.1))
            )
    cm.Transition.objects.bulk_create(transitions)
    result.add(cm.Transition, len(transitions))
    cm.Endorsement.objects.bulk_create(endorsements)
    result.add(cm.Endorsement, len(endorsements))


def _review_activity(users, result: Result) -> None:
    """Ratings, comment threads and inbox items of ``reviews.py`` on version 1 of the syllabi,
    each created once: found again by reviewer and outcome, author and text, or user, event and
    sentence."""
    codes = {code for code, _login in R.RATINGS} | {t.course for t in R.THREADS}
    codes |= {n.course for n in R.NOTICES}
    syllabi = {
        s.course.code: s
        for s in cm.Syllabus.objects.filter(course__code__in=codes, version=1)
        .select_related("course")
    }
    outcomes = defaultdict(list)
    for o in cm.LearningOutcome.objects.filter(syllabus__in=syllabi.values()).order_by("position"):
        outcomes[o.syllabus_id].append(o)
    firm_of = {
        p.user_id: p.institution
        for p in cm.Profile.objects.filter(user__in=users.values(), role=cm.Profile.Role.REVIEWER)
        .select_related("institution")
    }
    _demo_ratings(users, syllabi, outcomes, firm_of, result)
    comments = _demo_threads(users, syllabi, outcomes, firm_of, result)
    _demo_notices(users, syllabi, comments, firm_of, result)


def _demo_ratings(users, syllabi, outcomes, firm_of, result: Result) -> None:
    rated = set(
        cm.OutcomeRating.objects.filter(outcome__syllabus__in=syllabi.values())
        .values_list("outcome_id", "reviewer_id")
    )
    new = []
    for (code, login), scores in R.RATINGS.items():
        syllabus, reviewer = syllabi.get(code), users[login]
        if syllabus is None:
            continue
        for outcome, score in zip(outcomes[syllabus.pk], scores, strict=False):
            if (outcome.pk, reviewer.pk) not in rated:
                new.append(cm.OutcomeRating(outcome=outcome, reviewer=reviewer, score=score,
                                            firm=firm_of[reviewer.pk], rated_at=_ago(8)))
    cm.OutcomeRating.objects.bulk_create(new)
    result.add(cm.OutcomeRating, len(new))


def _demo_threads(users, syllabi, outcomes, firm_of, result: Result) -> dict:
    """The threads and replies, by (syllabus id, author id, text)."""
    comments = {
        (c.syllabus_id, c.author_id, c.body): c
        for c in cm.Comment.objects.filter(syllabus__in=syllabi.values())
    }
    for spec in R.THREADS:
        syllabus, author = syllabi.get(spec.course), users[spec.author]
        if syllabus is None:
            continue
        thread = comments.get((syllabus.pk, author.pk, spec.body))
        if thread is None:
            outcome = outcomes[syllabus.pk][spec.outcome - 1] if spec.outcome else None
            thread = cm.Comment.objects.create(
                syllabus=syllabus,
                anchor=cm.Comment.Anchor.OUTCOME if outcome else cm.Comment.Anchor.GENERAL,
                anchor_id=outcome.pk if outcome else None,
                author=author,
                firm=firm_of.get(author.pk),
                body=spec.body,
                confidential=spec.confidential,
                resolved=spec.resolved,
                created_at=_ago(spec.days_ago),
            )
            result.add(cm.Comment)
            comments[syllabus.pk, author.pk, spec.body] = thread
        for reply in spec.replies:
            by = users[reply.author]
            if (syllabus.pk, by.pk, reply.body) in comments:
                continue
            comments[syllabus.pk, by.pk, reply.body] = cm.Comment.objects.create(
                syllabus=syllabus, anchor=thread.anchor, anchor_id=thread.anchor_id,
                parent=thread, author=by, firm=thread.firm, body=reply.body,
                confidential=thread.confidential, created_at=_ago(reply.days_ago),
            )
            result.add(cm.Comment)
    return comments


def _demo_notices(users, syllabi, comments, firm_of, result: Result) -> None:
    wanted = [n for n in R.NOTICES if n.course in syllabi]
    have = set(
        cm.Notification.objects.filter(syllabus__in=syllabi.values())
        .values_list("user_id", "event", "syllabus_id", "message")
    )
    new = []
    with translation.override(settings.LANGUAGE_CODE):  # the stored fallback sentence
        for spec in wanted:
            syllabus, actor = syllabi[spec.course], users[spec.actor]
            params = {"course": syllabus.course.code, "version": syllabus.version,
                      "actor": actor.get_full_name() or actor.username}
            url = review_url(syllabus)
            if spec.about:
                comment = comments[syllabus.pk, actor.pk, spec.about]
                params["body"] = spec.about
                url += f"#comment-{comment.parent_id or comment.pk}"
            if spec.event == "endorsed":
                firm = firm_of[actor.pk]
                params.update(firm=firm.name, firm_zh=firm.name_zh)
            notice = cm.Notification(
                user=users[spec.user],
                kind=cm.Notification.Kind.SUBMITTED if spec.event == "review_requested"
                else spec.event,
                syllabus=syllabus, event=spec.event, params=params, url=url,
                created_at=_ago(spec.days_ago),
                read_at=_ago(spec.days_ago - 0.5) if spec.read else None,
            )
            notice.message = notice.text[:300]
            if (notice.user.pk, spec.event, syllabus.pk, notice.message) not in have:
                new.append(notice)
    cm.Notification.objects.bulk_create(new)
    result.add(cm.Notification, len(new))


def _programmes(members, courses, competencies, result: Result) -> None:
    specs = {p.code: p for p in K.PROGRAMMES}
    before = set(cm.Programme.objects.filter(code__in=list(specs)).values_list("code", flat=True))

    def build(code, spec):
        name, name_zh = en_zh(spec.name)
        return cm.Programme(code=code, name=name, name_zh=name_zh, lead=members[spec.lead],
                            description=spec.description)

    programmes = _create_missing(cm.Programme, "code", specs, build, result)
    entries, targets = [], []
    for code, spec in specs.items():
        if code in before:
            continue
        p = programmes[code]
        Kind = cm.ProgrammeCourse.Kind
        entries += [cm.ProgrammeCourse(programme=p, course=courses[c], kind=Kind.REQUIRED)
                    for c in spec.required]
        entries += [cm.ProgrammeCourse(programme=p, course=courses[c], kind=Kind.ELECTIVE)
                    for c in spec.elective]
        targets += [cm.ProgrammeTarget(programme=p, competency=competencies[c], level=level)
                    for c, level in spec.targets.items()]
    cm.ProgrammeCourse.objects.bulk_create(entries)
    result.add(cm.ProgrammeCourse, len(entries))
    cm.ProgrammeTarget.objects.bulk_create(targets)
    result.add(cm.ProgrammeTarget, len(targets))


# --- The demo term ------------------------------------------------------------------------------


def _time(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def _term(members, teachers, result: Result) -> sm.Term:
    term = sm.Term.objects.filter(slug=T.TERM_SLUG).first()
    if term is not None:
        return term
    name, name_zh = en_zh(T.TERM_NAME)
    term = sm.Term.objects.create(
        slug=T.TERM_SLUG,
        name=name,
        name_zh=name_zh,
        institution=members[K.FIRST_UNIVERSITY],
        start_date=T.TERM_START,
        weeks=T.TERM_WEEKS,
        days_per_week=T.DAYS_PER_WEEK,
    )
    result.add(sm.Term)
    periods = [
        sm.TermPeriod(term=term, index=i, start=_time(a), end=_time(b))
        for i, (a, b) in enumerate(T.PERIODS)
    ]
    sm.TermPeriod.objects.bulk_create(periods)
    result.add(sm.TermPeriod, len(periods))
    holidays = [sm.Holiday(term=term, date=d, name=text) for d, text in T.HOLIDAYS]
    sm.Holiday.objects.bulk_create(holidays)
    result.add(sm.Holiday, len(holidays))
    availability = [
        sm.FacultyAvailability(term=term, faculty=teachers[name], day=d, period=p, kind=kind)
        for name, kinds in T.FACULTY_AVAILABILITY.items()
        for kind, cells in kinds.items()
        for d, p in cells
    ]
    sm.FacultyAvailability.objects.bulk_create(availability)
    result.add(sm.FacultyAvailability, len(availability))
    return term


def _rooms(campuses, members, features, result: Result) -> dict[str, sm.Room]:
    specs = {r.code: r for r in T.ROOMS}
    before = set(sm.Room.objects.filter(code__in=list(specs)).values_list("code", flat=True))

    def build(code, spec):
        name, name_zh = en_zh(spec.name)
        return sm.Room(
            code=code,
            campus=campuses[spec.campus],
            name=name,
            name_zh=name_zh,
            kind=sm.Room.Kind.LAB if spec.lab else sm.Room.Kind.ROOM,
            capacity=spec.capacity,
            access=sm.Room.Access.RESTRICTED if spec.lab else sm.Room.Access.OPEN,
        )

    rooms = _create_missing(sm.Room, "code", specs, build, result)
    new = [rooms[code] for code in specs if code not in before]
    _through(
        sm.Room.features,
        [(r.pk, features[f].pk) for r in new for f in specs[r.code].features.split()],
        result,
    )
    loans = [
        sm.RoomLoan(room=r, borrower=members[m], cap_periods_per_week=cap)
        for r in new
        for m, cap in specs[r.code].loans
    ]
    sm.RoomLoan.objects.bulk_create(loans)
    result.add(sm.RoomLoan, len(loans))
    return rooms


def _room_closures(term, rooms, result: Result) -> None:
    existing = set(
        sm.RoomUnavailability.objects.filter(term=term).values_list("room_id", "day", "period")
    )
    new = [
        sm.RoomUnavailability(term=term, room=rooms[code], day=d, period=p)
        for code, cells in T.ROOM_CLOSED.items()
        for d, p in cells
        if (rooms[code].pk, d, p) not in existing
    ]
    sm.RoomUnavailability.objects.bulk_create(new)
    result.add(sm.RoomUnavailability, len(new))


def _cohorts(members, courses, result: Result) -> dict[str, sm.Cohort]:
    specs = {c.code: c for c in T.COHORTS}
    before = set(sm.Cohort.objects.filter(code__in=list(specs)).values_list("code", flat=True))
    programmes = {p.code: p for p in cm.Programme.objects.all()}

    def build(code, spec):
        name, name_zh = en_zh(spec.name)
        return sm.Cohort(code=code, name=name, name_zh=name_zh, institution=members[spec.member],
                         size=spec.size, programme=programmes.get(spec.programme))

    cohorts = _create_missing(sm.Cohort, "code", specs, build, result)
    new = {cohorts[code].pk for code in specs if code not in before}
    _through(
        sm.Cohort.courses,
        [
            (cohorts[code].pk, courses[o.course].pk)
            for o in T.OFFERINGS
            for code in o.cohorts
            if cohorts[code].pk in new
        ],
        result,
    )
    return cohorts


def _offerings(term, courses, teachers, cohorts, result: Result) -> None:
    """One offering per course, its sessions expanded from the current syllabus' needs."""
    have = set(sm.Offering.objects.filter(term=term).values_list("course_id", flat=True))
    specs = [o for o in T.OFFERINGS if courses[o.course].pk not in have]
    if not specs:
        return
    offerings = [
        sm.Offering(term=term, course=courses[o.course], expected_size=o.expected_size,
                    min_days=o.min_days)
        for o in specs
    ]
    sm.Offering.objects.bulk_create(offerings)
    result.add(sm.Offering, len(offerings))
    pairs = list(zip(offerings, specs, strict=True))
    rows = [(off.pk, cohorts[c].pk) for off, o in pairs for c in o.cohorts]
    _through(sm.Offering.cohorts, rows, result)
    rows = [(off.pk, teachers[t].pk) for off, o in pairs for t in o.faculty]
    _through(sm.Offering.faculty, rows, result)
    needs = defaultdict(list)
    for need in (
        cm.SessionNeed.objects.filter(
            syllabus__is_current=True, syllabus__course__in=[o.course_id for o in offerings]
        )
        .select_related("syllabus")
        .prefetch_related("features")
        .order_by("id")
    ):
        needs[need.syllabus.course_id].append(need)
    sessions, session_features = [], []
    for off in offerings:
        for need in needs[off.course_id]:
            for _ in range(need.count):
                s = sm.Session(offering=off, kind=need.kind, length=need.length)
                sessions.append(s)
                session_features.append([f.pk for f in need.features.all()])
    sm.Session.objects.bulk_create(sessions)
    result.add(sm.Session, len(sessions))
    _through(
        sm.Session.features,
        [(s.pk, f) for s, fs in zip(sessions, session_features, strict=True) for f in fs],
        result,
    )
