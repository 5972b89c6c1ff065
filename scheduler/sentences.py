"""Engine sentences in the reader's language.

The engine writes English ``Text`` values (scheduler/solver/messages.py). Runs store each one as
its English "message", kept for old readers and ``manage.py solve``, plus its structured "text";
pages and exports render the text in the active language. Rows stored before "text" existed show
their message as it is.
"""

from __future__ import annotations

from django.utils.translation import gettext

from scheduler.solver.messages import Text


def stored(message: str) -> dict:
    """The JSON kept for an engine sentence: its English and, when it has one, its structure."""
    if isinstance(message, Text):
        return {"message": str(message), "text": message.to_json()}
    return {"message": message}


def rendered(message: str) -> str:
    """An engine sentence (or any plain string) in the active language."""
    return message.render(gettext) if isinstance(message, Text) else message


def rendered_stored(item: dict) -> str:
    """A stored violation, conflict or problem's sentence in the active language."""
    text = item.get("text")
    if text:
        try:
            return Text.from_json(text).render(gettext)
        except (KeyError, ValueError, TypeError):  # a row this version cannot read
            pass
    return item.get("message", "")
