"""The references of the demo data (partnerships.json and the invented records) resolved to
localities, organisations and partnership parties."""

import datetime as dt

from kakehashi.directory.models import Country, Locality, Organisation
from kakehashi.directory.reference import VN_REFORM_DATE
from kakehashi.partnerships.services import PartyInput


class Places:
    """Resolves the references used in partnerships.json to localities and organisations."""

    def __init__(self, organisations: dict[str, Organisation]):
        self.organisations = organisations

    def locality(self, ref: str, on: dt.date | None = None) -> Locality:
        scheme, code = ref.split(":")
        if scheme == "jp":
            return Locality.objects.get(country=Country.JAPAN, code=code, is_current=True)
        if scheme == "jp-former":
            return Locality.objects.get(country=Country.JAPAN, code=code, is_current=False)
        if scheme == "vn-now":
            return Locality.objects.get(country=Country.VIETNAM, code=code, is_current=True)
        # A Vietnamese code names the unit in force on the signing date: codes were reused
        # (46 was Thua Thien Hue until 2024, the city of Hue until 30 June 2025, then Hue).
        units = Locality.objects.filter(country=Country.VIETNAM, code=code)
        if on is not None and on < VN_REFORM_DATE:
            former = units.filter(is_current=False, valid_until__gte=on).order_by("valid_until")
            if former.exists():
                return former.first()
        return units.get(is_current=True)

    def party(self, ref: str, name: str, on: dt.date | None) -> PartyInput:
        if ref.startswith("org:"):
            return PartyInput(organisation=self.organisations[ref[4:]], name_as_signed=name)
        return PartyInput(locality=self.locality(ref, on), name_as_signed=name)
