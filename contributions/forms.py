"""Public contribution forms: every field bounded, text stored without markup, files inspected."""

import html

import nh3
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.uploads import inspect_upload
from guides.models import Region, Sector
from tools.models import ToolPage

from .models import RevisablePart

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
ALLOWED_UPLOADS = ["pdf", "docx", "odt", "xlsx", "ods", "png", "jpg", "jpeg"]


def plain_text(value: str) -> str:
    """The text without any markup: tags removed (script and style with their content).

    Entities are decoded back to characters so "a &amp; b" reads "a & b"; markup hidden in
    entities ("&lt;script&gt;") is removed on the next round. Templates escape on output.
    """
    text = value
    for _round in range(5):
        if not nh3.is_html(text):
            return text
        text = html.unescape(nh3.clean(text, tags=set()))
    return text.replace("<", "\u2039").replace(">", "\u203a")


def check_upload(upload):
    """Accept the file only if its name, its sniffed type and a full parse agree."""
    inspect_upload(upload, extensions=ALLOWED_UPLOADS, max_bytes=MAX_UPLOAD_BYTES)
    return upload


class PlainTextField(forms.CharField):
    """Text from the public, stored without markup; markup alone does not fill a field."""

    def clean(self, value):
        value = super().clean(value)
        value = plain_text(value).strip() if value else value
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        return value


class ContributionForm(forms.Form):
    """Who contributes, and the trap for robots that every public form shares."""

    # People never see this field (it is moved off-screen and skipped by the keyboard);
    # robots fill it in, and their submission is dropped quietly.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    contributor_name = PlainTextField(
        label=_("Your name"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    contributor_email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        required=False,
        max_length=254,
        help_text=_("Never published. We use it to tell you our decision."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent_to_credit = forms.BooleanField(
        label=_("Credit me by name on the tool sheet once my contribution is approved"),
        required=False,
    )
    consent_to_contact = forms.BooleanField(
        label=_("The team may contact me about this contribution"),
        required=False,
    )

    contributor_fields = [
        "contributor_name",
        "contributor_email",
        "consent_to_credit",
        "consent_to_contact",
    ]

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("consent_to_contact") and not cleaned.get("contributor_email"):
            self.add_error(
                "contributor_email",
                _("Give an e-mail address if the team may contact you."),
            )
        return cleaned

    def contributor_data(self):
        return {name: self.cleaned_data[name] for name in self.contributor_fields}

    def content_fields(self):
        return [
            self[name] for name in self.fields if name not in ["website", *self.contributor_fields]
        ]

    def contributor_bound_fields(self):
        return [self[name] for name in self.contributor_fields]


class UsageExampleForm(ContributionForm):
    title = PlainTextField(label=_("Title of the example"), max_length=160)
    organisation = PlainTextField(
        label=_("Organisation"),
        max_length=160,
        help_text=_("The organisation that used the tool."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    description = PlainTextField(
        label=_("How was the tool used, and what came of it?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Plain text, 5,000 characters at most."),
    )
    attachment = forms.FileField(
        label=_("A file to share (optional)"),
        required=False,
        max_length=200,
        validators=[check_upload],
        help_text=_("PDF, Word, OpenDocument, Excel, PNG or JPEG, 5 MB at most."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.docx,.odt,.xlsx,.ods,.png,.jpg,.jpeg"}
        ),
    )


class CommentForm(ContributionForm):
    message = PlainTextField(
        label=_("Your comment or observation"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Plain text, 5,000 characters at most."),
    )


class RevisionForm(ContributionForm):
    section = PlainTextField(
        label=_("Which part of the sheet?"),
        max_length=160,
        required=False,
        help_text=_('For example "Instructions for use, step 3".'),
    )
    message = PlainTextField(
        label=_("Your suggested revision"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What should change, and why. Plain text, 5,000 characters at most."),
    )
    proposed_part = forms.ChoiceField(
        label=_("Part you propose a new wording for (optional)"),
        choices=[("", _("None: my message says it all")), *RevisablePart.choices],
        required=False,
    )
    proposed_text = PlainTextField(
        label=_("Your new wording for that part (optional)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "The whole text of that part as you would write it. Once approved, the reviewers "
            "see it side by side with the current text."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        text, part = cleaned.get("proposed_text"), cleaned.get("proposed_part")
        if text and not part:
            self.add_error("proposed_part", _("Choose the part your new wording replaces."))
        # The sheet's own limit for that part (None: rich text, no limit).
        limit = ToolPage._meta.get_field(part).max_length if part else None
        if text and limit and len(text) > limit:
            self.add_error(
                "proposed_text",
                _("This part holds %(limit)s characters at most.") % {"limit": limit},
            )
        return cleaned


class TranslationOfferForm(ContributionForm):
    target_locale = forms.ModelChoiceField(
        label=_("Language you would translate into"),
        queryset=Locale.objects.none(),
        empty_label=None,
    )
    message = PlainTextField(
        label=_("A few words about you (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example your experience with the tool or with translation."),
    )

    def __init__(self, *args, tool=None, **kwargs):
        super().__init__(*args, **kwargs)
        locales = Locale.objects.exclude(pk=tool.locale_id) if tool else Locale.objects.all()
        self.fields["target_locale"].queryset = locales.order_by("pk")
        self.fields["target_locale"].label_from_instance = lambda locale: locale.get_display_name()


class ToolProposalForm(ContributionForm):
    title = PlainTextField(label=_("Name of the tool"), max_length=120)
    summary = PlainTextField(
        label=_("The tool in brief"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Two to four sentences: what the tool is and what it gives."),
    )
    target_groups = PlainTextField(
        label=_("Who is it for?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reasons = PlainTextField(
        label=_("Why use it?"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AdaptationForm(ContributionForm):
    """An adaptation of a tool sheet: what it is called and what it changes."""

    title = PlainTextField(label=_("Name of the adaptation"), max_length=120)
    changed = forms.MultipleChoiceField(
        label=_("What does your adaptation change?"),
        choices=[
            ("changed_audience", _("The audience")),
            ("changed_country", _("The country or region")),
            ("changed_sector", _("The sector")),
            ("changed_language", _("The language")),
        ],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick at least one."),
    )
    adaptation_note = PlainTextField(
        label=_("What did you change, and why?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Plain text, 2,000 characters at most."),
    )

    def adaptation_data(self):
        """The page fields the adaptation fills: its name, what changed and the form's own."""
        names = [name for name in self.fields if name not in ["website", *self.contributor_fields]]
        data = {name: self.cleaned_data[name] for name in names if name != "changed"}
        for aspect, _label in self.fields["changed"].choices:
            data[aspect] = aspect in self.cleaned_data["changed"]
        return data


class ModelAdaptationForm(AdaptationForm):
    """An adaptation of a shared model: also the organisation that takes it up, and where."""

    organisation = PlainTextField(
        label=_("Organisation"),
        max_length=200,
        help_text=_("The organisation that takes up the model."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    country = PlainTextField(label=_("Country"), max_length=100)
    region = forms.ChoiceField(label=_("Region"), choices=Region.choices)
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices)
    year = forms.IntegerField(
        label=_("Year the adaptation started (or will start)"), min_value=1800, max_value=2100
    )
