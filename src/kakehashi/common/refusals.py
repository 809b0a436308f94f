"""How a page tells a service's refusal (a ValidationError): once, here.

- on a form, `add_refusal`: each error keyed by a field beside that field (a key the form has
  no field for above the form), an error keyed by nothing beside the page's chosen field
  (the file of an upload, say) or above the form;
- as a message at the top of the next page, `tell_refusal`: its sentences one after the
  other (`refusal_text`)."""

from django.contrib import messages
from django.core.exceptions import ValidationError


def add_refusal(form, error: ValidationError, *, field: str | None = None) -> None:
    """Put `error` on `form`: keyed errors on their fields (unknown keys on the whole form),
    an unkeyed one on `field` when the form has it, else on the whole form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
        return
    form.add_error(field if field in form.fields else None, error)


def refusal_text(error: ValidationError) -> str:
    """The refusal as one message: its sentences, separated by a space."""
    return " ".join(error.messages)


def tell_refusal(request, error: ValidationError) -> None:
    """Say the refusal at the top of the next page (as an error message)."""
    messages.error(request, refusal_text(error))
