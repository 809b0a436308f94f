"""Demo obstacles, taken through the real workflow: routing rules for Ho Chi Minh City and
Hanoi, one difficulty resolved with a public summary, one in progress, one waiting past its
deadline (so that escalation and the authority's queue have something to show). Each is
marked demo and its title says so."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from kakehashi.demo.record_translations import load_obstacle_translations
from kakehashi.obstacles import services
from kakehashi.obstacles.models import Obstacle, RoutingRule
from kakehashi.obstacles.services import ObstacleInput

# The authority wrote the resolved obstacle's public summary in English.
RESOLVED_SUMMARY = (
    "Work permits for the two engineers were renewed in 10 working days after the Department "
    "of Foreign Affairs put the company in touch with the online service of the Department of "
    "Home Affairs, which issues work permits."
)

RULES = [
    # (authority organisation key, locality ref, category, deadline in days)
    ("hcmc-dofa", "vn:79", "any", 30),
    ("hanoi-dpi", "vn:01", "any", 30),
]

OBSTACLES = [
    # (reporter organisation key, reporter user key, locality ref, category, title, text, end)
    (
        "naniwa-robotics",
        "robotics",
        "vn:79",
        "labour",
        "技術者の労働許可証の更新に時間がかかる（デモ）",
        "ホーチミン市の実証拠点に派遣している日本人技術者2名の労働許可証の更新に3か月以上"
        "かかっており、更新が済まないと就労ビザの延長も申請できません。必要書類と手続きの"
        "短縮について相談したいです。",
        "resolved",
    ),
    (
        "saigon-coldchain",
        "coldchain",
        "vn:79",
        "land",
        "Chậm bàn giao mặt bằng kho lạnh tại Củ Chi (demo)",
        "Dự án kho lạnh đã có chủ trương đầu tư nhưng việc bồi thường, giải phóng mặt bằng "
        "2 ha còn lại chưa xong sau 8 tháng. Đề nghị Sở hỗ trợ làm việc với UBND xã.",
        "in_progress",
    ),
    (
        "kansai-vn-business",
        "robotics",
        "vn:01",
        "customs",
        "Customs valuation of machine-tool spare parts (demo)",
        "Spare parts imported for warranty repairs are valued as new goods at customs in Hanoi, "
        "doubling the duty. Members ask for guidance on the applicable valuation method.",
        "overdue",
    ),
]


def load_obstacles(places, users) -> int:
    """Create the demo rules and obstacles once (a second load changes nothing)."""
    admin = users["admin"]
    for authority, locality, category, days in RULES:
        organisation, place = places.organisations[authority], places.locality(locality)
        if not RoutingRule.objects.filter(authority=organisation, locality=place).exists():
            services.save_rule(
                by=admin,
                authority=organisation,
                category=category,
                locality=place,
                deadline_days=days,
            )
    for reporter, user, locality, category, title, text, end in OBSTACLES:
        if Obstacle.objects.filter(title=title).exists():
            continue
        obstacle = services.file_obstacle(
            data=ObstacleInput(
                title=title,
                category=category,
                locality=places.locality(locality),
                description=text,
            ),
            organisation=places.organisations[reporter],
            by=users[user],
        )
        Obstacle.objects.filter(pk=obstacle.pk).update(is_demo=True)
        if end == "overdue":
            past = timezone.localdate() - dt.timedelta(days=5)
            Obstacle.objects.filter(pk=obstacle.pk).update(
                deadline=past, created_at=timezone.now() - dt.timedelta(days=35)
            )
            continue
        owner = users["hcmc"]
        obstacle = services.assign(obstacle=obstacle, owner=owner, by=owner)
        obstacle = services.start(obstacle=obstacle, by=owner)
        if end == "resolved":
            services.resolve(
                obstacle=obstacle,
                by=owner,
                reason="Sở Nội vụ đã tiếp nhận hồ sơ trực tuyến và cấp lại giấy phép lao động "
                "trong 10 ngày làm việc.",
                public_summary=RESOLVED_SUMMARY,
                summary_language="en",
            )
    # A demo loaded before summaries had a language of their own took the obstacle's.
    Obstacle.objects.filter(is_demo=True, public_summary=RESOLVED_SUMMARY).update(
        summary_language="en"
    )
    load_obstacle_translations()
    return Obstacle.objects.filter(is_demo=True).count()
