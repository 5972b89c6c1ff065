"""How fast one annealing chain works: moves tried per second, per instance.

    .venv/bin/python benchmarks/moves.py [--instances comp01,comp05] [--sizes 1000]
        [--seconds 10] [--runs 3] [--dir ../shared/benchmarks/itc2007]

For each ITC2007 instance (and each consortium size, scheduler/solver/generate.py, seed 0) it
builds the greedy start once, then runs one annealing chain (anneal.py) in this process for the
given seconds at the temperature the schedule has half-way, mixing moves and Kempe chains as
anneal_loop does, and prints the median over the runs of: attempts per second (calls of a move,
including those turned down at once, e.g. a start its course already uses), moves per second
(attempts that got as far as being checked and priced), and the share of moves taken. The engine
is bound by these numbers: more moves in the same 156 s is what lowers the cost. One process, one
core; the load average before and after is printed. A script, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from figures import fmt, load  # noqa: E402  (benchmarks/figures.py, beside this script)

from scheduler.solver.anneal import KEMPE_SHARE, Annealer, temperature  # noqa: E402
from scheduler.solver.data import prepare  # noqa: E402
from scheduler.solver.generate import generate  # noqa: E402
from scheduler.solver.greedy import greedy  # noqa: E402
from scheduler.solver.itc2007 import read_ctt  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHUNK = 500


def chain(instance, seconds: float, run: int) -> tuple[float, float, float]:
    """(attempts/s, moves/s, share taken) of one chain from the greedy start."""
    prep = prepare(instance)
    start = greedy(prep, instance.weights, seed=0)
    annealer = Annealer(prep, instance.weights, start, run)
    rng = random.Random(run)
    heat = temperature(0.5)
    attempts = taken = 0
    began = time.monotonic()
    while time.monotonic() - began < seconds:
        for _ in range(CHUNK):
            step = annealer.try_kempe if rng.random() < KEMPE_SHARE else annealer.try_move
            taken += step(heat) is not None
        attempts += CHUNK
    elapsed = time.monotonic() - began
    assert annealer.cost == annealer.total()  # the incremental cost kept up
    return attempts / elapsed, annealer.moves / elapsed, taken / max(1, annealer.moves)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instances", default="comp01,comp02,comp03,comp04,comp05,comp06,comp07")
    parser.add_argument("--sizes", default="1000", help="consortium sizes; empty for none")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", default=str(ROOT.parent / "shared" / "benchmarks" / "itc2007"))
    args = parser.parse_args(argv)
    cases = [
        (name, lambda name=name: read_ctt(Path(args.dir) / f"{name}.ctt"))
        for name in args.instances.split(",")
        if name
    ]
    cases += [
        (f"consortium {size}", lambda size=int(size): generate(size, seed=0))
        for size in args.sizes.split(",")
        if size
    ]
    print(f"# one annealing chain, {fmt(args.seconds)} s per run, median of {args.runs} runs")
    print(f"# before: {load()}")
    print(f"{'instance':>16} {'attempts/s':>11} {'moves/s':>9} {'taken':>6}")
    for name, make in cases:
        instance = make()
        runs = [chain(instance, args.seconds, run) for run in range(args.runs)]
        attempts, moves, taken = (statistics.median(r[k] for r in runs) for k in range(3))
        print(f"{name:>16} {attempts:>11,.0f} {moves:>9,.0f} {taken:>6.1%}", flush=True)
    print(f"# after: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
