from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

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
            "A CSV file (UTF-8) or an Excel workbook (.xlsx) of at most %(limit)s and "
            "%(rows)s rows."
        ) % {
            "limit": filesizeformat(max_bytes),
            "rows": number_format(max_rows, force_grouping=True),
        }
        self.fields["file"].widget.attrs["accept"] = ".csv,.xlsx"
