"""Forms of the timetabling pages. They validate and return domain values; services act."""

from __future__ import annotations

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from curriculum.access import User, is_coordinator, member_of
from curriculum.models import Campus, Course, Faculty, Feature, Institution
from curriculum.widgets import PeoplePicker
from scheduler import models as m

Mode = m.Run.Mode


def _own_member_only(form: forms.ModelForm, user: User, field: str = "institution") -> None:
    """A scheduling administrator acts for his member: the field is fixed to it."""
    if is_coordinator(user):
        return
    member = member_of(user)
    form.fields[field].queryset = Institution.objects.filter(pk=getattr(member, "pk", None))
    form.fields[field].initial = member
    form.fields[field].empty_label = None


# <input type="date|time"> takes only ISO values: never the active language's format
# (Chinese writes 2027/03/01, which the browser drops, and the saved term lost its dates).
ISO_DATE, ISO_TIME = "%Y-%m-%d", "%H:%M"


class TermForm(forms.ModelForm):
    class Meta:
        model = m.Term
        fields = ["slug", "name", "name_zh", "institution", "start_date", "weeks", "days_per_week"]
        widgets = {"start_date": forms.DateInput(format=ISO_DATE, attrs={"type": "date"})}

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        _own_member_only(self, user)
        if self.instance.pk:
            del self.fields["institution"]

    def clean_start_date(self):
        start = self.cleaned_data["start_date"]
        if start.weekday() != 0:
            raise forms.ValidationError(_("The term starts on a Monday (the first day of week 1)."))
        return start


class PeriodForm(forms.Form):
    start = forms.TimeField(label=_("Starts"), widget=forms.TimeInput({"type": "time"}, ISO_TIME))
    end = forms.TimeField(label=_("Ends"), widget=forms.TimeInput({"type": "time"}, ISO_TIME))

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end <= start:
            raise forms.ValidationError(_("A period ends after it starts."))
        return data


class BasePeriodFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [
            f.cleaned_data for f in self.forms if f.cleaned_data and not self._should_delete_form(f)
        ]
        if not kept:
            raise forms.ValidationError(
                _("A term needs at least one teaching period a day, with its clock times.")
            )
        kept.sort(key=lambda d: d["start"])
        for before, after in zip(kept, kept[1:], strict=False):
            if after["start"] < before["end"]:
                raise forms.ValidationError(
                    _("The periods %(a)s and %(b)s overlap.")
                    % {
                        "a": f"{before['start']:%H:%M}–{before['end']:%H:%M}",
                        "b": f"{after['start']:%H:%M}–{after['end']:%H:%M}",
                    }
                )
        self.periods = [(d["start"], d["end"]) for d in kept]


PeriodFormSet = forms.formset_factory(
    PeriodForm, formset=BasePeriodFormSet, extra=2, can_delete=True
)


class HolidayForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput({"type": "date"}, ISO_DATE))
    name = forms.CharField(label=_("Name"), max_length=100)


class BaseHolidayFormSet(forms.BaseFormSet):
    def __init__(self, *args, first_day=None, last_day=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.first_day, self.last_day = first_day, last_day

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        self.holidays = {}
        for i, form in enumerate(self.forms, start=1):
            data = form.cleaned_data
            if not data or self._should_delete_form(form):
                continue
            day = data["date"]
            if self.first_day and not self.first_day <= day <= self.last_day:
                raise forms.ValidationError(
                    _("Holiday row %(row)d (%(date)s) is outside the term.")
                    % {"row": i, "date": day}
                )
            if day in self.holidays:
                raise forms.ValidationError(
                    _("Holiday row %(row)d: %(date)s is listed twice.") % {"row": i, "date": day}
                )
            self.holidays[day] = data["name"]


HolidayFormSet = forms.formset_factory(
    HolidayForm, formset=BaseHolidayFormSet, extra=1, can_delete=True
)


class RoomForm(forms.ModelForm):
    class Meta:
        model = m.Room
        fields = ["campus", "code", "name", "name_zh", "kind", "capacity", "features", "access"]
        widgets = {"features": forms.CheckboxSelectMultiple}
        labels = {"campus": _("Campus"), "features": _("Equipment")}

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        campuses = Campus.objects.select_related("institution")
        if not is_coordinator(user):
            campuses = campuses.filter(institution=member_of(user))
        self.fields["campus"].queryset = campuses


class LoanForm(forms.ModelForm):
    class Meta:
        model = m.RoomLoan
        fields = ["borrower", "cap_periods_per_week"]
        labels = {"borrower": _("Borrower")}


class BaseLoanFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        seen = set()
        owner = self.instance.campus.institution_id if self.instance.campus_id else None
        for i, form in enumerate(self.forms, start=1):
            data = form.cleaned_data
            if not data or data.get("DELETE"):
                continue
            borrower = data["borrower"]
            if borrower.pk == owner:
                raise forms.ValidationError(
                    _("Loan row %(row)d: the owner does not borrow its own room.") % {"row": i}
                )
            if borrower.pk in seen:
                raise forms.ValidationError(
                    _("Loan row %(row)d: %(member)s is listed twice.")
                    % {"row": i, "member": borrower}
                )
            seen.add(borrower.pk)


LoanFormSet = inlineformset_factory(
    m.Room, m.RoomLoan, form=LoanForm, formset=BaseLoanFormSet, extra=1, can_delete=True
)


class FacultyLimitsForm(forms.ModelForm):
    class Meta:
        model = Faculty
        fields = ["max_periods_per_day", "max_days_per_week", "weekly_load_limit"]

    def clean_max_days_per_week(self):
        days = self.cleaned_data["max_days_per_week"]
        if days is not None and not 1 <= days <= 7:
            raise forms.ValidationError(_("Between 1 and 7 days."))
        return days

    def clean_max_periods_per_day(self):
        periods = self.cleaned_data["max_periods_per_day"]
        if periods is not None and periods < 1:
            raise forms.ValidationError(_("At least one period, or blank for no limit."))
        return periods


class CohortForm(forms.ModelForm):
    class Meta:
        model = m.Cohort
        fields = ["code", "name", "name_zh", "institution", "size", "programme", "courses"]
        widgets = {"courses": forms.CheckboxSelectMultiple}
        labels = {"programme": _("Programme"), "courses": _("Courses")}

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        _own_member_only(self, user)
        self.fields["courses"].queryset = Course.objects.order_by("code")

    def clean_size(self):
        size = self.cleaned_data["size"]
        if size < 1:
            raise forms.ValidationError(_("A cohort has at least one student."))
        return size


class OfferingForm(forms.ModelForm):
    class Meta:
        model = m.Offering
        fields = ["course", "cohorts", "faculty", "expected_size", "min_days"]
        widgets = {
            "cohorts": forms.CheckboxSelectMultiple,
            "faculty": PeoplePicker,
        }
        labels = {"course": _("Course"), "cohorts": _("Cohorts"), "faculty": _("Faculty")}

    def __init__(self, *args, term: m.Term, **kwargs):
        super().__init__(*args, **kwargs)
        self.term = term
        self.instance.term = term
        if self.instance.pk:
            del self.fields["course"]
        else:
            taken = m.Offering.objects.filter(term=term).values("course_id")
            self.fields["course"].queryset = Course.objects.exclude(pk__in=taken)
        self.fields["cohorts"].queryset = m.Cohort.objects.select_related("institution")
        self.fields["faculty"].queryset = Faculty.objects.select_related("institution")

    def clean_faculty(self):
        faculty = self.cleaned_data["faculty"]
        if not faculty:
            raise forms.ValidationError(_("Name at least one faculty member who teaches it."))
        return faculty

    def clean_min_days(self):
        days = self.cleaned_data["min_days"]
        if days > self.term.days_per_week:
            raise forms.ValidationError(
                _("The term has %(days)d teaching days a week.") % {"days": self.term.days_per_week}
            )
        return days


class SessionForm(forms.ModelForm):
    class Meta:
        model = m.Session
        fields = ["kind", "length", "features", "allowed_rooms"]
        widgets = {"features": forms.CheckboxSelectMultiple}
        labels = {"features": _("Equipment"), "allowed_rooms": _("Allowed rooms")}

    def __init__(self, *args, periods: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.periods = periods
        self.fields["features"].queryset = Feature.objects.all()
        self.fields["allowed_rooms"].queryset = m.Room.objects.all()
        self.fields["allowed_rooms"].required = False

    def clean_length(self):
        length = self.cleaned_data["length"]
        if self.periods and length > self.periods:
            raise forms.ValidationError(
                _("A day has %(periods)d periods.") % {"periods": self.periods}
            )
        return length


class BaseSessionFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, periods: int = 0, **kwargs):
        self.periods = periods
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "periods": self.periods}

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        for i, form in enumerate(self.forms, start=1):
            data = form.cleaned_data
            if not (data and data.get("DELETE") and form.instance.pk):
                continue
            published = m.Assignment.objects.filter(
                session=form.instance, run__publications__isnull=False
            )
            if published.exists():
                raise forms.ValidationError(
                    _(
                        "Session row %(row)d is in a published timetable; it cannot be "
                        "removed (change it instead)."
                    )
                    % {"row": i}
                )


SessionFormSet = inlineformset_factory(
    m.Offering, m.Session, form=SessionForm, formset=BaseSessionFormSet, extra=1, can_delete=True
)


class GenerateForm(forms.Form):
    mode = forms.ChoiceField(label=_("Mode"), choices=Mode.choices, initial=Mode.FRESH)
    time_limit_s = forms.IntegerField(
        label=_("Time limit (s)"), min_value=1, max_value=3600, initial=60
    )
    seed = forms.IntegerField(label=_("Seed"), min_value=0, max_value=2**31 - 1, initial=0)
    reference = forms.ModelChoiceField(
        label=_("Stay close to"),
        queryset=m.Run.objects.none(),
        required=False,
        empty_label=_("the published timetable"),
        help_text=_("Minimal change only."),
    )

    def __init__(self, *args, term: m.Term, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reference"].queryset = m.Run.objects.filter(
            term=term,
            status__in=(m.Run.Status.SUCCEEDED, m.Run.Status.CANCELLED),
            objective__isnull=False,
        )
        self.fields["reference"].label_from_instance = lambda run: _("Run %(id)d") % {"id": run.pk}


class MoveForm(forms.Form):
    """Where to move a session: a day, a first period and a room of the term."""

    day = forms.TypedChoiceField(label=_("Day"), coerce=int)
    period = forms.TypedChoiceField(label=_("Period"), coerce=int)
    room = forms.ModelChoiceField(label=_("Room"), queryset=m.Room.objects.none())

    def __init__(self, *args, term: m.Term, periods, session: m.Session, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        self.periods = list(periods)
        self.fields["day"].choices = [(d, term.day_name(d)) for d in range(term.days_per_week)]
        self.fields["period"].choices = [
            (p.index, f"{p.index + 1} ({p.start:%H:%M})") for p in self.periods
        ]
        self.fields["room"].queryset = m.Room.objects.select_related("campus")

    def clean(self):
        data = super().clean()
        period = data.get("period")
        if period is not None and period + self.session.length > len(self.periods):
            raise forms.ValidationError(
                _("A %(length)d-period session starting in period %(period)d runs past the day.")
                % {"length": self.session.length, "period": period + 1}
            )
        return data
