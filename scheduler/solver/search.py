"""The search: a quick first timetable, simulated annealing, and CP-SAT neighbourhood repairs.

1. First timetable (``first``): the hint when it is complete and valid; else a greedy timetable
   whose left-out sessions are placed by ejecting others (greedy.py). When sessions stay out, a
   time-only model (no room variables; Hall's condition per set of usable rooms counts rooms per
   slot) is solved to its first solution and rooms are assigned with the times held; what is
   still out is placed by neighbourhood repairs, then by the full model with the timetable as a
   hint.
2. Improvement (``improve``): simulated annealing over moves, swaps and Kempe chains with exact
   incremental costs (anneal.py), one chain in this process and one per extra worker in a child
   process (parallel.py), sharing their bests; the last fifth of the time polishes the best with
   large-neighbourhood search. Each LNS round frees a few neighbourhoods of the incumbent (random
   courses; courses related through cohorts and faculty; a day; a band of periods; some rooms;
   the sessions that cost the most; all rooms with times held), one per worker, and re-solves
   each as a small CP-SAT model with everything else folded in as constants. The best repair is
   kept; a second one that touches other groups is merged on top when the result stays valid and
   cheaper. Neighbourhood sizes adapt to how often repairs are solved to optimality, and the
   kinds that improve are chosen more often. A timetable of at most WHOLE_MAX sessions is first
   solved outright, so that CP-SAT can prove it optimal.

Everything random draws from one seeded generator, and sub-solves stop on deterministic time, so a
seed gives the same trajectory; only how far it gets depends on the machine's speed.
"""

from __future__ import annotations

import logging
import math
import random
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from .anneal import anneal_loop
from .cost import hard_conflicts, lower_bound, soft_counts
from .data import Prepared
from .greedy import greedy, repair
from .instance import Weights
from .model import UNPLACED_COST, Assignment, ModelBuilder, Position
from .parallel import ChainProcess

log = logging.getLogger(__name__)

POLL_S = 0.1
SUB_DTIME = 0.1  # deterministic time per neighbourhood repair
MIN_SIZE = 4
START_SIZE = 12
WHOLE_FACTOR = 20  # a neighbourhood that is the whole timetable gets this much more time
WHOLE_SHARE = 0.3  # of the time left, to solve a small timetable outright before annealing
WHOLE_MAX = 40  # sessions: timetables this small are first solved outright
PROCESS_MIN_S = 20.0  # extra workers anneal in child processes when this much time is left
ADOPT_AFTER = 0.5  # share of the annealing time after which chains adopt a better incumbent
POLISH_SHARE = 0.2  # with child chains, this process ends with neighbourhood repairs
REPAIR_SHARE = 0.1  # of the time limit, to place by ejection what the greedy start left out
FIRST_TIMES_SHARE = 0.03  # of the time left, per step of the time-then-rooms first timetable
NO_WEIGHTS = Weights(0, 0, 0, 0, 0, 0, 0, 0)


class Stopper:
    """Ends CP-SAT solves at the deadline or on a stop request (polled by a watcher thread)."""

    def __init__(
        self,
        deadline: float,
        should_stop: Callable[[], bool] | None = None,
        tick: Callable[[], None] | None = None,
    ) -> None:
        self.deadline = deadline
        self.should_stop = should_stop
        self.tick = tick  # called at every poll, e.g. for reports that are due
        self.requested = False  # a stop request (not the deadline) ended the search
        self._event = threading.Event()
        self._closing = threading.Event()
        self._lock = threading.Lock()
        self._solvers: set[cp_model.CpSolver] = set()
        self._thread = threading.Thread(target=self._watch, name="solver-stop-watch", daemon=True)

    def __enter__(self) -> Stopper:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._closing.set()
        self._thread.join(timeout=2)

    @property
    def stopped(self) -> bool:
        return self._event.is_set()

    def remaining(self) -> float:
        return max(0.0, self.deadline - time.monotonic())

    def stop(self) -> None:
        self._event.set()
        with self._lock:
            for solver in self._solvers:
                solver.stop_search()

    def _watch(self) -> None:
        while not self._closing.wait(POLL_S):
            if not self._event.is_set():
                if self.should_stop is not None:
                    try:
                        if self.should_stop():
                            self.requested = True
                    except Exception:  # a broken callback must not kill the search
                        log.exception("should_stop raised; ignoring it")
                if self.requested or time.monotonic() >= self.deadline:
                    self._event.set()
            if self._event.is_set():
                self.stop()  # again each poll: a solve may have started after the last call
            if self.tick is not None:
                try:
                    self.tick()
                except Exception:
                    log.exception("tick raised; ignoring it")

    def register(self, solver: cp_model.CpSolver) -> None:
        with self._lock:
            self._solvers.add(solver)

    def unregister(self, solver: cp_model.CpSolver) -> None:
        with self._lock:
            self._solvers.discard(solver)


@dataclass
class Run:
    """The outcome of one CP-SAT solve."""

    status: int
    values: list[int] | None
    objective: float | None
    bound: float | None


def run_cp(
    model: cp_model.CpModel,
    stopper: Stopper,
    *,
    seed: int,
    workers: int = 1,
    wall_s: float | None = None,
    dtime: float | None = None,
    first: bool = False,
    lp: bool = True,
    stop_below: float | None = None,
    repair_hint: bool = False,
) -> Run:
    """Solve a model under the stopper, with a time limit always set.

    ``stop_below`` ends the solve at the first solution whose objective is below it.
    """
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.num_workers = max(1, workers)
    params.random_seed = seed
    limit = stopper.remaining()
    if wall_s is not None:
        limit = min(limit, wall_s)
    params.max_time_in_seconds = max(0.01, limit)
    if dtime is not None:
        params.max_deterministic_time = dtime
    params.stop_after_first_solution = first
    if not lp:
        params.linearization_level = 0
    if repair_hint:
        params.repair_hint = True
    if stopper.stopped:
        return Run(cp_model.UNKNOWN, None, None, None)
    stopper.register(solver)
    try:
        status = solver.solve(model, _StopBelow(stop_below) if stop_below is not None else None)
    finally:
        stopper.unregister(solver)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        response = solver.response_proto
        objective = response.objective_value if model.has_objective() else 0.0
        bound = response.best_objective_bound if model.has_objective() else 0.0
        return Run(status, list(response.solution), objective, bound)
    return Run(status, None, None, None)


class _StopBelow(cp_model.CpSolverSolutionCallback):
    def __init__(self, threshold: float) -> None:
        super().__init__()
        self.threshold = threshold

    def on_solution_callback(self) -> None:
        if self.objective_value < self.threshold:
            self.stop_search()


@dataclass
class Neighbourhood:
    kind: str
    freed: dict[int, list[Position]]  # group -> its positions set free
    domains: dict[int, set[int]] | None = None
    missing: dict[int, int] = field(default_factory=dict)  # group -> unplaced sessions to place

    @property
    def size(self) -> int:
        return sum(len(p) for p in self.freed.values()) + sum(self.missing.values())


@dataclass
class Repair:
    hood: Neighbourhood
    assignment: Assignment | None
    cost: int | None
    optimal: bool
    seconds: float = 0.0
    invalid: bool = False  # CP-SAT rejected the model: a bug


@dataclass
class Outcome:
    status: str  # "feasible" | "optimal" | "partial" | "infeasible" | "unknown" | "invalid"
    assignment: Assignment | None = None
    cost: int | None = None
    solutions: int = 0


@dataclass
class _State:
    """The incumbent shared by the workers, and what they learn about the neighbourhoods."""

    current: Assignment
    cost: int
    stats: dict[str, KindStats]
    version: int = 0
    done: str | None = None  # "optimal" | "invalid" | "gave up"
    lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass
class KindStats:
    size: float
    score: float = 1.0
    tries: int = 0
    wins: int = 0
    seconds: float = 0.0


@dataclass
class Search:
    """First timetable and large-neighbourhood search over a prepared instance."""

    prep: Prepared
    weights: Weights
    stopper: Stopper
    seed: int = 0
    workers: int = 1
    # (cost, solutions so far, the timetable): called under the incumbent's lock, keep it short
    on_improve: Callable[[int, int, Assignment], None] | None = None
    complete_by: float = math.inf  # monotonic time by which an incomplete search gives up
    started: float = field(default_factory=time.monotonic)
    solutions: int = 0

    def __post_init__(self) -> None:
        self._base_rng = random.Random(self.seed)
        self._local = threading.local()
        prep = self.prep
        self.total = sum(g.size for g in prep.groups)
        # No complete timetable costs less (cost.lower_bound): reaching it proves optimality.
        self.floor = lower_bound(prep, self.weights)
        self.build_rate = 0.0  # seconds per session of the slowest neighbourhood model build
        related: list[set[int]] = [set() for _ in prep.instance.courses]
        by_person: dict[tuple[str, int], list[int]] = defaultdict(list)
        for c in range(len(prep.instance.courses)):
            for f in prep.course_faculty[c]:
                by_person[("f", f)].append(c)
            for q in prep.course_cohorts[c]:
                by_person[("q", q)].append(c)
        for courses in by_person.values():
            for c in courses:
                related[c].update(courses)
        for c, others in enumerate(related):
            others.discard(c)
        self.related = [sorted(r) for r in related]

    # ------------------------------------------------------------------ scoring
    def cost(self, assignment: Mapping[int, list[Position]]) -> int:
        """Weighted soft cost, plus ``UNPLACED_COST`` per session not placed yet."""
        counts = soft_counts(self.prep, assignment)
        soft = sum(self.weights.of(rule) * n for rule, n in counts.items())
        return soft + UNPLACED_COST * sum(self.missing(assignment).values())

    def _proven(self, cost: int) -> bool:
        """Whether a timetable of this cost is optimal: complete, and at the lower bound."""
        return cost < UNPLACED_COST and cost <= self.floor

    def missing(self, assignment: Mapping[int, list[Position]]) -> dict[int, int]:
        """Sessions of each group that the assignment does not place yet."""
        out = {}
        for group in self.prep.groups:
            n = group.size - len(assignment.get(group.index, ()))
            if n > 0:
                out[group.index] = n
        return out

    def _improved(self, cost: int, timetable: Assignment) -> None:
        if cost >= UNPLACED_COST:
            return  # not a timetable yet
        self.solutions += 1
        if self.on_improve is not None:
            self.on_improve(cost, self.solutions, timetable)

    # ------------------------------------------------------------------ first timetable
    def first(self, hint: Assignment | None = None) -> Outcome:
        """A first timetable: the hint if complete and valid, else a greedy one (see greedy.py).

        When the greedy timetable leaves sessions out, ``repair`` places them by ejecting
        others for up to REPAIR_SHARE of the time; if some are still out, a time-only model
        places them, rooms after (``_times_then_rooms``); if sessions are still out, the outcome
        is "partial" and ``improve`` places the rest by neighbourhood repairs.
        """
        prep = self.prep
        if hint is not None and self._complete(hint) and hard_conflicts(prep, hint) == 0:
            cost = self.cost(hint)
            self._improved(cost, hint)
            return Outcome("feasible", {g: list(p) for g, p in hint.items()}, cost)
        assignment = greedy(
            prep, self.weights, seed=self.seed, hint=hint, deadline=self.stopper.deadline
        )
        cost = self.cost(assignment)
        if cost >= UNPLACED_COST:  # sessions out: eject and re-place, briefly
            until = self.started + REPAIR_SHARE * (self.stopper.deadline - self.started)
            assignment = repair(
                prep,
                self.weights,
                assignment,
                seed=self.seed,
                deadline=until,
                stopped=lambda: self.stopper.stopped,
            )
            cost = self.cost(assignment)
        log.debug("greedy and repair: cost %d", cost)
        if cost >= UNPLACED_COST and assignment is not None:
            timed = self._times_then_rooms(assignment)
            timed_cost = self.cost(timed) if timed is not None else cost
            if timed_cost < cost:
                assignment, cost = timed, timed_cost
        self._improved(cost, assignment)
        return Outcome("feasible" if cost < UNPLACED_COST else "partial", assignment, cost)

    def _times_then_rooms(self, start: Assignment) -> Assignment | None:
        """Times from a time-only model (Hall's condition on rooms), then rooms for them."""
        prep = self.prep
        budget = max(0.5, FIRST_TIMES_SHARE * (self.stopper.deadline - self.started))
        timing = ModelBuilder(prep, self.weights, with_rooms=False).build()
        timing.add_hint(start)
        run = run_cp(
            timing.model,
            self.stopper,
            seed=self.seed,
            workers=self.workers,
            wall_s=budget,
            first=True,
        )
        if run.values is None:
            return None
        times = timing.extract(run.values)
        domains = {g: {s for s, _ in positions} for g, positions in times.items()}
        rooms = ModelBuilder(prep, self.weights, domains=domains).build()
        rooms.add_hint(start)
        run = run_cp(
            rooms.model,
            self.stopper,
            seed=self.seed,
            workers=self.workers,
            first=True,
            wall_s=budget,
        )
        if run.values is None:
            missing = {g.index: g.size for g in prep.groups}
            rooms = ModelBuilder(prep, self.weights, domains=domains, missing=missing).build()
            run = run_cp(
                rooms.model,
                self.stopper,
                seed=self.seed,
                workers=self.workers,
                wall_s=budget,
                stop_below=UNPLACED_COST,
            )
            if run.values is None:
                return None
        return rooms.extract(run.values)

    def complete(self, assignment: Assignment) -> Outcome:
        """Last resort for an incomplete timetable: the full model, hinted, for the time left."""
        # Building the full model cannot be interrupted (about 30 ms a session at 3,000), so
        # it is tried only when the builds seen so far say it fits in the time left.
        if self.stopper.stopped or self.build_rate * self.total > self.stopper.remaining():
            log.debug("no time left to build the full model for %d sessions", self.total)
            return Outcome("partial", assignment, self.cost(assignment))
        full = ModelBuilder(self.prep, self.weights).build()
        full.add_hint(assignment)
        run = run_cp(full.model, self.stopper, seed=self.seed, workers=self.workers, first=True)
        if run.status == cp_model.INFEASIBLE:
            return Outcome("infeasible")
        if run.status == cp_model.MODEL_INVALID:
            return Outcome("invalid")
        if run.values is None:
            return Outcome("partial", assignment, self.cost(assignment))
        result = full.extract(run.values)
        cost = self.cost(result)
        self._improved(cost, result)
        return Outcome("feasible", result, cost)

    def _complete(self, assignment: Mapping[int, list[Position]]) -> bool:
        return all(len(assignment.get(g.index, ())) == g.size for g in self.prep.groups)

    # ------------------------------------------------------------------ improvement
    def improve(self, assignment: Assignment, cost: int) -> Outcome:
        """Improve a timetable until stopped; returns the best found.

        1. While sessions are still out, every worker runs neighbourhood repairs (``_lns_step``)
           on the shared incumbent until all are placed.
        2. Then annealing chains (anneal.py) improve it: one in this process and, for longer
           runs with more workers, one per extra worker in a child process (parallel.py). For
           short runs the extra workers run neighbourhood repairs in threads instead. With
           child chains, this process spends the last POLISH_SHARE of the time on repairs.
        Every worker publishes its bests to the incumbent. One worker and one seed give the
        same greedy start and the same decisions; where a run ends depends on the clock.
        """
        current = {g: list(p) for g, p in assignment.items()}
        if self.total == 0 or self._proven(cost):
            return Outcome("optimal", current, cost, self.solutions)
        start_size = float(min(self.total, max(MIN_SIZE, START_SIZE)))
        state = _State(current, cost, {kind: KindStats(start_size) for kind in KINDS})
        seeds = [self.rng.randrange(1 << 30) for _ in range(self.workers)]
        if cost >= UNPLACED_COST:
            self._threads(state, [self._complete_work] * self.workers, seeds)
        if state.done is None and self.total <= WHOLE_MAX and state.cost < UNPLACED_COST:
            # A small timetable: try to solve it outright (CP-SAT can then prove optimality).
            hood = self._neighbourhood("courses", state.current, self.total, self.rng)
            repair = self._repair(
                state.current,
                hood,
                self.rng.randrange(1 << 30),
                wall_s=WHOLE_SHARE * self.stopper.remaining(),
            )
            self._record(state, repair)
            self._offer(state, state.current, state.version, repair)
        if state.done is None and state.cost < UNPLACED_COST and not self.stopper.stopped:
            if self.workers > 1 and self.stopper.remaining() >= PROCESS_MIN_S:
                chains = [
                    ChainProcess(
                        self.prep.instance,
                        state.current,
                        seeds[i],
                        deadline=self.stopper.deadline,
                        adopt_after=ADOPT_AFTER,
                        offer=lambda c, t: self._take(state, c, t),
                        incumbent=lambda: self._incumbent(state),
                        stopped=lambda: self.stopper.stopped or state.done is not None,
                    )
                    for i in range(1, self.workers)
                ]
                try:
                    self._anneal_work(state, 0, seeds[0], until=self._at(1.0 - POLISH_SHARE))
                    self._work(state, 0, seeds[0])  # polish the best with exact repairs
                finally:
                    for chain in chains:
                        chain.join()
            else:
                self._threads(state, [self._anneal_work] + [self._work] * (self.workers - 1), seeds)
        log.info(
            "LNS: %d repairs, cost %d", sum(st.tries for st in state.stats.values()), state.cost
        )
        for kind, st in state.stats.items():
            log.info(
                "  %-10s tries %4d wins %4d size %6.1f score %.2f time %.1fs",
                kind,
                st.tries,
                st.wins,
                st.size,
                st.score,
                st.seconds,
            )
        if state.done == "invalid":
            return Outcome("invalid")
        if state.done == "optimal":
            if state.cost >= UNPLACED_COST:  # the whole model, solved: nothing places all
                return Outcome("infeasible")
            return Outcome("optimal", state.current, state.cost, self.solutions)
        if state.cost >= UNPLACED_COST:
            return Outcome("partial", state.current, state.cost, self.solutions)
        return Outcome("feasible", state.current, state.cost, self.solutions)

    def _threads(
        self, state: _State, targets: list[Callable[[_State, int, int], None]], seeds: list[int]
    ) -> None:
        """Run one worker per target (the first in this thread) until they return."""
        threads = [
            threading.Thread(
                target=target, args=(state, i, seeds[i]), name=f"search-{i}", daemon=True
            )
            for i, target in enumerate(targets)
            if i > 0
        ]
        for thread in threads:
            thread.start()
        try:
            targets[0](state, 0, seeds[0])
        finally:
            for thread in threads:
                thread.join()

    def _work(self, state: _State, index: int, seed: int) -> None:
        """One worker's loop of neighbourhood repairs (see ``improve``)."""
        rng = random.Random(seed)
        while not self.stopper.stopped and state.done is None:
            self._lns_step(state, index, rng)

    def _complete_work(self, state: _State, index: int, seed: int) -> None:
        """Neighbourhood repairs until every session is placed."""
        rng = random.Random(seed)
        while not self.stopper.stopped and state.done is None and state.cost >= UNPLACED_COST:
            self._lns_step(state, index, rng)

    def _take(self, state: _State, cost: int, timetable: Assignment) -> None:
        """Make a timetable from an annealing chain the incumbent if it is cheaper."""
        with state.lock:
            if cost < state.cost:
                state.current, state.cost = timetable, cost
                state.version += 1
                self._improved(cost, timetable)
                if self._proven(cost):
                    state.done = "optimal"

    def _incumbent(self, state: _State) -> tuple[int, Assignment]:
        with state.lock:
            return state.cost, state.current

    def _lns_step(self, state: _State, index: int, rng: random.Random) -> None:
        """One neighbourhood repair of the incumbent, offered back to it."""
        with state.lock:
            snapshot, version, cost = state.current, state.version, state.cost
            kind = self._pick_kind(state.stats, cost >= UNPLACED_COST, rng)
            size = state.stats[kind].size
        hood = self._neighbourhood(kind, snapshot, size, rng)
        repair = self._repair(snapshot, hood, rng.randrange(1 << 30))
        with state.lock:
            self._record(state, repair)
            self._offer(state, snapshot, version, repair)
            incomplete = state.cost >= UNPLACED_COST
            if incomplete and time.monotonic() >= self.complete_by:
                state.done = "gave up"

    def _at(self, share: float) -> float:
        """The moment that share of the whole time limit will have gone."""
        return self.started + share * (self.stopper.deadline - self.started)

    def _anneal_work(
        self, state: _State, index: int, seed: int, until: float | None = None
    ) -> None:
        """An annealing chain in this process on a copy of the incumbent (see anneal.py)."""
        current_cost, current = self._incumbent(state)

        def better(best: int) -> tuple[int, Assignment] | None:
            cost, timetable = self._incumbent(state)
            return (cost, timetable) if cost < best else None

        anneal_loop(
            self.prep,
            self.weights,
            current,
            seed,
            start=time.monotonic(),
            deadline=self.stopper.deadline if until is None else until,
            stopped=lambda: self.stopper.stopped or state.done is not None,
            publish=lambda cost, timetable: self._take(state, cost, timetable),
            better=better,
            adopt_after=ADOPT_AFTER,
        )

    def _record(self, state: _State, rep: Repair) -> None:
        """Update the kind's statistics: tries, wins, size and how often it is chosen."""
        st = state.stats[rep.hood.kind]
        st.tries += 1
        st.seconds += rep.seconds
        if rep.invalid:
            state.done = "invalid"
        if rep.hood.kind == "missing":
            placed = rep.assignment is not None and len(self.missing(rep.assignment)) < len(
                self.missing(state.current)
            )
            st.size = min(float(self.total), st.size * (1.0 if placed else 1.3))
        else:
            factor = 1.15 if rep.optimal else 0.87
            st.size = min(float(self.total), max(float(MIN_SIZE), st.size * factor))
        won = rep.cost is not None and rep.cost < state.cost
        st.wins += won
        st.score = max(0.05, 0.9 * st.score + (0.5 if won else 0.0))

    def _offer(self, state: _State, snapshot: Assignment, version: int, rep: Repair) -> None:
        """Take a repair's timetable if it is no worse than the incumbent (merged if needed)."""
        if rep.assignment is None or rep.cost is None:
            return
        whole = rep.optimal and rep.hood.domains is None and rep.hood.size == self.total
        if whole:  # the whole model solved to optimality: nothing can do better
            state.current, state.cost, state.done = rep.assignment, rep.cost, "optimal"
            state.version += 1
            self._improved(rep.cost, rep.assignment)
            return
        if state.version == version:
            candidate, cost = rep.assignment, rep.cost
        else:
            moved = set(rep.hood.freed) | set(rep.hood.missing)
            if any(state.current.get(g) != snapshot.get(g) for g in moved):
                return
            candidate = dict(state.current)
            for g in moved:
                candidate[g] = rep.assignment[g]
            if hard_conflicts(self.prep, candidate) != sum(self.missing(candidate).values()):
                return
            cost = self.cost(candidate)
        if cost > state.cost:
            return
        better = cost < state.cost
        state.current, state.cost = candidate, cost
        state.version += 1
        if better:
            self._improved(cost, candidate)
            if self._proven(cost):
                state.done = "optimal"

    def _pick_kind(self, stats: dict[str, KindStats], incomplete: bool, rng: random.Random) -> str:
        if incomplete:
            return "missing"
        kinds = [k for k in KINDS if k != "missing"]
        return rng.choices(kinds, [stats[k].score for k in kinds])[0]

    def _repair(
        self, current: Assignment, hood: Neighbourhood, seed: int, wall_s: float | None = None
    ) -> Repair:
        prep = self.prep
        if not (hood.freed or hood.missing) or self.stopper.stopped:
            return Repair(hood, None, None, False)
        fixed: dict[int, list[Position]] = {}
        for g, positions in current.items():
            freed = hood.freed.get(g)
            fixed[g] = [p for p in positions if p not in freed] if freed else positions
        free = {g: len(p) for g, p in hood.freed.items()}
        for g, n in hood.missing.items():
            free[g] = free.get(g, 0) + n
        t0 = time.monotonic()
        builder = ModelBuilder(
            prep,
            self.weights,
            fixed=fixed,
            free=free,
            domains=hood.domains,
            missing=hood.missing,
        )
        builder.build()
        builder.add_hint(hood.freed)
        t1 = time.monotonic()
        if hood.size:  # the slowest build per session seen: what the full model would take
            self.build_rate = max(self.build_rate, (t1 - t0) / hood.size)
        whole = hood.domains is None and hood.size == self.total
        if wall_s is not None:  # a one-off solve of the whole timetable, on the clock
            run = run_cp(builder.model, self.stopper, seed=seed, wall_s=wall_s)
        else:
            dtime = SUB_DTIME * (WHOLE_FACTOR if whole else 1)
            run = run_cp(builder.model, self.stopper, seed=seed, dtime=dtime, lp=whole)
        t2 = time.monotonic()
        if run.values is None:
            if run.status == cp_model.MODEL_INVALID:
                log.error("CP-SAT finds the %s neighbourhood model invalid", hood.kind)
                return Repair(hood, None, None, False, invalid=True)
            log.debug("%s size %d: no solution (%s)", hood.kind, hood.size, run.status)
            return Repair(hood, None, None, False)
        moved = builder.extract(run.values)
        result = dict(current)
        for g, positions in moved.items():
            result[g] = fixed.get(g, []) + positions
        cost = self.cost(result)
        log.debug(
            "%s size %d vars %d: build %.2fs solve %.2fs %s obj %s cost %d",
            hood.kind,
            hood.size,
            len(builder.model.proto.variables),
            t1 - t0,
            t2 - t1,
            cp_model.CpSolver().status_name(run.status) if False else run.status,
            run.objective,
            cost,
        )
        return Repair(hood, result, cost, run.status == cp_model.OPTIMAL, t2 - t0)

    # ------------------------------------------------------------------ neighbourhoods
    @property
    def rng(self) -> random.Random:
        """This thread's generator while it builds a neighbourhood, else the search's own."""
        return getattr(self._local, "rng", None) or self._base_rng

    def _neighbourhood(
        self, kind: str, current: Assignment, size: float, rng: random.Random
    ) -> Neighbourhood:
        target = max(1, int(round(size)))
        self._local.rng = rng
        try:
            return NEIGHBOURHOODS[kind](self, current, target)
        finally:
            self._local.rng = None

    def _take_courses(
        self, current: Assignment, courses: list[int], target: int, hood: Neighbourhood
    ) -> Neighbourhood:
        groups_of_course = self.prep.groups_of_course
        for c in courses:
            if hood.size >= target:
                break
            for g in groups_of_course[c]:
                if current.get(g):
                    hood.freed[g] = list(current[g])
        return hood

    def hood_courses(self, current: Assignment, target: int) -> Neighbourhood:
        courses = list(range(len(self.prep.instance.courses)))
        self.rng.shuffle(courses)
        return self._take_courses(current, courses, target, Neighbourhood("courses", {}))

    def hood_related(self, current: Assignment, target: int) -> Neighbourhood:
        """Courses linked through shared cohorts or faculty, grown from a random course."""
        n = len(self.prep.instance.courses)
        if n == 0:
            return Neighbourhood("related", {})
        seed_course = self.rng.randrange(n)
        order = [seed_course]
        seen = {seed_course}
        frontier = [seed_course]
        while frontier and len(order) < n:
            c = frontier.pop(self.rng.randrange(len(frontier)))
            nbrs = [d for d in self.related[c] if d not in seen]
            self.rng.shuffle(nbrs)
            for d in nbrs:
                seen.add(d)
                order.append(d)
                frontier.append(d)
            if not frontier and len(order) < n:
                rest = [d for d in range(n) if d not in seen]
                d = self.rng.choice(rest)
                seen.add(d)
                order.append(d)
                frontier.append(d)
            if self._positions_of(current, order) >= target:
                break
        return self._take_courses(current, order, target, Neighbourhood("related", {}))

    def _positions_of(self, current: Assignment, courses: list[int]) -> int:
        return sum(len(current.get(g, ())) for c in courses for g in self.prep.groups_of_course[c])

    def _take_positions(
        self, kind: str, current: Assignment, chosen: list[tuple[int, Position]], target: int
    ) -> Neighbourhood:
        """Free the listed positions, whole courses at a time in random order, up to the target."""
        by_course: dict[int, list[tuple[int, Position]]] = defaultdict(list)
        for g, p in chosen:
            if self.prep.groups[g].pin is None:
                by_course[self.prep.groups[g].course].append((g, p))
        courses = sorted(by_course)
        self.rng.shuffle(courses)
        hood = Neighbourhood(kind, {})
        for c in courses:
            if hood.size >= target:
                break
            for g, p in by_course[c]:
                hood.freed.setdefault(g, []).append(p)
        return hood

    def hood_day(self, current: Assignment, target: int) -> Neighbourhood:
        """Sessions on one or two days."""
        days = self.rng.sample(
            range(self.prep.days), k=min(self.prep.days, self.rng.choice((1, 2)))
        )
        chosen = [
            (g, p) for g, ps in current.items() for p in ps if self.prep.slot_day[p[0]] in days
        ]
        hood = self._take_positions("day", current, chosen, target)
        ppd = self.prep.ppd
        window = {d * ppd + p for d in days for p in range(ppd)}
        hood.domains = {g: window for g in hood.freed}
        return hood

    def hood_periods(self, current: Assignment, target: int) -> Neighbourhood:
        """Sessions starting in a band of two or three neighbouring periods, on every day."""
        ppd = self.prep.ppd
        width = min(ppd, self.rng.choice((2, 3)))
        first = self.rng.randrange(ppd - width + 1)
        band = set(range(first, first + width))
        chosen = [(g, p) for g, ps in current.items() for p in ps if p[0] % ppd in band]
        hood = self._take_positions("periods", current, chosen, target)
        window = {t for t in range(self.prep.slots) if t % ppd in band}
        hood.domains = {g: window for g in hood.freed}
        return hood

    def hood_slots(self, current: Assignment, target: int) -> Neighbourhood:
        """Every session starting in a few random slots, free to swap among those slots."""
        slots = list(range(self.prep.slots))
        self.rng.shuffle(slots)
        by_slot: dict[int, list[tuple[int, Position]]] = defaultdict(list)
        for g, ps in current.items():
            if self.prep.groups[g].pin is None:
                for p in ps:
                    by_slot[p[0]].append((g, p))
        hood = Neighbourhood("slots", {})
        window: set[int] = set()
        for t in slots:
            if hood.size >= target or len(window) >= 2 and hood.size + len(by_slot[t]) > target:
                break
            window.add(t)
            for g, p in by_slot[t]:
                hood.freed.setdefault(g, []).append(p)
        hood.domains = {g: window for g in hood.freed}
        return hood

    def hood_rooms(self, current: Assignment, target: int) -> Neighbourhood:
        """Sessions of random courses in one or two random rooms, up to the target."""
        rooms = self.rng.sample(
            range(len(self.prep.instance.rooms)),
            k=min(len(self.prep.instance.rooms), self.rng.choice((1, 2))),
        )
        chosen = [(g, p) for g, ps in current.items() for p in ps if p[1] in rooms]
        return self._take_positions("rooms", current, chosen, target)

    def hood_costly(self, current: Assignment, target: int) -> Neighbourhood:
        """Courses that pay a penalty now, and courses related to them."""
        costly = self._costly_courses(current)
        if not costly:
            return self.hood_related(current, target)
        c0 = self.rng.choice(costly)
        order = [c0]
        pool = [c for c in self.related[c0]]
        self.rng.shuffle(pool)
        extra = [c for c in costly if c != c0]
        self.rng.shuffle(extra)
        mixed: list[int] = []
        while pool or extra:
            if pool:
                mixed.append(pool.pop())
            if extra:
                mixed.append(extra.pop())
        order.extend(mixed)
        hood = self._take_courses(current, order, target, Neighbourhood("costly", {}))
        return hood

    def _costly_courses(self, current: Assignment) -> list[int]:
        prep = self.prep
        w = self.weights
        costly: set[int] = set()
        days: dict[int, set[int]] = defaultdict(set)
        rooms: dict[int, set[int]] = defaultdict(set)
        cohort_busy: dict[int, set[int]] = defaultdict(set)
        blocks: list[tuple[int, int, int, int]] = []  # cohort, start, length, course
        for g, ps in current.items():
            c = prep.groups[g].course
            length = prep.groups[g].length
            for s, r in ps:
                days[c].add(prep.slot_day[s])
                rooms[c].add(r)
                if w.room_capacity and prep.overflow[g].get(r):
                    costly.add(c)
                if (w.discouraged and prep.discouraged[g].get(s)) or (
                    w.not_preferred and prep.not_preferred[g].get(s)
                ):
                    costly.add(c)
                for q in prep.course_cohorts[c]:
                    cohort_busy[q].update(range(s, s + length))
                    blocks.append((q, s, length, c))
        for c, ds in days.items():
            if w.min_days and len(ds) < prep.instance.courses[c].min_days:
                costly.add(c)
            if w.room_stability and len(rooms[c]) > 1:
                costly.add(c)
        if w.isolated:
            ppd = prep.ppd
            for q, s, length, c in blocks:
                busy = cohort_busy[q]
                if not (s % ppd > 0 and s - 1 in busy) and not (
                    s % ppd + length < ppd and s + length in busy
                ):
                    costly.add(c)
        return sorted(costly)

    def hood_missing(self, current: Assignment, target: int) -> Neighbourhood:
        """Sessions not placed yet, with what blocks them: related courses and, in a few of
        the slots where they could go, every session there."""
        prep = self.prep
        missing = self.missing(current)
        groups = sorted(missing)
        self.rng.shuffle(groups)
        hood = Neighbourhood("missing", {})
        courses: list[int] = []
        for g in groups[: max(1, min(len(groups), target // 8))]:
            hood.missing[g] = missing[g]
            courses.append(prep.groups[g].course)
            if current.get(g):
                hood.freed[g] = list(current[g])
        by_slot: dict[int, list[tuple[int, Position]]] = defaultdict(list)
        for g, ps in current.items():
            for p in ps:
                for t in range(p[0], p[0] + prep.groups[g].length):
                    by_slot[t].append((g, p))
        budget = max(1, target // 2)
        for g in list(hood.missing):
            group = prep.groups[g]
            starts = list(group.starts)
            self.rng.shuffle(starts)
            for s in starts[:2]:
                for t in range(s, s + group.length):
                    for h, p in by_slot.get(t, ()):
                        if budget > 0 and p not in hood.freed.get(h, ()):
                            hood.freed.setdefault(h, []).append(p)
                            budget -= 1
        related = [d for c in courses for d in self.related[c]]
        self.rng.shuffle(related)
        return self._take_courses(current, related, target, hood)

    def hood_room_swap(self, current: Assignment, target: int) -> Neighbourhood:
        """Every session in the slots where a few courses meet, held at its time: the rooms
        are reassigned, so courses can trade rooms to keep one room each and fit their size."""
        prep = self.prep
        costly = self._costly_courses(current)
        courses = costly if costly and self.rng.random() < 0.7 else list(range(len(prep.courses)))
        courses = list(courses)
        self.rng.shuffle(courses)
        by_slot: dict[int, list[tuple[int, Position]]] = defaultdict(list)
        for g, ps in current.items():
            for p in ps:
                by_slot[p[0]].append((g, p))
        hood = Neighbourhood("room_swap", {})
        slots: set[int] = set()
        for c in courses:
            if hood.size >= target:
                break
            for g in prep.groups_of_course[c]:
                for s, _ in current.get(g, ()):
                    if s in slots:
                        continue
                    slots.add(s)
                    for h, p in by_slot[s]:
                        hood.freed.setdefault(h, []).append(p)
        hood.domains = {g: {s for s, _ in ps} for g, ps in hood.freed.items()}
        return hood


NEIGHBOURHOODS: dict[str, Callable[[Search, Assignment, int], Neighbourhood]] = {
    "courses": Search.hood_courses,
    "related": Search.hood_related,
    "day": Search.hood_day,
    "periods": Search.hood_periods,
    "rooms": Search.hood_rooms,
    "slots": Search.hood_slots,
    "costly": Search.hood_costly,
    "room_swap": Search.hood_room_swap,
    "missing": Search.hood_missing,
}
KINDS = tuple(NEIGHBOURHOODS)
