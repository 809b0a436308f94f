"""Sectors through the matching engine's concept glossary (kakehashi.matching.engine.glossary):
the concepts of a sentence, with their broader concepts, are mapped to the sector keys of
directory/data/sectors.csv by SECTOR_OF below; the sector labels themselves (in vi, ja, en)
count too. A sector mention spans the first term of the concept found in the sentence."""

from __future__ import annotations

from kakehashi.directory.reference_rows import sector_rows
from kakehashi.news.engine.text import Sentence, lower

# concept (or broader concept) -> sector key
SECTOR_OF = {
    "investment": "investment",
    "trade": "trade",
    "agriculture": "agriculture",
    "fisheries": "agriculture",
    "forestry": "agriculture",
    "food_processing": "agriculture",
    "digital_transformation": "digital_transformation",
    "it_services": "digital_transformation",
    "smart_city": "smart_city",
    "urban_planning": "smart_city",
    "local_cooperation": "local_cooperation",
    "human_resources": "human_resources",
    "education": "education_training",
    "green_growth": "green_growth",
    "environment": "green_growth",
    "renewable_energy": "green_growth",
    "energy_efficiency": "green_growth",
    "innovation": "innovation",
    "rnd": "innovation",
    "technology_transfer": "innovation",
    "tourism": "culture_tourism",
    "culture_exchange": "culture_tourism",
    "healthcare": "healthcare",
}


def _labels() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in sector_rows():
        for language in ("vi", "ja", "en"):
            out.setdefault(language, []).append((row[f"label_{language}"], row["key"]))
    return out


def sectors_in(sentences: list[Sentence], language: str) -> list[tuple[int, int, str]]:
    """(start, end, sector key) of each sector named in each sentence, first term first."""
    from kakehashi.matching.engine.glossary import concepts_in, glossary

    g = glossary()
    labels = _labels()[language]
    out: list[tuple[int, int, str]] = []
    for sentence in sentences:
        low = lower(sentence.text)
        found: dict[str, tuple[int, int]] = {}
        for concept in concepts_in(sentence.text, language):
            for broader in sorted(g.expand([concept])):
                key = SECTOR_OF.get(broader)
                if key is None:
                    continue
                for term in g.concepts[concept].terms.get(language, ()):
                    at = low.find(lower(term))
                    if at >= 0:
                        span = (sentence.start + at, sentence.start + at + len(term))
                        if key not in found or span < found[key]:
                            found[key] = span
                        break
        for label, key in labels:
            at = low.find(lower(label))
            if at >= 0 and key not in found:
                found[key] = (sentence.start + at, sentence.start + at + len(label))
        for key, (start, end) in found.items():
            out.append((start, end, key))
    out.sort()
    return out
