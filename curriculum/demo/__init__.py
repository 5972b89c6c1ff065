"""The demo consortium: fictional members in Chongqing with realistic shapes (see DOMAIN.md).

The data lives in readable Python structures (`consortium`, `courses`, `reviews`, `term`);
`loader.load()` writes it idempotently; `python manage.py load_demo` is the command. Facts other
code and tests rely on are named here.
"""

from curriculum.demo.consortium import FIRM_A, FIRM_B, FIRST_UNIVERSITY, SECOND_UNIVERSITY, USERS
from curriculum.demo.loader import load
from curriculum.demo.term import TERM_SLUG

DEFAULT_PASSWORD = "icv-demo-2026"

__all__ = [
    "DEFAULT_PASSWORD",
    "FIRM_A",
    "FIRM_B",
    "FIRST_UNIVERSITY",
    "SECOND_UNIVERSITY",
    "TERM_SLUG",
    "USERS",
    "load",
]
