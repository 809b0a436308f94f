"""{% load form_fields %}: how the shared partial (common/field.html) renders a field.

- `{% field_widget field %}` renders the widget with what assistive technology needs: the
  help text and the errors tied to the field (aria-describedby), aria-invalid on an error.
- `field|is_checklist` is true for a multiple choice with many options: the partial renders
  it as a list of checkboxes (no Ctrl-click), with a filter box that script switches on.
"""

from django import forms, template

register = template.Library()

CHECKLIST_FROM = 8


@register.simple_tag
def field_widget(field):
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
