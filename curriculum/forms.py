"""Forms of the course designer: the course, its current syllabus and every inline row.

`CourseEditor` binds the course form, the syllabus form and the inline formsets together, so the
views handle one object: validate it, list its problems for the live summary, save it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.models import BaseInlineFormSet, inlineformset_factory
from django.forms.utils import ErrorList
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from curriculum.access import faculty_of, is_coordinator
from curriculum.models import (
    AssessmentComponent,
    Competency,
    CompetencyArea,
    Course,
    CourseDiscipline,
    Discipline,
    Faculty,
    Feature,
    Institution,
    LearningOutcome,
    OutcomeCompetency,
    Programme,
    ProgrammeCourse,
    Reading,
    SessionNeed,
    Syllabus,
    WeeklyTopic,
)
from curriculum.validators import (
    LEVEL_HELP,
    assessment_total_problem,
    discipline_shares_problem,
    missing_equipment_problem,
    validate_course_code,
)
from curriculum.widgets import PeoplePicker

LEVEL_CHOICES = [("", "—"), *((i, str(i)) for i in range(1, 7))]


# --- Choices loaded once per request --------------------------------------------------------------


@dataclass
class Catalogue:
    """What the editor's selects offer, loaded once per request rather than once per row."""

    disciplines: list[Discipline]
    competencies: list[Competency]
    features: list[Feature]

    @classmethod
    def load(cls) -> Catalogue:
        return cls(
            disciplines=list(Discipline.objects.all()),
            competencies=list(Competency.objects.select_related("area")),
            features=list(Feature.objects.all()),
        )

    @cached_property
    def room_features(self) -> list[frozenset[int]]:
        """The feature ids of every room and lab in the consortium (one query)."""
        from scheduler.models import Room

        rooms: dict[int, set[int]] = {}
        for room_id, feature_id in Room.features.through.objects.values_list(
            "room_id", "feature_id"
        ):
            rooms.setdefault(room_id, set()).add(feature_id)
        return [frozenset(ids) for ids in rooms.values()]


class PreloadedChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that renders and validates from objects loaded once (see Catalogue)."""

    objects: dict[str, object] | None = None

    def preload(self, objects, groups=None) -> None:
        self.objects = {str(o.pk): o for o in objects}
        options = [(o.pk, self.label_from_instance(o)) for o in objects]
        if groups is not None:
            options = [
                (label, [(o.pk, self.label_from_instance(o)) for o in members])
                for label, members in groups
            ]
        empty = [("", self.empty_label)] if self.empty_label is not None else []
        self.widget.choices = empty + options

    def to_python(self, value):
        if self.objects is None:
            return super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return self.objects[str(getattr(value, "pk", value))]
        except KeyError:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None


class PreloadedMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField that renders and validates from objects loaded once."""

    objects: dict[str, object] | None = None

    def preload(self, objects) -> None:
        self.objects = {str(o.pk): o for o in objects}
        self.widget.choices = [(o.pk, self.label_from_instance(o)) for o in objects]

    def _check_values(self, value):
        if self.objects is None:
            return super()._check_values(value)
        try:
            return [self.objects[str(v)] for v in value]
        except KeyError as missing:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": missing.args[0]},
            ) from None


# --- The course and the syllabus ------------------------------------------------------------------


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = ["code", "title", "title_zh", "credits", "owner", "co_institutions", "faculty"]
        widgets = {
            "co_institutions": forms.CheckboxSelectMultiple(attrs={"class": "checks"}),
            "faculty": PeoplePicker,
            "credits": forms.NumberInput(attrs={"step": "0.5", "min": "0.5"}),
        }
        help_texts = {
            "code": gettext_lazy("Unique across the consortium, e.g. ICV101."),
            "faculty": gettext_lazy("The course team: they edit the course and its syllabus."),
        }
        labels = {"faculty": gettext_lazy("Faculty")}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["faculty"].queryset = Faculty.objects.select_related("institution")
        self.fields["faculty"].label_from_instance = lambda f: f"{f.display_name} ({f.institution})"
        self.fields["co_institutions"].required = False

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip().upper()
        validate_course_code(code)
        taken = Course.objects.filter(code__iexact=code).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(
                _("The code %(code)s is already used by another course of the consortium.")
                % {"code": code},
                code="code_taken",
            )
        return code

    def clean_faculty(self):
        team = self.cleaned_data["faculty"]
        me = faculty_of(self.user) if self.user is not None else None
        if me is not None and not is_coordinator(self.user) and me not in team:
            raise ValidationError(
                _("Keep yourself in the course team; the coordinator can hand a course over."),
                code="not_in_team",
            )
        return team

    def clean(self):
        cleaned = super().clean()
        owner, co = cleaned.get("owner"), cleaned.get("co_institutions")
        if owner is not None and co and owner in co:
            self.add_error(
                "co_institutions",
                _("%(member)s owns the course; co-teaching lists the other members.")
                % {"member": owner},
            )
        return cleaned


class SyllabusForm(forms.ModelForm):
    """The syllabus' own text, and the revision the editor started from (optimistic locking)."""

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    class Meta:
        model = Syllabus
        fields = ["summary", "summary_zh"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}), "summary_zh": forms.Textarea(
            attrs={"rows": 3, "lang": "zh-Hans"}
        )}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revision"].initial = self.instance.revision or 0


# --- Inline rows ----------------------------------------------------------------------------------


class RowForm(forms.ModelForm):
    """An inline row; receives the request's Catalogue to fill its selects without queries."""

    def __init__(self, *args, catalogue: Catalogue, **kwargs):
        super().__init__(*args, **kwargs)
        self.preload(catalogue)

    def preload(self, catalogue: Catalogue) -> None:
        """Fill preloaded selects; rows without any have nothing to do."""


class RowFormSet(BaseInlineFormSet):
    """Inline rows: one blank row to start with when there is none, rows kept in order."""

    row_label = gettext_lazy("Row")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.extra = 0 if len(self.get_queryset()) else 1

    def add_fields(self, form, index):
        """The hidden row id checks against this formset's own rows (already loaded), instead of
        one query per row; an id of another syllabus' row is refused."""
        super().add_fields(form, index)
        name = self._pk_field.name
        field = form.fields[name]
        own = PreloadedChoiceField(
            field.queryset, required=False, widget=field.widget, initial=field.initial
        )
        own.objects = {str(o.pk): o for o in self.get_queryset()}
        form.fields[name] = own

    def live_forms(self) -> list[forms.Form]:
        """Rows that will be saved: not removed, and not blank extra rows."""
        live = []
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form):
                continue
            if form.empty_permitted and not form.has_changed():
                continue
            live.append(form)
        return live

    def is_removed(self, form: forms.Form) -> bool:
        return self.can_delete and self._should_delete_form(form)

    def save_rows(self) -> None:
        self.save()


class DisciplineShareForm(RowForm):
    discipline = PreloadedChoiceField(Discipline.objects.all(), label=gettext_lazy("Discipline"))

    class Meta:
        model = CourseDiscipline
        fields = ["discipline", "share"]
        widgets = {"share": forms.NumberInput(attrs={"min": 1, "max": 100, "class": "num"})}

    def preload(self, catalogue):
        self.fields["discipline"].preload(catalogue.disciplines)


class BaseDisciplineFormSet(RowFormSet):
    row_label = gettext_lazy("Discipline")

    def clean(self):
        live = self.live_forms()
        seen = set()
        for form in live:
            discipline = form.cleaned_data.get("discipline")
            if discipline in seen:
                form.add_error(
                    "discipline",
                    _("%(discipline)s is listed twice.") % {"discipline": discipline},
                )
            seen.add(discipline)
        problem = discipline_shares_problem(
            f.cleaned_data["share"] for f in live if f.cleaned_data.get("share")
        )
        if problem:
            raise ValidationError(problem, code="shares")


class MappingForm(RowForm):
    competency = PreloadedChoiceField(
        Competency.objects.all(), label=gettext_lazy("Competency")
    )
    level = forms.TypedChoiceField(
        label=gettext_lazy("Level"), choices=LEVEL_CHOICES, coerce=int, help_text=LEVEL_HELP
    )

    class Meta:
        model = OutcomeCompetency
        fields = ["competency", "level"]

    def preload(self, catalogue):
        groups = [
            (str(area), list(members))
            for area, members in itertools.groupby(catalogue.competencies, key=lambda c: c.area)
        ]
        self.fields["competency"].preload(catalogue.competencies, groups=groups)


class BaseMappingFormSet(RowFormSet):
    row_label = gettext_lazy("Competency")

    def get_queryset(self):
        # Existing mappings come from the outcome's prefetched cache: no query per outcome.
        if not hasattr(self, "_queryset"):
            if self.instance.pk is None:
                self._queryset = []
            else:
                self._queryset = sorted(self.instance.mappings.all(), key=lambda m: m.pk)
        return self._queryset

    def clean(self):
        seen = set()
        for form in self.live_forms():
            competency = form.cleaned_data.get("competency")
            if competency is not None and competency in seen:
                form.add_error(
                    "competency",
                    _("%(competency)s is mapped twice.") % {"competency": competency},
                )
            seen.add(competency)


MappingFormSet = inlineformset_factory(
    LearningOutcome,
    OutcomeCompetency,
    form=MappingForm,
    formset=BaseMappingFormSet,
    extra=0,
    can_delete=True,
)


class OutcomeForm(RowForm):
    """An outcome and, nested, its competency mappings (prefix `<outcome prefix>-map`)."""

    class Meta:
        model = LearningOutcome
        fields = ["text", "text_zh"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "text_zh": forms.Textarea(attrs={"rows": 2, "lang": "zh-Hans"}),
        }

    def __init__(self, *args, catalogue: Catalogue, **kwargs):
        super().__init__(*args, catalogue=catalogue, **kwargs)
        self.mappings = MappingFormSet(
            self.data if self.is_bound else None,
            instance=self.instance,
            prefix=f"{self.prefix}-map",
            form_kwargs={"catalogue": catalogue},
        )

    def has_changed(self) -> bool:
        return super().has_changed() or self.mappings.has_changed()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("DELETE"):
            return cleaned
        if not self.mappings.is_valid():
            raise ValidationError(_("Check this outcome's competencies."), code="mappings")
        if not self.mappings.live_forms():
            raise ValidationError(
                _("Map this outcome to at least one competency."), code="no_competency"
            )
        return cleaned


class BaseOutcomeFormSet(RowFormSet):
    row_label = gettext_lazy("Outcome")

    def save_rows(self) -> None:
        live = self.live_forms()
        existing = len(self.get_queryset())
        for position, form in enumerate(live):
            if form.instance.pk is None:
                form.instance.position = existing + position
        self.save()
        for form in live:
            form.mappings.instance = form.instance
            form.mappings.save()


class TopicForm(RowForm):
    class Meta:
        model = WeeklyTopic
        fields = ["week", "title", "title_zh", "description"]
        widgets = {
            "week": forms.NumberInput(attrs={"min": 1, "max": 30, "class": "num"}),
            "title_zh": forms.TextInput(attrs={"lang": "zh-Hans"}),
            "description": forms.Textarea(attrs={"rows": 1}),
        }


class AssessmentForm(RowForm):
    class Meta:
        model = AssessmentComponent
        fields = ["name", "name_zh", "weight"]
        widgets = {
            "name_zh": forms.TextInput(attrs={"lang": "zh-Hans"}),
            "weight": forms.NumberInput(attrs={"min": 1, "max": 100, "class": "num"}),
        }


class BaseAssessmentFormSet(RowFormSet):
    row_label = gettext_lazy("Assessment")

    def clean(self):
        problem = assessment_total_problem(
            f.cleaned_data["weight"] for f in self.live_forms() if f.cleaned_data.get("weight")
        )
        if problem:
            raise ValidationError(problem, code="assessment_total")


class ReadingForm(RowForm):
    class Meta:
        model = Reading
        fields = ["citation", "required"]


class SessionNeedForm(RowForm):
    features = PreloadedMultipleChoiceField(
        Feature.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checks"}),
        label=gettext_lazy("Required equipment"),
    )

    class Meta:
        model = SessionNeed
        fields = ["kind", "length", "count", "features"]
        widgets = {
            "length": forms.NumberInput(attrs={"min": 1, "max": 6, "class": "num"}),
            "count": forms.NumberInput(attrs={"min": 1, "max": 10, "class": "num"}),
        }

    def preload(self, catalogue):
        self.fields["features"].preload(catalogue.features)


def _rows(model, form, formset=RowFormSet, parent=Syllabus):
    return inlineformset_factory(
        parent, model, form=form, formset=formset, extra=0, can_delete=True
    )


DisciplineFormSet = _rows(
    CourseDiscipline, DisciplineShareForm, BaseDisciplineFormSet, parent=Course
)
OutcomeFormSet = _rows(LearningOutcome, OutcomeForm, BaseOutcomeFormSet)
class BaseTopicFormSet(RowFormSet):
    row_label = gettext_lazy("Topic")


class BaseReadingFormSet(RowFormSet):
    row_label = gettext_lazy("Reading")


class BaseSessionNeedFormSet(RowFormSet):
    row_label = gettext_lazy("Session need")


TopicFormSet = _rows(WeeklyTopic, TopicForm, BaseTopicFormSet)
AssessmentFormSet = _rows(AssessmentComponent, AssessmentForm, BaseAssessmentFormSet)
ReadingFormSet = _rows(Reading, ReadingForm, BaseReadingFormSet)
SessionNeedFormSet = _rows(SessionNeed, SessionNeedForm, BaseSessionNeedFormSet)


# --- The whole editor -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One line of the live summary: an error blocks saving, a warning does not."""

    level: str  # "error" or "warning"
    message: str


class CourseEditor:
    """The course form, the syllabus form and every inline formset, bound to one request's data."""

    def __init__(
        self,
        data=None,
        *,
        course: Course | None = None,
        syllabus: Syllabus | None = None,
        user=None,
        catalogue: Catalogue | None = None,
    ):
        self.course = course or Course()
        self.syllabus = syllabus or Syllabus()
        self.catalogue = catalogue or Catalogue.load()
        rows = {"form_kwargs": {"catalogue": self.catalogue}}
        self.course_form = CourseForm(data, instance=self.course, prefix="course", user=user)
        self.syllabus_form = SyllabusForm(data, instance=self.syllabus, prefix="syllabus")
        self.disciplines = DisciplineFormSet(
            data, instance=self.course, prefix="disciplines", **rows
        )
        self.outcomes = OutcomeFormSet(
            data,
            instance=self.syllabus,
            prefix="outcomes",
            queryset=LearningOutcome.objects.prefetch_related("mappings"),
            **rows,
        )
        self.topics = TopicFormSet(data, instance=self.syllabus, prefix="topics", **rows)
        self.assessment = AssessmentFormSet(
            data, instance=self.syllabus, prefix="assessment", **rows
        )
        self.readings = ReadingFormSet(data, instance=self.syllabus, prefix="readings", **rows)
        self.session_needs = SessionNeedFormSet(
            data,
            instance=self.syllabus,
            prefix="session_needs",
            queryset=SessionNeed.objects.prefetch_related("features"),
            **rows,
        )
        self._number_rows()

    def _number_rows(self) -> None:
        """Give every row its number as the page shows it (removed rows are hidden)."""
        for formset in self.all_formsets():
            number = 0
            for form in formset.forms:
                form.removed = bool(form.is_bound and form.data.get(f"{form.prefix}-DELETE"))
                number += 0 if form.removed else 1
                form.number = number

    @property
    def formsets(self) -> list[RowFormSet]:
        return [
            self.disciplines,
            self.outcomes,
            self.topics,
            self.assessment,
            self.readings,
            self.session_needs,
        ]

    def all_formsets(self):
        """Every formset, the nested competency mappings of each outcome included."""
        for formset in self.formsets:
            yield formset
            if formset is self.outcomes:
                for form in formset.forms:
                    yield form.mappings

    def all_forms(self):
        """Every form on the page; removed rows (and the mappings of removed outcomes) left out."""
        yield self.course_form
        yield self.syllabus_form
        for formset in self.formsets:
            for form in formset.forms:
                if form.removed:
                    continue
                yield form
                if formset is self.outcomes:
                    yield from (m for m in form.mappings.forms if not m.removed)

    def is_valid(self) -> bool:
        results = [self.course_form.is_valid(), self.syllabus_form.is_valid()]
        results += [formset.is_valid() for formset in self.formsets]
        return all(results)

    def warnings(self) -> list[Problem]:
        """Things worth knowing that do not block saving."""
        found = []
        for form in self.session_needs.live_forms():
            features = (form.cleaned_data or {}).get("features") or []
            problem = missing_equipment_problem(features, self.catalogue.room_features)
            if problem:
                found.append(Problem("warning", _("Session need %(n)s: %(problem)s") % {
                    "n": form.number, "problem": problem
                }))
        if not self.assessment.live_forms():
            found.append(Problem("warning", _("No assessment yet.")))
        return found

    def problems(self, *, live: bool = False) -> list[Problem]:
        """Errors (totals, outcomes without competencies, field errors) and then warnings.

        live: the user is still typing, so empty required fields are not counted yet."""
        self.is_valid()
        found = []
        for formset in self.formsets:
            found += [Problem("error", str(e)) for e in formset.non_form_errors()]
            for form in formset.live_forms():
                for error in form.non_field_errors():
                    found.append(Problem("error", _("%(row)s %(n)s: %(error)s") % {
                        "row": formset.row_label, "n": form.number, "error": error
                    }))
        if fields := self.field_error_count(live=live):
            message = ngettext(
                "%(count)s field needs attention; it is marked below.",
                "%(count)s fields need attention; they are marked below.",
                fields,
            )
            found.append(Problem("error", message % {"count": fields}))
        return found + self.warnings()

    def live_field_errors(self) -> list[tuple[str, ErrorList]]:
        """(container id, errors) for every field, row and row list on the page, for the live
        summary to swap in place. "Required" is left out: the user may still be typing."""
        self.is_valid()
        found = []
        for form in self.all_forms():
            for bound in form.visible_fields():
                if bound.name == "DELETE":
                    continue
                messages = [
                    message
                    for error in form.errors.as_data().get(bound.name, [])
                    if error.code != "required"
                    for message in error.messages
                ]
                errors = ErrorList(messages, field_id=bound.auto_id)
                found.append((f"{bound.auto_id}_errors", errors))
            found.append((f"{form.prefix}-errors", form.non_field_errors()))
        for formset in self.all_formsets():
            found.append((f"{formset.prefix}-errors", formset.non_form_errors()))
        return found

    def field_error_count(self, *, live: bool = False) -> int:
        count = 0
        for form in self.all_forms():
            for name, errors in form.errors.as_data().items():
                if name != "__all__":
                    count += sum(1 for e in errors if not (live and e.code == "required"))
        return count

    def save(self) -> Course:
        """Save the course, the syllabus and every row. The caller holds the transaction."""
        course = self.course_form.save()
        syllabus = self.syllabus_form.save(commit=False)
        if syllabus.pk is None:
            syllabus.course = course
            syllabus.save()
        else:
            syllabus.save(update_fields=["summary", "summary_zh", "revision", "updated_at"])
        self.disciplines.instance = course
        for formset in self.formsets[1:]:
            formset.instance = syllabus
        for formset in self.formsets:
            formset.save_rows()
        return course


# --- Filters and pickers --------------------------------------------------------------------------


def _member_field(empty_label, help_text) -> forms.ModelChoiceField:
    """An optional choice of member institution, for filters."""
    return forms.ModelChoiceField(
        Institution.objects.all(),
        required=False,
        label=gettext_lazy("Member"),
        empty_label=empty_label,
        help_text=help_text,
    )


class CourseFilterForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Search"),
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": gettext_lazy("Code or title")}
        ),
    )
    discipline = forms.ModelChoiceField(
        Discipline.objects.all(),
        required=False,
        label=gettext_lazy("Discipline"),
        empty_label=gettext_lazy("Any discipline"),
    )
    area = forms.ModelChoiceField(
        CompetencyArea.objects.all(),
        required=False,
        label=gettext_lazy("Competency area"),
        empty_label=gettext_lazy("Any area"),
    )
    member = _member_field(gettext_lazy("Any member"), gettext_lazy("Owner or co-teaching"))
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[("", gettext_lazy("Any status")), *Syllabus.Status.choices],
        required=False,
    )

    def filter(self, courses):
        """The courses that match the valid filters (invalid ones are ignored)."""
        data = self.cleaned_data if self.is_bound else {}
        if q := data.get("q", "").strip():
            courses = courses.filter(
                Q(code__icontains=q) | Q(title__icontains=q) | Q(title_zh__icontains=q)
            )
        if discipline := data.get("discipline"):
            courses = courses.filter(
                pk__in=CourseDiscipline.objects.filter(discipline=discipline).values("course")
            )
        if area := data.get("area"):
            courses = courses.filter(
                pk__in=Syllabus.objects.filter(
                    is_current=True, outcomes__mappings__competency__area=area
                ).values("course")
            )
        if member := data.get("member"):
            courses = courses.filter(
                Q(owner=member)
                | Q(pk__in=Course.co_institutions.through.objects.filter(
                    institution=member
                ).values("course"))
            )
        if status := data.get("status"):
            courses = courses.filter(
                pk__in=Syllabus.objects.filter(is_current=True, status=status).values("course")
            )
        return courses


class PrerequisiteForm(forms.Form):
    requires = forms.ModelChoiceField(
        Course.objects.none(),
        label=gettext_lazy("Requires"),
        empty_label=gettext_lazy("Choose a course"),
    )

    def __init__(self, *args, course: Course, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requires"].queryset = candidates.exclude(pk=course.pk).select_related("owner")
        self.fields["requires"].label_from_instance = (
            lambda c: f"{c.code} {c.display_title} ({c.owner})"
        )


class ProgrammeEntryForm(forms.Form):
    programme = forms.ModelChoiceField(
        Programme.objects.all(),
        label=gettext_lazy("Programme"),
        empty_label=gettext_lazy("Choose a programme"),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("as"),
        choices=ProgrammeCourse.Kind.choices,
        initial=ProgrammeCourse.Kind.REQUIRED,
    )


class MatrixFilterForm(forms.Form):
    member = _member_field(
        gettext_lazy("All members"), gettext_lazy("Courses it owns or co-teaches")
    )

