"""Load benchmark: the site under gunicorn next to a constant Django response and nginx.

Not a test. `bench/run` is the one command; it calls this script, which:
1. creates the PostgreSQL database `sbm_bench` (dropped first; `--keep-database` reuses it),
   migrates, and generates a large site with bench/generate.py (1,000 tools, 200 events, 300
   providers, 50 guides, four languages);
2. counts the SQL queries of each measured page in-process (CaptureQueriesContext, Django's test
   client, production settings), page cache off and on;
3. for each mode (page cache off, then on with Redis at REDIS_URL), serves the site with
   gunicorn (production settings, several workers, 127.0.0.1) and measures with wrk the
   requests/s and p50/p99 latency of each page, and of `/bench/constant/` (a constant Django
   response under the same gunicorn and middleware);
4. serves the same page bytes as static files with nginx (a generated config on a free port,
   stopped after) and measures them the same way;
5. with the page cache on, puts nginx in front of the same gunicorn as the edge cache, with the
   production snippets of deploy/nginx/ (bench/edge.py), and measures each page through it;
6. runs the mixed pages for `--mixed-seconds` at the same concurrency (cache on, straight to
   gunicorn) and reports errors and whether any gunicorn worker was restarted;
7. prints a table with ratios to nginx and to the constant Django response.

    bench/run                                  # everything, default sizes, 15 s per page
    bench/run --keep-database --duration 5     # re-measure the site already generated
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.edge import EdgeNginx, free_port  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PAGES = ["home", "tool index + facets", "tool sheet", "event index", "provider directory", "search"]


def site_environment(arguments, work, *, page_cache, redis_url):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{arguments.database}",
        "SECRET_KEY": arguments.secret_key,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Production settings require the public origin; the benchmark follows no absolute link.
        "SITE_URL": "https://www.sbm.test",
        # TLS ends at the proxy in production; the benchmark talks plain HTTP on loopback.
        "SECURE_SSL_REDIRECT": "false",
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "REDIS_URL": redis_url,
        "PAGE_CACHE_SECONDS": "600" if page_cache else "0",
        "PYTHONPATH": str(ROOT),
    }


def run(command, environment, **kwargs):
    print("$", " ".join(command), flush=True)
    subprocess.run(command, env=environment, cwd=ROOT, check=True, **kwargs)


def prepare_database(arguments, environment):
    import psycopg

    admin = "postgres://postgres@127.0.0.1:5432/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [arguments.database]
        ).fetchone()
        if exists and arguments.keep_database:
            print(f"Reusing database {arguments.database} as it is (no generation)")
            run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v", "0"], environment)
            return
        connection.execute(f'DROP DATABASE IF EXISTS "{arguments.database}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{arguments.database}"')
    run([PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], environment)
    run(
        [
            PYTHON,
            "bench/generate.py",
            f"--tools={arguments.tools}",
            f"--events={arguments.events}",
            f"--providers={arguments.providers}",
            f"--guides={arguments.guides}",
        ],
        environment,
    )
    # Fresh tables have no statistics: without them PostgreSQL planned the facet counts of the
    # tool library so badly that the first measurement after a generation was meaningless.
    print("$ VACUUM ANALYZE", flush=True)
    with psycopg.connect(environment["DATABASE_URL"], autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v", "0"], environment)


def measured_urls_and_queries(environment):
    """Ask a child process (production settings) for the URLs and their SQL query counts."""
    output = subprocess.run(
        [PYTHON, __file__, "--child-queries"],
        env=environment,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def child_queries():
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Locale

    from events.models import EventIndexPage
    from providers.models import ProviderIndexPage
    from taxonomy.models import Lever, Phase
    from tools.models import ToolIndexPage, ToolPage

    french = Locale.objects.get(language_code="fr")
    tool_index = ToolIndexPage.objects.get(locale=french)
    lever = Lever.objects.filter(locale=french).order_by("pk").first()
    phase = Phase.objects.filter(locale=french).order_by("pk").first()
    tool = ToolPage.objects.live().filter(locale=french).order_by("path").last()
    urls = {
        "home": "/fr/",
        "tool index + facets": f"{tool_index.url}?lever={lever.slug}&phase={phase.slug}",
        "tool sheet": tool.url,
        "event index": EventIndexPage.objects.get(locale=french).url,
        "provider directory": ProviderIndexPage.objects.get(locale=french).url,
        "search": "/fr/search/?q=mod%C3%A8le+financement",
    }
    client = Client(HTTP_HOST="127.0.0.1")
    queries = {}
    cache.clear()
    for name, url in urls.items():
        client.get(url)  # warm per-process caches (content types, site root paths)
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        queries[name] = len(context.captured_queries)
    print(json.dumps({"urls": urls, "queries": queries}))


class Gunicorn:
    def __init__(self, environment, workers, log):
        self.port = free_port()
        self.environment = environment
        self.workers = workers
        self.log = log

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "sbm_site.wsgi",
                f"--bind=127.0.0.1:{self.port}",
                f"--workers={self.workers}",
                "--error-logfile=-",
                "--timeout=60",
            ],
            env=self.environment,
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        wait_for(f"http://127.0.0.1:{self.port}/healthz")
        return self

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return sorted(children.read_text().split())

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


class Nginx:
    """nginx serving a folder of saved pages on a free port, from a generated config."""

    def __init__(self, work):
        self.port = free_port()
        self.prefix = work / "nginx"
        self.root = self.prefix / "html"

    def write_pages(self, pages):
        shutil.rmtree(self.prefix, ignore_errors=True)
        (self.prefix / "logs").mkdir(parents=True)
        self.root.mkdir()
        for name, body in pages.items():
            (self.root / name).write_bytes(body)
        (self.prefix / "nginx.conf").write_text(
            f"""worker_processes auto;
pid {self.prefix}/nginx.pid;
error_log {self.prefix}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    default_type text/html;
    client_body_temp_path {self.prefix}/body;
    proxy_temp_path {self.prefix}/proxy;
    fastcgi_temp_path {self.prefix}/fastcgi;
    uwsgi_temp_path {self.prefix}/uwsgi;
    scgi_temp_path {self.prefix}/scgi;
    server {{
        listen 127.0.0.1:{self.port};
        root {self.root};
    }}
}}
"""
        )

    def __enter__(self):
        self.process = subprocess.Popen(
            ["nginx", "-p", str(self.prefix), "-c", "nginx.conf", "-g", "daemon off;"]
        )
        wait_for(f"http://127.0.0.1:{self.port}/")
        return self

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGQUIT)
        self.process.wait(timeout=30)


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            # Our own loopback server.
            urllib.request.urlopen(url, timeout=2)  # noqa: S310  # nosec B310
            return
        except urllib.error.HTTPError:
            return  # the server answers (403 for nginx's empty index is fine)
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not come up")


def fetch(url):
    # Only loopback URLs built by this script.
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310  # nosec B310
        return response.read(), dict(response.headers)


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def drain(base):
    """Wait until the server has worked off the requests wrk abandoned when it stopped.

    Sync workers finish every request already queued in the listen backlog; without this, the
    next URL's first seconds would measure the previous URL's leftovers.
    """
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        started = time.monotonic()
        fetch(base + "/bench/constant/")
        if time.monotonic() - started < 0.05:
            return
        time.sleep(0.5)


def wrk(url, arguments, *, seconds=None, script=None):
    command = [
        "wrk",
        f"--threads={arguments.threads}",
        f"--connections={arguments.connections}",
        f"--duration={seconds or arguments.duration}s",
        "--timeout=10s",
        "--latency",
    ]
    if script:
        command.append(f"--script={script}")
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": milliseconds(re.search(r"\s50%\s+(\S+)", output).group(1)),
        "p99": milliseconds(re.search(r"\s99%\s+(\S+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "errors": 0,
    }
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if non_2xx:
        result["errors"] += int(non_2xx.group(1))
    if socket_errors:
        result["errors"] += sum(int(value) for value in socket_errors.groups())
    print(
        f"  {url}: {result['rps']:.0f} req/s, p50 {result['p50']:.1f} ms, "
        f"p99 {result['p99']:.1f} ms, {result['errors']} errors",
        flush=True,
    )
    return result


def mixed_script(work, urls):
    paths = ", ".join(json.dumps(url) for url in urls)
    script = work / "mixed.lua"
    script.write_text(
        f"local paths = {{{paths}}}\n"
        "local counter = 0\n"
        "request = function()\n"
        "  counter = counter % #paths + 1\n"
        '  return wrk.format("GET", paths[counter])\n'
        "end\n"
    )
    return script


def measure_edge(arguments, work, server, urls):
    """The pages through nginx's edge cache in front of `server`: what visitors get in
    production when nginx (deploy/nginx/) stands in front of the application."""
    results = {}
    with EdgeNginx(work / "edge", f"127.0.0.1:{server.port}") as edge:
        print("== edge cache (nginx in front of gunicorn, deploy/nginx/)", flush=True)
        for name, url in urls.items():
            fetch(edge.base_url + url)  # store it
            _, headers = fetch(edge.base_url + url)
            # Pages the application does not let shared caches keep (search) pass through.
            state = headers.get("X-Edge-Cache")
            print(f"  {name}: X-Edge-Cache={state}", flush=True)
            results[name] = {**wrk(edge.base_url + url, arguments), "edge": state}
    return results


def measure_site(arguments, work, environment, urls, label, log):
    results, edge = {}, None
    with Gunicorn(environment, arguments.workers, log) as server:
        base = f"http://127.0.0.1:{server.port}"
        bodies = {}
        for name, url in urls.items():
            fetch(base + url)  # warm (and fill the page cache when it is on)
            bodies[name], headers = fetch(base + url)
            state = headers.get("X-Page-Cache")
            print(f"  {name}: {len(bodies[name])} bytes, X-Page-Cache={state}")
        print(f"== {label}", flush=True)
        for name, url in urls.items():
            drain(base)
            results[name] = wrk(base + url, arguments)
        drain(base)
        results["constant Django response"] = wrk(base + "/bench/constant/", arguments)
        mixed = None
        if label.endswith("on"):
            drain(base)
            edge = measure_edge(arguments, work, server, urls)
        if arguments.mixed_seconds and label.endswith("on"):
            drain(base)
            before = server.worker_pids()
            print(f"== mixed pages, {arguments.mixed_seconds} s", flush=True)
            mixed = wrk(
                base + "/",
                arguments,
                seconds=arguments.mixed_seconds,
                script=mixed_script(work, list(urls.values())),
            )
            mixed["workers_restarted"] = before != server.worker_pids()
    return results, bodies, mixed, edge


def print_table(modes, static, queries, arguments):
    print()
    print(
        f"{arguments.connections} connections, {arguments.threads} wrk threads, "
        f"{arguments.duration} s per URL, gunicorn {arguments.workers} sync workers, "
        f"{os.cpu_count()} CPU cores"
    )
    header = (
        f"{'page':<26}{'cache':<6}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'errors':>7}"
        f"{'nginx req/s':>12}{'/nginx':>8}{'/Django':>8}{'SQL':>5}"
    )
    print(header)
    print("-" * len(header))
    for mode, results in modes.items():
        constant = modes["on"]["constant Django response"]["rps"] if mode == "edge" else None
        constant = constant or results["constant Django response"]["rps"]
        for name, result in results.items():
            reference = static.get(name)
            nginx_rps = f"{reference['rps']:.0f}" if reference else "-"
            to_nginx = f"{result['rps'] / reference['rps']:.2f}" if reference else "-"
            if mode == "edge":
                # A page the edge answers costs no query; the others pass through to "on".
                sql = 0 if result.get("edge") == "HIT" else queries["on"].get(name, "")
            else:
                sql = queries[mode].get(name, "")
            print(
                f"{name:<26}{mode:<6}{result['rps']:>8.0f}{result['p50']:>9.1f}"
                f"{result['p99']:>9.1f}{result['errors']:>7}{nginx_rps:>12}{to_nginx:>8}"
                f"{result['rps'] / constant if constant else 0:>8.2f}{sql!s:>5}"
            )
    edge = modes.get("edge", {})
    kept = [name for name, result in edge.items() if result.get("edge") == "HIT"]
    if kept:
        ratios = [edge[name]["rps"] / static[name]["rps"] for name in kept]
        verdict = "met" if min(ratios) >= 0.5 else "NOT met"
        print(
            f"\nPages kept by the edge cache ({len(kept)}): {min(ratios):.2f} to "
            f"{max(ratios):.2f} of nginx's static-file throughput (bar: 0.50, {verdict})"
        )
    print()
    print("nginx serving the same bytes as static files:")
    for name, result in static.items():
        print(
            f"  {name:<26}{result['rps']:>8.0f} req/s  p50 {result['p50']:.2f} ms  "
            f"p99 {result['p99']:.2f} ms  {result['errors']} errors"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="sbm_bench")
    parser.add_argument("--keep-database", action="store_true")
    parser.add_argument("--tools", type=int, default=1000)
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--providers", type=int, default=300)
    parser.add_argument("--guides", type=int, default=50)
    parser.add_argument("--duration", type=int, default=15, help="seconds per URL")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9")
    parser.add_argument("--mixed-seconds", type=int, default=60)
    parser.add_argument("--child-queries", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--secret-key", default=secrets.token_urlsafe(50))
    arguments = parser.parse_args()
    if arguments.child_queries:
        sys.path.insert(0, str(ROOT))
        child_queries()
        return

    work = Path(tempfile.gettempdir()) / f"sbm-bench-{arguments.database}"
    work.mkdir(exist_ok=True)
    off = site_environment(arguments, work, page_cache=False, redis_url=arguments.redis_url)
    on = site_environment(arguments, work, page_cache=True, redis_url=arguments.redis_url)
    prepare_database(arguments, off)

    import redis

    queries = {}
    found = measured_urls_and_queries(off)
    urls, queries["off"] = found["urls"], found["queries"]
    redis.Redis.from_url(arguments.redis_url).flushdb()
    queries["on"] = measured_urls_and_queries(on)["queries"]
    print("URLs:", json.dumps(urls, indent=1, ensure_ascii=False))

    modes, mixed = {}, None
    log = (work / "gunicorn.log").open("a")
    for mode, environment in (("off", off), ("on", on)):
        redis.Redis.from_url(arguments.redis_url).flushdb()
        modes[mode], bodies, mode_mixed, edge = measure_site(
            arguments, work, environment, urls, f"page cache {mode}", log
        )
        mixed = mode_mixed or mixed
        if edge:
            modes["edge"] = edge

    nginx = Nginx(work)
    names = {name: f"page-{index}.html" for index, name in enumerate(urls)}
    nginx.write_pages({names[name]: body for name, body in bodies.items()})
    static = {}
    print("== nginx, same bytes as static files", flush=True)
    with nginx:
        for name in urls:
            static[name] = wrk(f"http://127.0.0.1:{nginx.port}/{names[name]}", arguments)

    print_table(modes, static, queries, arguments)
    if mixed:
        print(
            f"\nMixed pages (cache on), {arguments.mixed_seconds} s at {arguments.connections} "
            f"connections: {mixed['requests']} requests, {mixed['rps']:.0f} req/s, "
            f"p50 {mixed['p50']:.1f} ms, p99 {mixed['p99']:.1f} ms, {mixed['errors']} errors, "
            f"worker restarted: {'yes' if mixed['workers_restarted'] else 'no'}"
        )
    (work / "results.json").write_text(
        json.dumps(
            {"modes": modes, "static": static, "queries": queries, "mixed": mixed, "urls": urls},
            indent=1,
        )
    )
    print(f"\nRaw figures: {work / 'results.json'}; gunicorn log: {work / 'gunicorn.log'}")


if __name__ == "__main__":
    main()
