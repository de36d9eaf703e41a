"""Side by side with Wagtail's bakerydemo: CPU and SQL per request of comparable pages.

Not a test. A measurement for issue 23 (uncached CPU per request at most a third of
bakerydemo's comparable page). Six pairs: home vs home, tool index vs breads index, tool sheet
vs bread page, event vs blog post, provider vs location, search vs search.

Our side is started here: the demo content in a PostgreSQL database of its own (`--database`,
built by bench/load.py's `prepare_database` with no generated copies; `--keep-database` reuses
it), production settings (bench/settings.py), page cache off, Redis at `--redis-url` (emptied
first) for the site's other caches, gunicorn with ONE sync worker on a free loopback port. Our
pages are the first French page of each type, as bench/page_queries.py picks them; that script,
run in a child process with the same settings, also counts their SQL queries in-process
(CaptureQueriesContext, after one warm-up request).

The reference is NOT built or downloaded by this script: it must already be running.
- What it is: bakerydemo (https://github.com/wagtail/bakerydemo), measured at commit 8e2b625
  (Wagtail 7.4, Django 6.0, Python 3.12), set up by its own README in a directory outside this
  repository, with its own virtualenv and its initial data loaded by its own `load_initial_data`
  command.
- How it must run for the comparison to be fair: its production settings (DEBUG off), a
  PostgreSQL database of its own on this server (bakerydemo's default DATABASE_URL handling
  keeps autocommit: one transaction per query), served by gunicorn with one worker on loopback.
- Pass its address (`--reference-url`), the process id of its worker or of its gunicorn master
  (then its only child is taken) with `--reference-pid`, its database (`--reference-database`),
  and, when its content differs, the path of each page (`--reference-home` ... defaults are
  bakerydemo's demo content).

Measurement: for each pair, in each of `--rounds` rounds, blocks of `--block` requests to our
page and to the reference page alternate (their order swapped at every block) until each side
has had `--requests`; the CPU time of each worker comes from /proc/<pid>/task/*/schedstat
(nanoseconds on CPU, all threads), read before the first and after the last block. The table
gives the median over rounds of CPU per request, the ratio ours/reference and its range over
rounds. SQL per request of the reference: the change of xact_commit + xact_rollback of its
database in pg_stat_database over `--sql-requests` requests of each page. That counts
transactions, one per query in autocommit; PostgreSQL publishes a backend's counters at most
once a second and within 10 s of idleness, hence the pause (`--settle`) before each reading.
Requests are sequential (one connection at a time), each followed to its 200 answer; a
redirect or an error stops the run.

    .venv/bin/python bench/compare.py --reference-url http://127.0.0.1:8601 \\
        --reference-pid 12345 --reference-database bakerydemo
    ... --keep-database --rounds 5 --requests 50     # again, longer, on the database built
"""

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
import redis

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.load import PYTHON, ROOT, Gunicorn, prepare_database, site_environment  # noqa: E402

# (label, our page type in bench/page_queries.py, option naming the reference path, its default)
PAIRS = [
    ("home / home", "home", "home", "/"),
    ("tool index / breads index", "tool_index", "index", "/breads/"),
    ("tool sheet / bread page", "tool_sheet", "sheet", "/breads/anadama-bread/"),
    ("event / blog post", "event", "event", "/blog/wild-yeast/"),
    ("provider / location", "provider", "provider", "/locations/reykjavik/"),
    ("search / search", "search", "search", "/search/?q=bread"),
]
THIRD = 1 / 3


def cpu_nanoseconds(pid):
    """Time on CPU of every thread of `pid` so far (first field of schedstat, in ns)."""
    return sum(
        int(stat.read_text().split()[0]) for stat in Path(f"/proc/{pid}/task").glob("*/schedstat")
    )


def children(pid):
    return [
        child
        for children_file in Path(f"/proc/{pid}/task").glob("*/children")
        for child in children_file.read_text().split()
    ]


def worker_pid(pid):
    """`pid` itself when it is a worker; its only child when it is a gunicorn master."""
    if not Path(f"/proc/{pid}").exists():
        raise SystemExit(f"No process {pid}: pass the reference's gunicorn worker or master.")
    found = children(pid)
    if len(found) > 1:
        raise SystemExit(
            f"Process {pid} has {len(found)} children: serve the reference with one worker (-w 1)."
        )
    return int(found[0]) if found else int(pid)


def get(url):
    """One GET that must answer 200 itself (a redirect would add a second request's CPU)."""
    try:
        # Loopback URLs built from this script's arguments.
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310  # nosec B310
            body = response.read()
            final = response.geturl()
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{url} answered {error.code}: check the path and the server.") from None
    if final != url:
        raise SystemExit(f"{url} redirects to {final}: pass the final path.")
    return len(body)


def our_pages(environment, work):
    """{page type: {"url": ..., "queries": ...}} from bench/page_queries.py (same settings)."""
    figures = work / "page_queries.json"
    subprocess.run(
        [PYTHON, "bench/page_queries.py", "--repeat", "2", "--json", str(figures)],
        env=environment,
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return json.loads(figures.read_text())


def measure_pair(sides, arguments):
    """{side: CPU ms per request} for one round of one pair, blocks interleaved."""
    started = {side: cpu_nanoseconds(pid) for side, (pid, _url) in sides.items()}
    order = list(sides)
    for _block in range(arguments.requests // arguments.block):
        for side in order:
            _pid, url = sides[side]
            for _request in range(arguments.block):
                get(url)
        order.reverse()
    time.sleep(0.2)  # the last response is sent before its worker has finished with it
    count = arguments.requests // arguments.block * arguments.block
    return {
        side: (cpu_nanoseconds(pid) - started[side]) / count / 1e6
        for side, (pid, _url) in sides.items()
    }


class TransactionCounter:
    """Committed and rolled-back transactions of one database, from pg_stat_database."""

    def __init__(self, dsn, database, settle):
        self.connection = psycopg.connect(dsn, autocommit=True)
        self.database = database
        self.settle = settle

    def settled(self):
        """The counter once every backend has published its figures (stable for a second)."""
        time.sleep(self.settle)
        value = self.read()
        while True:
            time.sleep(1)
            again = self.read()
            if again == value:
                return value
            value = again

    def read(self):
        row = self.connection.execute(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = %s",
            [self.database],
        ).fetchone()
        if row is None:
            raise SystemExit(f"No database {self.database!r} on the statistics server.")
        return row[0]


def reference_sql(urls, arguments):
    counter = TransactionCounter(
        arguments.stats_dsn, arguments.reference_database, arguments.settle
    )
    print(
        f"== reference SQL: {arguments.sql_requests} requests per page, "
        f"{arguments.settle:.0f} s pauses",
        flush=True,
    )
    per_request = {}
    before = counter.settled()
    for label, url in urls.items():
        for _request in range(arguments.sql_requests):
            get(url)
        after = counter.settled()
        per_request[label] = (after - before) / arguments.sql_requests
        before = after
        print(f"  {label}: {per_request[label]:.1f} transactions per request", flush=True)
    return per_request


def print_table(rows, arguments, reference_pid, ours_pid):
    print()
    print(
        f"{arguments.rounds} rounds x {arguments.requests} requests per page and side, blocks of "
        f"{arguments.block} interleaved; one gunicorn sync worker each (ours {ours_pid}, "
        f"reference {reference_pid}); CPU of the worker from /proc/<pid>/task/*/schedstat; "
        f"{os.cpu_count()} CPU cores"
    )
    header = (
        f"{'pair':<27}{'ours ms CPU':>12}{'ref ms CPU':>11}{'ratio':>7}{'range':>12}"
        f"{'ours SQL':>9}{'ref SQL':>8}"
    )
    print(header)
    print("-" * len(header))
    for label, row in rows.items():
        ratios = [
            ours / reference for ours, reference in zip(row["ours"], row["reference"], strict=True)
        ]
        ours, reference = statistics.median(row["ours"]), statistics.median(row["reference"])
        print(
            f"{label:<27}{ours:>12.1f}{reference:>11.1f}{ours / reference:>7.2f}"
            f"{f'{min(ratios):.2f}-{max(ratios):.2f}':>12}"
            f"{row['ours_sql']:>9}{row['reference_sql']:>8.1f}"
        )
    print()
    for label, row in rows.items():
        print(
            f"{label:<27}ours {row['ours_url']} ({row['ours_bytes']:,} bytes), "
            f"reference {row['reference_url']} ({row['reference_bytes']:,} bytes)"
        )
    print(
        "\nCPU ms: median over rounds of the worker's CPU per request. ratio: ours / reference "
        f"(issue 23's bar: at most {THIRD:.2f}); range: lowest and highest ratio of a round.\n"
        "ours SQL: queries of one request counted in-process (CaptureQueriesContext, page cache "
        "off, warm caches; ATOMIC_REQUESTS, so BEGIN/COMMIT are not counted).\n"
        "ref SQL: transactions per request in the reference's database (pg_stat_database "
        "xact_commit + xact_rollback): one per query as long as the reference runs in autocommit "
        "(bakerydemo's default); a transaction block of several queries counts once.\n"
        "search: the same query again and again, so after the warm-up our answer (matches, "
        "facets, result pages) comes from the search cache of search/generation.py, as a "
        "repeated query does until the next publication; bakerydemo caches no search. The "
        "first search of a query after a publication is not measured here."
    )


def arguments_parser():
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reference-url", required=True, help="e.g. http://127.0.0.1:8601")
    parser.add_argument("--reference-pid", required=True, type=int, help="worker or master")
    parser.add_argument("--reference-database", default="bakerydemo")
    for _label, _page_type, option, default in PAIRS:
        parser.add_argument(f"--reference-{option}", default=default, metavar="PATH")
    parser.add_argument(
        "--database", default="sbm_compare", help="ours, rebuilt unless --keep-database"
    )
    parser.add_argument("--keep-database", action="store_true", help="reuse ours as it is")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/12")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=30, help="per page, side and round")
    parser.add_argument("--block", type=int, default=5, help="requests in a row to one side")
    parser.add_argument("--sql-requests", type=int, default=10)
    parser.add_argument("--settle", type=float, default=11.0, help="seconds before a reading")
    parser.add_argument("--stats-dsn", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--secret-key", default=secrets.token_urlsafe(50))
    # Demo content only: prepare_database's generator adds no copies.
    parser.set_defaults(tools=0, events=0, providers=0, guides=0)
    return parser


def main():
    arguments = arguments_parser().parse_args()
    if arguments.requests < arguments.block:
        raise SystemExit("--requests must be at least --block")
    reference_pid = worker_pid(arguments.reference_pid)
    base = arguments.reference_url.rstrip("/")
    references = {
        label: base + getattr(arguments, f"reference_{option}") for label, _, option, _ in PAIRS
    }

    work = Path(tempfile.gettempdir()) / f"sbm-compare-{arguments.database}"
    work.mkdir(exist_ok=True)
    environment = site_environment(arguments, work, page_cache=False, redis_url=arguments.redis_url)
    prepare_database(arguments, environment)
    redis.Redis.from_url(arguments.redis_url).flushdb()
    pages = our_pages(environment, work)

    rows = {}
    with (work / "gunicorn.log").open("a") as log, Gunicorn(environment, 1, log) as server:
        (ours_pid,) = server.worker_pids()
        ours_base = f"http://127.0.0.1:{server.port}"
        for label, page_type, *_ in PAIRS:
            ours_url = ours_base + pages[page_type]["url"]
            reference_cpu = cpu_nanoseconds(reference_pid)
            rows[label] = {
                "ours_url": pages[page_type]["url"],
                "reference_url": references[label],
                "ours_sql": pages[page_type]["queries"],
                "ours": [],
                "reference": [],
            }
            for _warm in range(3):
                rows[label]["ours_bytes"] = get(ours_url)
                rows[label]["reference_bytes"] = get(references[label])
            if cpu_nanoseconds(reference_pid) == reference_cpu:
                raise SystemExit(f"Process {reference_pid} did not work for {references[label]}.")
        for round_number in range(1, arguments.rounds + 1):
            print(f"== round {round_number}/{arguments.rounds}", flush=True)
            for label, page_type, *_ in PAIRS:
                sides = {
                    "ours": (int(ours_pid), ours_base + pages[page_type]["url"]),
                    "reference": (reference_pid, references[label]),
                }
                cpu = measure_pair(sides, arguments)
                for side, milliseconds in cpu.items():
                    rows[label][side].append(milliseconds)
                print(
                    f"  {label}: ours {cpu['ours']:.1f} ms, reference {cpu['reference']:.1f} ms",
                    flush=True,
                )
        if server.worker_pids() != [ours_pid]:
            raise SystemExit("Our gunicorn worker was replaced during the measurement.")
    if not Path(f"/proc/{reference_pid}").exists():
        raise SystemExit(f"The reference worker {reference_pid} stopped during the measurement.")

    for label, transactions in reference_sql(references, arguments).items():
        rows[label]["reference_sql"] = transactions
    print_table(rows, arguments, reference_pid, ours_pid)
    (work / "results.json").write_text(json.dumps(rows, indent=1))
    print(f"\nRaw figures: {work / 'results.json'}; gunicorn log: {work / 'gunicorn.log'}")


if __name__ == "__main__":
    main()
