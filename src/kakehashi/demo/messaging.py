"""Demo conversations, written through the real services: a Japanese robotics company and a
Ho Chi Minh City cold-chain company follow up a pilot (November 2026, three months) after
the operators' training in October 2026, recorded as an outcome of the thread; Ho Chi Minh
City's foreign affairs department prepares a delegation with Osaka Prefecture, its last
message left unread. Each subject says "demo"; a second load changes nothing."""

from __future__ import annotations

import datetime as dt

from kakehashi.insights.models import OutcomeKind
from kakehashi.insights.services import outcome_source, record_outcome
from kakehashi.messaging import services
from kakehashi.messaging.models import Thread

CONVERSATIONS = [
    # (subject, (from organisation, user), (to organisation, user), messages as (side, text),
    #  the side that has not read the last message yet, or None)
    (
        "倉庫自動化の実証について / Thí điểm tự động hóa kho (demo)",
        ("naniwa-robotics", "robotics"),
        ("saigon-coldchain", "coldchain"),
        [
            (
                0,
                "10月に大阪の当社拠点で行った2週間の運用研修へのご参加、ありがとうございました。"
                "2026年11月から3か月間の冷凍倉庫でのピッキングロボットの実証について、"
                "結果の共有方法をご相談させてください。",
            ),
            (
                1,
                "Cảm ơn quý công ty. 6 kỹ thuật viên của chúng tôi đã hoàn thành khóa đào tạo "
                "vận hành. Chúng tôi đề nghị hai bên cùng tổng kết kết quả thí điểm tại kho "
                "Củ Chi khi kết thúc ba tháng thí điểm.",
            ),
            (0, "承知しました。実証の終了後、報告書を日本語とベトナム語でお送りします。"),
        ],
        None,
    ),
    (
        "Chuẩn bị đoàn công tác tháng 3 / 3月の訪問団の準備 (demo)",
        ("hcmc-dofa", "hcmc"),
        ("osaka-intl", "osaka"),
        [
            (
                0,
                "Sở Ngoại vụ TP.HCM dự kiến đưa đoàn 12 doanh nghiệp sang Osaka vào tháng 3. "
                "Xin quý phòng gợi ý các doanh nghiệp phù hợp.",
            ),
            (
                1,
                "ご連絡ありがとうございます。食品加工と物流の企業を中心に、候補を10社ほど"
                "ご紹介します。",
            ),
        ],
        0,
    ),
]


def load_conversations(places, users) -> int:
    """Open the demo threads once, post their messages and record the outcome."""
    opened = 0
    for subject, (from_key, from_user), (to_key, to_user), messages, unread in CONVERSATIONS:
        if Thread.objects.filter(subject=subject).exists():
            continue
        sides = [users[from_user], users[to_user]]
        first_side, first_text = messages[0]
        thread = services.open_thread(
            subject=subject,
            from_organisation=places.organisations[from_key],
            to_organisation=places.organisations[to_key],
            by=sides[first_side],
            body=first_text,
        )
        for side, text in messages[1:]:
            services.post_message(thread=thread, by=sides[side], body=text)
        for side, user in enumerate(sides):
            if side != unread:
                services.mark_read(thread=thread, user=user)
        opened += 1
        if from_key == "naniwa-robotics":
            record_outcome(
                kind=OutcomeKind.TRAINING,
                occurred_on=dt.date(2026, 10, 15),
                note="Demo: operators trained in Osaka before the picking-robot pilot "
                "(November 2026, three months).",
                is_demo=True,
                by=users[from_user],
                **outcome_source(thread=thread),
            )
    return opened
