"""The demo speaks of Vietnam after the 2025 reforms: Departments of Planning and Investment
were merged into Departments of Finance and the labour departments into Departments of Home
Affairs (1 March 2025); districts ("huyện") were abolished on 1 July 2025."""

import json

import pytest
from django.apps import apps
from django.db import models

from kakehashi.demo.loader import load_demo
from kakehashi.insights.models import Outcome
from kakehashi.messaging.models import Message
from kakehashi.obstacles.models import Obstacle

FORBIDDEN = [
    "kế hoạch và đầu tư",
    "planning and investment",
    "thương binh và xã hội",
    "lao động – thương binh",
    "lao động - thương binh",
    "huyện",
]
TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


@pytest.fixture
def demo(db):
    load_demo()


def every_text(model):
    fields = [f.name for f in model._meta.concrete_fields if isinstance(f, TEXT_FIELDS)]
    if not fields:
        return
    for row in model.objects.values_list("pk", *fields):
        for name, value in zip(fields, row[1:], strict=True):
            if value is None:
                continue
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            yield f"{model._meta.label}#{row[0]}.{name}", text


def test_no_text_of_the_demo_names_a_unit_abolished_in_2025(demo):
    found = [
        (where, term)
        for model in apps.get_models()
        for where, text in every_text(model)
        for term in FORBIDDEN
        if term in text.casefold()
    ]
    assert found == []


def test_work_permit_and_work_visa_are_told_apart_and_the_pilot_follows_its_training(demo):
    obstacle = Obstacle.objects.get(title__startswith="技術者の")
    assert "労働許可証" in obstacle.title and "就労ビザ" not in obstacle.title
    assert "giấy phép lao động" in obstacle.resolution_reason
    training = Outcome.objects.get(note__contains="picking-robot pilot")
    pilot_start = "2026年11月"
    assert training.occurred_on.isoformat() < "2026-11-01"
    assert Message.objects.filter(body__contains=pilot_start).exists()
    assert not Message.objects.filter(body__contains="来年").exists()
