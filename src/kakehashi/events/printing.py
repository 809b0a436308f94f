"""A delegation's agenda as a printable PDF (WeasyPrint; needs Debian's Pango and, for
Japanese, fonts-noto-cjk), written in one reader language (see events/agenda.py)."""

from django.template.loader import render_to_string
from django.utils import translation

from kakehashi.events.agenda import agenda_of


def agenda_pdf(registration, language: str) -> bytes:
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string(
            "events/agenda_print.html", {"agenda": agenda_of(registration, language)}
        )
    return HTML(string=html).write_pdf()
