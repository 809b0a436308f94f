"""The Markdown report of bench/news.py (the news section of docs/benchmarks.md)."""

from __future__ import annotations

from collections import Counter, defaultdict

from news_scoring import TYPES, Counts

LANGUAGES = ("vi", "ja", "en")
TARGET_TYPES = ("event", "visit", "priority_partners", "person")
RECALL_TARGET = 0.85
PRECISION_TARGET = 0.9
LISTED = {"misses": 25, "extras": 8}


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _counts(raw: dict | None) -> Counts:
    return Counts(**raw) if raw else Counts()


def _total(per_type: dict) -> Counts:
    total = Counts()
    for kind in TYPES:
        total.add(_counts(per_type.get(kind)))
    return total


def _machine(results: dict) -> list[str]:
    host = results["host"]
    packages = ", ".join(f"{name} {version}" for name, version in host["packages"].items())
    load = " / ".join(f"{v:.2f}" for v in host["load_at_start"])
    load_end = " / ".join(f"{v:.2f}" for v in host.get("load_at_end", ()))
    return [
        f"- Command: `{results['command']}`",
        f"- Date: {results['date']}; commit {host['commit']}",
        f"- Machine: {host['cpu']}, {host['cores']} cores, {host['memory_gb']} GB RAM; "
        f"Python {host['python']} on {host['platform']}",
        f"- Packages: {packages}",
        f"- Load average (1/5/15 min) before: {load}, after: {load_end}",
        f"- Wall time of the run: {results['wall_seconds']:.0f} s",
    ]


def _set_line(figures: dict) -> str:
    per_language = ", ".join(f"{k} {figures['per_language'].get(k, 0)}" for k in LANGUAGES)
    per_type = ", ".join(f"{k} {n}" for k, n in figures["facts_per_type"].items())
    return (
        f"{figures['articles']} articles ({per_language}), {figures['with_publication_date']} "
        f"with a publication date; {figures['facts']} expected facts ({per_type})"
    )


def _inputs(results: dict) -> list[str]:
    how = (
        "the language left to the engine (`--detect-language`)"
        if results["detect_language"]
        else "each article's language given"
    )
    source = (
        f"saved outputs from `{results['source']}`"
        if results["source"] != "kakehashi.news.engine"
        else "`kakehashi.news.engine.extract(text, language=…, published=…)`"
    )
    split = results["split"]
    lines = [
        "Labelled set `bench/data/news/` (written for the project; see its README): "
        f"{_set_line(results['set'])}.",
        "",
        f"The set is split in two fixed halves ({split['rule']}; `news_data.split`). The "
        "**held-out** half is the headline: an engine's author does not read its articles, "
        "expected facts or misses, only these figures. The **dev** half is the one the "
        "engine's rules were studied on; its misses are listed below.",
        "",
        f"- held-out: {_set_line(results['set_held-out'])}; articles "
        + ", ".join(a[:3] for a in split["held-out"]),
        f"- dev: {_set_line(results['set_dev'])}; articles "
        + ", ".join(a[:3] for a in split["dev"]),
        "",
        f"Facts from {source}, {how} and the publication date when the article has one. "
        "A predicted fact counts when its key fields match an expected fact of the same type "
        "(one-to-one; the rule is in `bench/news_scoring.py` and bench/README.md).",
    ]
    fresh = results.get("fresh")
    if fresh:
        lines += [
            "",
            f"A third part, the **fresh held-out batch** `{_relative(fresh['data'])}/` (see its "
            "README), was written after the engine's second pass by a writer who had seen "
            f"neither the engine nor the set above: {_set_line(fresh['set'])}. It is reported "
            f"apart; {fresh['rule']}.",
        ]
    if results.get("baseline"):
        lines += [
            "",
            f"*Before* (in brackets) is the engine whose saved outputs are in "
            f"`{results['baseline']}` (`--baseline`), scored the same way in the same run.",
        ]
    return lines


def _relative(path: str) -> str:
    marker = "bench/data/"
    return path[path.index(marker) :] if marker in path else path


def _cell(after: float | None, before: float | None, with_before: bool) -> str:
    return f"{_ratio(after)} ({_ratio(before)})" if with_before else _ratio(after)


def _type_table(title: str, counts: dict, before: dict | None) -> list[str]:
    lines = [
        f"### {title}: per fact type",
        "",
        "| fact type | expected | predicted | matched | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    rows = [(kind, kind) for kind in TYPES]
    rows += [(f"other type `{k}`", k) for k in counts if k not in TYPES]
    rows.append(("**all**", None))
    for label, kind in rows:
        c = _total(counts) if kind is None else _counts(counts.get(kind))
        b = None
        if before is not None:
            b = _total(before) if kind is None else _counts(before.get(kind))
        with_before = b is not None
        lines.append(
            f"| {label} | {c.tp + c.fn} | {c.tp + c.fp} | {c.tp} | "
            f"{_cell(c.precision, b and b.precision, with_before)} | "
            f"{_cell(c.recall, b and b.recall, with_before)} | {_ratio(c.f1)} |"
        )
    return lines + [""]


def _language_table(title: str, counts: dict, before: dict | None) -> list[str]:
    head = " | ".join(f"{lang} P | {lang} R" for lang in LANGUAGES)
    lines = [
        f"### {title}: per language",
        "",
        "P = precision, R = recall; – when there is nothing to divide by.",
        "",
        f"| fact type | {head} |",
        "|---|" + "---:|" * (2 * len(LANGUAGES)),
    ]
    for kind in (*TYPES, None):
        cells = []
        for lang in LANGUAGES:
            c = _total(counts[lang]) if kind is None else _counts(counts[lang].get(kind))
            b = None
            if before is not None:
                b = _total(before[lang]) if kind is None else _counts(before[lang].get(kind))
            cells += [
                _cell(c.precision, b and b.precision, b is not None),
                _cell(c.recall, b and b.recall, b is not None),
            ]
        lines.append(f"| {kind or '**all**'} | " + " | ".join(cells) + " |")
    return lines + [""]


def _targets(title: str, counts: dict) -> list[str]:
    lines = [f"### {title}: targets", ""]
    for kind in TARGET_TYPES:
        c = _counts(counts.get(kind))
        short = []
        if c.recall is None or c.recall < RECALL_TARGET:
            short.append(f"recall {_ratio(c.recall)} is below {RECALL_TARGET}")
        if c.precision is None or c.precision < PRECISION_TARGET:
            short.append(f"precision {_ratio(c.precision)} is below {PRECISION_TARGET}")
        if short:
            lines.append(f"- **{kind}: missed** — " + "; ".join(short) + ".")
        else:
            lines.append(
                f"- {kind}: met (recall {_ratio(c.recall)}, precision {_ratio(c.precision)})."
            )
    return lines + [""]


def _half(results: dict, half: str, title: str, *, languages: bool = True) -> list[str]:
    counts = results["halves"][half]["counts"]
    before = (results.get("baseline_halves") or {}).get(half)
    lines = [f"## {title}", ""]
    lines += _type_table(title, counts["all"], before and before["all"])
    if languages:
        lines += _language_table(title, counts, before)
        lines += _targets(title, counts["all"])
    return lines


def _fresh(results: dict) -> list[str]:
    fresh = results.get("fresh")
    if not fresh:
        return []
    title = "Fresh held-out batch"
    scored = fresh["scored"]
    if scored is None:
        return [
            f"## {title}",
            "",
            "Not measured: the saved outputs have no `fresh/` folder for it.",
            "",
        ]
    counts, before = scored["counts"], fresh.get("baseline")
    lines = [f"## {title}", "", f"{_set_line(fresh['set'])}; all held out.", ""]
    lines += _type_table(title, counts["all"], before and before["all"])
    lines += _language_table(title, counts, before)
    lines += _targets(title, counts["all"])
    if scored["errors"]:
        lines += [f"The engine failed on {len(scored['errors'])} of its articles.", ""]
    return lines


def _detection(results: dict) -> list[str]:
    detection = results["halves"]["all"].get("language_detection") or {}
    if results["detect_language"] and detection:
        right = detection.get("right", 0)
        return [f"Language detected right for {right} of {sum(detection.values())}.", ""]
    return []


def _field_table(results: dict) -> list[str]:
    fields = results["halves"]["dev"]["fields"]
    lines = [
        "## The other fields of matched facts (dev half)",
        "",
        "Share of matched facts whose non-key field agrees with the expected value (same "
        "comparison rules; a value where null was expected, or the reverse, disagrees).",
        "",
        "| fact type | field | agree | of |",
        "|---|---|---:|---:|",
    ]
    for kind in TYPES:
        for name, (agree, total) in (fields.get(kind) or {}).items():
            lines.append(f"| {kind} | {name} | {agree} | {total} |")
    return lines + [""]


def _speed(results: dict) -> list[str]:
    timing = results["timing"]
    if not timing:
        return ["## Speed", "", "Not measured: the facts were read from saved outputs.", ""]
    warm = ", ".join(f"{k} {v:.2f} s" for k, v in timing["warm_up_seconds"].items())
    return [
        "## Speed",
        "",
        f"One process, articles in turn (median of {timing['repeats']} call(s) each), after "
        f"one warm-up call per language ({warm}; loading tokenisers and dictionaries).",
        "",
        "| per article: median | max | all articles |",
        "|---:|---:|---:|",
        f"| {timing['median_seconds'] * 1000:.0f} ms | {timing['max_seconds'] * 1000:.0f} ms | "
        f"{timing['total_seconds']:.2f} s |",
        "",
    ]


def _grouped(items: list[dict], title: str, intro: str, listed: int) -> list[str]:
    if not items:
        return [f"## {title}", "", "None.", ""]
    groups: dict = defaultdict(list)
    for item in items:
        groups[(item["type"], item.get("reason", ""))].append(item)
    lines = [f"## {title}", "", intro, ""]
    for (kind, reason), members in sorted(groups.items(), key=lambda g: (-len(g[1]), g[0])):
        label = f"{kind}, {reason}" if reason else kind
        examples = "; ".join(f"{m['article'][:3]}: {m['fact']}" for m in members[:listed])
        more = f"; and {len(members) - listed} more" if len(members) > listed else ""
        lines.append(f"- **{label}** ({len(members)}): {examples}{more}")
    return lines + [""]


def _errors(results: dict) -> list[str]:
    errors = results["halves"]["all"]["errors"]
    if not errors:
        return []
    kinds = Counter(e["error"].split(":")[0] for e in errors)
    lines = ["## Errors", "", "Articles where the engine failed or its output was unusable:", ""]
    lines += [f"- {e['article']}: {e['error']}" for e in errors[:10]]
    if len(errors) > 10:
        lines.append(f"- … {len(errors) - 10} more ({dict(kinds)})")
    return lines + [""]


def _lists(results: dict) -> list[str]:
    lines = []
    for half in ("dev", "held-out"):
        scored = results["halves"][half]
        if scored["misses"] is None:
            continue
        lines += _grouped(
            scored["misses"],
            f"Misses: expected facts not found ({half} half)",
            "Grouped by type and by what the nearest unmatched prediction of that type in the "
            "same article got wrong among the key fields (*not found*: no prediction of that "
            "type was left, or none agreed on any key field). Article number, then the "
            "expected fact; `--json` keeps every one.",
            LISTED["misses"],
        )
        lines += _grouped(
            scored["extras"],
            f"Predictions matching no expected fact ({half} half)",
            "Article number, then the predicted fact.",
            LISTED["extras"],
        )
    if results["halves"]["held-out"]["misses"] is None:
        lines += [
            "The held-out half's misses are not listed, here or in `--json` "
            "(`--list-held-out-misses` would list them, and spoil that half for whoever "
            "reads them).",
            "",
        ]
    fresh = (results.get("fresh") or {}).get("scored")
    if fresh is not None and fresh["misses"] is not None:
        lines += _grouped(
            fresh["misses"],
            "Misses: expected facts not found (fresh batch)",
            "Listed on request (`--list-fresh-misses`); the batch is spoilt for whoever reads "
            "them.",
            LISTED["misses"],
        )
        lines += _grouped(
            fresh["extras"],
            "Predictions matching no expected fact (fresh batch)",
            "Article number, then the predicted fact.",
            LISTED["extras"],
        )
    elif fresh is not None:
        missed = sum(c["fn"] for c in fresh["counts"]["all"].values())
        extra = sum(c["fp"] for c in fresh["counts"]["all"].values())
        lines += [
            f"The fresh batch's misses ({missed}) and unmatched predictions ({extra}) are not "
            "listed, here or in `--json`, so that the next pass on the engine cannot be tuned "
            "on them (`--list-fresh-misses` would list them).",
            "",
        ]
    return lines


def write_report(results: dict) -> str:
    lines = [
        "# News extraction benchmark",
        "",
        "Written by `bench/news.py` (see bench/README.md); do not edit by hand.",
        "",
        *_machine(results),
        "",
        *_inputs(results),
        "",
        f"Issue 14's target: recall ≥ {RECALL_TARGET} and precision ≥ {PRECISION_TARGET} on "
        "events, visits, priority partners and people.",
        "",
        *_half(results, "held-out", "Held-out half (headline)"),
        *_half(results, "dev", "Dev half"),
        *_half(results, "all", "Whole set", languages=False),
        *_fresh(results),
        *_detection(results),
        *_speed(results),
        *_errors(results),
        *_lists(results),
        *_field_table(results),
    ]
    return "\n".join(lines)
