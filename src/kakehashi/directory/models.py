import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from kakehashi.common.i18n import Language, pick_name
from kakehashi.common.translations import TranslationBase
from kakehashi.directory.names import organisation_name, person_name
from kakehashi.directory.reference_rows import VN_REFORM_DATE  # 63 provinces became 34


class Country(models.TextChoices):
    VIETNAM = "VN", _("Vietnam")
    JAPAN = "JP", _("Japan")


class LocalityLevel(models.TextChoices):
    # Vietnam, province level (before and after 1 July 2025)
    VN_PROVINCE = "province", _("Province")
    VN_CENTRAL_CITY = "central_city", _("Centrally-run city")
    # Japan
    JP_PREFECTURE = "prefecture", _("Prefecture")
    JP_DESIGNATED_CITY = "designated_city", _("Designated city")
    JP_CITY = "city", _("City")
    JP_WARD = "ward", _("Ward")
    JP_TOWN = "town", _("Town or village")


PROVINCE_LEVELS = (
    LocalityLevel.VN_PROVINCE,
    LocalityLevel.VN_CENTRAL_CITY,
    LocalityLevel.JP_PREFECTURE,
)


class Locality(models.Model):
    """A province-level unit of Vietnam (current or former) or a Japanese prefecture or
    municipality. Former Vietnamese units point to the unit that took them over."""

    slug = models.SlugField(max_length=80, unique=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    level = models.CharField(_("level"), max_length=20, choices=LocalityLevel.choices)
    code = models.CharField(
        _("official code"),
        max_length=8,
        help_text=_("Vietnam: the province code; Japan: JIS X 0401 or JIS X 0402."),
    )
    iso_code = models.CharField(_("ISO 3166-2 code"), max_length=8, blank=True)
    name_local = models.CharField(_("official name"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120)
    name_vi = models.CharField(_("name in Vietnamese"), max_length=120, blank=True)
    name_ja = models.CharField(_("name in Japanese"), max_length=120, blank=True)
    name_kana = models.CharField(_("name in kana"), max_length=120, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    is_current = models.BooleanField(_("in force"), default=True)
    valid_until = models.DateField(_("in force until"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
        verbose_name=_("succeeded by"),
    )

    class Meta:
        ordering = ["country", "code"]
        verbose_name = _("locality")
        verbose_name_plural = _("localities")
        constraints = [
            # One unit in force per code; former units with one code are told apart by their
            # last day (code 46 was Thua Thien Hue until 2024, then the city of Hue).
            models.UniqueConstraint(
                fields=["country", "code"],
                condition=Q(is_current=True),
                name="locality_code_unique",
            ),
            models.UniqueConstraint(
                fields=["country", "code", "valid_until"],
                condition=Q(is_current=False),
                name="former_locality_code_unique",
            ),
            models.CheckConstraint(
                condition=Q(is_current=True) | Q(successor__isnull=False) | Q(country="JP"),
                name="former_vn_locality_has_successor",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("locality", args=[self.slug])

    @property
    def name(self) -> str:
        """The name in the reader's language, where known."""
        return pick_name(self)

    @cached_property
    def lineage(self) -> list["Locality"]:
        """This unit and every former unit that it took over (for a 2025 Vietnamese unit)."""
        return [self, *self.predecessors.all()]

    @cached_property
    def merged_from(self) -> list["Locality"]:
        """The former units merged into this one on 1 July 2025 (empty if it was not a merger:
        a unit that only carried on, like Hanoi, was formed from itself alone)."""
        eve = VN_REFORM_DATE - dt.timedelta(days=1)
        merged = [unit for unit in self.lineage[1:] if unit.valid_until == eve]
        return merged if len(merged) > 1 else []

    @cached_property
    def former_names(self) -> list["Locality"]:
        """Former units that this one continues under another name (Sasayama City, renamed
        Tamba-Sasayama City in 2019; Thua Thien Hue, Hue city from 2025)."""
        merged = {unit.pk for unit in self.merged_from}
        return [
            unit
            for unit in self.lineage[1:]
            if unit.pk not in merged and unit.name_en != self.name_en
        ]

    @property
    def ended_with_2025_reform(self) -> bool:
        """One of the 63 units in force until 30 June 2025 (their slugs end in -before-2025)."""
        return not self.is_current and self.valid_until == VN_REFORM_DATE - dt.timedelta(days=1)

    @property
    def successor_relation(self) -> str:
        """How this former unit's successor took over: "merged", "renamed" or "continued"."""
        if self.successor is None:
            return ""
        if self in self.successor.merged_from:
            return "merged"
        return "renamed" if self.successor.name_en != self.name_en else "continued"


class Sector(models.Model):
    """The managed taxonomy of cooperation fields, with a label in each language."""

    key = models.SlugField(max_length=40, unique=True)
    label_en = models.CharField(_("label in English"), max_length=80)
    label_vi = models.CharField(_("label in Vietnamese"), max_length=80)
    label_ja = models.CharField(_("label in Japanese"), max_length=80)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "key"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return pick_name(self, "label")


class OrganisationKind(models.TextChoices):
    LOCAL_GOVERNMENT = "local_government", _("Local government")
    CENTRAL_AGENCY = "central_agency", _("Central agency")
    EMBASSY = "embassy", _("Embassy or consulate")
    PROMOTION_AGENCY = "promotion_agency", _("Trade or investment promotion agency")
    DEVELOPMENT_AGENCY = "development_agency", _("Development cooperation agency")
    ASSOCIATION = "association", _("Business association or chamber")
    COMPANY = "company", _("Company")
    INNOVATION_CENTRE = "innovation_centre", _("Innovation centre")
    UNIVERSITY = "university", _("University or school")
    OTHER = "other", _("Other")


class HeldReason(models.TextChoices):
    SIMILAR_NAME = "similar_name", _("A name like another organisation's")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    locality = models.ForeignKey(
        Locality,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("locality"),
    )
    sectors = models.ManyToManyField(Sector, blank=True, verbose_name=_("sectors"))
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True, max_length=4000)
    language = models.CharField(
        _("language of the text"), max_length=5, choices=Language.choices, default=Language.EN
    )
    is_published = models.BooleanField(_("published"), default=False)
    is_demo = models.BooleanField(_("demo record"), default=False)
    # Kept unpublished until a platform administrator looks: why (e.g. its name reads like
    # another organisation's, which could be an impersonation).
    held_reason = models.CharField(
        _("held for review"), max_length=20, choices=HeldReason.choices, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        # The lists (the published ones by name): a page is read in index order.
        indexes = [
            models.Index(fields=["is_published", "name", "id"], name="organisation_list_order")
        ]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("directory:organisation", args=[self.pk])

    @property
    def display_name(self) -> str:
        """The name in the reader's language (see directory/names.py): its translation, else
        the English name for a reader of another language, else its own. A list of
        organisations prefetches `translations` so as not to ask once per row."""
        return organisation_name(self)


# The texts of an organisation that a translation carries.
ORGANISATION_TRANSLATED_FIELDS = ("name", "description")


class OrganisationTranslation(TranslationBase):
    """An organisation's name and description in a language other than its own (the
    language of its name and description, `Organisation.language`)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="translations"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=4000)

    class Meta:
        ordering = ["language"]
        verbose_name = _("translation of an organisation")
        verbose_name_plural = _("translations of organisations")
        constraints = [
            *TranslationBase.Meta.constraints,
            models.UniqueConstraint(
                fields=["organisation", "language"],
                name="organisation_translation_one_per_language",
            ),
            models.CheckConstraint(
                condition=~Q(name=""), name="organisation_translation_name_not_empty"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.language})"


class Person(models.Model):
    """A person in the directory; linked to a user account when they sign in."""

    full_name = models.CharField(_("full name"), max_length=200)
    # For readers of another script: "Tanaka Hiroshi" for 田中 宏, "グエン・ヴァン・アン" for
    # Nguyễn Văn An (see directory/names.py).
    name_latin = models.CharField(
        _("name in Latin letters"),
        max_length=200,
        blank=True,
        help_text=_("For a name written in Japanese script, e.g. Tanaka Hiroshi."),
    )
    name_kana = models.CharField(
        _("name in katakana"),
        max_length=200,
        blank=True,
        help_text=_("For Japanese readers of a name in Latin letters, e.g. グエン・ヴァン・アン."),
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    is_demo = models.BooleanField(_("demo record"), default=False)
    organisations = models.ManyToManyField(
        Organisation, through="Membership", related_name="people"
    )

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.full_name

    @property
    def display_name(self) -> str:
        """The name in the reader's script where one is given (see directory/names.py)."""
        return person_name(self)


class MembershipRole(models.TextChoices):
    ADMIN = "admin", _("Organisation administrator")
    MEMBER = "member", _("Member")


class Membership(models.Model):
    """A person acts for an organisation, as its administrator or as a member."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    # The language the position is written in: as the administrator stated it, else told from
    # the text (directory/positions.py); empty for a membership written outside the services
    # (the back office), whose position's language is then told from its text when read.
    position_language = models.CharField(
        _("language of the position"), max_length=5, choices=Language.choices, blank=True
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["person", "organisation"], name="membership_unique")
        ]

    def __str__(self):
        return f"{self.person} – {self.organisation} ({self.get_role_display()})"

    def get_absolute_url(self):
        """The person's page as this organisation presents them (where the position shows)."""
        return reverse("directory:person", args=[self.organisation_id, self.person_id])


class PositionTranslation(TranslationBase):
    """A membership's position (its job title: "Giám đốc Sở Ngoại vụ", 国際交流課長) in a
    language other than the one it is written in. `made_from` is the fingerprint of the
    position it translates: a translation of a position since changed is not shown."""

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="translations"
    )
    position = models.CharField(_("position"), max_length=200)

    class Meta:
        ordering = ["language"]
        verbose_name = _("translation of a position")
        verbose_name_plural = _("translations of positions")
        constraints = [
            *TranslationBase.Meta.constraints,
            models.UniqueConstraint(
                fields=["membership", "language"], name="position_translation_one_per_language"
            ),
            models.CheckConstraint(
                condition=~Q(position=""), name="position_translation_not_empty"
            ),
        ]

    def __str__(self):
        return f"{self.position} ({self.language})"
