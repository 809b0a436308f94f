"""The news extraction benchmark (issue 14): precision and recall of the engine's facts on the
labelled set in bench/data/news/, per fact type and language, and its time per article.

    .venv/bin/python bench/news.py                # the news section of docs/benchmarks.md
    .venv/bin/python bench/news.py --output -     # the report to stdout
    .venv/bin/python bench/news.py --check-only   # check the labelled set, print its counts

The set is checked first (bench/news_data.py; any problem stops the run). Then, after one
warm-up call per language (tokenisers and dictionaries load on first use; timed apart), every
article goes through `kakehashi.news.engine.extract(text, language=…, published=…)` with the
article's language and publication date from its JSON (`--detect-language` passes None and
reports how often the detected language is right). Predicted facts are matched to the gold
facts by bench/news_scoring.py (its docstring gives the rule). `--predictions DIR` scores saved
engine outputs (DIR/<article id>.json, e.g. from `kakehashi news extract`) instead of calling the
engine; `--save-predictions DIR` keeps this run's outputs; `--baseline DIR` scores another
engine's saved outputs (e.g. main's) beside this run's, as "before".

The set is split in two fixed halves (news_data.split: alternate articles within each
language): the **held-out** half is the headline, the **dev** half is the one an engine's
author may study. Both are reported as figures; the lists of misses and of unmatched
predictions (in the report and in `--json`) cover the dev half only, unless
`--list-held-out-misses` is given — which spoils the held-out half for whoever reads them.

A third part, the **fresh held-out batch** (bench/data/news-fresh/, `--fresh-data`), was written
after the engine's second pass by a writer who had seen neither the engine nor the first set. It
is checked like the set, all of it held out (no split), and reported apart, as figures only: its
misses and unmatched predictions are not listed, in the report or in `--json`, unless
`--list-fresh-misses` is given. Saved outputs for it live in DIR/fresh/ (`--predictions`,
`--save-predictions`, `--baseline`); without that folder the batch is reported as not measured.
`--no-fresh` leaves it out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shlex
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT / "bench", ROOT / "src"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import matching_report  # noqa: E402
import news_data  # noqa: E402
import news_report  # noqa: E402
import news_scoring as scoring  # noqa: E402
from report_sections import write_section  # noqa: E402

WARM_UP = {
    "vi": "Ngày 25/11, Chủ tịch UBND TP.HCM đã tiếp đoàn công tác tỉnh Aichi.",
    "ja": "令和5年11月25日、大阪府の副知事がホーチミン市を訪問した。",
    "en": "On November 25, the Vice Governor of Osaka Prefecture visited Ho Chi Minh City.",
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=news_data.DATA)
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--json", type=Path, help="write every figure and fact here")
    parser.add_argument("--check-only", action="store_true")
    parser.add_argument("--detect-language", action="store_true")
    parser.add_argument("--repeats", type=int, default=1, help="time each article N times")
    parser.add_argument("--predictions", type=Path, help="score saved outputs instead")
    parser.add_argument("--save-predictions", type=Path)
    parser.add_argument("--baseline", type=Path, help="saved outputs of the engine before")
    parser.add_argument(
        "--list-held-out-misses",
        action="store_true",
        help="also list the held-out half's misses (spoils it for engine work)",
    )
    parser.add_argument("--fresh-data", type=Path, default=news_data.FRESH)
    parser.add_argument("--no-fresh", action="store_true", help="leave the fresh batch out")
    parser.add_argument(
        "--list-fresh-misses",
        action="store_true",
        help="also list the fresh batch's misses (spoils it for engine work)",
    )
    return parser.parse_args(argv)


def engine_extract():
    """The engine's extract(); a clear message if it is not there yet."""
    try:
        from kakehashi.news.engine import extract
    except ImportError as error:
        sys.exit(f"kakehashi.news.engine is not usable yet ({error}); nothing was measured.")
    return extract


def run_engine(articles, *, detect: bool, repeats: int) -> tuple[dict, dict]:
    """{article id: output or {"error": ...}} and the timings."""
    extract = engine_extract()
    warm_up = {}
    for language, text in WARM_UP.items():
        start = time.perf_counter()
        try:
            extract(text, language=None if detect else language, published=None)
        except Exception as error:  # noqa: BLE001 - a benchmark reports, it does not stop
            print(f"warm-up ({language}) failed: {error!r}", file=sys.stderr)
        warm_up[language] = time.perf_counter() - start
    outputs, seconds = {}, {}
    for article in articles:
        runs = []
        for _ in range(max(1, repeats)):
            start = time.perf_counter()
            try:
                output = extract(
                    article.text,
                    language=None if detect else article.language,
                    published=article.published,
                )
            except Exception as error:  # noqa: BLE001
                output = {"error": f"{type(error).__name__}: {error}"}
            runs.append(time.perf_counter() - start)
        outputs[article.id] = output
        seconds[article.id] = statistics.median(runs)
    per_article = list(seconds.values())
    timing = {
        "warm_up_seconds": warm_up,
        "per_article_seconds": seconds,
        "median_seconds": statistics.median(per_article),
        "max_seconds": max(per_article),
        "total_seconds": sum(per_article),
        "repeats": max(1, repeats),
    }
    return outputs, timing


def load_predictions(articles, directory: Path) -> dict:
    outputs = {}
    for article in articles:
        path = directory / f"{article.id}.json"
        try:
            outputs[article.id] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            outputs[article.id] = {"error": f"{path}: {error}"}
    return outputs


def predicted_facts(output) -> tuple[list[dict], str | None]:
    if not isinstance(output, dict):
        return [], f"output is not a JSON object: {type(output).__name__}"
    if "error" in output and "facts" not in output:
        return [], output["error"]
    facts = output.get("facts")
    if not isinstance(facts, list):
        return [], "output has no facts list"
    return facts, None


def summary(fact: dict) -> str:
    """A short description of a fact for the lists of misses."""

    def place(value):
        if isinstance(value, dict):
            return value.get("slug") or value.get("name") or "?"
        return "?"

    kind = fact.get("type")
    if kind == "person":
        return f"{fact.get('name')} ({fact.get('role')})"
    if kind == "visit":
        return f"{fact.get('visitor')} → {place(fact.get('host_locality'))}, {fact.get('date')}"
    if kind == "event":
        return f"{fact.get('name')}, {fact.get('date')}"
    if kind == "agreement":
        parties = " + ".join(place(p) for p in fact.get("parties") or [])
        return f"{parties}, {fact.get('status')}, {fact.get('date')}"
    if kind == "priority_partners":
        partners = ", ".join(place(p) for p in fact.get("partners") or [])
        return f"{place(fact.get('locality'))}: {partners}"
    if kind == "partnership_count":
        return f"{place(fact.get('locality'))}: {fact.get('count')} ({fact.get('country')})"
    if kind == "proposal":
        text = str(fact.get("text") or "")
        return text[:70] + ("…" if len(text) > 70 else "")
    if kind == "milestone":
        return f"{fact.get('years')} years: {fact.get('what')}"
    return json.dumps(fact, ensure_ascii=False)[:80]


def score(articles, outputs: dict) -> dict:
    counts = {scope: defaultdict(scoring.Counts) for scope in ("all", *news_data.LANGUAGES)}
    fields: dict = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    misses, extras, errors, languages = [], [], [], Counter()
    for article in articles:
        output = outputs.get(article.id)
        predicted, error = predicted_facts(output)
        if error:
            errors.append({"article": article.id, "error": error})
        elif isinstance(output, dict):
            languages["right" if output.get("language") == article.language else "wrong"] += 1
        result = scoring.match(article.facts, predicted)
        for kind, found in scoring.counts_by_type(result).items():
            counts["all"][kind].add(found)
            counts[article.language][kind].add(found)
        for gold, predicted_fact in result.pairs:
            agreement = scoring.field_agreement(gold["type"], gold, predicted_fact)
            for name, agrees in agreement.items():
                fields[gold["type"]][name][0] += int(agrees)
                fields[gold["type"]][name][1] += 1
        for gold, nearest in result.missed:
            reason = "engine error" if error else scoring.miss_reason(nearest)
            miss = {"article": article.id, "type": gold["type"], "reason": reason}
            misses.append({**miss, "fact": summary(gold), "gold": gold})
        for fact in result.extra:
            extra = {"article": article.id, "type": str(fact.get("type"))}
            extras.append({**extra, "fact": summary(fact), "predicted": fact})
    return {
        "counts": {
            scope: {kind: vars(c) for kind, c in per_type.items()}
            for scope, per_type in counts.items()
        },
        "fields": {kind: dict(per_field) for kind, per_field in fields.items()},
        "misses": misses,
        "extras": extras,
        "errors": errors,
        "language_detection": dict(languages),
    }


def fresh_articles(args) -> tuple[list, list[str]]:
    """The fresh held-out batch and the problems with it ([] and [] when left out)."""
    if args.no_fresh:
        return [], []
    minimum = news_data.FRESH_MINIMUM if args.fresh_data == news_data.FRESH else {}
    problems = news_data.check(args.fresh_data, minimum=minimum)
    if problems:
        return [], [f"{args.fresh_data.name}: {problem}" for problem in problems]
    return news_data.load(args.fresh_data), []


def fresh_outputs(args, articles) -> tuple[dict | None, dict | None]:
    """This run's outputs for the fresh batch (None when saved outputs lack it), and the
    baseline's."""
    if not articles:
        return None, None

    def saved(directory: Path | None):
        if directory is None or not (directory / "fresh").is_dir():
            return None
        return load_predictions(articles, directory / "fresh")

    if args.predictions:
        outputs = saved(args.predictions)
    else:
        outputs = run_engine(articles, detect=args.detect_language, repeats=1)[0]
    if outputs is not None and args.save_predictions:
        save_outputs(outputs, args.save_predictions / "fresh")
    return outputs, saved(args.baseline)


def save_outputs(outputs: dict, directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for article_id, output in outputs.items():
        path = directory / f"{article_id}.json"
        path.write_text(json.dumps(output, ensure_ascii=False, indent=1), encoding="utf-8")


def fresh_results(args, articles, outputs, baseline) -> dict | None:
    """The fresh batch's part of the results: figures; misses only with --list-fresh-misses."""
    if not articles:
        return None
    scored = None if outputs is None else score(articles, outputs)
    if scored is not None and not args.list_fresh_misses:
        scored["misses"], scored["extras"] = None, None  # figures only
    return {
        "data": str(args.fresh_data),
        "rule": news_data.FRESH_RULE,
        "set": news_data.summary(articles),
        "articles": [a.id for a in articles],
        "scored": scored,
        "baseline": None if baseline is None else score(articles, baseline)["counts"],
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    command = ".venv/bin/python bench/news.py " + shlex.join(sys.argv[1:] if argv is None else argv)
    problems = news_data.check(args.data)
    fresh, fresh_problems = fresh_articles(args)
    problems += fresh_problems
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("the labelled set has problems; nothing was measured", file=sys.stderr)
        return 1
    articles = news_data.load(args.data)
    figures = news_data.summary(articles)
    halves = news_data.split(articles)
    if args.check_only:
        fresh_figures = {"fresh": news_data.summary(fresh)} if fresh else {}
        print(json.dumps({**figures, **fresh_figures}, ensure_ascii=False, indent=2))
        return 0
    host = matching_report.machine([])
    started = time.perf_counter()
    if args.predictions:
        outputs, timing = load_predictions(articles, args.predictions), None
    else:
        outputs, timing = run_engine(articles, detect=args.detect_language, repeats=args.repeats)
    baseline = load_predictions(articles, args.baseline) if args.baseline else None
    if args.save_predictions:
        save_outputs(outputs, args.save_predictions)
    outputs_fresh, fresh_baseline = fresh_outputs(args, fresh)
    results = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": command,
        "host": host,
        "set": figures,
        "source": str(args.predictions) if args.predictions else "kakehashi.news.engine",
        "detect_language": args.detect_language,
        "timing": timing,
        "split": {
            "rule": news_data.SPLIT_RULE,
            **{half: [a.id for a in members] for half, members in halves.items()},
        },
        "baseline": str(args.baseline) if args.baseline else None,
        "halves": {},
        "baseline_halves": {},
    }
    for half, members in (*halves.items(), ("all", articles)):
        results["set_" + half] = news_data.summary(members)
        scored = score(members, outputs)
        if half != "dev" and not args.list_held_out_misses:
            scored["misses"], scored["extras"] = None, None  # figures only
        results["halves"][half] = scored
        if baseline is not None:
            results["baseline_halves"][half] = score(members, baseline)["counts"]
    results["fresh"] = fresh_results(args, fresh, outputs_fresh, fresh_baseline)
    host["load_at_end"] = os.getloadavg()
    results["wall_seconds"] = time.perf_counter() - started
    report = news_report.write_report(results)
    if args.output == "-":
        print(report)
    else:
        write_section(Path(args.output), "news", report)
        print(f"report written to {args.output} (its news section)", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
