"""The names of events in each language: the head nouns ("Hội nghị", セミナー, "Forum"), the
lower-case heads after a verb of holding ("tổ chức hội thảo về …", "hosted a seminar on …"),
quoted titles, and the names that refer back to an event told before ("Hội nghị năm nay",
同会議, 本セミナー)."""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.event_organisers import VI_VERB

_VI_HEAD = (
    r"(?:Hội nghị|Hội thảo|Diễn đàn|Lễ hội|Triển lãm|Hội chợ|Tọa đàm|Toạ đàm|Ngày hội|Festival|"
    r"Lễ kỷ niệm|Chương trình giao lưu|Chương trình kết nối|Chương trình xúc tiến|Lễ ký kết|"
    r"Tuần lễ|Ngày Nhật Bản|Ngày Việt Nam|Liên hoan|Tuần Văn hóa|Tuần Văn hoá|"
    # "Phiên giao thương trực tuyến giữa doanh nghiệp tỉnh Đồng Tháp và tỉnh Miyazaki"
    r"Phiên giao thương|Phiên kết nối|Phiên đối thoại|"
    # "Ngày Đà Nẵng tại Sakai", "Ngày Cần Thơ tại Osaka": a place's day held in another
    r"Ngày(?= [A-ZĐ][\w-]*(?: [A-ZĐ][\w-]*){0,3} tại [A-ZĐ])|"
    # a ceremony for what is not itself an event (not "Lễ khai mạc Hội chợ …": the fair)
    r"Lễ khai giảng|Lễ khánh thành|Lễ ra mắt|Lễ công bố|Lễ phát động|Lễ tôn vinh|Lễ trao)"
)
# "tổ chức hội nghị gặp gỡ các nhà đầu tư Nhật Bản với ...": an event held, named by what it
# is about (no capital needed after a verb of holding), up to "với", "tại", a comma...
_VI_HELD = (
    r"(?:(?<=tổ chức )|(?<=đăng cai )|(?<=khai mạc )|(?<=chủ trì )|(?<=phối hợp tổ chức )|"
    r"(?<=diễn ra )|(?<=tham dự )|(?<=dự )|(?<=tham gia )|"
    # "chiều 16/12 có phiên kết nối giữa …": a clause opened by its day (events.py checks it)
    r"(?<=\bcó ))"
    r"(?P<v>(?:buổi )?(?:hội nghị|hội thảo|diễn đàn|tọa đàm|toạ đàm|hội chợ|triển lãm|lễ hội|"
    r"ngày hội|lễ kỷ niệm|"
    # a session of a larger event, held on its own day: "phiên kết nối giao thương giữa …",
    # "phiên đối thoại giữa lãnh đạo tỉnh và …", "buổi gặp mặt doanh nghiệp Nhật Bản"
    r"phiên (?:kết nối|giao thương|đối thoại|tư vấn|giới thiệu|trao đổi)|"
    r"buổi (?:gặp mặt|tư vấn|đối thoại)|"
    r"chương trình giao lưu|chương trình xúc tiến|chương trình kết nối|buổi giao lưu|"
    r"buổi gặp gỡ|buổi kết nối|chương trình giới thiệu|buổi giới thiệu|chương trình quảng bá|"
    # a trade session held by a body ("tổ chức phiên giao thương trực tuyến giữa …")
    r"(?<=tổ chức )phiên giao thương)"
    # "với" ends the name, but not a dialogue's: "buổi tọa đàm với cộng đồng doanh nghiệp …"
    r"(?: (?!(?:tại|ở|(?<!tọa đàm )(?<!toạ đàm )(?<!đối thoại )(?<!gặp mặt )(?<!giao lưu )với|"
    r"vào (?:ngày|sáng|chiều|tối|tháng|năm|dịp|lúc|cuối|đầu|\d)|do|"
    # "nhân dịp" ends the name, "nguồn nhân lực" does not
    r"đã|sẽ|được|trong|cho|nhằm|diễn ra|từ|sáng|chiều|ngày|nhân (?:dịp|kỷ niệm|ngày)|có|theo)\b)"
    # a word, a number ("lễ kỷ niệm 10 năm"), or the dash between two names ("An Giang – Okinawa")
    r"(?:[^\W\d_][\w-]*|\d+(?![\d/.])|[–-](?= [^\W\d_])))"
    r"{1,14}"
    # its quoted title after its kind and topic: chương trình giới thiệu du lịch “Sendai – …”
    r"(?:\s+[“\"][^”\"]{4,120}[”\"])?)"
)
# a lower-case head before a quoted title: tọa đàm “Kết nối …”, chương trình “Ngày hội …”
_VI_HEAD_LOWER = (
    r"(?:hội nghị|hội thảo|diễn đàn|lễ hội|triển lãm|hội chợ|tọa đàm|toạ đàm|ngày hội|"
    r"chương trình|buổi giao lưu|lễ kỷ niệm|tuần lễ)"
)
# "hội thảo về chuyển đổi số trong ngành dệt may do Sở ... tổ chức", "sự kiện xúc tiến du lịch
# ... được tổ chức tại ...": a lower-case head and its topic, then said to be held
_VI_HELD_BEFORE = (
    r"(?<![\w])(?<!các )(?<!những )(?<!nhiều )(?P<p>(?:buổi )?(?:hội nghị|hội thảo|diễn đàn|"
    r"tọa đàm|toạ đàm|hội chợ|triển lãm|lễ hội|ngày hội|sự kiện|Sự kiện|chương trình|tuần lễ|"
    # an edition opening its sentence: "Phiên giao thương đầu tiên với tỉnh X được tổ chức hồi
    # tháng 6/2026", "Chương trình năm 2026, tổ chức tại … hồi tháng 3/2026, …"
    r"[Pp]hiên (?:giao thương|kết nối)|Chương trình)"
    r"(?: (?!(?:đã|sẽ|được|do|diễn ra|tại|ở|vào)\b)(?:[^\W\d_][\w-]*|[–-](?= [^\W\d_])"
    # its year or edition: "ngày hội năm 2025", "hội nghị lần thứ 9"
    r"|(?<=năm )(?:19|20)\d\d(?!\d)|(?<=thứ )\d{1,2}(?!\d))){1,16}"
    r"(?:\s+[“\"][^”\"]{4,120}[”\"])?)"
    r"(?=\s+(?:đã\s+|sẽ\s+)?(?:chính thức\s+)?(?:được tổ chức|diễn ra|khai mạc"
    # "tổ chức vào tháng 10", "tổ chức tại Gifu vào tháng 10/2024": held, and when
    r"|tổ chức(?= (?:(?:tại|ở) [^,.;]{1,40}? )?(?:vào|hồi|từ|trong)\s))(?!\w)"
    # held, and when, told in an apposition: "…, (được) tổ chức tại phường X hồi tháng 3/2026,"
    r"|\s*,\s+(?:được\s+)?tổ chức\s+(?:(?:tại|ở)\s+[^,.;]{1,40}?\s+)?(?:vào|hồi)\s"
    r"|\s+do\s[^.;]{3,120}?(?:phối hợp |đồng |cùng )?tổ chức(?!\w))"
)
# what is said of an event right after its bare head: no name of its own
_VI_BARE = (
    r"(?!\s(?:do|thu hút|đã|sẽ|được|với|có sự|cùng|chính thức|tổ chức|diễn ra|là|năm nay|"
    r"lần này|kéo dài|quy tụ|dự kiến)(?:\s|$))"
)
# an edition told with no name of its own: "48 lượt của lần tổ chức năm ngoái tại Osaka",
# "lần tổ chức năm 2025 diễn ra tại Đà Nẵng hồi tháng 10", "Lần tổ chức đầu tiên vào tháng
# 8/2024" (not "đây là lần tổ chức đầu tiên": this one)
_VI_EDITION = (
    r"(?<!\w)(?<!là )(?<!này )(?P<e>[Ll]ần tổ chức (?:năm ngoái|năm trước|năm (?:19|20)\d\d(?!\d)"
    r"|trước đó|trước|đầu tiên)(?!\w)"
    # "lần đầu do tỉnh Quảng Bình (cũ) tổ chức tại Hà Nội vào tháng 5/2025"
    r"|(?<=; )[Ll]ần (?:đầu|đầu tiên|trước)(?= do ))"
)
# "và" ends a name, unless a title-case word that heads no other event or body follows it
# ("Triển lãm Thực phẩm và Đồ uống quốc tế FOODEX Japan 2027"; not "… và Lễ ký kết …")
_VI_AND = (
    r"và(?!\s(?!(?:Lễ|Hội|Diễn|Triển|Ngày|Tuần|Tọa|Toạ|Chương|Buổi|Phiên|Đoàn|Sở|UBND|Bộ|Ủy"
    r"|Uỷ|Trung|Văn|Công|Tổng|Đại|Lãnh|Thứ|Phó|Chủ|Giám|Ông|Bà|Tỉnh|Thành|TP)\b)"
    r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ])"
)
VI_NAME = re.compile(
    _VI_EDITION + r"|" + _VI_HELD_BEFORE + r"|"
    # Hội thảo “Nguồn nhân lực …”: the head and its quoted title are the name
    r"(?P<t>(?:"
    + _VI_HEAD
    + "|"
    + _VI_HEAD_LOWER
    # also "Tọa đàm trực tuyến “…”", "Hội thảo quốc tế “…”", "Hội thảo mang tên “…”"
    + r")(?:\s+(?:trực tuyến|quốc tế|khoa học|chuyên đề|thường niên|trực tiếp))?"
    r"\s+(?:(?:mang tên|có tên|với chủ đề|có chủ đề|chủ đề|với tên gọi)\s+)?"
    r"[“\"][^”\"]{4,120}[”\"])|" + _VI_HELD + "|"
    # "hội chợ thương mại Setouchi": a lower-case head named by a proper noun
    r"(?<!một )(?<!các )(?<!những )(?<!nhiều )(?<!Một )(?P<l>(?:hội nghị|hội thảo|hội chợ|"
    r"lễ hội|diễn đàn|triển lãm|ngày hội|tuần lễ|tọa đàm|toạ đàm|chương trình giao lưu|"
    r"chương trình xúc tiến|chương trình kết nối|buổi giao lưu)"
    r"(?: (?!(?:tại|ở|với|vào|do|của|đã|sẽ|được|và|trong|cho|nhằm|diễn ra)\b)"
    r"(?:[^\W\d_][\w-]*|[–-](?= [^\W\d_]))){1,8})"
    r"|(?:[“\"](?P<q>[^”\"]{4,120})[”\"])|(?P<n>"
    + _VI_HEAD
    # "Diễn đàn do UBND … chủ trì", "Ngày hội thu hút …": the head alone, the event told before
    + _VI_BARE
    # "TP.HCM" inside the name: a full stop before a capital is no end
    + r"(?:(?:[^,.;:()“”\"\n]|\.(?=[A-ZĐ]))"
    r"(?!\s(?:với|tại|nhằm|do|diễn ra|có sự|thu hút|đã|sẽ|được|"
    + _VI_AND
    + r"|cùng|từ ngày|trong hai|"
    r"khai mạc|bế mạc|quy tụ|kéo dài|"  # "Lễ hội … khai mạc tại …": the verb ends the name
    r"trong ngày|ngày|chính thức|tổ chức|hồi|hằng năm|hàng năm|thường niên|mỗi năm|định kỳ)"
    r"(?:\s|$|(?=[,.;]))"
    # "vào ngày 8/11" ends the name, "vào ngành năng lượng" does not
    r"|\svào\s(?:ngày|sáng|chiều|tối|trưa|tháng|năm|quý|dịp|lúc|cuối|đầu|hôm|\d))"
    r")*[^,.;:()“”\"\n\s])"
)
JA_NAME = re.compile(
    # an earlier edition told by its number after the clause that dates it: 令和７年11月にハノイ市で
    # 開催した前回は, …に開催した第１回では (events.py checks the clause)
    r"(?<=[たし])(?P<e>前回|初回|第[0-9一二三四五六七八九十]{1,3}回)(?=(?:目)?(?:[（(][^）)]{1,30}[）)])?(?:は|では|には|で|の))|(?P<t>$^)|(?P<v>$^)|(?P<l>$^)|(?P<p>$^)|「(?P<q>[^」]{2,80})」"
    r"|(?P<n>[^、。「」\s はがをにでと]{0,30}(?:会議(?![所場室])|フォーラム|セミナー|"
    r"ウェビナー|祭り|まつり|祭典|交流祭|文化祭|フェスティバル|フェスタ|フェア|見本市|交流会|商談会|説明会|展示会|博覧会|式典|シンポジウム|サミット|"
    r"ウィーク|懇談会|研修会|大会|ビジネスマッチング|イベント|物産展|講演会|報告会|発表会|"
    r"レセプション|の夕べ|の集い|のつどい)(?!館|場|ホール|センター)(?:\s?(?:19|20)\d\d(?!年))?)"
)
JA_VERB = re.compile(r"開催|開か|開き|開く|開い|開幕|主催|共催|行われ|実施|催さ|催す")
_EN_DAY = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|\d"
)
# "co-hosted a seminar on agricultural investment in ...", "will host an HCM City investment
# promotion conference on March 18", "at a conference on cooperation between A and B, hosted
# by ...": a lower-case head after a verb of holding (or "at a"), with what it is about.
_EN_HELD = (
    r"(?:(?<=\bheld )|(?<=\bhosted )|(?<=\bhost )|(?<=\bhold )|(?<=\borganised )|"
    r"(?<=\borganized )|(?<=\bstage )|(?<=\bstaged )|(?<=\bat )|(?<=\bconvened )|"
    r"(?<=\bduring )|(?<=\bopened )|"
    r"(?<=\bfor )|(?<=\battended )|(?<=\bjoined )|(?<=\bco-hosted )|(?<=\bco-organised )|"
    r"(?<=\bco-organized ))(?:a|an|the(?=\s+[A-Z]))\s+"
    r"(?P<v>(?:[\w.'’–-]+\s+){0,5}?(?:conference|forum|seminar|workshop|symposium|webinar|"
    r"trade fair|fair|exhibition|festival|dialogue|roadshow|networking reception|"
    r"business matching(?: event| day)?|"
    r"matchmaking event|investment promotion event)"
    r"(?:\s+(?:on|about|for|of|between)(?!\s+(?:" + _EN_DAY + r")\b)"
    r"(?:\s+(?!(?:in|at|with|which|that|hosted|held|organi[sz]ed|"
    r"co-organi[sz]ed|co-hosted|on|to|from|attended|drawing|where|last|next|this)\b)"
    r"[\w.'’-]+){1,8})?)(?![\w-])"
)
_EN_MOVED = (
    r"(?:has been|have been|was|were|will be|is being)\s+"
    r"(?:moved|postponed|rescheduled|pushed back|put back|delayed)\s+(?:to|until|for)\b"
)
# "A webinar on food exports took place on ...", "a networking reception ... was held": a
# lower-case head with what it is about, then a verb of holding.
_EN_HELD_AFTER = (
    r"(?:(?<=\bA )|(?<=\ba )|(?<=\bAn )|(?<=\ban ))"
    r"(?P<l>(?:[\w.'’-]+\s+){0,4}?(?:conference|forum|seminar|workshop|symposium|webinar|"
    r"trade fair|fair|exhibition|festival|roadshow|networking reception|business matching"
    r"(?: event| day)?)(?:\s+(?:on|about|for|of|between)(?:\s+(?!(?:in|at|with|was|were|"
    r"took|will|is|on|attended|hosted|held|organi[sz]ed|co-organi[sz]ed)\b)[\w.'’-]+){1,8})?)"
    r"(?=(?:\s+(?:in|at)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?:(?:,|\s+and)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*)?"
    # "a similar forum in Nagoya in June 2025": dated by its month and year
    r"(?:\s+in\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+(?:19|20)\d\d(?!\d)|\s+(?:was held|were held|"
    r"will be held|is held|took place|takes place|will take place|opened|kicked off|"
    # a verb that reports one: "A business matching conference between A and B brought
    # together 150 firms", "drew 300 delegates", "wrapped up on Sunday"
    r"brought together|drew|attracted|gathered|wrapped up|closed|concluded)|,?\s+"
    r"(?:was |will be )?(?:hosted|organi[sz]ed|co-organi[sz]ed|co-hosted|held) by"
    # "A roadshow in Osaka, first planned for May, has been moved to April 2027": held later
    r"|(?:,[^,.]{1,40},)?\s+" + _EN_MOVED + r"))"
)
# an earlier or a later edition named by its ordinal, dated in its own clause: "up from 95 at
# the first Vietnam–Japan Business Matching Forum in October 2025", "The first Vietnam–Kyushu
# forum, held in Fukuoka in September 2025, …", "the third forum is scheduled for October 2027"
EN_EDITION = (
    # also by its year or "such", after "a": "A first webinar, in June 2026, …", "The first such
    # conference, held in …", "will host the 2027 forum in November next year"
    r"(?:(?<=\b(?:the|The|its|Its) )|(?<=\b[aA] ))"
    r"(?P<p>(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|inaugural|previous|\d{1,2}(?:st|nd|rd|th)|(?:19|20)\d\d(?!\d))\s+(?:such\s+)?"
    r"(?:(?:[A-Z][\w'’&–-]*|of|and|on|for|the|-|–)\s+){0,8}?"
    r"(?:[Cc]onference|[Ff]orum|[Ss]eminar|[Ww]orkshop|[Ss]ymposium|[Ww]ebinar|[Ff]air|"
    r"[Ee]xhibition|[Ff]estival|[Rr]oadshow|[Ee]xpo|[Ss]ummit|[Dd]ialogue|Week|Day|"
    # "the first session held in Niigata City in June 2025", "the 2025 edition" (events.py
    # wants a year told for these)
    r"[Ss]ession|[Ee]dition|"
    r"[Bb]usiness [Mm]atching(?: [Dd]ay| [Ee]vent| [Ff]orum)?|[Mm]atching(?: [Dd]ay)?)(?![\w'’-])"
    r"(?:\s+(?:19|20)\d\d(?!\d))?(?:\s+of\s+(?:the|its|this)\s+kind)?)"
    # its own day or month told in its clause: "in October 2025", ", held in Fukuoka in …",
    # "is scheduled for …", "will be held on …", after an apposition ("The previous seminar, the
    # second of the series, was held in Yokohama in June 2026")
    r"(?=(?:,\s+(?:the|a|an|its)\s+[^,.;]{1,40},)?"
    r"(?:,?\s+(?:(?:was|were|is|will be)\s+)?(?:held|staged|hosted|organi[sz]ed|scheduled|"
    r"planned|set|due|took place|takes place|will take place|opened|ran))?"
    # its host: ", held by the former Vinh Phuc Province in Vinh Yen in May 2024"
    r"(?:\s+by\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?"
    r"(?:,?\s+(?:in|at)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?"
    r",?\s+(?:in|on|for|from)\s+(?:early\s+|late\s+|mid-)?(?:" + _EN_DAY + r"|(?:19|20)\d\d))"
)
EN_NAME = re.compile(
    r"(?P<e>$^)|(?P<t>$^)|"
    + EN_EDITION
    + r"|"
    + _EN_HELD
    + r"|"
    + _EN_HELD_AFTER
    + r"|(?:[“\"](?P<q>[^”\"]{4,120})[”\"])"
    # "Quang Nam–Shizuoka Business Matching Day": names joined by a dash are one word
    r"|(?<![\w'’-])(?P<n>(?:(?:the\s+)?(?:[A-Z0-9][\w'’&–-]*|of|and|for|the|on|in|-|–)\s+)*?"
    r"(?:[A-Z][\w'’–-]*\s+)(?:Conference|Forum|Seminar|Webinar|Festival|Workshop|Symposium|"
    r"Exhibition|Fair|"
    r"Expo|Summit|Dialogue|Week|Days?|Meeting|Business Matching(?: Day| Event)?|Roadshow|"
    # a whole word: "Export" is no "Expo"
    r"Friendship Exchange|Cultural Exchange|Exchange Programm?e?|Showcase|Night|Gala)(?![\w'’-])"
    # a venue is no event: "at the Can Tho Exhibition Centre", "Saigon Exhibition and
    # Convention Center", "Expo Hall"
    r"(?!\s+(?:and\s+Convention\s+)?(?:Centre|Center|Hall|Halls|Complex|Building|Grounds|Park)\b)"
    r"(?:\s+(?:\d{4}|on\s+(?!(?:" + _EN_DAY + r")\b)[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*))?)"
)
EN_VERB = re.compile(
    r"\b(?:held|hosted|organised|organized|co-organised|co-organized|opened|took place|"
    r"kicked off|launched|will hold|to hold|convened|take place|takes place|host|hosts|"
    r"brought together|brings together|wrapped up|gathered|"
    r"hosting|to be held|opens|will open|drew|attracted|stage|staged|stages|"
    r"(?:moved|postponed|rescheduled|pushed back|put back|delayed) (?:to|until|for))\b"
)
QUOTED_EVENT = {
    # a title that opens with what it is: not a quoted remark that speaks of a forum
    "vi": re.compile(r"^" + _VI_HEAD),
    # a title that ends with what it is (and perhaps "in ホーチミン", a year, a number):
    # 「みえ国際展開戦略」 is a strategy, not an exhibition (展)
    "ja": re.compile(
        r"(?:会議|会|祭|祭り|フォーラム|セミナー|ウェビナー|フェスティバル|フェア|まつり|式典|展|博|ツアー|"
        r"フェスタ|フェス|エキスポ|EXPO|Expo|"
        r"ウィーク|サミット|シンポジウム|デー|の日|マッチング|ミッション|夕べ|集い|つどい)"
        r"(?:\s*(?:in|IN|@|＠)\s*\S+|\s*(?:19|20)\d\d(?:年度?)?|\s*第?\d+回?|\s*[(（][^)）]*[)）])?$"
    ),
    "en": re.compile(
        r"Forum|Conference|Festival|Seminar|Webinar|Fair|Week|Expo|Summit|Day|Symposium|Night"
    ),
}
# "Hội nghị năm nay", "Ngày hội năm nay nằm trong …", 同会議, 本セミナー, 当フェア: the event
# told before
BACK_REFERENCE = re.compile(
    r"^\S+(?:\s+\S+)?\s+(?:năm nay|lần này|này|nói trên|trên|đó)(?:\s|$)|^同"
    r"|^[本当](?:会議|フォーラム|セミナー|ウェビナー|フェア|フェスタ|商談会|交流会|説明会|懇談会|"
    r"式典|イベント|展示会|シンポジウム)$"
)
VERBS = {"vi": VI_VERB, "ja": JA_VERB, "en": EN_VERB}
NAMES = {"vi": VI_NAME, "ja": JA_NAME, "en": EN_NAME}
# "Hội thảo mang tên “…”": the name of the event just told by its kind
NAMING = re.compile(r"^(\w+ \w+) (?:mang tên|có tên|với chủ đề|có chủ đề|chủ đề|với tên gọi) [“\"]")
