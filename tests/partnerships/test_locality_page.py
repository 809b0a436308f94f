"""The partner column of a locality page: who the partners are, and under which name this
locality signed."""

import datetime

import pytest
from django.urls import reverse

from kakehashi.directory.models import Country, Locality
from kakehashi.partnerships.models import DelegationVisit
from tests.factories import locality, partnership_between

pytestmark = pytest.mark.usefixtures("reference")


def page(client, place: Locality) -> str:
    return client.get(reverse("locality", args=[place.slug])).content.decode()


def test_every_reused_code_keeps_the_signed_as_note(client):
    """Codes were reused in 2025: code 52 was Binh Dinh and is now Gia Lai. An agreement
    signed by the former unit says so on its successor's page, whatever the code."""
    former = Locality.objects.filter(country=Country.VIETNAM, is_current=False)
    reused = [
        unit
        for unit in former.select_related("successor")
        if unit.code == unit.successor.code and unit.name_en != unit.successor.name_en
    ]
    assert {unit.code for unit in reused} >= {"15", "24", "44", "52", "80", "82", "91"}
    osaka = locality("osaka-prefecture")
    for unit in reused:
        partnership_between(osaka, unit, title=f"Agreement with {unit.name_en}")
    for unit in reused:
        html = page(client, unit.successor)
        assert f"signed as {unit.name_en}" in html, unit.name_en


def test_an_unchanged_unit_has_no_signed_as_note(client):
    hanoi_before = Locality.objects.get(slug="hanoi-before-2025")
    partnership_between(locality("tokyo-metropolis"), hanoi_before, title="Tokyo MoU")
    html = page(client, locality("hanoi"))
    assert "Tokyo MoU" in html and "signed as" not in html


def test_the_partner_column_lists_the_other_countrys_parties_only(client):
    vinh_long, thanh_hoa = locality("vinh-long"), locality("thanh-hoa")
    partnership_between(locality("niigata-prefecture"), vinh_long, thanh_hoa, title="Niigata MoU")
    html = page(client, vinh_long)
    partners = html.split('id="partners-table"')[1].split("</table>")[0]
    assert "Niigata Prefecture" in partners
    assert "Thanh Hoa" not in partners
    assert "Vinh Long" not in partners


def facts(client, slug: str) -> str:
    html = client.get(reverse("locality", args=[slug])).content.decode()
    return html.split('<dl class="facts">')[1].split("</dl>")[0]


def test_a_2025_merger_lists_the_units_it_was_formed_from(client):
    text = facts(client, "ho-chi-minh-city")
    assert "Formed on 1 July 2025 from" in text
    for former in ("Binh Duong", "Ba Ria - Vung Tau", "Ho Chi Minh City"):
        assert former in text
    assert "Now part of" in facts(client, "binh-duong-before-2025")


def test_an_unchanged_unit_is_not_formed_from_itself(client):
    text = facts(client, "hanoi")
    assert "Formed" not in text and "Former name" not in text
    assert "Succeeded by" in facts(client, "hanoi-before-2025")


def test_a_2019_renaming_is_a_former_name_not_a_merger(client):
    text = facts(client, "tamba-sasayama-city")
    assert "Formed" not in text
    assert "Former name" in text and "Sasayama City" in text and "30 Apr 2019" in text
    former = facts(client, "sasayama-city-former")
    assert "Now called" in former and "Now part of" not in former


def test_thua_thien_hue_is_huế_s_former_name_and_signs_as_itself(client):
    province = Locality.objects.get(slug="thua-thien-hue-before-2025")
    partnership_between(locality("kyoto-prefecture"), province, title="Kyoto agreement")
    text = facts(client, "hue")
    assert "Former name" in text and "Thua Thien Hue" in text and "31 Dec 2024" in text
    assert "Formed" not in text
    assert "signed as Thua Thien Hue" in page(client, locality("hue"))
    assert "A former unit, in force until 31 Dec 2024." in page(client, province)


def test_the_before_2025_slug_says_what_it_means(client):
    html = page(client, locality("binh-duong-before-2025"))
    assert "in force until 30 June 2025; on 1 July 2025 they became 34." in html


def partners_column(client, place: Locality, language: str) -> str:
    client.cookies["kakehashi_language"] = language
    html = page(client, place)
    return html.split('id="partners-table"')[1].split("</table>")[0]


def test_a_partner_signed_under_its_own_name_is_named_in_the_readers_language(client):
    """ "Osaka Prefecture" as signed is 大阪府 to a Japanese reader and Tỉnh Osaka to a
    Vietnamese one: no English name beside the reader's."""
    osaka, hcmc = locality("osaka-prefecture"), locality("ho-chi-minh-city")
    partnership_between(osaka, hcmc, title="Osaka MoU")
    japanese = partners_column(client, hcmc, "ja")
    assert f">{osaka.name_ja}</a>" in japanese
    assert "Osaka Prefecture" not in japanese
    vietnamese = partners_column(client, hcmc, "vi")
    assert f">{osaka.name_vi}</a>" in vietnamese
    assert "Osaka Prefecture" not in vietnamese


def test_a_partner_signed_under_another_name_keeps_it_with_the_place_aside(client):
    """A prefectural assembly is more than its prefecture: its name as signed stays, the
    prefecture follows in the reader's brackets."""
    osaka, hcmc = locality("osaka-prefecture"), locality("ho-chi-minh-city")
    partnership = partnership_between(osaka, hcmc, title="Assembly MoU")
    partnership.parties.filter(locality=osaka).update(name_as_signed="Osaka Prefectural Assembly")
    japanese = partners_column(client, hcmc, "ja")
    assert f'>Osaka Prefectural Assembly</a><span class="muted">（{osaka.name_ja}）</span>' in (
        japanese
    )
    english = partners_column(client, hcmc, "en")
    assert '>Osaka Prefectural Assembly</a><span class="muted"> (Osaka Prefecture)</span>' in (
        english
    )


def test_a_former_unit_is_named_once_in_plain_brackets_on_the_agreement(client):
    """The agreement page names a former unit in one pair of the reader's brackets, never a
    bracket inside another."""
    binh_duong = Locality.objects.get(
        country=Country.VIETNAM, is_current=False, name_en="Binh Duong"
    )
    partnership = partnership_between(locality("yamaguchi-prefecture"), binh_duong, title="MoU")
    client.cookies["kakehashi_language"] = "ja"
    html = client.get(partnership.get_absolute_url()).content.decode()
    parties = html.split("<tbody>")[1].split("</tbody>")[0]
    note = parties.split('<span class="muted">')[1].split("</span>")[0]
    assert note.startswith("（") and note.endswith("）")
    assert note.count("（") == 1 and "(" not in note
    assert binh_duong.name_ja in note


def test_a_visit_with_its_leader_reads_as_one_sentence_in_the_readers_language(client):
    """The leader is told in a sentence of the reader's language, not in brackets that a
    leader's own bracket ("… (demo)") would nest; in Japanese the date takes a full-width colon
    and the sentence ends with 。."""
    osaka, hcmc = locality("osaka-prefecture"), locality("ho-chi-minh-city")
    partnership = partnership_between(osaka, hcmc, title="Osaka MoU")
    DelegationVisit.objects.create(
        partnership=partnership,
        visitor=hcmc,
        host=osaka,
        delegation_lead="Vice-Chairman (demo)",
        started_on=datetime.date(2024, 10, 14),
        purpose="Investment promotion.",
    )
    client.cookies["kakehashi_language"] = "ja"
    html = client.get(partnership.get_absolute_url()).content.decode()
    assert (
        f"<strong>2024年10月14日</strong>：{hcmc.name_ja}が{osaka.name_ja}を訪問しました。"
        "団長：Vice-Chairman (demo)。"
    ) in html
    assert "(demo))" not in html
    client.cookies["kakehashi_language"] = "en"
    html = client.get(partnership.get_absolute_url()).content.decode()
    assert (
        "<strong>14 Oct 2024</strong>: Ho Chi Minh City visited Osaka Prefecture; the delegation"
        " was led by Vice-Chairman (demo)." in html
    )


def test_a_renewal_takes_the_readers_colon(client):
    osaka, hcmc = locality("osaka-prefecture"), locality("ho-chi-minh-city")
    partnership = partnership_between(osaka, hcmc, title="Osaka MoU")
    partnership.renewals.create(renewed_on=datetime.date(2007, 10, 25), note="Protocol signed")
    assert "2007年10月25日：Protocol signed" in partners_column(client, hcmc, "ja")
    assert "25 Oct 2007: Protocol signed" in partners_column(client, hcmc, "en")
