"""What the benchmark scripts print alike: the machine's load and figures that may be missing."""

from __future__ import annotations

import os


def load() -> str:
    """The load average: other work on the machine slows what is measured."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def fmt(value: object) -> str:
    """A figure for a table: '-' when missing, one decimal for seconds."""
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)
