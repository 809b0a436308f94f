from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from kakehashi.common.text_encodings import encoding_choices
from kakehashi.transfer.kinds import TransferKind


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("What the file holds"), choices=TransferKind.choices)
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, kinds: list[str], max_bytes: int, max_rows: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (value, label) for value, label in TransferKind.choices if value in kinds
        ]
        self.fields["file"].help_text = _(
            "A CSV file or an Excel workbook (.xlsx) of at most %(limit)s and %(rows)s rows. "
            "A CSV file may be in UTF-8, UTF-16, Shift_JIS, EUC-JP or Windows-1258: the "
            "encoding is detected, and you can change it on the next page."
        ) % {
            "limit": filesizeformat(max_bytes),
            "rows": number_format(max_rows, force_grouping=True),
        }
        self.fields["file"].widget.attrs["accept"] = ".csv,.xlsx"


class EncodingForm(forms.Form):
    """The encoding to read a CSV file of an import in again."""

    encoding = forms.ChoiceField(label=_("Encoding of the file"), choices=encoding_choices)
