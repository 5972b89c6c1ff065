"""Form widgets shared by the curriculum and scheduler forms."""

from __future__ import annotations

from django import forms
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _


class PeoplePicker(forms.CheckboxSelectMultiple):
    """Faculty as checkboxes grouped by member institution, the chosen ones first in a group of
    their own, in columns. ``static/js/picker.js`` adds a box that filters the names; without
    JavaScript every checkbox shows and the form posts the same ids.

    The choices must come from a queryset of ``Faculty`` with its ``institution`` selected."""

    template_name = "_people_picker.html"

    def optgroups(self, name, value, attrs=None):
        chosen, members = [], {}
        for index, (option_value, label) in enumerate(self.choices):
            person = getattr(option_value, "instance", None)  # None: choices set by hand
            member = person.institution.display_name if person is not None else ""
            selected = str(option_value) in value
            option = self.create_option(
                name, option_value, person.display_name if person else label, selected, index,
                attrs=attrs,
            )
            option["names"] = f"{person.name} {person.name_zh}" if person else str(label)
            if selected:
                option["label"] = f"{option['label']} ({member})" if member else option["label"]
                chosen.append(option)
            else:
                members.setdefault(member, []).append(option)
        groups = [(_("Chosen"), chosen, "chosen")] if chosen else []
        groups += [(member, members[member], "member") for member in sorted(members)]
        return groups

    def _render(self, template_name, context, renderer=None):
        # The project's template engine (templates/), not the form renderer's own directories.
        return mark_safe(render_to_string(template_name, context))
