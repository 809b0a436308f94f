"""Why a row cannot be imported (or what to look out for), stored as a code and parameters
and put into words in the reader's language when shown."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kakehashi.common.i18n import Language
from kakehashi.common.refusals import refusal_text

# Each message is the part of a sentence after “Row 3: ”.
MESSAGES = {
    "required": _("'%(column)s' is empty but required"),
    "too_long": _("'%(column)s' is longer than %(limit)s characters"),
    "choice_unknown": _("'%(value)s' is not a valid %(column)s; use one of: %(choices)s"),
    "country_missing": _("the country is missing"),
    "locality_unknown": _("unknown locality code '%(value)s' (%(column)s)"),
    "locality_former": _("'%(value)s' is a former unit; give today's unit instead (%(column)s)"),
    "locality_country_mismatch": _("the locality '%(value)s' is not in %(country)s"),
    "sector_unknown": _("unknown sector '%(value)s'"),
    "url_invalid": _("'%(value)s' is not a web address (%(column)s)"),
    "boolean_invalid": _("'%(value)s' is not yes or no (%(column)s)"),
    "email_invalid": _("'%(value)s' is not an e-mail address"),
    "organisation_unknown": _("unknown organisation '%(value)s' (%(column)s)"),
    "organisation_ambiguous": _(
        "several organisations are named '%(value)s'; give the organisation's id instead"
    ),
    "not_organisation_admin": _("you can only add people to organisations you administer"),
    "date_invalid": _("the date '%(value)s' is not YYYY, YYYY-MM or YYYY-MM-DD"),
    "party_name_without_party": _("'%(column)s' is given but '%(party)s' is empty"),
    "too_few_parties": _("a partnership needs at least two parties"),
    "party_duplicate": _("the same party is listed twice"),
    "not_acting_for_organisation": _(
        "'%(value)s' is not an organisation you act for (organisation); give its id or exact name"
    ),
    "number_invalid": _("'%(value)s' is not a number of zero or more (%(column)s)"),
    "level_invalid": _("'%(value)s' is not a level from 0 to %(max)s (%(column)s)"),
    "translation_of_original": _(
        "the proposal is written in %(language)s, so '%(column)s' must be empty: its text "
        "goes in title, summary and description"
    ),
    "not_a_party": _(
        "you can only record agreements to which your organisation or locality is a party"
    ),
    # Warnings: the row is imported all the same.
    "organisation_exists": _("an organisation with this name already exists; another is added"),
    "partnership_exists": _("a partnership with this title already exists; another is added"),
    "repeated_in_file": _("row %(first)s of this file is for the same person"),
}


def problem(code: str, **params) -> dict:
    return {"code": code, "params": {name: str(value) for name, value in params.items()}}


def service_problem(error) -> dict:
    """A problem from a ValidationError raised by a service when the row was written: its
    message is already in words, in the language of the person who confirmed."""
    return {"code": "service", "params": {"message": refusal_text(error)}}


def describe(item: dict) -> str:
    """The problem in words, in the active language (a parameter `language` holds a
    language's code, named here as it reads in a sentence)."""
    if item["code"] == "service":
        return item["params"]["message"]
    params = dict(item["params"])
    if params.get("language") in Language.values:
        params["language"] = Language(params["language"]).in_sentence
    return str(MESSAGES[item["code"]]) % params


def describe_with_row(row: int, item: dict) -> str:
    # Translators: e.g. "Row 3: unknown locality code 'XX' (party_1)".
    return gettext("Row %(row)s: %(reason)s") % {"row": row, "reason": describe(item)}
