"""The shared upload steps: a service's refusal lands on the right field of the form."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kakehashi.common.uploads import accept_upload

PDF = b"%PDF-1.4\n%%EOF\n"


class UploadForm(forms.Form):
    title = forms.CharField(max_length=200)
    file = forms.FileField()


def form(title="Scan"):
    return UploadForm({"title": title}, {"file": SimpleUploadedFile("scan.pdf", PDF)})


def refusing(error):
    def store(*, title, upload):
        raise error

    return store


def test_the_title_and_file_reach_the_service():
    received = []

    assert accept_upload(form(), lambda **given: received.append(given)) is True
    assert [(given["title"], given["upload"].name) for given in received] == [("Scan", "scan.pdf")]


def test_an_invalid_form_reaches_no_service():
    received = []
    invalid = form(title="")

    assert accept_upload(invalid, lambda **given: received.append(given)) is False
    assert received == []
    assert list(invalid.errors) == ["title"]


def test_a_refusal_without_a_field_goes_to_the_file():
    refused = form()

    stored = accept_upload(refused, refusing(ValidationError("Not a PDF.", code="file_type")))

    assert stored is False
    assert refused.errors == {"file": ["Not a PDF."]}


def test_a_refusal_naming_fields_goes_to_those_fields():
    refused = form()
    error = ValidationError({"title": ["Give it a title."], "obstacle": ["It is closed."]})

    assert accept_upload(refused, refusing(error)) is False
    assert refused.errors == {"title": ["Give it a title."], "__all__": ["It is closed."]}
