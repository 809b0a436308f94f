"""The news engine: facts about Vietnam–Japan cooperation from articles in Vietnamese, Japanese
and English. Pure Python, no Django, nothing downloaded. See docs/news-format.md.

    from kakehashi.news.engine import extract, Gazetteer
    doc = extract(text, language=None, published=None, gazetteer=None)
"""

from kakehashi.news.engine.extract import FORMAT, LANGUAGES, extract
from kakehashi.news.engine.gazetteer import Gazetteer

__all__ = ["FORMAT", "LANGUAGES", "Gazetteer", "extract"]
