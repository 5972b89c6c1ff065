"""Review activity on syllabi shared with both firms: the reviewers' relevance ratings, a few
comment threads and the inbox items they caused, so that the review dashboard's relevance columns
and the demo users' inboxes are not empty.

Logins are those of ``consortium.USERS``; outcomes are numbered from 1 as on the review page. All
of it belongs to version 1 of each course's syllabus.
"""

from __future__ import annotations

from dataclasses import dataclass

# (course, reviewer) -> the relevance (1-5) given to outcomes 1, 2, 3… in turn.
RATINGS = {
    ("ICV510", "reviewer"): (5, 4, 3),
    ("ICV510", "reviewer2"): (4, 5),
    ("ICV520", "reviewer"): (3, 4),
    ("ICV520", "reviewer2"): (5, 4, 4),
    ("ICV530", "reviewer"): (4, 5, 4),
    ("ICV530", "reviewer2"): (3, 4),
}


@dataclass(frozen=True)
class Reply:
    author: str
    body: str
    days_ago: float


@dataclass(frozen=True)
class Thread:
    """A comment thread; a reviewer's thread belongs to his firm, confidential ones stay between
    the course team and that firm."""

    course: str
    author: str
    body: str
    days_ago: float
    outcome: int | None = None  # the outcome it is about; None: the whole syllabus
    confidential: bool = False
    resolved: bool = False
    replies: tuple[Reply, ...] = ()


THREADS = (
    Thread(
        "ICV510", "reviewer",
        "Outcome 2 should name radar as well: our L3 highway pilot tracks with radar first.",
        days_ago=6, outcome=2,
        replies=(
            Reply("faculty", "Agreed. Week 6 covers radar tracking; we will name it in the "
                  "outcome in the next version.", 5),
        ),
    ),
    Thread(
        "ICV510", "reviewer2",
        "The final exam weighs a lot for a lab course. Could the rig project count for more?",
        days_ago=9, resolved=True,
        replies=(
            Reply("faculty", "The rig project now counts 40 %, the exam 30 %.", 8),
            Reply("reviewer2", "Thanks, that works for us.", 7),
        ),
    ),
    Thread(
        "ICV510", "reviewer2",
        "For the team only: our 2027 vehicles drop the 16-beam lidar. If the lab can, teach "
        "calibration on a 128-beam unit.",
        days_ago=2, outcome=1, confidential=True,
    ),
    Thread(
        "ICV520", "reviewer",
        "Please add a week on planning under uncertainty at unsignalised intersections.",
        days_ago=4,
    ),
)


@dataclass(frozen=True)
class Notice:
    """An inbox item: ``event`` is a key of ``Notification.SENTENCES``; a comment or reply notice
    points at the thread whose body (or reply's body) is ``about``."""

    user: str
    event: str
    course: str
    actor: str
    days_ago: float
    about: str = ""
    read: bool = False


NOTICES = (
    Notice("faculty", "comment", "ICV510", "reviewer2", 9, about=THREADS[1].body, read=True),
    Notice("faculty", "reply", "ICV510", "reviewer2", 7, about=THREADS[1].replies[1].body,
           read=True),
    Notice("faculty", "comment", "ICV510", "reviewer", 6, about=THREADS[0].body),
    Notice("faculty", "comment", "ICV510", "reviewer2", 2, about=THREADS[2].body),
    Notice("faculty", "published", "ICV101", "scheduler", 75, read=True),
    Notice("reviewer", "review_requested", "ICV510", "faculty", 25, read=True),
    Notice("reviewer", "reply", "ICV510", "faculty", 5, about=THREADS[0].replies[0].body),
    Notice("faculty2", "endorsed", "ICV520", "reviewer2", 10, read=True),
    Notice("faculty2", "comment", "ICV520", "reviewer", 4, about=THREADS[3].body),
)
