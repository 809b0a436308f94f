"""A text too long or too short says which field, its limit and how much was typed, in the
reader's language and numbers — not Django's sentence about "this value"."""

import pytest
from django import forms
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class TitleForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    code = forms.CharField(label=_("Code"), min_length=3, required=False)


@pytest.mark.parametrize(
    ("language", "too_long", "too_short"),
    [
        (
            "vi",
            "Tiêu đề tối đa 200 ký tự (bạn đã nhập 10.000).",
            "Mã cần ít nhất 3 ký tự (bạn đã nhập 1).",
        ),
        (
            "ja",
            "名称は200文字以内で入力してください（現在10,000文字）。",
            "コードは3文字以上で入力してください（現在1文字）。",
        ),
        (
            "en",
            "Title: at most 200 characters (you entered 10,000).",
            "Code: at least 3 characters (you entered 1).",
        ),
    ],
)
def test_length_errors_name_the_field_and_the_figures(language, too_long, too_short):
    form = TitleForm({"title": "x" * 10_000, "code": "a"})
    assert not form.is_valid()
    with translation.override(language):
        title = render_to_string("common/field.html", {"field": form["title"]})
        code = render_to_string("common/field.html", {"field": form["code"]})
    assert too_long in title and too_short in code
    assert "this value" not in title + code


def test_other_errors_are_left_as_they_are():
    form = TitleForm({"title": ""})
    assert not form.is_valid()
    with translation.override("en"):
        html = render_to_string("common/field.html", {"field": form["title"]})
    assert "This field is required." in html
