"""The patterns of dates.py: how the press writes a date, a month, a year, a range or a
day told relative to another, in each language (each pattern names its kind)."""

from __future__ import annotations

import re

ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_Y = r"(?P<y>(?:19|20)\d\d)"
_Y2 = r"(?P<y2>(?:19|20)\d\d)"
_D = r"(?P<d>[0-3]?\d)"
_M = r"(?P<m>[01]?\d)"
_REL = r"(?P<rel>昨年|今年|本年|来年)"
_NB = r"(?<![\d/.\w])"
_VI_COUNT = r"hai|ba|bốn|năm|sáu|bảy|[2-7]"
_EN_COUNT = r"two|three|four|five|six|seven|[2-7]"
COUNTS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "two": 2, "three": 3,
          "four": 4, "five": 5, "six": 6, "seven": 7, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7}  # fmt: skip  # not inside a number or a word
_NA = r"(?![\d/]|\.\d)"
_DASH = r"\s*[-–—~〜～]\s*"
# A day/month without its year is a date after these words only ("Chiều 25/11", "ngày 11/3",
# "(25/11)"), not in "tỷ lệ 1/2".
_CUE = (
    r"(?:(?<=ngày )|(?<=sáng )|(?<=chiều )|(?<=tối )|(?<=trưa )|(?<=đêm )|(?<=\()|(?<=, )"
    r"|(?<=vào )|(?<=từ )|(?<=đến )|(?<=hôm )|(?<=^))"
)

PATTERNS: dict[str, list[tuple[str, str]]] = {
    "vi": [
        ("range", _NB + r"(?:từ\s+(?:năm\s+)?)?" + _Y + r"(?:" + _DASH
                  + r"|\s+(?:đến|tới)\s+(?:năm\s+)?)" + _Y2 + _NA),
        # "đến năm tài chính 2030": a Japanese fiscal year told in Vietnamese
        ("until", r"(?:đến|tới|cho đến|trước)\s+(?:hết\s+)?(?:năm\s+)?(?:tài (?:chính|khóa)\s+)?"
                  + _Y + _NA),
        # "từ ngày 2 đến 6/7/2023": the first day
        ("date", r"(?<=ngày )" + _D + r"\s+(?:đến|tới|-|–)\s+(?:ngày\s+)?[0-3]?\d\s*/\s*" + _M
                 + r"(?:\s*/\s*" + _Y + r")?" + _NA),
        # "trong hai ngày 14 và 15/11", "các ngày 14, 15/11": the first day
        ("date", r"(?<=ngày )" + _D + r"\s*(?:,|\svà)\s+[0-3]?\d\s*/\s*" + _M
                 + r"(?:\s*/\s*" + _Y + r")?" + _NA),
        ("date", _NB + _D + r"\s*[/.-]\s*" + _M + r"\s*[/.-]\s*" + _Y + _NA),
        ("date", _NB + _D + r"\s+tháng\s+" + _M + r"(?:\s*(?:năm|,)\s*" + _Y + r")?" + _NA),
        ("month", r"tháng\s+" + _M + r"\s*(?:/|năm|,)\s*" + _Y + _NA),
        # "tháng 10 năm ngoái", "tháng 3 năm sau": a month of the year before or after
        ("month", r"(?<![\w])tháng\s+" + _M + r"\s+(?P<rel>năm ngoái|năm trước|năm sau|năm tới)"
                  r"(?!\w)"),
        ("date", _CUE + _D + r"\s*/\s*" + _M + r"(?!\s*/?\s*\d|\w)"),
        ("date", r"(?<=ngày )" + _D + r"-" + _M + r"(?![\d-]|\w)"),
        ("month", r"(?<![\w])tháng\s+" + _M + r"(?![\d/]|\s*năm)(?=[\s,.;)]|$)"),
        ("year", r"(?:năm\s+)" + _Y + _NA),
        # "Năm ngoái, Ngày hội … thu hút …": the year before publication
        ("year", r"(?<!\w)(?P<rel>[Nn]ăm ngoái)(?!\w)"),
        # "quý I/2027": a quarter, told by its year
        ("year", r"(?<!\w)quý\s+(?:I{1,3}|IV|[1-4])\s*(?:/|năm)\s*" + _Y + _NA),
        ("nextday", r"(?<!\w)(?:(?:ngày|sáng|chiều)\s+)?hôm sau(?!\w)"),
        ("prevday", r"(?<!\w)(?:(?:ngày|sáng|chiều|tối)\s+)?hôm trước(?!\w)"
                    r"|(?<!\w)(?:một|1) ngày trước đó(?!\w)"
                    r"|(?<!\w)[Tt]rước đó (?:một|1) ngày(?!\w)"),
        # "hai ngày sau", "3 ngày sau đó": days after the one told before
        ("later", r"(?<!\w)(?P<n>" + _VI_COUNT + r")\s+ngày\s+sau(?:\s+đó)?(?!\w)"),
        # "hai ngày trước đó": that many days before the one told before
        ("earlier", r"(?<!\w)(?P<n>" + _VI_COUNT + r")\s+ngày\s+trước\s+đó(?!\w)"),
        # "Trước đó hai ngày": the same, the count after
        ("earlier", r"(?<!\w)[Tt]rước đó\s+(?P<n>" + _VI_COUNT + r")\s+ngày(?!\w)"),
        # "hôm qua", "sáng qua", "sáng nay", "hôm nay": the day before or of publication
        ("yesterday", r"(?<!\w)(?:hôm|sáng|chiều|tối|trưa)\s+qua(?!\w)"),
        ("today", r"(?<!\w)(?:hôm|sáng|chiều|tối|trưa)\s+nay(?!\w)"),
    ],
    "ja": [
        # 令和8年度から令和12年度まで, 令和8年度～12年度: a period of an era's (fiscal) years
        ("range", r"(?P<era>令和|平成)(?P<ey>\d{1,2}|元)年度?\s*(?:から|より|[-–—~〜～])\s*"
                  r"(?P<era2>令和|平成)?(?P<ey2>\d{1,2})年度?"),
        ("until", r"(?P<era>令和|平成)(?P<ey>\d{1,2}|元)年度?末?(?:まで|までに)"),
        ("date", r"(?P<era>令和|平成|昭和)(?P<ey>\d{1,2}|元)年\s*" + _M + r"月\s*" + _D + r"日"),
        ("month", r"(?P<era>令和|平成|昭和)(?P<ey>\d{1,2}|元)年\s*" + _M + r"月"),
        # 令和6年には…式典が開かれ: a year of an era alone
        ("year", r"(?P<era>令和|平成|昭和)(?P<ey>\d{1,2}|元)年(?=に|は|、|の|から|まで)"),
        ("range", _Y + r"年?" + _DASH + _Y2 + r"年"),
        ("range", _Y + r"年(?:から|より)" + _Y2 + r"年"),
        # 2027～30年度, 2027年度から30年度まで: the last year by its last two digits
        ("range", _Y + r"(?:年度?)?(?:" + _DASH + r"|から|より)(?P<y2s>\d\d)年度?"),
        ("until", _Y + r"年(?:度)?末?(?:まで|までに)"),
        # （28年度まで）: a year of this century by its last two digits, after a plan's years
        ("until", r"(?<![\d和成])(?P<ys>[2-4]\d)年度末?(?:まで|までに)"),
        ("date", _Y + r"年\s*" + _M + r"月\s*" + _D + r"日"),
        # 来年3月, 今年11月20日: a month of the year before, of or after publication
        ("date", _REL + r"\s*" + _M + r"月\s*" + _D + r"日"),
        ("month", _REL + r"\s*" + _M + r"月"),
        ("date", r"(?<![\d年])" + _M + r"月\s*" + _D + r"日"),
        ("month", _Y + r"年\s*" + _M + r"月"),
        ("month", r"(?<![\d年])" + _M + r"月(?![\d日])(?=に|から|中|末|上旬|中旬|下旬|、|の)"),
        ("date", _Y + r"/" + _M + r"/" + _D + _NA),
        ("year", _Y + r"年"),
        # 先月28日, 今月12日, 来月5日: a day of the month before, of or after publication
        ("relmonth", r"(?P<rm>先月|今月|本月|来月)\s*" + _D + r"日"),
        # "県は18日、…": a day of the month the article is published in
        # (21日と22日に: the first of the two)
        # 翌2日, 翌日: the day after the one told before (翌2日 is that month's 2nd)
        ("aftermonthday", r"(?<=翌)(?P<d>[1-3]?\d)日"),
        ("monthday", r"(?<![\d月年/と〜～~])(?P<d>[1-3]?\d)日"
                     r"(?=、|に|は|から|まで|午前|午後|夜|朝|の|と[1-3]?\d日)"),
        ("nextday", r"翌日|翌朝"),
        ("prevday", r"前日"),
        ("later", r"(?P<n>[2-7二三四五六七])日後"),
        ("earlier", r"(?P<n>[2-7二三四五六七])日前(?=、|に|の|には)"),
        ("yesterday", r"昨日(?=、|は|に|の午前|の午後|午前|午後|夜|朝)"),
        ("today", r"本日(?=、|は|に|の午前|の午後|午前|午後|夜|朝)"),
    ],
    "en": [
        # "the 2026–30 period", "FY2026-30": the second year by its last two digits
        ("range", _NB + _Y + _DASH + r"(?P<y2s>\d\d)(?![\d/.]|\s*%)"),
        ("range", _NB + r"(?:from\s+)?" + _Y + r"(?:" + _DASH + r"|\s+(?:to|until)\s+)"
                  + _Y2 + _NA),
        # "until 2030", "through fiscal 2029", "by the end of FY2030"
        ("until", r"(?i:until|till|through|to|by|up to)\s+(?:the\s+end\s+of\s+)?"
                  r"(?:(?i:fiscal)\s+(?:year\s+)?|FY\s*)?" + _Y + _NA),
        # "March 15 to 19, 2027", "January 14-15, 2027": the year told after the last day
        # ("In May 12 companies …": the month, then a count, is no day)
        ("date", r"(?:(?<!\b[Ii]n )|(?![A-Za-z]+\.?\s+\d{1,2}\s+[a-z]))"
                 r"(?i:" + _MON + r")\s+" + _D + r"(?:st|nd|rd|th)?(?:\s*(?:to|until|through|"
                 r"and|[-–])\s*(?:[A-Z][a-z]+\.?\s+)?[0-3]?\d(?:st|nd|rd|th)?"
                 r"(?=,?\s+(?:19|20)\d\d(?!\d)))?(?:,?\s+" + _Y + r")?(?![\d])"),
        ("date", _NB + _D + r"(?:st|nd|rd|th)?\s+(?i:" + _MON + r")(?:,?\s+" + _Y + r")?(?![\d])"),
        ("month", r"(?i:" + _MON + r")\s+(?:of\s+)?" + _Y + _NA),
        # "Last March, …", "in March last year" is the year's: the latest March before
        ("month", r"\b(?P<last>[Ll]ast)\s+(?P<mon>January|February|March|April|May|June|July|"
                  r"August|September|October|November|December)\b"),
        ("month", r"(?i:" + _MON + r")\s+(?P<rel>last year|next year)\b"),
        # "in November", "In July, …": a month told alone, of the year up to publication
        ("month", r"(?:(?<=\b[Ii]n )|(?<=\b[Dd]uring )|(?<=\b[Ee]arly )|(?<=\b[Ll]ate ))"
                  r"(?P<mon>January|February|March|April|May|June|July|August|September|"
                  r"October|November|December)\b(?!\s*\d(?!\d?\s+[a-z]))(?!,?\s+(?:19|20)\d\d)"),
        ("date", _NB + _D + r"/" + _M + r"/" + _Y + _NA),
        ("date", _NB + _Y + r"-" + r"(?P<m2>[01]\d)-(?P<d2>[0-3]\d)" + _NA),
        ("year", r"(?i:in|since|of|year)\s+" + _Y + _NA),
        # "a similar seminar in Hanoi last year": the year before publication
        ("year", r"\b(?P<rel>(?i:last year|next year))\b"),
        # "on Tuesday": the last such day up to publication (the next one for what is to come)
        # "…, the prefectural government said Wednesday" (the press's day of the news), and
        # the weekday alone as the press writes it: "received the delegation Tuesday",
        # "Tuesday's talks", "Late Monday" (not a weekday of every week nor a holiday's name)
        ("weekday", r"(?<!\bevery )(?<!\bEvery )(?<!\bBlack )(?<!\bGood )(?<!\bSuper )"
                    r"(?<!\bCyber )\b"
                    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!s\b)"
                    r"(?!,? \(?(?:January|February|March|April|May|June|July|August|September|"
                    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|"
                    r"\d))"),
        ("nextday", r"(?i:\b(?:the|on the) (?:following|next) (?:day|morning|afternoon|evening)\b"
                    r"|\bthe day after\b)"),
        ("prevday", r"(?i:\b(?:the|on the) (?:previous|preceding) (?:day|evening)\b"
                    r"|\bthe day before\b"
                    r"|\ba day earlier\b)"),
        ("later", r"(?i:\b(?P<n>" + _EN_COUNT + r") days later\b)"),
        ("earlier", r"(?i:\b(?P<n>" + _EN_COUNT + r") days (?:earlier|before)\b)"),
        ("yesterday", r"(?i:\byesterday\b)"),
        ("today", r"(?:(?<=^)|(?<=\n)|(?<=\. ))(?i:today)\b(?!'s|’s)"
                  r"|(?i:\b(?:earlier|later) today\b|\bthis (?:morning|afternoon)\b)"),
    ],
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
COMPILED = {
    language: [
        (kind, re.compile(pattern, re.IGNORECASE if language == "vi" else 0))
        for kind, pattern in patterns
    ]
    for language, patterns in PATTERNS.items()
}
