"""Search benchmark: p50/p95 latency of 100 realistic queries, PostgreSQL next to SQLite.

Not a test. For each database it creates a fresh database, sets the site up, generates
`--pages` standard pages spread over the four locales (treebeard `add_child` in a loop with
progress; automatic indexing is switched off during generation), builds the index with
`update_index`, then times 100 queries (25 per language) twice: the backend search alone
(`Page.objects...search()`, first 10 results) and the whole search page (`/<lang>/search/?q=`,
facets and rendering included). Last, it counts how many of 50 realistic French queries with
typos (`FRENCH_QUERIES_WITH_TYPOS`) find nothing on the search page (the demo synonyms loaded).

    .venv/bin/python bench/search_bench.py \
        --postgres postgres://postgres@127.0.0.1:5432/sbm_search_bench \
        --sqlite /tmp/sbm-search-bench.sqlite3 --pages 10000
    # the same site measured again (e.g. after changing the search), nothing generated:
    .venv/bin/python bench/search_bench.py --reuse --postgres ... --sqlite ...

Each database is benchmarked in a child process (settings are read once per process). The
PostgreSQL database named in `--postgres` is dropped and created again.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORDS = {
    "fr": {
        "nouns": [
            "modèle",
            "outil",
            "association",
            "coopérative",
            "financement",
            "bénévole",
            "gouvernance",
            "impact",
            "partenariat",
            "canevas",
            "diagnostic",
            "formation",
            "subvention",
            "mécénat",
            "projet",
            "entreprise",
            "économie",
            "réseau",
            "alliance",
            "ressource",
            "évaluation",
            "stratégie",
            "communauté",
            "territoire",
        ],
        "adjectives": [
            "social",
            "solidaire",
            "durable",
            "local",
            "collectif",
            "financier",
            "humain",
            "stratégique",
            "participatif",
            "innovant",
        ],
        "glue": ["pour", "avec", "dans", "les", "des", "une", "un", "la", "le", "et", "de", "sur"],
    },
    "de": {
        "nouns": [
            "Modell",
            "Werkzeug",
            "Verein",
            "Genossenschaft",
            "Finanzierung",
            "Freiwillige",
            "Steuerung",
            "Wirkung",
            "Partnerschaft",
            "Diagnose",
            "Ausbildung",
            "Subvention",
            "Projekt",
            "Unternehmen",
            "Wirtschaft",
            "Netzwerk",
            "Allianz",
            "Ressource",
            "Bewertung",
            "Strategie",
            "Gemeinschaft",
            "Region",
        ],
        "adjectives": [
            "sozial",
            "solidarisch",
            "nachhaltig",
            "lokal",
            "kollektiv",
            "finanziell",
            "menschlich",
            "strategisch",
            "partizipativ",
            "innovativ",
        ],
        "glue": ["für", "mit", "in", "die", "der", "das", "und", "von", "auf", "ein", "eine"],
    },
    "it": {
        "nouns": [
            "modello",
            "strumento",
            "associazione",
            "cooperativa",
            "finanziamento",
            "volontario",
            "governance",
            "impatto",
            "partenariato",
            "diagnosi",
            "formazione",
            "sovvenzione",
            "progetto",
            "impresa",
            "economia",
            "rete",
            "alleanza",
            "risorsa",
            "valutazione",
            "strategia",
            "comunità",
            "territorio",
        ],
        "adjectives": [
            "sociale",
            "solidale",
            "sostenibile",
            "locale",
            "collettivo",
            "finanziario",
            "umano",
            "strategico",
            "partecipativo",
            "innovativo",
        ],
        "glue": ["per", "con", "nel", "delle", "degli", "una", "un", "la", "il", "e", "di", "su"],
    },
    "en": {
        "nouns": [
            "model",
            "tool",
            "association",
            "cooperative",
            "funding",
            "volunteer",
            "governance",
            "impact",
            "partnership",
            "canvas",
            "diagnosis",
            "training",
            "grant",
            "sponsorship",
            "project",
            "enterprise",
            "economy",
            "network",
            "alliance",
            "resource",
            "assessment",
            "strategy",
            "community",
            "region",
        ],
        "adjectives": [
            "social",
            "solidarity",
            "sustainable",
            "local",
            "collective",
            "financial",
            "human",
            "strategic",
            "participative",
            "innovative",
        ],
        "glue": ["for", "with", "in", "the", "of", "a", "an", "and", "on", "to"],
    },
}
LANGUAGES = list(WORDS)
# What French-speaking visitors really type: typos, missing accents, English or anglicised words
# and page types. The zero-result rate of the search page is measured on this fixed list.
FRENCH_QUERIES_WITH_TYPOS = [
    "finacement",
    "financment solidaire",
    "benevole",
    "bénévolle",
    "gouvernnance",
    "gouvernance partcipative",
    "cooperatve",
    "coopérative locale",
    "asociation",
    "associaton sociale",
    "canvas",
    "canevas social",
    "canevaz",
    "budjet",
    "budget",
    "diagnostique",
    "diagnotic",
    "formaton",
    "formation durable",
    "subvension",
    "subventions",
    "mécenat",
    "mecennat",
    "partenariat stratégique",
    "partenaria",
    "projets innovant",
    "entreprize sociale",
    "economie solidaire",
    "économi sociale",
    "reseau local",
    "résau",
    "aliance",
    "ressources humaines",
    "ressource humaine",
    "evaluation impact",
    "évaluaton",
    "strategie",
    "stratégie finnancière",
    "communauté locale",
    "comunauté",
    "territoir",
    "teritoire durable",
    "modele",
    "modèles économiques",
    "modl social",
    "outil",
    "outils colectifs",
    "impakt social",
    "innovent",
    "participatif collectif",
]


def sentence(rng, words, length):
    parts = []
    for index in range(length):
        pool = words["glue"] if index % 3 == 2 else words["nouns"] + words["adjectives"]
        parts.append(rng.choice(pool))
    return " ".join(parts).capitalize() + "."


def queries(rng, count=100):
    """Realistic queries: one to three words, plurals and words without accents included."""
    result = []
    for index in range(count):
        language = LANGUAGES[index % len(LANGUAGES)]
        words = WORDS[language]
        picked = [rng.choice(words["nouns"])]
        if index % 3:
            picked.append(rng.choice(words["adjectives"]))
        if index % 7 == 0:
            picked[0] = picked[0] + "s"
        if index % 5 == 0:
            picked.append(rng.choice(words["nouns"]))
        result.append((language, " ".join(picked)))
    return result


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _synonym_loader():
    """The demo synonyms, when this version of the site has them (editors keep them as data)."""
    try:
        from search.demo import load_synonyms
    except ImportError:
        return None
    return load_synonyms


def run_child(pages, reuse):
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the search page's context, to count searches without results
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from wagtail.models import Locale, Page

    from core.progress import progress
    from home.models import HomePage, StandardPage

    call_command("migrate", verbosity=0)
    call_command("setup_site", verbosity=0)
    for alias in settings.WAGTAILSEARCH_BACKENDS.values():
        alias["AUTO_UPDATE"] = False  # indexed in one go by update_index below
    rng = random.Random(20240611)
    started = time.perf_counter()
    homes = {}
    for language in [] if reuse else LANGUAGES:
        locale = Locale.objects.get(language_code=language)
        home = HomePage.objects.filter(locale=locale).first()
        if home is None:
            home = HomePage.objects.get(locale=Locale.get_default()).copy_for_translation(locale)
            home.save_revision().publish()
        section = StandardPage(title="Banc d'essai", slug="banc-essai", locale=locale)
        homes[language] = home.add_child(instance=section)
    for number in progress(range(0 if reuse else pages), description="pages", total=pages):
        language = LANGUAGES[number % len(LANGUAGES)]
        words = WORDS[language]
        homes[language].add_child(
            instance=StandardPage(
                title=sentence(rng, words, 4)[:-1],
                slug=f"page-{number}",
                locale=homes[language].locale,
                intro=" ".join(sentence(rng, words, 12) for _ in range(3)),
            )
        )
    generated = time.perf_counter() - started
    load_synonyms = _synonym_loader()
    if load_synonyms:
        load_synonyms()
    started = time.perf_counter()
    if not reuse:
        call_command("update_index", verbosity=1)
    indexed = time.perf_counter() - started

    client = Client(HTTP_HOST="localhost")
    backend_times, page_times = [], []
    workload = queries(random.Random(7))
    for language, query in workload[:10]:  # warm caches
        client.get(f"/{language}/search/", {"q": query})
    from search.backends import backend_for_language

    for language, query in workload:
        locale = Locale.objects.get(language_code=language)
        started = time.perf_counter()
        list(
            Page.objects.live()
            .public()
            .filter(locale=locale)
            .search(query, backend=backend_for_language(language))[:10]
        )
        backend_times.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        response = client.get(f"/{language}/search/", {"q": query})
        page_times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    zero_results = []
    for query in FRENCH_QUERIES_WITH_TYPOS:
        response = client.get("/fr/search/", {"q": query})
        assert response.status_code == 200
        if response.context["search"].total == 0:
            zero_results.append(query)
    print(
        "RESULT "
        + json.dumps(
            {
                "pages": Page.objects.count(),
                "generated_s": round(generated, 1),
                "indexed_s": round(indexed, 1),
                "backend_p50": percentile(backend_times, 0.5),
                "backend_p95": percentile(backend_times, 0.95),
                "page_p50": percentile(page_times, 0.5),
                "page_p95": percentile(page_times, 0.95),
                "page_mean": statistics.mean(page_times),
                "zero_result_rate": len(zero_results) / len(FRENCH_QUERIES_WITH_TYPOS),
                "zero_results": zero_results,
            }
        )
    )


def run_database(label, database_url, pages, reuse=False):
    print(f"== {label}: {database_url}", flush=True)
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "sbm_site.settings.test",
        "SEARCH_BENCH_CHILD": "1",
    }
    process = subprocess.run(
        [sys.executable, __file__, "--pages", str(pages), *(["--reuse"] if reuse else [])],
        env=environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    for line in process.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    print(process.stdout[-3000:], process.stderr[-3000:])
    raise SystemExit(f"{label}: the benchmark failed")


def fresh_postgres(url):
    from urllib.parse import urlparse

    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/sbm_search_bench")
    parser.add_argument(
        "--sqlite", default=str(Path(tempfile.gettempdir()) / "sbm-search-bench.sqlite3")
    )
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure the site a previous run generated (migrations applied, nothing generated)",
    )
    arguments = parser.parse_args()
    if os.environ.get("SEARCH_BENCH_CHILD"):
        sys.path.insert(0, str(ROOT))
        run_child(arguments.pages, arguments.reuse)
        return
    results = {}
    if arguments.postgres:
        if not arguments.reuse:
            fresh_postgres(arguments.postgres)
        results["PostgreSQL"] = run_database(
            "PostgreSQL", arguments.postgres, arguments.pages, arguments.reuse
        )
    if arguments.sqlite:
        if not arguments.reuse:
            Path(arguments.sqlite).unlink(missing_ok=True)
        results["SQLite"] = run_database(
            "SQLite", f"sqlite:///{arguments.sqlite}", arguments.pages, arguments.reuse
        )
    print(f"\n{arguments.pages} generated pages, 100 queries (25 per language), milliseconds")
    print(
        f"{'':12}{'pages':>8}{'backend p50':>13}{'backend p95':>13}{'page p50':>10}{'page p95':>10}"
    )
    for label, figures in results.items():
        print(
            f"{label:12}{figures['pages']:>8}{figures['backend_p50']:>13.1f}"
            f"{figures['backend_p95']:>13.1f}{figures['page_p50']:>10.1f}{figures['page_p95']:>10.1f}"
        )
    for label, figures in results.items():
        print(
            f"{label}: {figures['zero_result_rate']:.0%} of the "
            f"{len(FRENCH_QUERIES_WITH_TYPOS)} French queries with typos find nothing: "
            + ", ".join(figures["zero_results"])
        )
    for label, figures in results.items():
        print(
            f"{label}: generation {figures['generated_s']} s, update_index {figures['indexed_s']} s"
        )


if __name__ == "__main__":
    main()
