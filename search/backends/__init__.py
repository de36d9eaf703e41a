"""Search backends of the site, and the choice of a backend for a visitor's language.

`search.backends.database` extends Wagtail's database backend with language-aware analysis
(see its docstring); settings may declare one backend alias per language (`"de"`, `"it"`,
`"en"`) next to `"default"` (French). `backend_for_language()` picks the alias a query in a
given language goes to, falling back to `"default"`.
"""

from django.conf import settings


def backend_for_language(language_code: str) -> str:
    aliases = getattr(settings, "WAGTAILSEARCH_BACKENDS", {})
    return language_code if language_code in aliases else "default"
