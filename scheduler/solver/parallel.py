"""Annealing chains in their own processes, so that they run beside the main one.

Python threads take turns on the interpreter lock, so a second annealing chain in a thread would
only slow the first. Each extra chain therefore runs in a child process (started with "spawn":
safe from a threaded parent, and the child imports only this package and OR-Tools). A bridge
thread in the parent forwards the child's new bests to the shared incumbent, passes a better
incumbent back once the chains may adopt one, and ends the child on a stop or at the deadline.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event

from .anneal import anneal_loop
from .data import prepare
from .instance import Instance
from .model import Assignment

log = logging.getLogger(__name__)

JOIN_S = 3.0  # how long the parent waits for a child to finish before ending it


def _child(
    instance: Instance,
    assignment: Assignment,
    seed: int,
    seconds: float,
    adopt_after: float,
    stop: Event,
    conn: Connection,
) -> None:
    """The child process: anneal and report bests through the pipe."""
    start = time.monotonic()
    prep = prepare(instance)
    adopted: list[tuple[int, Assignment]] = []

    def publish(cost: int, timetable: Assignment) -> None:
        conn.send(("best", cost, timetable))

    def better(best: int) -> tuple[int, Assignment] | None:
        while conn.poll():
            message = conn.recv()
            if message[0] == "adopt":
                adopted.append((message[1], message[2]))
        found = min(adopted, key=lambda m: m[0]) if adopted else None
        adopted.clear()
        return found if found is not None and found[0] < best else None

    try:
        anneal_loop(
            prep,
            instance.weights,
            assignment,
            seed,
            start=start,
            deadline=start + seconds,
            stopped=stop.is_set,
            publish=publish,
            better=better,
            adopt_after=adopt_after,
        )
        conn.send(("done",))
    except (BrokenPipeError, EOFError):  # the parent has gone: nothing to report to
        pass


class ChainProcess:
    """One annealing chain in a child process, bridged to the parent's incumbent."""

    def __init__(
        self,
        instance: Instance,
        assignment: Assignment,
        seed: int,
        *,
        deadline: float,
        adopt_after: float,
        offer: Callable[[int, Assignment], None],
        incumbent: Callable[[], tuple[int, Assignment]],
        stopped: Callable[[], bool],
    ) -> None:
        self.offer = offer
        self.incumbent = incumbent
        self.stopped = stopped
        self.deadline = deadline
        self.adopt_after = adopt_after
        self.started = time.monotonic()
        context = mp.get_context("spawn")
        self.stop = context.Event()
        self.conn, child_conn = context.Pipe()
        self.process = context.Process(
            target=_child,
            args=(
                instance,
                assignment,
                seed,
                max(0.1, deadline - time.monotonic()),
                adopt_after,
                self.stop,
                child_conn,
            ),
            name="annealing-chain",
            daemon=True,
        )
        self.process.start()
        child_conn.close()
        self.best: int | None = None
        self.thread = threading.Thread(target=self._bridge, name="chain-bridge", daemon=True)
        self.thread.start()

    def _bridge(self) -> None:
        last_sent = 0.0
        span = max(1e-3, self.deadline - self.started)
        try:
            while True:
                if self.stopped() or time.monotonic() >= self.deadline:
                    self.stop.set()
                if self.conn.poll(0.05):
                    message = self.conn.recv()
                    if message[0] == "done":
                        break
                    _, cost, timetable = message
                    self.best = cost if self.best is None else min(self.best, cost)
                    self.offer(cost, timetable)
                elif not self.process.is_alive():
                    break
                now = time.monotonic()
                if (now - self.started) / span >= self.adopt_after and now - last_sent > 0.5:
                    cost, timetable = self.incumbent()
                    if self.best is not None and cost < self.best:
                        self.conn.send(("adopt", cost, timetable))
                        self.best = cost
                    last_sent = now
        except (EOFError, BrokenPipeError, OSError):
            log.warning("the annealing process ended unexpectedly")

    def join(self) -> None:
        """Wait for the child's last best, then make sure it has ended."""
        self.stop.set()
        self.thread.join(timeout=JOIN_S)
        self.process.join(timeout=JOIN_S)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout=JOIN_S)
        self.conn.close()
