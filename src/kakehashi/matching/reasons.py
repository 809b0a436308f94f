"""The engine's reasons as sentences in the reader's language.

The engine gives each reason a code and plain parameters (sector keys, concept ids, locality
slugs, organisation keys) and writes the sentence in vi, ja or en (engine/reasons.py keeps
the three templates side by side, so the command line has them too); here the codes become
the names a reader knows, in the reader's language."""

from __future__ import annotations

from kakehashi.common.i18n import reader_language
from kakehashi.directory.models import Country, Locality, Organisation, Sector
from kakehashi.matching.documents import parse_key
from kakehashi.matching.engine import explain

NAMED_PARAMS = ("locality", "partner", "organisation", "other", "country")


class ReasonWriter:
    """Renders the reasons of a page with a few queries: names are looked up once."""

    def __init__(self):
        self.names: dict[str, str] = {}
        self._sectors_loaded = False

    def _learn_names(self, reasons) -> None:
        slugs, organisations = set(), set()
        for reason in reasons:
            for name in NAMED_PARAMS:
                value = reason.params.get(name)
                if not isinstance(value, str) or value in self.names:
                    continue
                if value.startswith("organisation:"):
                    organisations.add(parse_key(value)[1])
                elif name == "country":
                    self.names[value] = (
                        str(Country(value).label) if value in Country.values else value
                    )
                else:
                    slugs.add(value)
            if reason.params.get("sectors") and not self._sectors_loaded:
                self.names.update({s.key: s.label for s in Sector.objects.all()})
                self._sectors_loaded = True
        if slugs:
            for place in Locality.objects.filter(slug__in=slugs):
                self.names[place.slug] = place.name
        if organisations:
            for organisation in Organisation.objects.filter(pk__in=organisations):
                self.names[f"organisation:{organisation.pk}"] = organisation.display_name

    def learn(self, reasons) -> None:
        """Look up at once the names of every reason the page will write (else each
        `sentences` call queries for its own)."""
        self._learn_names(list(reasons))

    def sentences(self, reasons) -> list[str]:
        reasons = list(reasons)
        self._learn_names(reasons)
        language = reader_language()
        return [explain(reason, language, self.names) for reason in reasons]
