"""The browser tab's title: "<page> · ICV Curriculum Planner" on every page (base.html)."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


@register.filter(is_safe=True)
def page_title(page: str) -> str:
    """The page's own title (its ``{% block title %}``, already escaped) and the product's name;
    the name alone for a page without a title."""
    product = conditional_escape(_("ICV Curriculum Planner"))
    page = conditional_escape(page).strip()
    return mark_safe(f"{page} · {product}" if page else product)
