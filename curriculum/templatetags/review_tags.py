"""Template tags of the review workflow."""

from django import template

from curriculum.models import Syllabus

register = template.Library()


@register.simple_tag(takes_context=True)
def review_panel(context, syllabus: Syllabus) -> dict:
    """The status panel's data for the signed-in user (see views.reviews.panel_context).

    The page that includes ``_syllabus_review_panel.html`` has already checked that the user may
    see the syllabus; the panel only offers what the workflow lets this user do.
    """
    from curriculum.views.reviews import panel_context

    return panel_context(context["request"].user, syllabus)
