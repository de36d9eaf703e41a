"""The public forms of the directory, served as sub-pages of the directory and the profiles."""

from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.datastructures import MultiValueDict
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Locale
from wagtail_localize.synctree import create_aliases_for_new_page

from core.ratelimit import over_limit

from . import emails
from .forms import ApplicationForm, ContactForm, UpdateForm
from .models import PendingApplication, ProviderIndexPage, ProviderPage, confirmation_period
from .tokens import pending_application_from, token_matches

CONTACT_LIMIT = 5
APPLICATION_LIMIT = 3
RATE_WINDOW = 3600


@never_cache
def contact_view(request, page):
    form = ContactForm(request.POST)
    if form.is_spam:
        return HttpResponseRedirect(page.url + "?contact=sent#contact")
    status = 400
    if form.is_valid():
        if over_limit(request, "providers:contact", CONTACT_LIMIT, RATE_WINDOW):
            form.add_error(
                None,
                _("Too many messages were sent from your connection. Please try again in an hour."),
            )
            status = 429
        else:
            data = form.cleaned_data
            emails.send_contact_message(page, data["name"], data["email"], data["message"])
            return HttpResponseRedirect(page.url + "?contact=sent#contact")
    response = page.render(request, context_overrides={"contact_form": form})
    response.status_code = status
    return response


def source_index(index_page):
    """The directory in the default language, where applications are created."""
    default = Locale.get_default()
    if index_page.locale_id == default.pk:
        return index_page
    return ProviderIndexPage.objects.get(locale=default, translation_key=index_page.translation_key)


def unique_slug(parent, title):
    base = slugify(title)[:70] or "prestataire"
    slug, number = base, 1
    while parent.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def submit_for_vetting(page):
    """Start the page's workflow on its latest revision, replacing a pending one."""
    state = page.current_workflow_state
    if state is not None:
        state.cancel(user=None)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, None)


@never_cache
def apply_view(request, index_page):
    context = {"page": index_page, "self": index_page}
    if request.GET.get("sent") == "1":
        context["confirmation_hours"] = int(confirmation_period().total_seconds() // 3600)
        return TemplateResponse(request, "providers/apply_sent.html", context)
    if request.GET.get("confirmed") == "1":
        return TemplateResponse(request, "providers/apply_confirmed.html", context)
    status = 200
    if request.method == "POST":
        form = ApplicationForm(request.POST)
        if form.is_spam:
            return HttpResponseRedirect(index_page.url + "apply/?sent=1")
        if form.is_valid():
            if over_limit(request, "providers:apply", APPLICATION_LIMIT, RATE_WINDOW):
                form.add_error(
                    None,
                    _(
                        "Too many applications were sent from your connection. "
                        "Please try again in an hour."
                    ),
                )
                status = 429
            else:
                request_confirmation(request, index_page, form)
                return HttpResponseRedirect(index_page.url + "apply/?sent=1")
        else:
            status = 400
    else:
        form = ApplicationForm()
    context["form"] = form
    return TemplateResponse(request, "providers/apply.html", context, status=status)


def request_confirmation(request, index_page, form):
    """Keep the answers aside and send the confirmation link to the address typed.

    Nothing reaches the moderators, nor the page tree, before the link is followed. Expired
    requests are deleted on the way.
    """
    PendingApplication.objects.expired_unconfirmed().delete()
    answers = {name: request.POST.getlist(name) for name in form.fields if name != "homepage"}
    pending = PendingApplication.objects.create(
        owner_email=form.cleaned_data["owner_email"],
        language=translation.get_language() or settings.LANGUAGE_CODE,
        answers=answers,
    )
    emails.send_application_address_check(index_page, pending)
    return pending


LINK_PROBLEM_STATUS = {"invalid": 400, "gone": 410, "expired": 410}


@never_cache
def confirm_application_view(request, index_page, token):
    """The double opt-in link of an application. A GET only shows a button (mail scanners
    open links); the POST creates the draft profile and starts its vetting workflow."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    context = {"page": index_page, "self": index_page}
    pending, problem = pending_application_from(token)
    if problem is not None:
        context["problem"] = problem
        return TemplateResponse(
            request, "providers/apply_confirm.html", context, status=LINK_PROBLEM_STATUS[problem]
        )
    if request.method == "GET":
        return TemplateResponse(request, "providers/apply_confirm.html", context)
    form = ApplicationForm(MultiValueDict(pending.answers))
    if not form.is_valid():
        # The site changed meanwhile (e.g. a tool sheet was withdrawn): the applicant checks
        # the answers, which are all still there, and sends them again.
        pending.delete()
        context["form"] = form
        return TemplateResponse(request, "providers/apply.html", context, status=400)
    create_application(index_page, form)
    pending.delete()
    return HttpResponseRedirect(index_page.url + "apply/?confirmed=1")


@transaction.atomic
def create_application(index_page, form):
    parent = source_index(index_page)
    page = ProviderPage(
        locale=parent.locale,
        owner_email=form.cleaned_data["owner_email"],
        last_confirmed=timezone.localdate(),
        live=False,
    )
    form.apply_to(page)
    page.slug = unique_slug(parent, page.title)
    parent.add_child(instance=page)
    # As when an editor creates a page in the admin: the other languages get an alias, which
    # goes live with the profile once it is approved.
    create_aliases_for_new_page(page)
    page.save_revision()
    submit_for_vetting(page)
    transaction.on_commit(lambda: emails.send_application_received(page))
    return page


@never_cache
def update_view(request, page, token):
    source = ProviderPage.objects.filter(
        translation_key=page.translation_key, locale=Locale.get_default()
    ).first()
    context = {"page": page, "self": page}
    if source is None or not token_matches(token, source):
        return TemplateResponse(request, "providers/invalid_link.html", context, status=403)
    context["updated"] = request.GET.get("saved") == "1"
    draft = source.get_latest_revision_as_object()
    status = 200
    if request.method == "POST":
        form = UpdateForm(request.POST)
        if form.is_valid():
            save_update(source, draft, form)
            return HttpResponseRedirect(f"{request.path}?{urlencode({'token': token})}&saved=1")
        status = 400
    else:
        form = UpdateForm(initial=UpdateForm.initial_from(draft))
    context["form"] = form
    context["pending"] = source.has_unpublished_changes
    return TemplateResponse(request, "providers/update.html", context, status=status)


@transaction.atomic
def save_update(source, draft, form):
    """Save the owner's changes as a new draft revision and submit it to the moderators.

    The live page keeps its content until a moderator approves the revision.
    """
    form.apply_to(draft)
    draft.last_confirmed = timezone.localdate()
    draft.save_revision()
    source.refresh_from_db()
    submit_for_vetting(source)
    transaction.on_commit(lambda: emails.send_update_received(source))
