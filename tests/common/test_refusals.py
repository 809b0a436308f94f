"""A service's refusal, told the one way every page tells it."""

from django import forms
from django.core.exceptions import ValidationError

from kakehashi.common.refusals import add_refusal, refusal_text


class NoteForm(forms.Form):
    title = forms.CharField(max_length=200)
    body = forms.CharField()


def bound():
    form = NoteForm({"title": "A", "body": "B"})
    assert form.is_valid()
    return form


def test_a_keyed_refusal_goes_to_its_fields_and_an_unknown_key_above_the_form():
    form = bound()

    add_refusal(form, ValidationError({"body": ["Too short."], "thread": ["It is closed."]}))

    assert form.errors == {"body": ["Too short."], "__all__": ["It is closed."]}


def test_an_unkeyed_refusal_goes_to_the_chosen_field():
    form = bound()

    add_refusal(form, ValidationError("Too short."), field="body")

    assert form.errors == {"body": ["Too short."]}


def test_an_unkeyed_refusal_goes_above_the_form_without_a_field_or_with_an_unknown_one():
    plain, unknown = bound(), bound()

    add_refusal(plain, ValidationError("Closed."))
    add_refusal(unknown, ValidationError("Closed."), field="attachments")

    assert plain.errors == {"__all__": ["Closed."]}
    assert unknown.errors == {"__all__": ["Closed."]}


def test_the_refusal_as_one_message():
    error = ValidationError(["It is closed.", "Ask its owner."])

    assert refusal_text(error) == "It is closed. Ask its owner."
