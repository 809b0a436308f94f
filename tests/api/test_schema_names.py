"""Two schemas of one name become one component in the OpenAPI document, and every operation
then documents the wrong shape for one of them (a thread's parties were documented as a
partnership's)."""

import importlib
import pkgutil
from collections import defaultdict

from ninja import Schema

import kakehashi.api


def _subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _subclasses(subclass)


def test_no_two_api_schemas_share_a_name():
    for module in pkgutil.walk_packages(kakehashi.api.__path__, "kakehashi.api."):
        importlib.import_module(module.name)
    modules = defaultdict(set)
    for schema in _subclasses(Schema):
        if schema.__module__.startswith("kakehashi.api."):
            modules[schema.__name__].add(schema.__module__)
    assert {name: found for name, found in modules.items() if len(found) > 1} == {}
