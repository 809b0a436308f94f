"""Every row of the real partnership list (partnerships/data/vn_jp_partnerships.csv, with its
structured reading in partnerships.json): agreements through the partnerships services, their
translations, visits and priority lists; and one invented delegation visit."""

import csv
import datetime as dt
import json
from pathlib import Path

from kakehashi.accounts.models import User
from kakehashi.common.dates import parse_partial_date
from kakehashi.demo.places import Places
from kakehashi.demo.record_translations import (
    load_partnership_translations,
    load_priority_list_translations,
    load_visit_translations,
    partnership_translations,
)
from kakehashi.directory.models import Sector
from kakehashi.partnerships.models import (
    DelegationVisit,
    Partnership,
    PriorityList,
    PriorityPartner,
)
from kakehashi.partnerships.services import (
    PartnershipInput,
    RenewalInput,
    create_partnership,
    update_partnership,
)

PARTNERSHIP_DATA = Path(__file__).resolve().parent.parent / "partnerships" / "data"


def _read_source_rows() -> list[dict[str, str]]:
    with (PARTNERSHIP_DATA / "vn_jp_partnerships.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _partnership_input(entry: dict, source_row: dict, places: Places) -> PartnershipInput:
    signed_on, precision = parse_partial_date(entry["signed"])
    renewals = []
    for date_text, note in entry["renewals"]:
        date, renewal_precision = parse_partial_date(date_text)
        renewals.append(RenewalInput(date=date, precision=renewal_precision, note=note))
    return PartnershipInput(
        title=entry["title"],
        kind=entry["kind"],
        type_as_stated=source_row["type_as_stated"],
        parties=[places.party(p["ref"], p["as"], signed_on) for p in entry["parties"]],
        sectors=list(Sector.objects.filter(key__in=entry["sectors"])),
        signed_on=signed_on,
        signed_precision=precision,
        summary=entry.get("summary", ""),
        language="en",
        sources=[source_row["source_url"]],
        renewals=renewals,
    )


def load_partnerships(places: Places, admin: User) -> int:
    data = json.loads((PARTNERSHIP_DATA / "partnerships.json").read_text(encoding="utf-8"))
    translations = partnership_translations()
    rows = _read_source_rows()
    if sorted({entry["row"] for entry in data["partnerships"]}) != list(range(1, len(rows) + 1)):
        raise ValueError("partnerships.json must read every row of the CSV")
    for entry in data["partnerships"]:
        row = rows[entry["row"] - 1]
        payload = _partnership_input(entry, row, places)
        existing = (
            Partnership.objects.filter(sources__url=row["source_url"], title=entry["title"])
            .distinct()
            .first()
        )
        if existing is None:
            partnership = create_partnership(data=payload, by=admin)
        else:
            partnership = update_partnership(partnership=existing, data=payload, by=admin)
        load_partnership_translations(partnership, translations)
        if "visit" in entry:
            visit = entry["visit"]
            record, _created = DelegationVisit.objects.update_or_create(
                partnership=partnership,
                started_on=dt.date.fromisoformat(visit["date"]),
                defaults={
                    "visitor": places.locality(visit["visitor"]),
                    "host": places.locality(visit["host"]),
                    "delegation_lead": visit.get("lead", ""),
                    "purpose": visit["purpose"],
                    "language": "en",
                    "source_url": row["source_url"],
                },
            )
            load_visit_translations(record, translations)
    for spec in data["priority_lists"]:
        priority_list, _created = PriorityList.objects.update_or_create(
            locality=places.locality(spec["locality"]),
            title=spec["title"],
            defaults={"period_start": spec["start"], "period_end": spec["end"], "language": "en"},
        )
        for ref, note in spec["partners"]:
            PriorityPartner.objects.update_or_create(
                priority_list=priority_list, partner=places.locality(ref), defaults={"note": note}
            )
        load_priority_list_translations(priority_list, translations)
    return len(data["partnerships"])


def load_demo_visit(places: Places) -> None:
    """A few invented records beside the real ones, so every page has something to show."""
    hcmc, osaka = places.locality("vn:79"), places.locality("jp:27")
    osaka_agreement = Partnership.objects.filter(sources__url__contains="hochimin-giteisho").first()
    visit, _created = DelegationVisit.objects.update_or_create(
        visitor=hcmc,
        host=osaka,
        started_on=dt.date(2024, 10, 14),
        defaults={
            "partnership": osaka_agreement,
            "ended_on": dt.date(2024, 10, 17),
            "delegation_lead": "Vice-Chairman of the People's Committee (demo)",
            "purpose": "Investment promotion seminar and visits to Osaka companies (demo record).",
            "outcome": "Three companies agreed to visit Ho Chi Minh City's high-tech park.",
            "language": "en",
            "is_demo": True,
        },
    )
    load_visit_translations(visit, partnership_translations())
