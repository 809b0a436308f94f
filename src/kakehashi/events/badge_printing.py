"""The event day's PDFs (WeasyPrint, like the agenda in events/printing.py): badges (A6, one
per page, or four to an A4 sheet), table cards and the room overview, each written in one
reader language.

A badge's QR code (segno) carries the badge's token and nothing else; it is embedded as a
PNG drawn at a whole number of pixels per module and shown without smoothing, so that it
prints sharp and can be read back from the PDF."""

import contextlib

import segno
from django.template.loader import render_to_string
from django.utils import timezone, translation

from kakehashi.events.checkin import badge_cards
from kakehashi.events.table_cards import room_overview, table_cards

LAYOUTS = ("a6", "a4")


def qr_data_uri(token: str) -> str:
    """The QR code of a token as a PNG data: URI (10 pixels a module, the quiet zone of 4
    modules that readers need)."""
    return segno.make_qr(token, error="m").png_data_uri(scale=10, border=4)


def _html(template: str, context: dict, language: str, event) -> str:
    return render_to_string(template, {**context, "language": language, "event": event})


@contextlib.contextmanager
def _writing(language: str, event):
    """A document's reads and template in its reader's language (role names and localities
    are words of that language too) and in the event's time zone."""
    with translation.override(language), timezone.override(event.time_zone):
        yield


def as_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def badges_html(event, badges, language: str, layout: str = "a6") -> str:
    """The badges (loaded with `checkin.badges_to_print`) as the HTML that `badges_pdf`
    prints, in `language`."""
    layout = layout if layout in LAYOUTS else "a6"
    with _writing(language, event):
        cards = badge_cards(badges, language)
        for card in cards:
            card.qr = qr_data_uri(card.badge.token)
        sheets = [cards[i : i + 4] for i in range(0, len(cards), 4)] if layout == "a4" else []
        context = {"cards": cards, "sheets": sheets, "layout": layout}
        return _html("events/badges_print.html", context, language, event)


def badges_pdf(event, badges, language: str, layout: str = "a6") -> bytes:
    return as_pdf(badges_html(event, badges, language, layout))


def table_cards_html(event, language: str) -> str:
    with _writing(language, event):
        cards = table_cards(event, language)
        return _html("events/table_cards_print.html", {"cards": cards}, language, event)


def table_cards_pdf(event, language: str) -> bytes:
    return as_pdf(table_cards_html(event, language))


def room_overview_html(event, language: str) -> str:
    with _writing(language, event):
        overview = room_overview(event, language)
        return _html("events/room_overview_print.html", {"overview": overview}, language, event)


def room_overview_pdf(event, language: str) -> bytes:
    return as_pdf(room_overview_html(event, language))
