"""``{{ violation.message|sentence }}``: an engine sentence in the reader's language."""

from django import template

from scheduler.sentences import rendered

register = template.Library()


@register.filter
def sentence(message: str) -> str:
    return rendered(message)
