"""The page edit form every page type uses: choices a volunteer can read and tick.

Wagtail's default widget for a many-to-many field is a multiple select listing every row of
every language (a term four times: Curiosity / Curiosità / Curiosité / Neugier; a tool four
times under the same French title), picked with Ctrl-click. Here:
- taxonomy terms are checkboxes with the published terms that pages point at (the default
  locale's rows: a translated page keeps its source's classification), each labelled in the
  page's language;
- pages to choose (related tools, guides, events) are checkboxes limited to the page's own
  language, tools shown with their sheet number;
- the source of an adaptation (`adapted_from`) must be in the page's own language when the
  page type asks for it (`adaptation_in_same_language`, tool sheets).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale, Page

from taxonomy.models import TaxonomyTerm
from taxonomy.utils import terms_by_translation_key


class LocalisedChoicesPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = self._page_locale()
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if not isinstance(field, forms.ModelMultipleChoiceField) or queryset is None:
                continue
            model = queryset.model
            # What the page already points at stays offered, whatever its language: saving
            # the form must never drop a choice the volunteer did not untick.
            current = self.initial.get(name) or []
            chosen = Q(pk__in=[getattr(value, "pk", value) for value in current])
            if issubclass(model, TaxonomyTerm):
                self._localise_terms(field, model, locale, chosen)
            elif issubclass(model, Page):
                self._localise_pages(field, model, locale, chosen)

    def clean_adapted_from(self):
        source = self.cleaned_data.get("adapted_from")
        same_language = getattr(self.instance, "adaptation_in_same_language", False)
        if source is not None and same_language and source.locale_id != self._page_locale().pk:
            raise ValidationError(_("Choose the source in the same language as this page."))
        return source

    def _page_locale(self):
        if getattr(self.instance, "locale_id", None):
            return self.instance.locale
        parent = getattr(self, "parent_page", None)
        if parent is not None:
            return parent.locale
        return Locale.get_default()

    @staticmethod
    def _localise_terms(field, model, locale, chosen):
        labels = terms_by_translation_key(model, locale)
        field.queryset = model.objects.filter(Q(live=True, locale=Locale.get_default()) | chosen)
        field.label_from_instance = lambda term: labels.get(term.translation_key, term).name
        field.widget = forms.CheckboxSelectMultiple(choices=field.choices)

    @staticmethod
    def _localise_pages(field, model, locale, chosen):
        pages = model.objects.filter(Q(locale=locale) | chosen)
        if hasattr(model, "sheet_number"):
            field.queryset = pages.order_by("sheet_number", "title")
            field.label_from_instance = lambda page: (
                f"{page.sheet_number} · {page.title}" if page.sheet_number else page.title
            )
        else:
            field.queryset = pages.order_by("title")
        field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
