"""The engine on generated consortium instances of growing size: first timetable, cost, memory.

    .venv/bin/python benchmarks/scale.py [--sizes 100,300,1000,3000] [--time-limit 60]
        [--workers 2] [--seed 0]

For each size, a seeded consortium instance (scheduler/solver/generate.py: several members and
campuses with travel times, shared faculty, cohorts of several members, multi-period labs that
need equipment, lent labs with caps) is solved in a fresh child process, so each measurement's
memory is its own. It prints the instance's shape, the time to the first feasible timetable (the
first progress report), the cost at 10, 30 and 60 seconds and at the end, the hard violations
validate.py finds, and peak resident memory: of the solving process, of the largest annealing
process it started, and their sum (an upper bound of the run's peak with the default two workers;
with more, one such process runs per extra worker). A size whose process fails prints a line
saying so. The load average before and after is printed too. A script, not a test: it prints
figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path
from queue import Empty

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from figures import fmt, load  # noqa: E402  (benchmarks/figures.py, beside this script)

CHECKPOINTS = (10.0, 30.0, 60.0)


def measure(size: int, seed: int, time_limit: float, workers: int, out: mp.Queue) -> None:
    """Child process: generate, solve, validate; put the figures on the queue."""
    from scheduler.solver.generate import generate
    from scheduler.solver.solve import solve
    from scheduler.solver.validate import validate

    started = time.monotonic()
    instance = generate(size, seed=seed)
    generated = time.monotonic() - started
    trace = []
    solution = solve(
        instance,
        time_limit_s=time_limit,
        num_workers=workers,
        seed=seed,
        on_progress=trace.append,
    )
    report = validate(instance, solution.placements)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out.put(
        {
            "sessions": sum(len(c.sessions) for c in instance.courses),
            "rooms": len(instance.rooms),
            "faculty": len(instance.faculty),
            "cohorts": len(instance.cohorts),
            "campuses": len(instance.campuses),
            "generated": generated,
            "status": solution.status.value,
            "first": trace[0].elapsed_s if trace else None,
            "at": [
                next((p.objective for p in reversed(trace) if p.elapsed_s <= t), None)
                for t in CHECKPOINTS
            ],
            "final": solution.objective,
            "hard": report.hard_count,
            # ru_maxrss is in KiB on Linux. The children's figure is the largest annealing
            # process (one with the default two workers); own + child bounds the run's peak
            # from above, as the two need not peak at the same moment.
            "own_mb": own / 1024,
            "child_mb": children / 1024,
            "elapsed": solution.elapsed_s,
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,300,1000,3000")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    context = mp.get_context("spawn")
    print(
        f"# consortium instances, {args.time_limit:.0f} s, {args.workers} workers, seed {args.seed}"
    )
    print(f"# before: {load()}")
    print(
        f"{'asked':>6} {'sessions':>8} {'rooms':>5} {'faculty':>7} {'cohorts':>7} "
        f"{'campuses':>8} {'status':>9} {'first s':>8} {'@10s':>7} {'@30s':>7} {'@60s':>7} "
        f"{'final':>7} {'hard':>4} {'own MB':>6} {'chain MB':>8} {'≤ MB':>7}"
    )
    for size in sizes:
        queue: mp.Queue = context.Queue()
        child = context.Process(
            target=measure, args=(size, args.seed, args.time_limit, args.workers, queue)
        )
        child.start()
        try:
            figures = queue.get(timeout=args.time_limit + 600)
        except Empty:
            child.kill()
            print(f"{size:>6} no figures: the measuring process failed (exit {child.exitcode})")
            continue
        finally:
            child.join()
        at = figures["at"]
        print(
            f"{size:>6} {figures['sessions']:>8} {figures['rooms']:>5} {figures['faculty']:>7} "
            f"{figures['cohorts']:>7} {figures['campuses']:>8} {figures['status']:>9} "
            f"{fmt(figures['first']):>8} {fmt(at[0]):>7} {fmt(at[1]):>7} {fmt(at[2]):>7} "
            f"{fmt(figures['final']):>7} {figures['hard']:>4} {figures['own_mb']:>6.0f} "
            f"{figures['child_mb']:>8.0f} {figures['own_mb'] + figures['child_mb']:>7.0f}",
            flush=True,
        )
    print(f"# after: {load()}")


if __name__ == "__main__":
    main()
