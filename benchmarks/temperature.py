"""Cooling schedules compared on single annealing chains: the cost each ends at, per seed.

    .venv/bin/python benchmarks/temperature.py [--instances comp05,comp07]
        [--schedules 2:0.05,4:0.05] [--seeds 0,1,2] [--seconds 60] [--jobs 2]
        [--dir ../shared/benchmarks/itc2007]

For each instance, schedule (start:end temperature, cooled geometrically over the seconds by
anneal.py's ``temperature``, as the engine cools from T_START to T_END) and seed, it builds a
complete first timetable as the engine does (the greedy start, then ``repair`` for whatever it
left out) and runs one annealing chain (the engine's ``anneal_loop``, alone) on it for the given
seconds; it prints the best cost of each chain, then the mean and median per schedule. The same
seed gives the same start under every schedule, so schedules are compared on equal terms.
``--jobs`` chains run at once, one per process (one core each). A script, not a test: it asserts
nothing. A single chain for a shorter time is not the engine's 156 s with two workers; use it to
choose what to measure with benchmarks/itc2007.py, not instead of it.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from figures import fmt, load  # noqa: E402  (benchmarks/figures.py, beside this script)

from scheduler.solver.anneal import anneal_loop  # noqa: E402
from scheduler.solver.data import prepare  # noqa: E402
from scheduler.solver.greedy import greedy, repair  # noqa: E402
from scheduler.solver.itc2007 import read_ctt  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
REPAIR_S = 10.0  # at most, to place what the greedy start leaves out


def chain(job: tuple[str, float, float, int, float]) -> tuple[int, int]:
    """(best cost, sessions the start left out) of one chain; runs in a worker process."""
    path, t_start, t_end, seed, seconds = job
    instance = read_ctt(path)
    prep = prepare(instance)
    start = greedy(prep, instance.weights, seed=seed)
    start = repair(
        prep, instance.weights, start, seed=seed, deadline=time.monotonic() + REPAIR_S
    )
    out = sum(g.size - len(start[g.index]) for g in prep.groups)
    began = time.monotonic()
    best, _ = anneal_loop(
        prep,
        instance.weights,
        start,
        seed,
        start=began,
        deadline=began + seconds,
        stopped=lambda: False,
        publish=lambda cost, timetable: None,
        better=lambda best: None,
        t_start=t_start,
        t_end=t_end,
    )
    return best, out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instances", default="comp05,comp07")
    parser.add_argument("--schedules", default="2:0.05,4:0.05", help="start:end,…")
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--dir", default=str(ROOT.parent / "shared" / "benchmarks" / "itc2007"))
    args = parser.parse_args(argv)
    names = [n for n in args.instances.split(",") if n]
    schedules = [tuple(map(float, s.split(":"))) for s in args.schedules.split(",") if s]
    seeds = [int(s) for s in args.seeds.split(",") if s]
    jobs = [
        (str(Path(args.dir) / f"{name}.ctt"), t_start, t_end, seed, args.seconds)
        for name in names
        for t_start, t_end in schedules
        for seed in seeds
    ]
    print(f"# one chain per run, {fmt(args.seconds)} s, {args.jobs} at once, seeds {seeds}")
    print(f"# before: {load()}")
    with mp.get_context("spawn").Pool(args.jobs) as pool:
        results = pool.map(chain, jobs, chunksize=1)
    per_run = iter(results)
    for name in names:
        for t_start, t_end in schedules:
            runs = [next(per_run) for _ in seeds]
            costs = [cost for cost, _ in runs]
            out = max(left for _, left in runs)
            note = f"  ({out} sessions still out at the start)" if out else ""
            print(
                f"{name:>8} T {t_start:>4g} → {t_end:<5g} "
                f"{' '.join(f'{c:>5}' for c in costs)}   mean {statistics.mean(costs):7.1f}"
                f"  median {statistics.median(costs):6.1f}{note}",
                flush=True,
            )
    print(f"# after: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
