"""Time and peak memory of each export for synthetic timetables of 200, 1,000 and 3,000 sessions.

    .venv/bin/python benchmarks/exports.py [--sizes 200,1000,3000] [--skip-pdf] [--out DIR]

Each export of each size runs in a fresh child process (forked), so one measurement's memory does
not leak into the next: the time is wall-clock, the peak is the child's maximum resident set size
minus what it held when it started. Time per session for each size shows how the time grows; a
flat column means linear growth. This is a script, not a test: it prints figures, it asserts
nothing. With --out, the files are written there (keep them out of the repository).
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import random
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from figures import load  # noqa: E402  (benchmarks/figures.py, beside this script)

from exports.ical import calendar_ics  # noqa: E402
from exports.pdf import timetable_book_pdf  # noqa: E402
from exports.timetable_xlsx import timetable_workbook  # noqa: E402
from scheduler.timetable import Entry, Ref, Slot, Timetable  # noqa: E402

DAYS, PERIODS, MEMBERS, CAMPUSES = 5, 10, 6, 8
KINDS = (("lecture", "Lecture"), ("lab", "Lab"), ("seminar", "Seminar"))


def synthetic_timetable(sessions: int, seed: int = 1) -> Timetable:
    """A consortium-shaped week: ~15 sessions per cohort, ~6 per faculty member, ~18 per room,
    lengths of 1–3 periods, placed greedily without clashes where the grid allows."""
    rng = random.Random(seed)
    slots = tuple(Slot(p, dt.time(8 + p, 0), dt.time(8 + p, 50)) for p in range(PERIODS))
    members = [Ref(m, f"m{m}", f"Member {m}", f"成员{m}") for m in range(1, MEMBERS + 1)]
    campuses = [
        Ref(100 + c, f"c{c}", f"Campus {c}", f"校区{c}", member_id=1 + c % MEMBERS)
        for c in range(CAMPUSES)
    ]
    n_cohorts, n_faculty, n_rooms = (
        max(2, sessions // 15),
        max(2, sessions // 6),
        max(2, sessions // 18),
    )
    cohorts = [
        Ref(1000 + i, f"coh{i}", f"Cohort {i}", f"班级{i}", member_id=1 + i % MEMBERS)
        for i in range(n_cohorts)
    ]
    faculty = [
        Ref(5000 + i, f"f{i}@example.org", f"Dr Teacher {i}", f"教师{i}", member_id=1 + i % MEMBERS)
        for i in range(n_faculty)
    ]
    rooms = [
        (
            Ref(
                9000 + i,
                f"R{i}",
                f"Room {i}",
                f"教室{i}",
                member_id=campuses[i % CAMPUSES].member_id,
            ),
            campuses[i % CAMPUSES],
        )
        for i in range(n_rooms)
    ]
    busy: set[tuple[str, int, int, int]] = set()
    entries = []
    for s in range(sessions):
        course_no = s // 3
        course = Ref(
            20000 + course_no,
            f"ICV{course_no:04d}",
            f"Course {course_no} on vehicle software",
            f"课程{course_no}",
        )
        length = 1 + s % 3
        kind, label = KINDS[s % 3]
        who = [("c", cohorts[s % n_cohorts].id), ("f", faculty[s % n_faculty].id)]
        day, period, (room, campus) = _free(busy, who, rooms, length, rng)
        for key, ident in who + [("r", room.id)]:
            for p in range(period, period + length):
                busy.add((key, ident, day, p))
        entries.append(
            Entry(
                session_id=s + 1,
                course=course,
                kind=kind,
                kind_label=label,
                day=day,
                period=period,
                length=length,
                start=slots[period].start,
                end=slots[period + length - 1].end,
                room=room,
                campus=campus,
                member=members[course_no % MEMBERS],
                faculty=(faculty[s % n_faculty],),
                cohorts=(cohorts[s % n_cohorts],),
            )
        )
    return Timetable(
        term_slug=f"bench-{sessions}",
        term_name=f"Benchmark term ({sessions} sessions)",
        term_name_zh=f"基准学期（{sessions}节）",
        start_date=dt.date(2027, 3, 1),
        weeks=16,
        days=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
        slots=slots,
        holidays=(dt.date(2027, 4, 5), dt.date(2027, 5, 3)),
        timezone="Asia/Shanghai",
        run_id=1,
        run_status="succeeded",
        published=True,
        objective=0,
        penalties={"spread": 0},
        entries=tuple(entries),
        members=tuple(members),
    )


def _free(busy, who, rooms, length, rng):
    """A random (day, period, room) free for the cohort, the teacher and the room; a clash only
    when a few random rooms at every start time are all taken."""
    starts = [(d, p) for d in range(DAYS) for p in range(PERIODS - length + 1)]
    rng.shuffle(starts)

    def free(keys, day, period):
        return all(
            (k, i, day, p) not in busy for k, i in keys for p in range(period, period + length)
        )

    for day, period in starts:
        if not free(who, day, period):
            continue
        for room in rng.sample(rooms, min(8, len(rooms))):
            if free([("r", room[0].id)], day, period):
                return day, period, room
    return (*starts[0], rooms[0])


def all_feeds(tt: Timetable) -> bytes:
    """Every cohort's and faculty member's calendar, as the feed URLs would serve them (each
    request narrows the timetable to its subject in one pass; here they share that pass)."""
    buckets: dict[tuple[str, int], list[Entry]] = {}
    for entry in tt.entries:
        for ref in entry.cohorts:
            buckets.setdefault(("cohort", ref.id), []).append(entry)
        for ref in entry.faculty:
            buckets.setdefault(("faculty", ref.id), []).append(entry)
    return b"".join(
        calendar_ics(
            [replace(tt, entries=tuple(entries))],
            name=f"{subject} {ref_id}",
            subject=subject,
            subject_id=ref_id,
        )
        for (subject, ref_id), entries in buckets.items()
    )


EXPORTS = {
    "workbook (.xlsx)": lambda tt: timetable_workbook(tt),
    "book (.pdf)": lambda tt: timetable_book_pdf(tt),
    "all calendar feeds (.ics)": all_feeds,
    "one cohort feed (.ics)": lambda tt: calendar_ics(
        [tt], name="one", subject="cohort", subject_id=tt.entries[0].cohorts[0].id
    ),
}
SUFFIX = {
    "workbook (.xlsx)": "xlsx",
    "book (.pdf)": "pdf",
    "all calendar feeds (.ics)": "ics",
    "one cohort feed (.ics)": "ics",
}


def _rss_kib() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def _measure(name: str, sessions: int, out: str | None, queue) -> None:
    tt = synthetic_timetable(sessions)
    baseline = _rss_kib()
    started, cpu = time.perf_counter(), time.process_time()
    data = EXPORTS[name](tt)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - baseline
    if out:
        Path(out, f"{sessions}-{name.split()[0]}.{SUFFIX[name]}").write_bytes(data)
    queue.put((elapsed, cpu, max(peak, 0), len(data)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000,3000")
    parser.add_argument("--skip-pdf", action="store_true")
    parser.add_argument("--out", help="write the files into this directory")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.out:
        Path(args.out).mkdir(parents=True, exist_ok=True)
    ctx = mp.get_context("fork")
    print(f"# before: {load()}")
    print(
        f"{'export':26} {'sessions':>8} {'time s':>7} {'cpu s':>7} {'ms/session':>10} "
        f"{'cpu ms/s.':>9} {'peak MiB':>8} {'size KiB':>8}"
    )
    for name in EXPORTS:
        if args.skip_pdf and "pdf" in name:
            continue
        for sessions in sizes:
            queue = ctx.Queue()
            child = ctx.Process(target=_measure, args=(name, sessions, args.out, queue))
            child.start()
            elapsed, cpu, peak_kib, size = queue.get()
            child.join()
            print(
                f"{name:26} {sessions:8d} {elapsed:7.2f} {cpu:7.2f} "
                f"{1000 * elapsed / sessions:10.3f} {1000 * cpu / sessions:9.3f} "
                f"{peak_kib / 1024:8.1f} {size / 1024:8.0f}",
                flush=True,
            )
    print(f"# after: {load()}")


if __name__ == "__main__":
    main()
