"""Priority partners ("TP xác định 7 địa phương Nhật Bản là đối tác ưu tiên đến năm 2025, gồm
tỉnh Osaka, Kanagawa, ..."); partnership counts are in partnership_counts.py.

The locality is the chooser: the place after "của"/"of" ("đối tác ưu tiên của TP") or before
"の" (本県の重点交流先), else the place named last before a verb of choosing ("TP đã chọn A, B
và C là đối tác ưu tiên", "A và B được tỉnh chọn là..."), else the first place before the
trigger, else the article's place. A chooser written "TP"/"Thành phố"/同市/"the city" is the
article's place when the pronoun would otherwise stand for a place of the partners' country;
"本県"/"当市" is the article's own Japanese place. When the sentence names the partners'
country ("4 địa phương Nhật Bản", "ベトナムの3地域", "partners in Japan"), the chooser is of
the other country (a headline may name it after the list) and the partners of that one.
Partners are the places of the other country in the sentence, and in the next one when the
sentence says more are to come (a size larger than the places named, "gồm:"); the list size
is the number before "địa phương"/"自治体"/"localities"; until is the year of "đến năm
2025"/"2025年まで"/"until 2025" (or a period's last year).

Not a list: the country itself as the partner ("Nhật Bản là đối tác ưu tiên hàng đầu",
"Japan is a key partner"), the partners beside the list ("Ngoài 4 đối tác ưu tiên, ...",
"Besides its priority partners", 重点交流先以外の), a preference for one place with no size
nor period ("ưu tiên hợp tác với tỉnh Aichi trong lĩnh vực..."), a list hoped for or under
study ("mong muốn X sẽ trở thành đối tác trọng điểm", "is considering", 重点交流先にしたい).
A list told twice is one fact: per chooser the one whose partners are as many as it says;
a list whose partners are all among another's is left out. Clauses joined by a semicolon that
each have a period of their own are lists of their own (partner_reach.period_clauses).

Two choosers told in one sentence, each in a clause of its own ("A chose X, while B picked
Y", それぞれ), give two lists (partner_contrast.py). Members told as added ("đưa thêm",
"added") join the members of the same list told before; a venue or an origin ("at a ceremony
in Tokyo", 岡山市内で) and the places a list replaces are no members.

A list told with no word of priority is read by its shape (partner_shape.py), else by its
meaning (partner_sense.py); the lists of several localities told one after another after a lead
are read by partner_series.py, its sentences left to it. A list whose
stated size its sentence does not fill takes the rest from the sentence beside it when that
one names exactly as many (partner_complete.rest_beside). The words of each language are in
partner_words.py, the chooser in partner_chooser.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kakehashi.news.engine.facts import partner_members as M
from kakehashi.news.engine.facts.context import Context, number
from kakehashi.news.engine.facts.own_place import in_merger_clause, places_with_own
from kakehashi.news.engine.facts.partner_chooser import list_subject, owner_pronoun, stated_country
from kakehashi.news.engine.facts.partner_clues import (
    LOOSE,
    chosen_in_clause,
    denied,
    each_other,
    far,
    hoped,
    in_relative,
    list_trigger,
    mutual,
    names_list_again,
    one_year,
    only_studied,
    returned_list,
    widened_size,
)
from kakehashi.news.engine.facts.partner_complete import (
    adds_to_the_list,
    completes,
    completing,
    each_other_lists,
    group_size,
    rest_beside,
    told_before,
    told_in_city,
    unnamed_members,
    year_of_focus,
)
from kakehashi.news.engine.facts.partner_contrast import contrasted_lists
from kakehashi.news.engine.facts.partner_lists import one_list_per_place, told_once
from kakehashi.news.engine.facts.partner_reach import (
    annex_rows,
    bygone,
    expired,
    following,
    heads_box,
    period,
    period_before,
    period_clauses,
    period_next,
)
from kakehashi.news.engine.facts.partner_sense import sense_trigger
from kakehashi.news.engine.facts.partner_series import series_lists
from kakehashi.news.engine.facts.partner_shape import shape_trigger, shaped_list
from kakehashi.news.engine.facts.partner_words import (
    ADDED,
    ANAPHORS,
    ATTEND,
    BOX_LINE,
    CHOOSE,
    CHOSEN_GROUP,
    LIST_FOLLOWS,
    NOUN_CHOICE,
    ONE_OF,
    PRIORITY,
    SIZE,
    SUBSET,
    WEAK,
    group_word_size,
)
from kakehashi.news.engine.gazetteer import Mention
from kakehashi.news.engine.text import Sentence

# a unit merged away, told as such: "the former Binh Phuoc Province", "旧フーイエン省"
_FORMER = re.compile(r"\bformer\s+$|旧$", re.IGNORECASE)


def _members_in(ctx: Context, part) -> list[Mention]:
    return M.not_venues(ctx, places_with_own(ctx, part.start, part.end))


def find_priority_partners(ctx: Context) -> list[dict]:
    lang, out, mutuals, added = ctx.language, [], set(), set()
    sentences, told_last, dateline = ctx.text.sentences, -1, ctx.dateline_place
    theirs, series = series_lists(ctx)  # lists told one locality after another (partner_series)
    for sentence in sentences:
        if sentence.index in theirs:
            continue  # "Five prefectures have each set out which Vietnamese provinces …"
        if told_last == sentence.index - 1 and adds_to_the_list(lang, sentence.text):
            continue  # "Aichi … will join them, bringing the number of anchor partners to
            # three": the list just told, its members added (_list_in)
        trigger, shape, sensed = list_trigger(lang, sentence.text), None, False
        if trigger is None:  # a list told by its shape (partner_shape.py)
            shape = shape_trigger(ctx, sentence)  # (the word, the members' country)
            if shape is None:  # or by what the sentence means (partner_sense.py)
                shape = sense_trigger(ctx, sentence)
                sensed = shape is not None
            trigger = shape and shape[0]
        if not trigger or hoped(lang, sentence, trigger, CHOOSE[lang]):
            continue
        if denied(lang, sentence.text, trigger.start(), trigger.end()):
            continue  # "Sendai has no priority partner cities yet"
        contrast = contrasted_lists(ctx, sentence)
        if contrast:  # "Toyama chose Ha Tinh and Quang Tri, while Fukui picked Hue"
            out += [(False, fact) for fact in contrast]
            continue
        later = sentences[sentence.index + 1] if sentence.index + 1 < len(sentences) else None
        later = None if later is not None and later.index in theirs else later  # (the series')
        # not where the reporter files from: "TOKYO -- Kumamoto Prefecture has singled out …"
        places = [m for m in places_with_own(ctx, sentence.start, sentence.end) if m != dateline]
        if shape:  # (a list told by its shape: not "phóng viên TTXVN tại Tokyo")
            places = M.not_venues(ctx, places)
        stated = shape[1] if shape else stated_country(lang, sentence.text)
        clauses = period_clauses(ctx, sentence, PRIORITY[lang].search)
        before = told_before(ctx, sentence) if len(places) <= 1 else None
        if before is not None:  # "… Chiba, Yokohama and Fukuoka City. Those five are …"
            places = places_with_own(ctx, before[0].start, sentence.end)
            clauses = [(before[0].start, sentence.end)]
        elif not places and each_other(lang, sentence.text, trigger.start()):
            pair = each_other_lists(ctx, sentence, lambda part: _members_in(ctx, part))
            out += [(False, fact) for fact in pair]  # "each party will regard the other as
            mutuals.update(id(fact) for fact in pair)  # …": the two told before
            if pair:
                continue
        subject = list_subject(ctx, sentence, trigger, places, stated)
        if sensed and not (subject and sentence.start <= subject.start < sentence.end):
            continue  # read by its meaning, the list's chooser is told in the sentence
        for lo, hi in clauses:
            found = _list_in(
                ctx,
                _Told(sentence, trigger, subject, stated, places, before and before[1]),
                lo,
                hi,
                later if hi == sentence.end else None,
            )
            if found is None or shape and not shaped_list(found[1]):
                continue
            out.append(found)
            told_last = sentence.index
            if ADDED[lang].search(sentence.text):  # "đưa thêm A và B vào danh sách": more members
                added.add(id(found[1]))
            if subject is not None and mutual(lang, ctx.norm, subject, sentence):
                mutuals.add(id(found[1]))
            returned = returned_list(ctx, sentence, trigger, found[1])
            if returned is not None:  # "A and B agreed to treat each other as …": B's too
                out.append((False, returned))
                mutuals.update((id(found[1]), id(returned)))
    out += [(False, fact) for fact in series]
    return told_once(one_list_per_place(out, added), mutuals, {id(fact) for fact in series})


@dataclass(frozen=True)
class _Told:
    """What a sentence that tells a list says of it as a whole."""

    sentence: Sentence
    trigger: re.Match
    subject: Mention | None
    stated: str | None  # the partners' country, when the sentence names it
    places: list[Mention]
    size: int | None = None  # the size the group states ("Those five are …"), when no other


def _list_in(ctx: Context, told: _Told, lo: int, hi: int, later) -> tuple[bool, dict] | None:
    """The list told in sentence[lo:hi] (the whole sentence, or one of its clauses with a
    period of its own): (whether its partners are as many as it says, the fact). `later` is
    the next sentence, None when the list cannot reach past `hi`."""
    lang, sentence, trigger, subject, stated = (
        ctx.language, told.sentence, told.trigger, told.subject, told.stated
    )  # fmt: skip
    sentences, s0 = ctx.text.sentences, sentence.start
    text = ctx.norm[lo:hi]

    def theirs(m):
        if subject is not None and m.country == subject.country:
            return False
        return stated is None or m.country == stated

    places = [m for m in told.places if lo <= m.start < hi]
    if subject is not None and any(
        m.start == subject.start and M.left_the_list(ctx, sentence, m, ANAPHORS) for m in places
    ):
        return None  # "Hiroshima, a priority partner under the 2021-2025 plan, did not make
        # the new list, though it will keep training Quang Ninh's pilots": a member leaving
    others = [
        m
        for m in places
        if m.start != getattr(subject, "start", None)
        and theirs(m)
        and not in_relative(lang, sentence.text, m.start - s0, trigger.start())
        and not owner_pronoun(ctx, m)
        and not in_merger_clause(ctx, sentence, m)  # "Quang Tri, which absorbed Quang Binh"
    ]
    size_m = SIZE[lang].search(text)
    if size_m and SUBSET[lang].search(sentence.text, lo - s0 + size_m.end(), trigger.start()):
        size_m = None  # "quan hệ với 6 địa phương, trong đó A, B là các đối tác ưu tiên"
    size = widened_size(lang, text)  # "từ 3 lên 5": the list has 5 now
    size = size or (number(size_m.group(1)) if size_m else None)
    size = size or group_word_size(lang, text)  # "a quartet of Japanese localities"
    size = size or told.size
    follows = LIST_FOLLOWS.search(sentence.text) or heads_box(sentence, later)
    # the members in the next sentence: after a lead ("…as follows:"), or when the sentence
    # names none ("Thanh Hoa announced its priority partners on Monday. Miyagi tops the list…";
    # not a fact box's line under a sentence, see partner_reach.heads_box)
    alone = not others and subject is not None and not (later and BOX_LINE.match(later.text))
    wanted = size or (2 if follows else 1 if alone else 0)
    named = len({m.slug for m in others})
    end = hi
    rows = annex_rows(ctx, sentences, sentence) if hi == sentence.end else []
    if rows:
        # "…を別表に掲げる２都市と定め": the members are the annex's rows, not what the next
        # sentence names ("ハノイ市とは…重点連携先には含めていません")
        others = others + [
            m for row in rows for m in places_with_own(ctx, row.start, row.end) if theirs(m)
        ]
    elif later is not None and adds_to_the_list(lang, later.text):
        # "Cùng với A, B và C, danh sách hiện gồm 4 địa phương.": the earlier members too
        others = others + [m for m in places_with_own(ctx, later.start, later.end) if theirs(m)]
        end = later.end
        sizes = list(SIZE[lang].finditer(later.text))
        size = number(sizes[-1].group(1)) if sizes else group_size(lang, later.text) or size
    elif later is not None and names_list_again(lang, later.text):
        # "…, danh sách này hiện gồm A, B và C.": the whole list, named again
        again = [m for m in places_with_own(ctx, later.start, later.end) if theirs(m)]
        if again and ADDED[lang].search(sentence.text):
            # "bổ sung tỉnh Shiga vào danh sách … Trước đó, danh sách này gồm A và B": all three
            others, end = others + again, later.end
        elif again:
            others, end = again, later.end
    elif later is not None and named < min(wanted, 2):  # "A, B など7自治体": no more
        parts = following(ctx, sentences, sentence, later)
        bulleted = len(parts) > 1
        if size and not bulleted:  # a stated size may take the members of up to 3 sentences
            parts = sentences[later.index : later.index + 3]
        for part in parts:
            extra = part is not later and size and not bulleted
            if extra and (
                len({m.slug for m in others}) >= size or PRIORITY[lang].search(part.text)
            ):
                break  # the list is whole, or another list begins
            new = [m for m in places_with_own(ctx, part.start, part.end) if theirs(m)]
            if not (size or follows or others) and len({m.slug for m in new}) < 2:
                break  # a list named with no members, then one place: no members told
            opens = any(ctx.norm[part.start : m.start].strip(" \"“'‘") == "" for m in new)
            if extra and not (opens or completes(lang, part.text)):
                break  # "Nara would lead the group. Kyoto City would help. Yamanashi had been
                # included": members told one sentence after another, each opening its
                # sentence ("The third, Yamagata, …": or saying it completes the list), and no
                # further ("The second topic was a seminar in Osaka")
            members = [
                m
                for m in told_in_city(ctx, M.without_containers(ctx, others + new))
                if not M.chooser_pronoun(ctx, m, CHOOSE[lang], ANAPHORS)
            ]
            if size and len({m.slug for m in members}) > size:
                break  # more places than the list has room for: not its members
            if ATTEND[lang].search(part.text) and not LIST_FOLLOWS.search(sentence.text):
                break  # "Representatives of A and B also took part": those present
            others += new
            end = part.end
    if hi == sentence.end:
        # "…on four priority partners. "A and B …," he said. "C and D complete the four.""
        more, end = completing(
            ctx,
            sentences,
            end,
            {m.slug for m in others},
            size,
            theirs,
            lambda a, b: places_with_own(ctx, a, b),
            lambda text: bool(PRIORITY[lang].search(text) or ATTEND[lang].search(text)),
        )
        others = others + more
    others = [
        m
        for m in M.not_venues(ctx, others)
        if not M.chooser_pronoun(ctx, m, CHOOSE[lang], ANAPHORS)
        and not M.taken_off(ctx, m)
        and not M.left_the_list(ctx, sentence, m, ANAPHORS)
        and not only_studied(ctx, s0 + trigger.end(), m)
    ]
    named_in = places if end == hi else places_with_own(ctx, lo, end)
    partners, seen = [], set()
    for m in M.stated_run(
        ctx,
        sentence,
        M.mayors_cities(ctx, told_in_city(ctx, M.without_containers(ctx, others))),
        size,
    ):
        if m.slug not in seen:
            seen.add(m.slug)
            partners.append(ctx.place(m))
    partners += unnamed_members(ctx, partners, others, named_in, size, lo, end)
    if partners and size and len(partners) < size and hi == sentence.end:
        rest = rest_beside(
            sentences,
            sentence,
            {p["slug"] for p in partners},
            size - len(partners),
            lambda part: [
                m
                for m in M.not_venues(ctx, places_with_own(ctx, part.start, part.end))
                if theirs(m)
            ],
            lambda text: bool(ATTEND[lang].search(text)),
        )
        partners += [ctx.place(m) for m in rest]
    if not partners:
        return None  # "coi Nhật Bản là đối tác ưu tiên": no list of localities
    after = next((part for part in sentences[sentence.index + 1 :] if part.start >= end), None)
    until = period(ctx, lo, end) or period_next(ctx, after, PRIORITY[lang])
    until = until or period_before(ctx, sentence)  # "Trong giai đoạn này, …"
    if until and bygone(ctx, sentence, until):
        return None  # "The province's previous programme, which ran from 2021 to 2025, had
        # identified A and B as priority partners; it expired at the end of last year"
    spans = [(a, b) for a, b in ctx.relative_spans(sentence) if until and a <= until.start < b]
    if until and expired(ctx, until) and spans:
        if any(a <= s0 + trigger.start() < b for a, b in spans):
            return None  # "its previous plan, which ran from 2016 to 2020 and listed A and B
            # as priority partners, having long expired": a list that was
        until = None  # "…, replacing A and B, which were on the 2021-2025 list": theirs
    until = str(until.years[1]) if until else one_year(lang, sentence.text)
    until = until or year_of_focus(lang, sentence.text)  # "its cooperation in 2027 on …"
    chosen = lang != "ja" and chosen_in_clause(lang, CHOOSE[lang], sentence.text, trigger.start())
    loose = LOOSE.match(trigger.group()) and (
        len(partners) < 2
        or not (size or until)
        or not size
        and far(ctx, s0 + trigger.end(), others)
    )
    grown = lang != "en" and ADDED[lang].search(sentence.text)  # "…地域に、タイニン省を加える"
    if WEAK.search(trigger.group()) and (
        subject is None or len(partners) < 2 and not (size or until or chosen or grown) or loose
    ):
        return None  # "ưu tiên hợp tác với tỉnh Aichi trong lĩnh vực...": a preference;
        # "The seminar will focus on three prefectures…": no place chooses
    if (
        lang in CHOSEN_GROUP
        and CHOSEN_GROUP[lang].fullmatch(trigger.group())
        and not (period(ctx, lo, end))
    ):
        return None  # "has picked three Japanese prefectures for its trade fair": no list
    if NOUN_CHOICE.search(trigger.group()) and not (size or until or chosen):
        return None  # "the cities of choice for students": a liking, no list chosen
    if ATTEND[lang].search(sentence.text) and not (size or until or chosen):
        return None  # those who came: "Đại diện tỉnh A, tỉnh B - các đối tác ưu tiên - dự..."
    if (
        len(partners) == 1
        and not (size or until or chosen)
        and ONE_OF.search(sentence.text, 0, trigger.start())
    ):
        return None  # "toured Can Tho, one of their priority partners": a member in passing
        # (not "Nghe An has in turn chosen Gifu as one of its key partners": a choice)
    if subject is not None and _FORMER.search(ctx.norm, max(0, subject.start - 12), subject.start):
        return None  # "a key partner of the former Binh Phuoc Province": a merged unit's list
    if until and ctx.published and until.isdigit() and int(until) < ctx.published.year:
        return None  # "had named Kagoshima and Kochi under a 2021-2025 plan": a list no more
    fields = {
        "locality": ctx.place(subject),
        "partners": partners,
        "list_size": size,  # as stated: the partners found may not be the whole list
        "until": until,
    }
    filled = (bool(subject) + bool(partners) + bool(size_m) + bool(until)) / 4
    return size == len(partners), ctx.fact("priority_partners", sentence, fields, filled)
