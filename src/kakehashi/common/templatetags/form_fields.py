"""{% load form_fields %}: how the shared partial (common/field.html) renders a field.

- `{% field_widget field %}` renders the widget with what assistive technology needs: the
  help text and the errors tied to the field (aria-describedby), aria-invalid on an error.
- `field|is_checklist` is true for a multiple choice with many options: the partial renders
  it as a list of checkboxes (no Ctrl-click), with a filter box that script switches on.
"""

from django import forms, template

register = template.Library()

CHECKLIST_FROM = 8


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
def is_checkbox(field) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)
