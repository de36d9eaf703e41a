"""The public registration form."""

from django import forms
from django.utils.translation import gettext_lazy as _


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send the confirmation and the calendar file to this address."),
    )
    organisation = forms.CharField(label=_("Your organisation"), max_length=200, required=False)
    consent = forms.BooleanField(
        label=_(
            "I agree that the association keeps these details to organise the event; "
            "they are deleted after the event."
        ),
        error_messages={"required": _("Please give your consent to register.")},
    )
    # A field people never see; robots fill it in, and their submission is dropped quietly.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"

    @property
    def is_spam(self):
        return bool(self.data.get("homepage"))

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class RegistrationAdminForm(forms.ModelForm):
    """The organisers' form for a registration: an address already registered to the same
    event is refused with a message (the database would refuse it anyway, as an error page)."""

    def clean_email(self):
        email = self.cleaned_data["email"]
        event_id = self.instance.event_id
        if event_id is None:
            return email
        others = type(self.instance).objects.filter(event_id=event_id, email__iexact=email)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("This e-mail address is already registered for this event."),
                code="already_registered",
            )
        return email
