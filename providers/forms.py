"""Public forms: contact a provider, apply to be listed, update one's own profile."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from taxonomy.utils import active_locale
from tools.models import ToolPage

from .models import LANGUAGES, REGIONS, ProviderKind, ProviderPage, Service


class HoneypotMixin(forms.Form):
    """A field people never see; robots fill it in, and their submission is dropped quietly."""

    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    @property
    def is_spam(self):
        return bool(self.data.get("homepage"))


class ContactForm(HoneypotMixin):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("The provider will answer you at this address."),
    )
    message = forms.CharField(
        label=_("Your message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )


def _field(name):
    return ProviderPage._meta.get_field(name)


class ToolChoiceField(forms.ModelMultipleChoiceField):
    """The published tool sheets of the default language, titled in the visitor's language."""

    def __init__(self, **kwargs):
        super().__init__(
            queryset=ToolPage.objects.none(),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            **kwargs,
        )
        self.localized_titles = {}

    def prepare(self):
        self.queryset = ToolPage.objects.live().filter(locale=Locale.get_default())
        self.queryset = self.queryset.order_by("sheet_number")
        self.localized_titles = dict(
            ToolPage.objects.live()
            .filter(locale=active_locale())
            .values_list("translation_key", "title")
        )

    def label_from_instance(self, obj):
        title = self.localized_titles.get(obj.translation_key, obj.title)
        return f"{obj.sheet_number} · {title}"


class ProfileForm(forms.Form):
    """The profile's public fields, shared by the application and the update forms."""

    title = forms.CharField(label=_("Name of the person or organisation"), max_length=255)
    kind = forms.ChoiceField(label=_("You are"), choices=ProviderKind.choices)
    intro = forms.CharField(
        label=_("In one or two sentences"),
        max_length=600,
        help_text=_("Shown in the directory under your name."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    bio = forms.CharField(
        label=_("Short presentation"),
        max_length=3000,
        help_text=_("How you work, your background, the organisations you accompany."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    services = forms.MultipleChoiceField(
        label=_("Services"), choices=Service.choices, widget=forms.CheckboxSelectMultiple
    )
    tools = ToolChoiceField(label=_("Tools you have practised"))
    regions = forms.MultipleChoiceField(
        label=_("Regions where you work"), choices=REGIONS, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.MultipleChoiceField(
        label=_("Working languages"), choices=LANGUAGES, widget=forms.CheckboxSelectMultiple
    )
    references = forms.CharField(
        label=_("References and examples of missions"),
        required=False,
        max_length=3000,
        help_text=_("One mission per paragraph: the organisation, what you did, which tool."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    PAGE_FIELDS = [
        "title",
        "kind",
        "intro",
        "bio",
        "services",
        "regions",
        "languages",
        "references",
        "website",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tools"].prepare()

    @classmethod
    def initial_from(cls, page):
        initial = {name: getattr(page, name) for name in cls.PAGE_FIELDS}
        initial["tools"] = [tool.pk for tool in page.tools.all()]
        return initial

    def apply_to(self, page):
        for name in self.PAGE_FIELDS:
            setattr(page, name, self.cleaned_data[name])
        page.tools = list(self.cleaned_data["tools"])


class ApplicationForm(HoneypotMixin, ProfileForm):
    owner_email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_(
            "Never shown on the site. Visitors' messages and the link to update your profile "
            "are sent here."
        ),
    )
    consent = forms.BooleanField(
        label=_(
            "I confirm that I have applied at least one of the association's tools and I agree "
            "that my profile is published once the moderators have approved it."
        ),
    )

    field_order = ["title", "kind", "owner_email", *ProfileForm.PAGE_FIELDS, "tools", "consent"]


class UpdateForm(ProfileForm):
    pass
