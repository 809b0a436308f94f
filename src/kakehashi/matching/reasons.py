"""The engine's reasons as sentences in the reader's language.

The engine gives each reason a code and plain parameters (sector keys, concept ids, locality
slugs, organisation keys), the key of its sentence and the values that fill it
(engine/reasons.py, which writes English only, for the command line). Here the codes become
the names a reader knows, and the sentences and the kinds' names come from the catalogue
(gettext), translated once in the .po files like every other string."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

from kakehashi.common.i18n import reader_language
from kakehashi.common.keywords import keywords_for_reader
from kakehashi.directory.models import Country, Locality, Organisation, Sector
from kakehashi.matching.documents import parse_key
from kakehashi.matching.engine.model import Reason
from kakehashi.matching.engine.reasons import sentence_key, sentence_values

NAMED_PARAMS = ("locality", "partner", "organisation", "other", "country")

# One sentence per key of engine.reasons.sentence_key.
SENTENCES = {
    "complementary_kinds": _("The kinds complement each other: %(query_kind)s and %(kind)s."),
    "similar_meaning.strong": _("Very similar in meaning."),
    "similar_meaning.good": _("Similar in meaning."),
    "similar_meaning.partial": _("Partly similar in meaning."),
    "similar_meaning.weak": _("Hardly similar in meaning."),
    "shared_concepts": _("Both are about %(concepts)s."),
    "shared_sectors": _("Both in the sectors %(sectors)s."),
    "shared_keywords": _("Shared keywords: %(keywords)s."),
    "partner_localities": _("%(locality)s and %(partner)s have a partnership agreement."),
    "priority_partner": _("%(locality)s is a priority partner of %(partner)s."),
    "met_before": _("%(organisation)s and %(other)s have met before."),
    "target_locality": _("%(locality)s is one of the localities sought."),
    "target_country": _("%(country)s is one of the countries sought."),
}

# The kinds as named inside the sentence above (not the capitalised labels of a list).
KIND_LABELS = {
    "business_offer": pgettext_lazy("kind in a sentence", "business offer"),
    "business_request": pgettext_lazy("kind in a sentence", "business request"),
    "technology_offer": pgettext_lazy("kind in a sentence", "technology offer"),
    "technology_request": pgettext_lazy("kind in a sentence", "technology request"),
    "investment_project": pgettext_lazy("kind in a sentence", "investment project"),
    "export_product": pgettext_lazy("kind in a sentence", "export product"),
    "cooperation_programme": pgettext_lazy("kind in a sentence", "cooperation programme"),
    "research_cooperation": pgettext_lazy("kind in a sentence", "research cooperation"),
    "organisation": pgettext_lazy("kind in a sentence", "organisation"),
}


def _kind_label(kind: str) -> str:
    label = KIND_LABELS.get(kind)
    return str(label) if label is not None else kind


def in_reader_words(reason: Reason, reader: str) -> Reason:
    """Shared keywords of a query with no text in the reader's language: each word that is a
    glossary term in the reader's language (common/keywords.py), the others as written."""
    by_language = reason.params.get("by_language") or {}
    words = reason.params.get("keywords") or []
    if reason.code != "shared_keywords" or reader in by_language or not words:
        return reason
    language = next((code for code, listed in by_language.items() if listed == words), "")
    shown = [keyword.text for keyword in keywords_for_reader(words, language, reader)]
    return Reason(reason.code, {**reason.params, "keywords": shown}, reason.weight)


def sentence(reason: Reason, names: dict[str, str] | None = None) -> str:
    """The reason as one sentence in the active language; `names` maps codes to names."""
    template = SENTENCES.get(sentence_key(reason))
    if template is None:
        return f"{reason.code}: {dict(reason.params)}"
    reader = reader_language()
    values = sentence_values(
        in_reader_words(reason, reader),
        language=reader,
        names=names,
        kind_label=_kind_label,
        joiner=pgettext("list separator", ", "),
    )
    try:
        return str(template) % values
    except KeyError:
        return f"{reason.code}: {dict(reason.params)}"


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
        return [sentence(reason, self.names) for reason in reasons]
