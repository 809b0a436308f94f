"""A delegation's agenda as a printable PDF (WeasyPrint; needs Debian's Pango and, for
Japanese, fonts-noto-cjk)."""

from django.template.loader import render_to_string


def agenda_pdf(event, registration, meetings) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "events/agenda_print.html",
        {"event": event, "registration": registration, "agenda": meetings},
    )
    return HTML(string=html).write_pdf()
