"""People from a file: each row adds a person to an organisation the importer administers,
or changes the role and position of someone already there."""

from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from kakehashi.accounts.models import User
from kakehashi.directory import services
from kakehashi.directory.models import Membership, MembershipRole, Organisation, Person
from kakehashi.directory.queries import (
    is_platform_admin,
    organisation_ids_of,
    organisations_visible_to,
)
from kakehashi.transfer.importers.base import RowCheck, RowReader
from kakehashi.transfer.problems import problem

ACTIONS = {
    "new_person": _("New person"),
    "existing_person": _("Existing person added"),
    "update_membership": _("Membership updated"),
}


def existing_person(email: str, organisation: Organisation) -> Person | None:
    """The person a row with this e-mail address stands for: one already at the
    organisation, else the person of the user account with this address, else any person
    with it."""
    if not email:
        return None
    at_organisation = (
        Person.objects.filter(memberships__organisation=organisation)
        .filter(Q(email__iexact=email) | Q(user__email__iexact=email))
        .order_by("pk")
        .first()
    )
    if at_organisation is not None:
        return at_organisation
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        return services.person_for_user(user)
    return Person.objects.filter(email__iexact=email).order_by("pk").first()


class PersonImporter:
    preview_headers = (
        _("Full name"),
        _("E-mail address"),
        _("Organisation"),
        _("Role"),
        _("Position"),
        _("Action"),
    )

    def __init__(self, *, user, rows: list[dict[str, str]]):
        self.user = user
        references = {(values.get("organisation") or "").strip() for values in rows}
        ids = {int(text) for text in references if text.isdigit()}
        names = {text for text in references if text and not text.isdigit()}
        organisations = list(
            organisations_visible_to(user).filter(Q(pk__in=ids) | Q(name__in=names))
        )
        self.by_id = {organisation.pk: organisation for organisation in organisations}
        self.by_name: dict[str, list[Organisation]] = {}
        for organisation in organisations:
            self.by_name.setdefault(organisation.name, []).append(organisation)
        self.administered = (
            None if is_platform_admin(user) else organisation_ids_of(user, admin_only=True)
        )
        emails = {(values.get("email") or "").strip().lower() for values in rows} - {""}
        memberships = (
            Membership.objects.filter(organisation__in=organisations)
            .annotate(address=Lower("person__email"), account=Lower("person__user__email"))
            .filter(Q(address__in=emails) | Q(account__in=emails))
            .values_list("address", "account", "organisation_id")
        )
        self.members = {
            (address, organisation_id)
            for person_address, account, organisation_id in memberships
            for address in (person_address, account)
            if address
        }
        self.known_people = set(
            Person.objects.annotate(address=Lower("email"))
            .filter(address__in=emails)
            .values_list("address", flat=True)
        ) | set(
            User.objects.annotate(address=Lower("email"))
            .filter(address__in=emails)
            .values_list("address", flat=True)
        )
        self.seen: dict[tuple[str, int], int] = {}

    def check(self, number: int, values: dict[str, str]) -> RowCheck:
        row = RowReader(values)
        full_name = row.text("full_name", limit=200, required=True)
        email = row.email("email")
        phone = row.text("phone", limit=40)
        role = row.choice("role", MembershipRole, MembershipRole.MEMBER)
        position = row.text("position", limit=200)
        organisation = self._organisation(row)
        address = email.lower()
        warnings, action = [], "new_person"
        if organisation is not None and address:
            key = (address, organisation.pk)
            if key in self.seen:
                warnings.append(problem("repeated_in_file", first=self.seen[key]))
            if key in self.members or key in self.seen:
                action = "update_membership"
            elif address in self.known_people:
                action = "existing_person"
            self.seen.setdefault(key, number)
            self.known_people.add(address)
        preview = {
            "full_name": full_name,
            "email": email,
            "organisation": organisation.name if organisation else row.raw("organisation"),
            "role": role or row.raw("role"),
            "position": position,
            "action": action,
        }
        if row.problems:
            return RowCheck(problems=row.problems, warnings=warnings, preview=preview)
        plan = {
            "full_name": full_name,
            "email": email,
            "phone": phone,
            "organisation": organisation,
            "role": role,
            "position": position,
        }
        return RowCheck(warnings=warnings, preview=preview, plan=plan)

    def _organisation(self, row: RowReader) -> Organisation | None:
        text = row.raw("organisation")
        if not text:
            row.add("required", column="organisation")
            return None
        if text.isdigit():
            organisation = self.by_id.get(int(text))
        else:
            matches = self.by_name.get(text, [])
            if len(matches) > 1:
                row.add("organisation_ambiguous", value=text)
                return None
            organisation = matches[0] if matches else None
        if organisation is None:
            row.add("organisation_unknown", value=text, column="organisation")
        elif self.administered is not None and organisation.pk not in self.administered:
            row.add("not_organisation_admin")
        return organisation

    def write(self, plan) -> Membership:
        """Add the person (found by e-mail address, or created) to the organisation. A person
        who is already in the directory keeps their name and phone number."""
        organisation = plan["organisation"]
        person = existing_person(plan["email"], organisation)
        if person is None:
            person = services.create_person(
                full_name=plan["full_name"], email=plan["email"], phone=plan["phone"], by=self.user
            )
        return services.add_member(
            organisation=organisation,
            person=person,
            role=plan["role"],
            position=plan["position"],
            by=self.user,
        )

    @staticmethod
    def display(preview: dict) -> list[str]:
        role = preview["role"]
        return [
            preview["full_name"],
            preview["email"],
            preview["organisation"],
            str(MembershipRole(role).label) if role in MembershipRole.values else role,
            preview["position"],
            str(ACTIONS[preview["action"]]),
        ]
