"""The search page and its suggestions (JSON) for the search fields of every page."""

from django import forms
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET
from wagtail.models import Page

from core.ratelimit import over_limit
from core.site_data import active_locale

from . import generation
from .backends import backend_for_language
from .highlight import fold
from .results import MAX_QUERY_LENGTH, SiteSearch, clean_query
from .structured_data import search_results_page

SUGGESTION_LIMIT = 8
SUGGESTION_MIN_LENGTH = 2
SUGGESTION_MAX_LENGTH = 100
SUGGESTION_CACHE_SECONDS = 300
# Typing sends a request per pause: a generous allowance per visitor and minute.
SUGGESTIONS_PER_MINUTE = 120
MINUTE = 60


# A search reads; the only rows it writes (the counts of the searches report) stand alone.
# Outside a transaction it pays no BEGIN and COMMIT (nor SQLite's write lock).
@transaction.non_atomic_requests
@require_GET
def search(request):
    site_search = SiteSearch(request).run()
    if site_search.query.text:
        title = _("Search: %(query)s") % {"query": site_search.query.text}
    else:
        title = _("Search")
    context = {"search": site_search, "json_ld": [search_results_page(site_search, title)]}
    return render(request, "search/search.html", context)


class SuggestionsForm(forms.Form):
    q = forms.CharField(min_length=SUGGESTION_MIN_LENGTH, max_length=SUGGESTION_MAX_LENGTH)
    limit = forms.IntegerField(min_value=1, max_value=SUGGESTION_LIMIT, required=False)

    def clean_q(self):
        words = clean_query(self.cleaned_data["q"][:MAX_QUERY_LENGTH]).terms
        if len(fold(" ".join(words))) < SUGGESTION_MIN_LENGTH:
            raise forms.ValidationError(
                _("Type at least %(count)s letters or digits.") % {"count": SUGGESTION_MIN_LENGTH}
            )
        return words


def _status(count):
    if count == 0:
        return _("No suggestions.")
    return ngettext(
        "%(count)s suggestion. Use the up and down arrows to choose it.",
        "%(count)s suggestions. Use the up and down arrows to choose one.",
        count,
    ) % {"count": count}


def _titles(request, locale, words, limit):
    pages = (
        Page.objects.live()
        .public()
        .filter(locale=locale)
        .autocomplete(" ".join(words), backend=backend_for_language(locale.language_code))
    )
    return [{"title": page.title, "url": page.get_url(request=request)} for page in pages[:limit]]


@require_GET
def suggestions(request):
    """A few titles of pages of the visitor's language starting like their words (JSON).

    400 with the reasons on invalid input, 429 beyond `SUGGESTIONS_PER_MINUTE` per visitor;
    answers are cached for the search generation and the browser may keep them a few minutes.
    The `status` sentence is what a screen reader announces, in the visitor's language.
    """
    form = SuggestionsForm(request.GET)
    if not form.is_valid():
        errors = {
            name: [str(error) for error in messages] for name, messages in form.errors.items()
        }
        return JsonResponse({"errors": errors}, status=400)
    if over_limit(request, "search:suggestions", SUGGESTIONS_PER_MINUTE, MINUTE):
        return JsonResponse(
            {"errors": {"__all__": [_("Too many requests; please wait a minute.")]}},
            status=429,
        )
    locale = active_locale()
    words = form.cleaned_data["q"]
    limit = form.cleaned_data["limit"] or SUGGESTION_LIMIT
    key = generation.cache_key(
        "suggestions", locale.language_code, [fold(word) for word in words], limit
    )
    results = generation.cached(key)
    if results is None:
        results = _titles(request, locale, words, limit)
        generation.remember(key, results)
    response = JsonResponse(
        {"query": " ".join(words), "results": results, "status": _status(len(results))}
    )
    patch_cache_control(response, public=True, max_age=SUGGESTION_CACHE_SECONDS)
    return response
