"""The filters of a list page, read from its link.

A value the list does not know (a place that is not in the directory, a sector or a kind that
does not exist: an old, shortened or hand-edited link) is left out, so that the form, which
shows "all" for it, tells the truth about the rows below it, and the page says in the
reader's language what was left out. An empty list that the form cannot explain would leave
the reader guessing. The API, whose clients are programs, refuses such values instead.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import TypeVar

from django.utils.translation import gettext_lazy as _

T = TypeVar("T")

MAX_SHOWN = 60  # characters of the unknown value repeated on the page

# One whole sentence per filter.
LEFT_OUT = {
    "locality": _(
        "The link asks for a place that is not in the directory (“%(value)s”): "
        "the list shows every place."
    ),
    # A place in the directory that the list's select does not offer (a city of Japan, a
    # former unit of Vietnam): the form could not show it as chosen.
    "offered_locality": _(
        "The link asks for a place this list does not filter by (“%(value)s”): the list "
        "filters by the provinces and cities of Vietnam and the prefectures of Japan, and "
        "shows every place."
    ),
    "sector": _(
        "The link asks for a sector that does not exist (“%(value)s”): the list shows every sector."
    ),
    "kind": _(
        "The link asks for a kind that does not exist (“%(value)s”): the list shows every kind."
    ),
    "country": _(
        "The link asks for a country the platform does not cover (“%(value)s”): "
        "the list shows both countries."
    ),
    "status": _(
        "The link asks for a status that does not exist (“%(value)s”): the list shows every status."
    ),
    "partnership": _(
        "The link asks for a form of cooperation that does not exist (“%(value)s”): "
        "the list shows every form of cooperation."
    ),
}


class ListFilters:
    """The values of a list's filters in `query` (request.GET), and the notices of those left
    out (`notices`, for the page: common/filter_notices.html)."""

    def __init__(self, query):
        self.query = query
        self.notices: list[str] = []

    def raw(self, key: str) -> str:
        return self.query.get(key, "").strip()

    def chosen(self, key: str, known: Collection[str]) -> str:
        """The value of `key` if it is one of `known`, else "" (with a notice)."""
        value = self.raw(key)
        if value and value not in known:
            self.left_out(key, value)
            return ""
        return value

    def found(self, key: str, lookup: Callable[[str], T | None]) -> T | None:
        """What `lookup` finds for the value of `key` (a place by its slug), None if there is
        no value or it finds nothing (with a notice)."""
        value = self.raw(key)
        if not value:
            return None
        found = lookup(value)
        if found is None:
            self.left_out(key, value)
        return found

    def offered(
        self, key: str, offered: Mapping[str, T], lookup: Callable[[str], object | None]
    ) -> T | None:
        """The one of `offered` (the choices of the form's select, by value) that the value of
        `key` names, else None with a notice: a value the select cannot show as chosen is left
        out, whether `lookup` finds it elsewhere (a place the list does not filter by) or not
        (a place not in the directory)."""
        value = self.raw(key)
        if not value:
            return None
        if value in offered:
            return offered[value]
        self.left_out(f"offered_{key}" if lookup(value) is not None else key, value)
        return None

    def left_out(self, key: str, value: str) -> None:
        self.notices.append(LEFT_OUT[key] % {"value": value[:MAX_SHOWN]})
