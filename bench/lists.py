"""First render of the list pages on a large database: the median time of N requests per URL
and the number of SQL queries each one makes, with the page cache off.

    DATABASE_URL=sqlite:////tmp/wt-lists-100k/bench.sqlite3 PYTHONPATH=src \\
        .venv/bin/python bench/lists.py [--prepare] [--calls 5] [--only proposals,api]
        [--signed-in] [--language en]

The database is one that bench/matching_db.setup() filled (as bench/load.py prepares its
`large` dataset); --prepare adds target countries, partnership types, published
organisations with sectors and translation rows (proposals and organisations in the other
languages, which the lists read with each row), which setup() leaves out. Requests go
through Django's test client in this process, so the times are the application's and the
database's (no HTTP server); *CPU ms* is this process's CPU time (the application's, and
SQLite's, but not PostgreSQL's server), steadier than wall time on a busy machine. The first
call of every URL is a warm-up and not counted.
--signed-in signs in a user without memberships first (who is never
served from the page cache in production either).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kakehashi.config.settings")
os.environ["KAKEHASHI_PAGE_CACHE_SECONDS"] = "0"
os.environ.setdefault("KAKEHASHI_DEBUG", "false")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

URLS = {
    "proposals": [
        "/proposals/",
        "/proposals/?page=2",
        "/proposals/?page=5",
        "/proposals/?sector={sector}",
        "/proposals/?sector={sector}&page=2",
        "/proposals/?kind=investment_project",
        "/proposals/?kind=business_offer&page=2",
        "/proposals/?country=JP",
        "/proposals/?country=VN&sector={sector}",
        "/proposals/?partnership=investment",
    ],
    "organisations": [
        "/organisations/",
        "/organisations/?page=2",
        "/organisations/?country=VN",
        "/organisations/?sector={sector}",
    ],
    "api": [
        "/api/v1/proposals?limit=20&offset=0",
        "/api/v1/proposals?limit=20&offset=80",
        "/api/v1/proposals?sector={sector}",
        "/api/v1/proposals?country=JP",
        "/api/v1/proposals?kind=investment_project",
        "/api/v1/organisations?limit=20&offset=0",
        "/api/v1/organisations?sector={sector}",
        "/api/v1/partnerships?limit=20&offset=0",
    ],
    "search": [
        "/matching/search/?q=cold+storage",
        "/matching/search/?q=cold+storage&sector={sector}",
        "/matching/search/?q=%E5%86%B7%E8%94%B5%E5%80%89%E5%BA%AB",
        "/matching/search/?q=n%C4%83ng+l%C6%B0%E1%BB%A3ng+t%C3%A1i+t%E1%BA%A1o&country=JP",
    ],
}


def prepare() -> None:
    """What bench/matching_db.setup() leaves out and the lists filter on or show: see
    prepare_filters() and prepare_translations(). Each is done once."""
    prepare_filters()
    prepare_translations()


def prepare_filters() -> None:
    """Target countries and partnership types (some proposals with two of each, as the joins
    meet them), published organisations with a sector. Deterministic (from the ids)."""
    from django.db import transaction

    from kakehashi.directory.models import Organisation, Sector
    from kakehashi.proposals.models import (
        PartnershipType,
        Proposal,
        ProposalPartnershipType,
        ProposalTargetCountry,
    )

    if ProposalTargetCountry.objects.exists():
        return
    ids = list(Proposal.objects.values_list("pk", flat=True))
    countries = {0: ["JP"], 1: ["VN"], 2: ["JP", "VN"]}
    types = PartnershipType.values
    sectors = list(Sector.objects.values_list("pk", flat=True))
    through = Organisation.sectors.through
    with transaction.atomic():
        ProposalTargetCountry.objects.bulk_create(
            [
                ProposalTargetCountry(proposal_id=i, country=c)
                for i in ids
                for c in countries[i % 3]
            ],
            batch_size=5000,
        )
        ProposalPartnershipType.objects.bulk_create(
            [
                ProposalPartnershipType(proposal_id=i, type=t)
                for i in ids
                for t in {types[i % len(types)], types[(i // 7) % len(types)]}
            ],
            batch_size=5000,
        )
        Organisation.objects.update(is_published=True)
        through.objects.bulk_create(
            [
                through(organisation_id=o, sector_id=sectors[o % len(sectors)])
                for o in Organisation.objects.values_list("pk", flat=True)
            ],
            batch_size=5000,
        )


def prepare_translations() -> None:
    """Machine translations as the lists read them with each row (the title and summary in the
    reader's language, the organisation's name): of every three proposals one has none, one
    a translation into one other language, one into both; every other organisation has its
    name and description in one other language. The texts are the original's, marked with
    the language. Deterministic (from the ids)."""
    from django.db import transaction

    from kakehashi.common.translations import TranslationSource
    from kakehashi.directory.models import Organisation, OrganisationTranslation
    from kakehashi.directory.translation_services import original_fingerprint as org_fingerprint
    from kakehashi.proposals.models import Proposal, ProposalTranslation
    from kakehashi.proposals.models.translation import TRANSLATED_FIELDS, original_fingerprint

    if ProposalTranslation.objects.exists():
        return
    machine = TranslationSource.MACHINE

    def others(language: str) -> list[str]:
        return sorted({"en", "ja", "vi"} - {language})

    def batches(queryset, make):
        rows = []
        for record in queryset.order_by("pk").iterator(chunk_size=2000):
            rows += make(record)
            if len(rows) >= 2000:
                yield rows
                rows = []
        if rows:
            yield rows

    def proposal_rows(proposal):
        made_from = original_fingerprint(proposal)
        rows = []
        for language in others(proposal.language)[: proposal.pk % 3]:
            texts = {name: getattr(proposal, name) for name in TRANSLATED_FIELDS}
            texts["title"] = f"{proposal.title[:194]} ({language})"
            rows.append(
                ProposalTranslation(
                    proposal=proposal,
                    language=language,
                    source=machine,
                    made_from=made_from,
                    **texts,
                )
            )
        return rows

    def organisation_rows(organisation):
        if organisation.pk % 2:
            return []
        language = others(organisation.language)[0]
        return [
            OrganisationTranslation(
                organisation=organisation,
                language=language,
                source=machine,
                made_from=org_fingerprint(organisation),
                name=f"{organisation.name[:194]} ({language})",
                description=organisation.description,
            )
        ]

    with transaction.atomic():
        for rows in batches(Proposal.objects.all(), proposal_rows):
            ProposalTranslation.objects.bulk_create(rows)
        for rows in batches(Organisation.objects.all(), organisation_rows):
            OrganisationTranslation.objects.bulk_create(rows)


def translation_rows() -> str:
    """How many translation rows the lists can read (none in a tree older than them: the
    script also times an older tree, PYTHONPATH at its src, on a database this one made)."""
    try:
        from kakehashi.directory.models import OrganisationTranslation
        from kakehashi.proposals.models import ProposalTranslation
    except ImportError:
        return "this tree reads no translation rows"
    return (
        f"translation rows: proposals {ProposalTranslation.objects.count()}, "
        f"organisations {OrganisationTranslation.objects.count()}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=5)
    parser.add_argument("--only", default=",".join(URLS))
    parser.add_argument("--signed-in", action="store_true")
    parser.add_argument("--language", default="en", help="Accept-Language of the requests")
    parser.add_argument(
        "--prepare", action="store_true", help="add what the filters need first (once)"
    )
    args = parser.parse_args(argv)
    if args.prepare:
        prepare()

    from kakehashi.accounts.models import User
    from kakehashi.directory.models import Sector

    # The sector that most proposals carry: the filter's hardest case.
    sector = (
        Sector.objects.filter(proposal__status="published")
        .values_list("key", flat=True)
        .annotate(n=django.db.models.Count("proposal"))
        .order_by("-n")
        .first()
    ) or ""
    client = Client(HTTP_ACCEPT_LANGUAGE=args.language)
    if args.signed_in:
        user = User.objects.filter(email="bench-lists@bench.local").first()
        if user is None:
            user = User.objects.create_user(
                email="bench-lists@bench.local", password=None, full_name="Bench lists"
            )
        client.force_login(user)
    print(
        f"database: {connection.vendor}; sector: {sector}; calls: {args.calls}; "
        f"language: {args.language}; {translation_rows()}"
    )
    print(f"{'url':70} {'p50 ms':>8} {'max ms':>8} {'CPU ms':>8} {'queries':>8}")
    for group in args.only.split(","):
        for template in URLS[group]:
            url = template.format(sector=sector)
            response = client.get(url)
            if response.status_code != 200:
                print(f"{url:70} status {response.status_code}", file=sys.stderr)
                continue
            times, cpu = [], []
            for _ in range(args.calls):
                with CaptureQueriesContext(connection) as queries:
                    started, started_cpu = time.perf_counter(), time.process_time()
                    client.get(url)
                    times.append((time.perf_counter() - started) * 1000)
                    cpu.append((time.process_time() - started_cpu) * 1000)
            print(
                f"{url:70} {statistics.median(times):8.1f} {max(times):8.1f} "
                f"{statistics.median(cpu):8.1f} {len(queries.captured_queries):8d}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
