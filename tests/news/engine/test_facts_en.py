from tests.news.engine.helpers import facts, org, place


def test_event():
    text = (
        "On November 25, the Ministry of Foreign Affairs and the Embassy of Japan in Viet Nam held "
        "the Vietnam-Japan Local Cooperation Conference in Hanoi, with 40 one-on-one meetings on "
        "investment and agriculture."
    )
    assert facts(text, "en", kind="event") == [
        {
            "type": "event",
            "name": "Vietnam-Japan Local Cooperation Conference",
            "date": "2023-11-25",
            "organisers": [
                org("Ministry of Foreign Affairs", "mofa-vn"),
                org("Embassy of Japan in Viet Nam", "embassy-jp-vn"),
            ],
            "sectors": ["local_cooperation", "investment", "agriculture"],
            "one_to_one_meetings": 40,
        }
    ]


def test_visit_received_by_a_vice_chairman():
    text = (
        "Vice Chairman of the Ho Chi Minh City People's Committee Vo Van Hoan received Japanese "
        "Vice Minister of Foreign Affairs Yamada Kenji on March 12 to discuss cooperation with "
        "Japanese localities."
    )
    assert facts(text, "en", kind="visit") == [
        {
            "type": "visit",
            "visitor": "Yamada Kenji",
            "visitor_role": "Vice Minister",
            "host": "Vo Van Hoan",
            "host_role": "Vice Chairman",
            "host_locality": place("Ho Chi Minh City", "ho-chi-minh-city"),
            "date": "2023-03-12",
            "purpose": "cooperation with Japanese localities",
        }
    ]
    people = facts(text, "en", kind="person")
    assert [(p["name"], p["role"], p["country"]) for p in people] == [
        ("Vo Van Hoan", "Vice Chairman", "VN"),
        ("Yamada Kenji", "Vice Minister", "JP"),
    ]


def test_governor_before_the_name_and_an_agreement():
    text = (
        "Aichi Governor Omura Hideaki visited Binh Duong province in 2024, where the two sides "
        "signed a memorandum of understanding on human resources development."
    )
    [visit] = facts(text, "en", kind="visit")
    assert (visit["visitor"], visit["visitor_role"], visit["host_locality"]) == (
        "Omura Hideaki",
        "Governor",
        place("Binh Duong province", "binh-duong-before-2025"),
    )
    assert facts(text, "en", kind="agreement") == [
        {
            "type": "agreement",
            "parties": [
                place("Aichi", "aichi-prefecture"),
                place("Binh Duong province", "binh-duong-before-2025"),
            ],
            "agreement_type": "field_mou",
            "type_as_stated": "memorandum of understanding",
            "field": "human resources development",
            "date": "2024",
            "status": "signed",
        }
    ]


def test_priority_partners_count_proposal_milestone():
    text = (
        "Ho Chi Minh City welcomed the delegation. The city has set up ties with seven Japanese "
        "localities and named Osaka Prefecture, Kanagawa and Osaka City as priority partners "
        "until 2025. Mr. Ito Naoki, Ambassador of Japan to Viet Nam, proposed a direct channel "
        "between businesses of the two countries. The two countries celebrate the 50th "
        "anniversary of diplomatic relations (1973-2023)."
    )
    assert facts(text, "en", kind="partnership_count") == [
        {
            "type": "partnership_count",
            "locality": place("The city", "ho-chi-minh-city"),
            "country": "JP",
            "count": 7,
        }
    ]
    assert facts(text, "en", kind="priority_partners") == [
        {
            "type": "priority_partners",
            "locality": place("The city", "ho-chi-minh-city"),
            "partners": [
                place("Osaka Prefecture", "osaka-prefecture"),
                place("Kanagawa", "kanagawa-prefecture"),
                place("Osaka City", "osaka-city"),
            ],
            "list_size": 7,
            "until": "2025",
        }
    ]
    assert facts(text, "en", kind="proposal") == [
        {
            "type": "proposal",
            "text": "a direct channel between businesses of the two countries",
            "by": "Ito Naoki",
        }
    ]
    assert facts(text, "en", kind="person") == [
        {
            "type": "person",
            "name": "Ito Naoki",
            "role": "Ambassador",
            "organisation": None,
            "country": "JP",
        }
    ]
    assert facts(text, "en", kind="milestone") == [
        {
            "type": "milestone",
            "what": "50th anniversary of diplomatic relations",
            "years": 50,
            "period": "1973-2023",
        }
    ]
