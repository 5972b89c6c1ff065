"""The engine on the ITC2007 Track 3 instances: cost per seed, spread, and how it gets there.

    .venv/bin/python benchmarks/itc2007.py [--instances comp01,comp05] [--seeds 0,1,2,3,4]
        [--time-limit 156] [--workers 2] [--dir ../shared/benchmarks/itc2007]

For each instance and seed it solves with the same settings (none depends on the instance),
checks the timetable with validate.py, and prints the cost, the hard violations, the time to the
first feasible timetable and the cost reached at 30, 60 and 156 seconds (from the progress
callback); then per instance the mean and median beside the reference results of the folder's
README. The machine's load average is printed before and after: other work on the machine slows
the engine down. This is a script, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from figures import fmt, load  # noqa: E402  (benchmarks/figures.py, beside this script)

from scheduler.solver.instance import Progress  # noqa: E402
from scheduler.solver.itc2007 import format_solution, read_ctt  # noqa: E402
from scheduler.solver.solve import solve  # noqa: E402
from scheduler.solver.validate import validate  # noqa: E402

DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "shared/benchmarks/itc2007"
INSTANCES = ("comp01", "comp02", "comp03", "comp04", "comp05", "comp06", "comp07")
# From the README: best known; competition winner's mean; best 2012-2014 mean.
REFERENCE = {
    "comp01": (5, 5.0, 5.0),
    "comp02": (24, 61.3, 36.4),
    "comp03": (64, 94.8, 72.8),
    "comp04": (35, 42.8, 35.2),
    "comp05": (284, 343.5, 306.3),
    "comp06": (27, 56.8, 45.3),
    "comp07": (6, 33.9, 12.0),
}
CHECKPOINTS = (30.0, 60.0, 156.0)
SHORT = {"room_capacity": "cap", "min_days": "days", "isolated": "iso", "room_stability": "stab"}


def cost_at(trace: list[Progress], seconds: float) -> int | None:
    reached = [p.objective for p in trace if p.elapsed_s <= seconds]
    return reached[-1] if reached else None


def run(path: Path, seed: int, args: argparse.Namespace) -> dict[str, object]:
    instance = read_ctt(path)
    trace: list[Progress] = []
    started = time.monotonic()
    solution = solve(
        instance,
        time_limit_s=args.time_limit,
        num_workers=args.workers,
        seed=seed,
        on_progress=trace.append,
    )
    wall = time.monotonic() - started
    report = validate(instance, solution.placements)
    if args.out:
        out = Path(args.out) / f"{path.stem}-seed{seed}.sol"
        out.write_text(format_solution(instance, solution.placements))
    return {
        "cost": report.cost if solution.placements else None,
        "hard": report.hard_count,
        "status": solution.status.value,
        "first": trace[0].elapsed_s if trace else None,
        "at": [cost_at(trace, t) for t in CHECKPOINTS],
        "penalties": report.penalties,
        "wall": wall,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instances", default=",".join(INSTANCES))
    parser.add_argument("--seeds", default="0,1,2,3,4")
    parser.add_argument("--time-limit", type=float, default=156.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dir", default=str(DEFAULT_DIR))
    parser.add_argument("--out", help="write each solution here")
    args = parser.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]
    names = [n.strip() for n in args.instances.split(",") if n.strip()]
    print(f"# ITC2007 Track 3, {args.time_limit:.0f} s, {args.workers} workers, seeds {seeds}")
    print(f"# before: {load()}")
    summary = []
    for name in names:
        path = Path(args.dir) / f"{name}.ctt"
        results = []
        for seed in seeds:
            r = run(path, seed, args)
            results.append(r)
            at = " ".join(f"{fmt(v):>5}" for v in r["at"])  # type: ignore[union-attr]
            rules = " ".join(
                f"{SHORT.get(k, k)}={v}"
                for k, v in r["penalties"].items()  # type: ignore[union-attr]
                if v
            )
            print(
                f"{name} seed {seed}: cost {fmt(r['cost']):>5}  hard {r['hard']}  "
                f"first {fmt(r['first'])}s  at 30/60/156 s: {at}  ({rules})  [{load()}]",
                flush=True,
            )
        costs = [r["cost"] for r in results if r["cost"] is not None]
        summary.append((name, results, costs))
    print()
    print(f"# after: {load()}")
    header = (
        f"{'instance':9} {'costs per seed':32} {'mean':>7} {'median':>7} {'hard':>5} "
        f"{'first s':>8} {'best':>5} {'winner':>7} {'2012-14':>8}"
    )
    print(header)
    for name, results, costs in summary:
        best, winner, later = REFERENCE.get(name, (None, None, None))
        mean = statistics.mean(costs) if costs else None
        median = statistics.median(costs) if costs else None
        firsts = [r["first"] for r in results if r["first"] is not None]
        hard = sum(int(r["hard"]) for r in results)  # type: ignore[call-overload]
        print(
            f"{name:9} {' '.join(fmt(c) for c in costs):32} {fmt(mean):>7} {fmt(median):>7} "
            f"{hard:>5} {fmt(max(firsts) if firsts else None):>8} {fmt(best):>5} "
            f"{fmt(winner):>7} {fmt(later):>8}"
        )


if __name__ == "__main__":
    main()
