"""Who visits whom in one sentence: the verbs of receiving, meeting and visiting, and the
delegation an article follows.

A delegation is "đoàn ... do ROLE NAME dẫn đầu", "a delegation led by ROLE NAME", "NAMEを団長と
する代表団", "NAME副委員長ら12人の代表団"; its leader is the visitor of the later sentences that
name the delegation ("đã tiếp đoàn", "the delegation met", "代表団は…と面談した") or the leader
by a short name with a person of the other side ("Hieu and Aichi Vice Governor Yuko Hattori
signed ...").

Verbs, by who comes first:
- receiving (the host first): "tiếp", "đón", "received", "welcomed", 出迎え, 歓迎;
- the passive (the visitor first): "was received by", "was welcomed in Can Tho by", "đoàn
  được Phó Thống đốc tỉnh Saga X tiếp";
- meeting (either way): "làm việc với", "hội đàm", "hội kiến", "gặp", "met", "held talks
  with", 会談, 面談, 意見を交わ; the host is the side of the place where they meet ("in Bac
  Ninh", "tại Nghệ An", 大阪市役所で, 福岡県庁を訪れ), else the other party of the
  delegation's leader, else the side of the place the article is about, else the person
  named second;
- coming (the visitor after): 来県した, 来日中の (the person the clause qualifies);
- visiting (the visitor first): "thăm", "chào xã giao", "visited", "paid a courtesy call on",
  訪問, 訪れ, 表敬訪問.
"""

from __future__ import annotations

import re

RECEIVE = {
    "vi": re.compile(
        r"(?<!\w)(?:tiếp xã giao|tiếp đón|đón tiếp|"
        # not "đầu tư trực tiếp", "liên tiếp", "kế tiếp", "gián tiếp"
        r"(?<!trực )(?<!liên )(?<!kế )(?<!gián )(?<!Trực )tiếp(?!\s+(?:tục|nhận|cận|theo|thu|"
        r"thị|sức|nối|giáp|viên|tế|đó|xúc|quản))|đón(?!\s+(?:nhận|đầu|đọc|chờ)))(?!\w)"
    ),
    "en": re.compile(
        r"\b(?:received|receives|welcomed|hosted|hosts|greeted|"
        r"(?:will|to) (?:receive|welcome|host))\b"
    ),
    # (a welcome speech is a guest received: 市長が歓迎のあいさつを述べた); an anniversary is no
    # guest (10周年を迎え)
    "ja": re.compile(
        r"出迎え|(?<!周年を)(?<!節目を)(?<!年目を)(?<!時期を)迎え|歓迎|表敬訪問を受け|表敬を受け|"
        r"訪問を受け"
    ),
}
# what follows a verb of receiving when no guest is received: "welcomed the proposal", "hosted
# 40 Japanese firms", "đã đón hơn 2.000 lượt khách", "tiếp ý kiến"
NOT_GUEST = {
    "vi": re.compile(
        r"\s+(?:(?:hơn|gần|khoảng|trên)\s+)?\d|\s+(?:các\s+|những\s+)?(?:đề xuất|ý kiến|"
        r"lượt|khách du lịch|du khách|dòng vốn|làn sóng|dự án|nhà đầu tư)(?!\w)"
    ),
    "en": re.compile(
        r"\s+(?:(?:more than|over|nearly|about|some)\s+)?\d|"
        r"\s+(?:(?:the|a|an|this|that|these|their|his|her|its|Japanese|Vietnamese|more|many)\s+)?"
        r"(?:[\w-]+\s+){0,2}?(?:proposals?|ideas?|initiatives?|moves?|suggestions?|plans?|"
        r"decision|news|results?|outcomes?|support|commitments?|investments?|investors|"
        r"tourists|visitors|students|workers|interns|cooperation|partnerships?|"
        r"opportunit(?:y|ies)|offers?|efforts?|signing|agreements?|projects?)\b"
    ),
    "ja": re.compile(r"$^"),
}
# a visit asked for, hoped for or offered, not made: "invited Ho Chi Minh City leaders to visit
# Osaka", "mời lãnh đạo tỉnh sang thăm", 知事の来県を要請した
INVITED_BEFORE = {
    "en": re.compile(
        r"\b(?:invit(?:e|es|ed|ing)|urg\w*|encourag\w*|asked|ask|asks|hope[sd]?|hoping|wish\w*|want\w*|"
        r"look\w* forward|expect\w*|welcome[sd]? (?:the )?(?:idea|chance))\b[^.;]{0,60}$"
    ),
    "vi": re.compile(
        r"(?<!\w)(?:(?<!lời )mời|mong|mong muốn|mong đợi|hy vọng|hi vọng|đề nghị|kêu gọi|chào đón)"
        r"(?!\w)[^.;]{0,60}$"
    ),
    "ja": re.compile(r"$^"),
}
INVITED_AFTER = {
    "ja": re.compile(
        r"(?:し|する)?(?:てほしい|てもらいたい|ていただきたい|てください)|したい|する意向|"
        r"[をに][^。、]{0,6}?(?:招待|招請|要請|呼びかけ|期待|促し|求め|誘)"
    ),
}


# a trip to a country told with a meeting: its people host ("trong chuyến công tác tại Nhật Bản",
# "nhân dịp thăm và làm việc tại Việt Nam", "during a working visit to Japan")
TRIP_TO = {
    "vi": re.compile(
        r"(?<!\w)(?:chuyến (?:công tác|thăm|làm việc)|thăm và làm việc|thăm chính thức|công tác)"
        r"(?: chính thức| làm việc)?\s+(?:tại|ở|đến|sang|tới)\s+(?P<c>Nhật Bản|Việt Nam)(?!\w)"
    ),
    "en": re.compile(
        r"\b(?:visit|trip|tour|mission|stay)\s+(?:to|in)\s+(?P<c>Japan|Vietnam|Viet Nam)\b"
    ),
}


# meetings told as a habit, not one meeting: "had met him several times", "nhiều lần", 何度も
REPEATED = re.compile(
    r"(?i)\b(?:several|many|numerous|multiple|a number of) times\b|"
    r"\bon (?:several|many|numerous) occasions\b|(?<!\w)nhiều lần(?!\w)|何度も|たびたび|度々|幾度"
)


def invited(lang: str, text: str, m) -> bool:
    """The verb of visiting `m` (a match in `text`) tells of a visit invited or hoped for."""
    if INVITED_BEFORE[lang].search(text, 0, m.start()):
        return True
    after = INVITED_AFTER.get(lang)
    return bool(after and after.match(text, m.end()))


PASSIVE = {
    # "đoàn được Phó Thống đốc tỉnh Saga Ishii Yumiko tiếp tại …": the host between the two
    "vi": re.compile(
        r"(?<!\w)được\s+(?=(?:[A-ZĐ]|ông\s|bà\s|lãnh đạo\s)[^.;]{2,80}?(?<!\w)"
        r"(?:tiếp xã giao|tiếp đón|đón tiếp|tiếp|đón)(?!\w)(?!\s+(?:tục|nhận|cận|theo|thu|thị|"
        r"sức|nối|giáp|viên|tế|xúc|quản|đầu|đọc|chờ)(?!\w)))"
    ),
    "en": re.compile(
        r"\b(?:was|were|had been|has been|have been|will be|is|are|being)\s+"
        r"(?:(?:also|later|then|first|earlier|subsequently|warmly|officially|cordially|"
        r"formally|personally|\w+ly)\s+){0,2}"
        r"(?:received|welcomed|hosted|greeted)\b[^.;]*?\bby\b"
    ),
}
MEET = {
    "vi": re.compile(
        r"(?<!\w)(?:làm việc với|hội đàm với|hội đàm|hội kiến|gặp gỡ|gặp|trao đổi với|"
        r"tiếp xúc với)(?!\w)"
    ),
    "en": re.compile(
        r"\b(?:met with|met|meets|held talks with|had talks with|talked with|sat down with|"
        r"worked with|"
        r"(?:held|had) (?:a |an )?(?:[\w-]+ )?(?:meeting|working session|session|talks|"
        r"discussions?) with|(?:will|to) (?:meet with|meet|hold talks with)"
        # "held talks in Nha Trang with", "met at the provincial office with"
        r"|(?:held|had) (?:[\w-]+ )?talks (?:in|at) [^,.;]{1,40}? with"
        r"|met (?:in|at) [^,.;]{1,40}? with)\b"
    ),
    "ja": re.compile(r"会談|面談|面会|懇談|意見交換|意見を交わ|協議し|協議を行"),
}
VISIT = {
    "vi": re.compile(
        # not the trip a meeting is told within: "Trong chuyến thăm …, ông X đã hội đàm với …"
        r"(?<![Tt]rong chuyến )(?<![Nn]hân chuyến )(?<![Tt]rong dịp )"
        r"(?<!\w)(?:thăm và làm việc|đến thăm|sang thăm|thăm|chào xã giao|đến chào|dẫn đầu)(?!\w)"
    ),
    "en": re.compile(
        r"\b(?:visited|visits|is visiting|are visiting|"
        r"(?<!\bthe )(?<!\bThe )(?<!\ba )(?<!\bA )visiting|"  # not "the visiting delegation"
        r"paid (?:a|an) (?:courtesy |working |official |formal )?(?:call|visit) (?:on|to)|"
        r"called on|(?:will|to) (?:visit|pay a (?:courtesy )?(?:call on|visit to))|calls? on|"
        r"toured|travell?ed to|arrived in|(?:is|are) due in|(?:will|is to|are to) arrive in|"
        r"led (?:a|an|the) (?:[\w-]+ ){0,3}?delegation to|"
        r"on an? (?:[\w-]+ ){0,3}?(?:visit|trip|tour|mission) to)\b"
    ),
    # not 訪問介護, 訪問看護, 訪問先 (services and words that are no visit made)
    "ja": re.compile(
        r"表敬訪問|表敬|訪問(?!介護|看護|診療|販売|入浴|先|者数)|訪れ|訪ね|来訪|来庁|来日|来県|来阪|来市"
    ),
}
# Coming to the place of the article, before the visitor: 来県したX大使, 来日中のX委員長
COMING_JA = re.compile(
    r"(?:来県|来庁|来日|来阪|来市|来訪|訪日|来(?![場店年月週春夏秋冬季期])[一-龥])"
    r"(?:した|中の|している|する)"  # 来道した, 来熊中の: to the place of the article
    # or to one's own office: 県庁を訪れたX副委員長, 本市を訪問中のX委員長
    r"|(?:県庁|市役所|市庁舎|庁舎|本県|本市|当館|日本)を(?:表敬)?(?:訪れた|訪ねた|訪問した|"
    r"訪問している)|訪問中の|滞在中の"
)
# The delegation as a party: "đoàn", "the delegation", 代表団.
DELEGATION = {
    "vi": re.compile(r"(?<!\w)(?:đoàn|Đoàn)(?!\w)"),
    # "the mission was received in Viet Tri by …": a business mission told again
    "en": re.compile(
        r"\b(?:delegation|the visitors|the visiting"
        r"|the (?:business |trade |investment |economic )?mission(?! (?:to|of|in)\b))\b",
        re.IGNORECASE,
    ),
    "ja": re.compile(r"代表団|訪問団|視察団|使節団|一行"),
}
# The leader of a delegation: what stands between the person and the delegation.
LEADER_AFTER = {  # the person comes after the cue
    "vi": re.compile(r"(?<!\w)do(?!\w)"),
    "en": re.compile(r"\b(?:led by|headed by)\b"),
    "ja": re.compile(r"$^"),
}
LEADER_BEFORE = {  # the person comes before the cue
    # "ông A, Phó Chủ tịch UBND tỉnh, trưởng đoàn, …": the leader named in apposition
    "vi": re.compile(
        r"^\s*(?:,\s*)?(?:dẫn đầu|làm [Tt]rưởng đoàn)"
        r"|^\s*,\s*(?:[^,.;]{0,60},\s*)?[Tt]rưởng đoàn(?!\w)"
    ),
    "en": re.compile(
        r"^\s*(?:-led|,?\s+leading|,?\s+who led|,?\s+heading)"
        r"|^\s*,\s*(?:[^,.;]{0,60}(?:,|\sand)\s*)?(?:(?:the\s+)?(?:head|leader|chief) of the "
        r"(?:\w+\s+)?delegation|who (?:leads|led|heads|headed) the (?:\w+\s+)?delegation)\b"
    ),
    "ja": re.compile(
        r"^\s*(?:を(?:団長|代表|筆頭|トップ)と(?:する|した)|を(?:はじめ|始め)と(?:する|した)|"
        r"が(?:団長を務める|率いる)|率いる|"
        r"ら[^、。]{0,12}?の?(?:代表団|訪問団|視察団|使節団|一行))"
    ),
}
# "Tiếp Đại sứ Nhật Bản Ito Naoki, Bí thư Tỉnh ủy Nguyễn Văn A cho biết ...": the verb first,
# the visitor, a comma, the host.
FRONTED = {
    "vi": re.compile(
        r"^\s*(?:Tiếp xã giao|Tiếp đón|Đón tiếp|Tiếp|Hội kiến|Làm việc với|Gặp gỡ|Gặp)\s"
    ),
    "en": re.compile(r"^\s*(?:Receiving|Meeting|Welcoming|Hosting)\s"),
    "ja": re.compile(r"$^"),
}
# "At a meeting with A on May 12, B ...", "Tại buổi làm việc với A, B ...": who met first
FRONTED_MEETING = {
    "vi": re.compile(
        r"^\s*(?:Tại|Trong) (?:buổi|cuộc) (?:tiếp|làm việc|hội đàm|gặp gỡ|gặp|hội kiến)"
        r"(?: trực tuyến)? với\s"
    ),
    "en": re.compile(
        r"^\s*(?:At|In|During) (?:a|an|the|his|her|their) (?:[\w-]+ )?(?:meeting|talks|"
        r"working session|session|reception|courtesy call) with\s"
    ),
    "ja": re.compile(r"$^"),
}
# two people who talk: "A and B discussed ...", "A và B đã trao đổi về ...", "talks were held
# between A and B"
TALKS = {
    "vi": re.compile(r"(?<!\w)(?:và)(?!\w)[^.;]*?(?<!\w)(?:trao đổi|thảo luận|bàn về)(?!\w)"),
    "en": re.compile(
        r"\band\b[^.;]*?\b(?:discussed|held talks|exchanged views|talked)\b|"
        r"\b(?:talks|meeting|working session)\b[^.;]*?\bbetween\b[^.;]*\band\b"
    ),
    "ja": re.compile(r"$^"),
}
JOINT = {
    "vi": re.compile(r"(?<!\w)(?:cùng|và)(?!\w)[^.;]*?(?<!\w)(?:ký|ký kết|hội đàm|trao đổi)(?!\w)"),
    "en": re.compile(r"\band\b[^.;]*?\b(?:signed|held talks|discussed|exchanged)\b"),
    "ja": re.compile(r"と(?:の間で)?[^。]*?(?:署名|締結|調印)"),
}
PLACE_CUE = {
    "vi": re.compile(r"(?<!\w)(?:tại|ở|thăm|đến)\s+(?:trụ sở\s+)?$"),
    "en": re.compile(r"\b(?:in|at|visited|visiting|to)\s+(?:the\s+)?$"),
    "ja": re.compile(
        r"^(?:庁|役所|庁舎|本庁舎)?(?:で|を訪|を表敬|を訪問|に到着|に移動|に移り|に入り)"
    ),
}


def role_end(person) -> int:
    if person.role and person.role_start is not None and person.role_start >= person.end:
        return person.role_start + len(person.role)
    return person.end


CO_LEADER = re.compile(r"^\s*(?:と|và|and|,)\s*[^、。,.;]{0,24}$")


def leaders_of(ctx, sentence, people) -> list:
    """The people the sentence names as a delegation's leaders ([] when none): "do A dẫn đầu",
    "led by A and B", "AとBを団長とする合同代表団"."""
    lang, norm = ctx.language, ctx.norm
    first = None
    for i, person in enumerate(people):
        rest = norm[role_end(person) if lang == "ja" else person.end : sentence.end]
        if LEADER_BEFORE[lang].match(rest):
            first = i
            break
    if first is None and lang != "ja":
        for cue in LEADER_AFTER[lang].finditer(sentence.text):
            at = sentence.start + cue.end()
            after = [i for i, p in enumerate(people) if p.start >= at]
            if after and DELEGATION[lang].search(norm, sentence.start, at + 200):
                tail = norm[people[after[0]].end : sentence.end]
                if lang == "en" or re.search(r"dẫn đầu|làm [Tt]rưởng đoàn", tail):
                    first = after[0]
                    break
    if first is None:
        return []
    group = [people[first]]
    for i in range(first - 1, -1, -1):  # "A và B dẫn đầu", "AとBを団長とする"
        if not CO_LEADER.match(norm[role_end(people[i]) : group[0].start]):
            break
        group.insert(0, people[i])
    last = people.index(group[-1])
    for person in people[last + 1 :]:  # "led by A and B"
        if not CO_LEADER.match(norm[role_end(group[-1]) : person.start]) or lang == "ja":
            break
        group.append(person)
    return group


# a courtesy call: a meeting with the body of the place called on ("will call on Dong Nai
# Province", "paid a courtesy call on the Osaka Prefectural Government")
CALL = re.compile(r"\b(?:calls? on|called on|courtesy call on)\b")
# a sentence that names the host of the trip told just before: "Tiếp đoàn, Phó Chủ tịch ...",
# "Tại buổi làm việc, ...", "Receiving the delegation, ..."
RECEIVING_NEXT = {
    "vi": re.compile(
        r"^(?:(?:Tiếp|Đón tiếp|Tiếp đón) (?:đoàn|Đại sứ|Tổng Lãnh sự|Lãnh sự|Thứ trưởng|Bộ trưởng|"
        r"Thống đốc|Phó Thống đốc|Thị trưởng|Phó Thị trưởng|Chủ tịch|Phó Chủ tịch|ông|bà|khách)"
        r"|Tại buổi (?:tiếp|làm việc))"
    ),
    "en": re.compile(
        r"^(?:Receiving|Welcoming|Hosting) (?:him|her|them|(?:the|a|an) (?:[\w-]+ ){0,2}?"
        r"(?:delegation|visitors?|guests?|group|ambassador|consul general|governor|mayor|"
        r"minister|vice minister|envoy))\b"
    ),
    "ja": re.compile(r"^[^。]{0,8}?(?:応対した|応対し|出迎えた|迎えた|対応した)"),
}


def meeting_place(ctx, sentence, exclude=()):
    """The place the sentence says the meeting is at ("tại Nghệ An", "in Bac Ninh",
    大阪市役所で, 福岡県庁を訪れ): a mention (a body gives its place), or None."""
    lang = ctx.language
    posts = [_role_span(p) for p in ctx.people_in(sentence.start, sentence.end)]
    for m in ctx.in_span(sentence.start, sentence.end):
        place = m.value if m.kind == "organisation" and m.value is not None else m
        if place.kind != "locality" or not place.slug or any(place is q for q in exclude):
            continue
        if any(a <= m.start < b for a, b in posts):
            continue  # "Tổng Lãnh sự Nhật Bản tại TP.HCM X": the post, not where they meet
        if _POST.search(ctx.norm, max(sentence.start, m.start - 40), m.start):
            continue  # "X, Tổng Lãnh sự Nhật Bản tại Đà Nẵng": the post after the name
        if lang == "ja":
            if PLACE_CUE["ja"].match(ctx.norm[m.end : m.end + 8]):
                return place
        elif PLACE_CUE[lang].search(ctx.norm[max(sentence.start, m.start - 16) : m.start]):
            return place
    return None


_POST = re.compile(
    r"(?i)(?:lãnh sự|đại sứ)(?:\s+quán)?\s+(?:nhật bản|việt nam)\s+tại\s+$|"
    r"consul(?:ate)?[ -]general(?:\s+of\s+\w+)?\s+in\s+$"
)


def _role_span(person) -> tuple[int, int]:
    """Where a person's role and what qualifies it are written (before or after the name)."""
    if person.role_start is None:
        return (person.start, person.start)
    if person.role_start < person.start:
        return (person.role_start, person.start)
    return (person.end, role_end(person))


def from_elsewhere(person, place) -> bool:
    """The person comes from elsewhere to the place's government: from the other country, from
    another place of the same one, or from a national body (a ministry) of the same one."""
    full = person.full
    if (full.country or "") != place.country:
        return True
    slugs = [q.slug for q in full.places if q is not None and q.slug]
    if slugs:
        return place.slug not in slugs
    org = full.organisation
    if org is not None and org.kind == "organisation" and org.value is None:
        return True
    return bool(full.role) and bool(_MINISTER.search(full.role))


_MINISTER = re.compile(r"(?i)minister|bộ trưởng|thứ trưởng|大臣|次官")


def same_side(person, place) -> bool:
    if place is None:
        return False
    if person.country and place.country and person.country != place.country:
        return False  # "Vietnam's Consul General in Osaka": posted there, of the other side
    if any(q is place or (q.slug and q.slug == place.slug) for q in person.places):
        return True
    return bool(person.country) and person.country == place.country and not person.places
