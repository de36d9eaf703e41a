"""Production settings plus one constant view (`/bench/constant/`), the benchmark's baseline.

Only `bench/run` uses this module; the site itself never does.
"""

from sbm_site.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
