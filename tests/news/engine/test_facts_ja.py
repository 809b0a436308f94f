from tests.news.engine.helpers import facts, org, place


def test_event_with_organisers_and_meetings():
    text = (
        "在ベトナム日本国大使館とベトナム外務省は2023年11月25日、ハノイで「日越地方協力会議」を"
        "開催し、40件の個別面談が行われた。会議では投資や農業について意見が交わされた。"
    )
    assert facts(text, "ja", kind="event") == [
        {
            "type": "event",
            "name": "日越地方協力会議",
            "date": "2023-11-25",
            "organisers": [
                org("在ベトナム日本国大使館", "embassy-jp-vn"),
                org("ベトナム外務省", "mofa-vn"),
            ],
            "sectors": ["investment", "agriculture"],
            "one_to_one_meetings": 40,
        }
    ]


def test_talks_with_a_katakana_name_and_a_vice_minister():
    text = (
        "11月24日、ホーチミン市人民委員会のボー・バン・ホアン副委員長は、"
        "山田健二外務副大臣と会談した。"
    )
    assert facts(text, "ja", kind="visit") == [
        {
            "type": "visit",
            "visitor": "山田健二",
            "visitor_role": "外務副大臣",
            "host": "ボー・バン・ホアン",
            "host_role": "副委員長",
            "host_locality": place("ホーチミン市", "ho-chi-minh-city"),
            "date": "2023-11-24",
            "purpose": None,
        }
    ]
    assert facts(text, "ja", kind="person") == [
        {
            "type": "person",
            "name": "ボー・バン・ホアン",
            "role": "副委員長",
            "organisation": org("ホーチミン市人民委員会"),
            "country": "VN",
        },
        {
            "type": "person",
            "name": "山田健二",
            "role": "外務副大臣",
            "organisation": None,
            "country": "JP",
        },
    ]


def test_governor_visits_and_signs_a_memorandum():
    text = (
        "愛知県の大村秀章知事は令和5年8月3日、ビンズオン省を訪問し、"
        "人材育成分野に関する覚書を締結した。"
    )
    [visit] = facts(text, "ja", kind="visit")
    assert (visit["visitor"], visit["visitor_role"], visit["host_locality"], visit["date"]) == (
        "大村秀章",
        "知事",
        place("ビンズオン省", "binh-duong-before-2025"),
        "2023-08-03",
    )
    assert facts(text, "ja", kind="agreement") == [
        {
            "type": "agreement",
            "parties": [
                place("愛知県", "aichi-prefecture"),
                place("ビンズオン省", "binh-duong-before-2025"),
            ],
            "agreement_type": "field_mou",
            "type_as_stated": "覚書",
            "field": "人材育成",
            "date": "2023-08-03",
            "status": "signed",
        }
    ]


def test_priority_partners_and_count_with_doshi():
    text = (
        "ホーチミン市は日本の自治体との交流に力を入れている。同市は大阪府、神奈川県など7つの日本の"
        "自治体を優先交流先と位置づけ、2025年まで協力を進める。同市はすでに7の日本の自治体と友好"
        "関係を結んでいる。"
    )
    assert facts(text, "ja", kind="priority_partners") == [
        {
            "type": "priority_partners",
            "locality": place("同市", "ho-chi-minh-city"),
            "partners": [
                place("大阪府", "osaka-prefecture"),
                place("神奈川県", "kanagawa-prefecture"),
            ],
            "list_size": 7,
            "until": "2025",
        }
    ]
    assert facts(text, "ja", kind="partnership_count") == [
        {
            "type": "partnership_count",
            "locality": place("同市", "ho-chi-minh-city"),
            "country": "JP",
            "count": 7,
        }
    ]


def test_proposal_renewal_and_milestone():
    text = (
        "北九州市の市長は、両市の祭りを交互に開催することを提案した。"
        "北九州市とハイフォン市は友好交流協定を更新した。"
        "2023年は日越外交関係樹立50周年（1973年〜2023年）にあたる。"
    )
    [proposal] = facts(text, "ja", kind="proposal")
    assert proposal["text"] == "両市の祭りを交互に開催する"
    [agreement] = facts(text, "ja", kind="agreement")
    assert agreement["status"] == "renewed"
    assert facts(text, "ja", kind="milestone") == [
        {
            "type": "milestone",
            "what": "2023年は日越外交関係樹立50周年",
            "years": 50,
            "period": "1973-2023",
        }
    ]
    assert facts(text, "ja", kind="event") == []
