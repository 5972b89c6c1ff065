"""``solve``: the engine's entry point.

    solution = solve(instance, time_limit_s=60, num_workers=2, seed=0,
                     hint=previous.placements, on_progress=print, should_stop=stop_event.is_set)

Steps: prepare the data; run the fast pre-checks (a sure sign of infeasibility ends the run with
an explanation); build a first timetable (from the hint when it is complete and valid); improve
it by simulated annealing and CP-SAT neighbourhood repairs (search.py) until the time limit or a
stop request; score the result with ``validate``. ``on_progress`` is called at every improvement
(with the penalty of each rule at most once a second, and as bound ``cost.lower_bound``, a cost
no timetable can go below; a timetable that reaches it is optimal and ends the search);
``should_stop`` is polled ten times a second from a watcher thread (so it must be safe to call
from another thread), and a stop keeps the best timetable found so far.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping

from . import messages as msg
from .cost import weighted_penalties
from .data import Prepared, prepare
from .explain import explain_prepared, precheck_prepared
from .instance import Conflict, Instance, Placement, Progress, Solution, Status
from .model import Assignment, Position
from .search import Outcome, Search, Stopper
from .validate import validate

log = logging.getLogger(__name__)

MIN_EXPLAIN_S = 5.0
COMPLETE_SHARE = 0.8  # an incomplete search hands over to the full model after this share
PENALTIES_EVERY_S = 1.0  # progress reports carry the penalties per rule at most this often


def to_assignment(prep: Prepared, placements: Iterable[Placement]) -> Assignment:
    """Group positions of the placements that are possible in the model (others are dropped)."""
    grid = prep.instance.grid
    room_index = {room.id: i for i, room in enumerate(prep.instance.rooms)}
    out: dict[int, list[Position]] = {}
    for p in placements:
        g = prep.session_group.get(p.session)
        r = room_index.get(p.room)
        if g is None or r is None or not (0 <= p.day < grid.days and 0 <= p.period < prep.ppd):
            continue
        s = grid.slot(p.day, p.period)
        if r not in prep.groups[g].rooms.get(s, ()):
            continue
        positions = out.setdefault(g, [])
        if len(positions) < prep.groups[g].size and all(q[0] != s for q in positions):
            positions.append((s, r))
    return out


def to_placements(
    prep: Prepared, assignment: Mapping[int, list[Position]], keep: Iterable[Placement] = ()
) -> tuple[Placement, ...]:
    """Placements for an assignment, giving each session of a group one of the group's positions.

    A session keeps its reference position when the group occupies it (so minimal-change mode
    counts what it optimised), then the position it had in ``keep`` (a warm start keeps ids
    stable); the rest take the remaining positions in order.
    """
    grid = prep.instance.grid
    room_ids = [room.id for room in prep.instance.rooms]
    wanted: dict[int, list[tuple[int, Position]]] = {}
    for g, refs in prep.reference.items():
        for s, r, session in refs:
            if r >= 0:
                wanted.setdefault(g, []).append((session, (s, r)))
    room_index = {rid: i for i, rid in enumerate(room_ids)}
    for p in keep:
        g = prep.session_group.get(p.session)
        if g is not None and p.room in room_index and 0 <= p.period < prep.ppd:
            s = grid.slot(p.day, p.period)
            wanted.setdefault(g, []).append((p.session, (s, room_index[p.room])))
    out: list[Placement] = []
    for group in prep.groups:
        positions = sorted(assignment.get(group.index, ()))
        left = list(positions)
        owner: dict[int, Position] = {}
        for session, pos in wanted.get(group.index, ()):
            if session not in owner and pos in left:
                owner[session] = pos
                left.remove(pos)
        for session in group.sessions:
            if session not in owner and left:
                owner[session] = left.pop(0)
        for session in group.sessions:
            if session in owner:
                s, r = owner[session]
                day, period = grid.day_period(s)
                out.append(Placement(session, day, period, room_ids[r]))
    return tuple(sorted(out, key=lambda p: p.session))


class Reporter:
    """Progress reports: one at every improvement, with the penalty of each rule counted at most
    once a second. An improvement reported without them is counted on a later tick (the stop
    watcher's, ten a second) and reported once more with them, so that the latest penalties
    soon belong to the latest objective. Timetables handed over are never changed afterwards.
    """

    def __init__(
        self,
        prep: Prepared,
        on_progress: Callable[[Progress], None] | None,
        started: float,
    ) -> None:
        self.prep = prep
        self.bound = 0  # reported with every objective: no timetable costs less (set by solve)
        self.on_progress = on_progress
        self.started = started
        self.counted_at = -PENALTIES_EVERY_S  # when penalties were last counted (since start)
        self.uncounted: tuple[int, int, Assignment] | None = None  # reported without them
        self.lock = threading.Lock()  # one report at a time, in order

    def improved(self, cost: int, solutions: int, timetable: Assignment) -> None:
        if self.on_progress is None:
            return
        with self.lock:
            self.uncounted = (cost, solutions, timetable)
            if not self._count_due():
                self._send(cost, solutions, None)

    def tick(self) -> None:
        if self.uncounted is None:
            return
        with self.lock:
            self._count_due()

    def _count_due(self) -> bool:
        """Report the uncounted timetable with its penalties if a count is due."""
        now = time.monotonic() - self.started
        if self.uncounted is None or now - self.counted_at < PENALTIES_EVERY_S:
            return False
        cost, solutions, timetable = self.uncounted
        penalties = weighted_penalties(self.prep, self.prep.instance.weights, timetable)
        # The report's time is the count's, after counting: counted reports stay a second apart
        # however long each count took.
        self.counted_at, self.uncounted = time.monotonic() - self.started, None
        self._send(cost, solutions, penalties, self.counted_at)
        return True

    def _send(
        self,
        cost: int,
        solutions: int,
        penalties: dict[str, int] | None,
        elapsed: float | None = None,
    ) -> None:
        assert self.on_progress is not None
        if elapsed is None:
            elapsed = time.monotonic() - self.started
        try:
            self.on_progress(Progress(elapsed, cost, self.bound, solutions, penalties))
        except Exception:
            log.exception("on_progress raised; the search goes on")


def solve(
    instance: Instance,
    *,
    time_limit_s: float,
    num_workers: int = 2,
    seed: int = 0,
    hint: Iterable[Placement] | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Solution:
    """Timetable an instance within the time limit; see the module docstring."""
    started = time.monotonic()
    deadline = started + max(0.1, time_limit_s)
    hint_list = list(hint or ())

    def elapsed() -> float:
        return time.monotonic() - started

    prep = prepare(instance)
    conflicts = precheck_prepared(prep)
    if conflicts:
        return Solution(Status.INFEASIBLE, explanation=conflicts, elapsed_s=elapsed())

    reporter = Reporter(prep, on_progress, started)
    with Stopper(deadline, should_stop, tick=reporter.tick) as stopper:
        search = Search(
            prep,
            instance.weights,
            stopper,
            seed=seed,
            workers=max(1, num_workers),
            on_improve=reporter.improved,
            complete_by=started + COMPLETE_SHARE * (deadline - started),
            started=started,
        )
        reporter.bound = search.floor
        hint_assignment = to_assignment(prep, hint_list) if hint_list else None
        outcome = search.first(hint_assignment)
        if outcome.status in ("feasible", "partial") and outcome.assignment is not None:
            assert outcome.cost is not None
            outcome = search.improve(outcome.assignment, outcome.cost)
        if outcome.status == "partial" and outcome.assignment is not None:
            outcome = search.complete(outcome.assignment)
        stopped = stopper.requested

    if outcome.status in ("feasible", "optimal") and outcome.assignment is not None:
        return _finish(
            prep, outcome, hint_list, elapsed(), search.solutions, stopped, search.floor
        )
    if outcome.status == "invalid":
        log.error("CP-SAT rejected the model as invalid")
        return Solution(Status.INVALID, elapsed_s=elapsed(), stopped=stopped)
    if outcome.status == "infeasible":
        budget = max(MIN_EXPLAIN_S, deadline - time.monotonic())
        explanation = explain_prepared(prep, time_limit_s=budget)
        return Solution(Status.INFEASIBLE, explanation=explanation, elapsed_s=elapsed())
    partial: tuple[Placement, ...] = ()
    violations: tuple = ()
    if outcome.status == "partial" and outcome.assignment is not None:
        partial = to_placements(prep, outcome.assignment, hint_list)
        violations = validate(instance, partial).violations
    return Solution(
        Status.UNKNOWN,
        placements=partial,
        violations=violations,
        explanation=(Conflict(msg.undecided(elapsed())),),
        elapsed_s=elapsed(),
        stopped=stopped,
    )


def _finish(
    prep: Prepared,
    outcome: Outcome,
    hint: list[Placement],
    elapsed_s: float,
    solutions: int,
    stopped: bool,
    floor: int,
) -> Solution:
    assert outcome.assignment is not None
    placements = to_placements(prep, outcome.assignment, hint)
    report = validate(prep.instance, placements)
    if report.cost != outcome.cost or report.hard:
        log.error(
            "validate disagrees with the search: cost %s vs %s, %d hard violations",
            report.cost,
            outcome.cost,
            len(report.hard),
        )
    optimal = outcome.status == "optimal"
    return Solution(
        status=Status.OPTIMAL if optimal else Status.FEASIBLE,
        placements=placements,
        objective=report.cost,
        bound=report.cost if optimal else min(floor, report.cost),
        penalties=dict(report.penalties),
        violations=report.violations,
        elapsed_s=elapsed_s,
        solutions_found=max(solutions, 1),
        stopped=stopped,
    )
