"""{% load form_fields %}: how the shared partial (common/field.html) renders a field.

- `{% field_widget field %}` renders the widget with what assistive technology needs: the
  help text and the errors tied to the field (aria-describedby), aria-invalid on an error.
- `field|is_checklist` is true for a multiple choice with many options: the partial renders
  it as a list of checkboxes (no Ctrl-click), with a filter box that script switches on.
- `field|field_errors` is the field's errors, where a text too long or too short says which
  field, its limit and how much was typed, in the reader's numbers ("Tiêu đề tối đa 200 ký tự
  (bạn đã nhập 10.000).") instead of Django's sentence about "this value".
"""

from django import forms, template
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from kakehashi.common.formats import format_number

register = template.Library()

CHECKLIST_FROM = 8


LENGTH_MESSAGES = {
    "max_length": _("%(field)s: at most %(limit)s characters (you entered %(count)s)."),
    "min_length": _("%(field)s: at least %(limit)s characters (you entered %(count)s)."),
}

# Django's "no choice" line; in a list the reader reads a dash, in every language.
DJANGO_EMPTY_LABEL = "---------"


@register.simple_tag
def field_widget(field):
    # This form's own copy of the field is changed, never the form class's.
    if getattr(field.field, "empty_label", None) == DJANGO_EMPTY_LABEL:
        field.field.empty_label = "—"
    elif isinstance(field.field, forms.ChoiceField) and not hasattr(field.field, "queryset"):
        choices = list(field.field.choices)
        if any(label == DJANGO_EMPTY_LABEL for _value, label in choices):
            field.field.choices = [
                (value, "—" if label == DJANGO_EMPTY_LABEL else label) for value, label in choices
            ]
    attrs = {}
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_help")
    if field.errors:
        described.append(f"{field.auto_id}_errors")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if is_file(field):
        # Hidden from sight, not from the keyboard: the translated button and status of
        # common/field.html stand in for the browser's own English ones.
        attrs["class"] = "file-native"
    return field.as_widget(attrs=attrs)


@register.filter
def is_checklist(field) -> bool:
    widget = field.field.widget
    if not isinstance(widget, forms.SelectMultiple) or isinstance(
        widget, forms.CheckboxSelectMultiple
    ):
        return False
    return len(getattr(field.field, "choices", ())) >= CHECKLIST_FROM


@register.filter
def is_file(field) -> bool:
    return isinstance(field.field.widget, forms.FileInput)


@register.filter
def is_multiple_file(field) -> bool:
    return is_file(field) and getattr(field.field.widget, "allow_multiple_selected", False)


@register.filter
def is_checkbox(field) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.filter
def field_errors(field) -> ErrorList:
    messages = list(field.errors)
    raised = field.form.errors.as_data().get(field.name, [])
    if len(raised) != len(messages):
        return field.errors
    for position, error in enumerate(raised):
        params = error.params or {}
        if error.code in LENGTH_MESSAGES and {"limit_value", "show_value"} <= params.keys():
            messages[position] = LENGTH_MESSAGES[error.code] % {
                "field": field.label,
                "limit": format_number(params["limit_value"]),
                "count": format_number(params["show_value"]),
            }
    return ErrorList(messages)
