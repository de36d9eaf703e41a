"""The shared factories (tests/factories): each makes a valid, saved row of its type in its place.

Page factories put their page in the demo site's section of the default language, publish it and
alias it in the other languages' trees; role factories put users in the groups `setup_site`
made, which carry the roles' permissions.
"""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.utils import timezone
from wagtail.models import Locale, Page

from contributions.models import ToolComment, UsageExample
from core.demo_utils import source_home
from diagnostic.models import DiagnosticKind
from events.models import EventIndexPage, EventSeriesPage, Registration
from guides.models import (
    CANVAS_FIELDS,
    BusinessModelIndexPage,
    GuideIndexPage,
    TrainingIndexPage,
)
from home.models import HomePage
from home.roles import (
    CO_CREATION_WORKFLOW,
    EDITORS,
    MODERATION_WORKFLOW,
    MODERATORS,
    REVIEWERS,
    translator_group_name,
)
from news.models import NewsIndexPage
from providers.models import ProviderIndexPage
from tests import factories
from tools.models import ToolIndexPage, ToolPage, ToolStatus

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = {"de", "it", "en"}


def demo_section(model):
    return model.objects.get(locale=Locale.get_default(), depth=3)


# (factory, the parent it uses by default: a model of the demo site's section, or a callable)
PAGE_FACTORIES = [
    (factories.StandardPageFactory, source_home),
    (factories.ToolIndexPageFactory, source_home),
    (factories.ToolPageFactory, lambda: demo_section(ToolIndexPage)),
    (factories.GuideIndexPageFactory, source_home),
    (factories.GuidePageFactory, lambda: demo_section(GuideIndexPage)),
    (factories.TrainingIndexPageFactory, source_home),
    (factories.TrainingModulePageFactory, lambda: demo_section(TrainingIndexPage)),
    (factories.BusinessModelIndexPageFactory, source_home),
    (factories.BusinessModelPageFactory, lambda: demo_section(BusinessModelIndexPage)),
    (factories.EventIndexPageFactory, source_home),
    (factories.EventSeriesPageFactory, lambda: demo_section(EventIndexPage)),
    (factories.EventPageFactory, lambda: demo_section(EventIndexPage)),
    (factories.ProviderIndexPageFactory, source_home),
    (factories.ProviderPageFactory, lambda: demo_section(ProviderIndexPage)),
    (factories.NewsIndexPageFactory, source_home),
    (factories.NewsPageFactory, lambda: demo_section(NewsIndexPage)),
    (factories.DiagnosticPageFactory, source_home),
]
PAGE_IDS = [page_factory._meta.model.__name__ for page_factory, _parent in PAGE_FACTORIES]


def aliases_of(page):
    return {
        alias.locale.language_code: alias
        for alias in Page.objects.filter(alias_of=page).select_related("locale")
    }


@pytest.mark.parametrize(("page_factory", "expected_parent"), PAGE_FACTORIES, ids=PAGE_IDS)
def test_a_page_factory_publishes_a_valid_page_in_its_section(page_factory, expected_parent):
    page = page_factory()
    saved = Page.objects.get(pk=page.pk).specific
    assert type(saved) is page_factory._meta.model
    assert saved.get_parent().pk == expected_parent().pk
    assert saved.locale == Locale.get_default()
    assert saved.live and not saved.has_unpublished_changes
    assert saved.live_revision is not None and saved.live_revision == saved.latest_revision
    saved.full_clean()  # the model's own validation (sheet numbers, canvas, questionnaire...)
    assert page.live_revision_id == saved.live_revision_id  # the instance was refreshed


@pytest.mark.parametrize(("page_factory", "_parent"), PAGE_FACTORIES, ids=PAGE_IDS)
def test_a_page_factory_aliases_the_page_in_every_other_language(page_factory, _parent):
    page = page_factory()
    aliases = aliases_of(page)
    assert set(aliases) == OTHER_LANGUAGES
    assert all(
        alias.live and alias.translation_key == page.translation_key for alias in aliases.values()
    )
    assert all(alias.get_parent().locale == alias.locale for alias in aliases.values())


def test_page_numbers_make_titles_slugs_and_sheet_numbers_unique():
    first, second = factories.ToolPageFactory.create_batch(2, aliases=False)
    assert first.title != second.title
    assert first.slug != second.slug
    assert first.sheet_number != second.sheet_number
    assert first.sheet_number.startswith("T") and len(first.sheet_number) >= 5


def test_a_draft_has_a_revision_and_is_not_live():
    draft = factories.ToolPageFactory(publish=False)
    saved = ToolPage.objects.get(pk=draft.pk)
    assert not saved.live
    assert saved.latest_revision is not None and saved.live_revision is None
    assert not any(alias.live for alias in aliases_of(saved).values())


def test_a_draft_without_a_revision():
    draft = factories.ToolPageFactory(publish=False, revision=False, aliases=False)
    saved = ToolPage.objects.get(pk=draft.pk)
    assert not saved.live
    assert saved.latest_revision is None


def test_a_bare_page_is_live_without_revision_or_aliases():
    page = factories.ToolPageFactory(bare=True)
    saved = ToolPage.objects.get(pk=page.pk)
    assert saved.live
    assert not saved.revisions.exists()
    assert aliases_of(saved) == {}


def test_a_page_goes_under_the_parent_it_is_given():
    library = factories.ToolIndexPageFactory(aliases=False)
    tool = factories.ToolPageFactory(parent=library, aliases=False)
    assert tool.get_parent().pk == library.pk
    assert tool.locale == library.locale
    assert library.get_parent().pk == source_home().pk


def test_build_gives_an_unsaved_page():
    tool = factories.ToolPageFactory.build(title="Pas enregistré")
    assert isinstance(tool, ToolPage)
    assert tool.pk is None and tool.title == "Pas enregistré"
    assert not ToolPage.objects.filter(title="Pas enregistré").exists()


def test_the_home_page_factory_starts_a_tree_of_its_own():
    home = factories.HomePageFactory()
    saved = HomePage.objects.get(pk=home.pk)
    assert saved.depth == 2 and saved.live
    assert saved.get_parent().pk == Page.get_first_root_node().pk
    assert aliases_of(saved) == {}


def test_a_tool_sheet_takes_terms_by_slug_and_instruments():
    tool = factories.ToolPageFactory(
        lever_slugs=["financial-resources"],
        phase_slugs=["launch", "growth"],
        audience_slugs=["funders"],
        instrument_count=2,
        effort_hours=Decimal("2.5"),
    )
    saved = ToolPage.objects.get(pk=tool.pk)
    french = Locale.get_default()
    assert {lever.slug for lever in saved.levers.all()} == {"financial-resources"}
    assert {phase.slug for phase in saved.phases.all()} == {"launch", "growth"}
    assert {audience.slug for audience in saved.audiences.all()} == {"funders"}
    assert all(term.locale == french for term in [*saved.levers.all(), *saved.phases.all()])
    instruments = list(saved.instruments.all())
    assert len(instruments) == 2
    assert {instrument.locale for instrument in instruments} == {french}
    assert len({instrument.document_id for instrument in instruments}) == 1
    assert saved.effort_hours == Decimal("2.5")
    german = ToolPage.objects.get(translation_key=tool.translation_key, locale__language_code="de")
    assert {lever.slug for lever in german.levers.all()} == {"financial-resources"}
    assert german.instruments.count() == 2


def test_instruments_can_be_named():
    tool = factories.ToolPageFactory(instrument_titles=["Fiche de travail", "Affiche"])
    assert [instrument.title for instrument in tool.instruments.order_by("sort_order")] == [
        "Fiche de travail",
        "Affiche",
    ]


def test_an_instrument_belongs_to_a_sheet_and_a_document():
    instrument = factories.ToolInstrumentFactory()
    assert instrument.pk and instrument.page.live
    assert instrument.locale == instrument.page.locale
    assert instrument.document.file.name.endswith(".pdf")
    assert instrument in instrument.page.instruments.all()


def test_a_download_count_counts_a_document_of_a_tool():
    row = factories.DownloadCountFactory(count=3)
    tool = ToolPage.objects.get(translation_key=row.tool_key, locale=row.locale)
    assert row.document == tool.instruments.get().document
    assert (row.count, row.day) == (3, timezone.localdate())


def test_a_guide_has_its_steps_in_order():
    tools = factories.ToolPageFactory.create_batch(3, aliases=False)
    guide = factories.GuidePageFactory(step_tools=tools, phase_slugs=["launch"])
    steps = list(guide.steps.order_by("sort_order"))
    assert [step.tool_id for step in steps] == [tool.pk for tool in tools]
    assert steps[1].commentary == "<p>Commentaire de l'étape 2.</p>"
    assert {phase.slug for phase in guide.phases.all()} == {"launch"}
    assert len(factories.GuidePageFactory().steps.all()) == 1  # one new tool sheet by default
    step = factories.GuideStepFactory(guide=guide)
    assert guide.steps.count() == 4 and step.locale == guide.locale


def test_a_training_module_and_its_materials():
    module = factories.TrainingModulePageFactory()
    material = factories.TrainingMaterialFactory(page=module, for_trainers_only=True)
    assert material.pk and material.page == module and material.for_trainers_only
    assert material.document.title == material.title
    assert module.learning_objectives


def test_a_business_model_has_the_canvas_and_its_impact_measures():
    origin = factories.BusinessModelPageFactory()
    model = factories.BusinessModelPageFactory(
        adapted_from=origin, measures=[("repas servis", "12 000")], lever_slugs=["human-resources"]
    )
    assert {name: getattr(model, name) for name in CANVAS_FIELDS} == factories.CANVAS
    measure = model.impact_measures.get()
    assert (measure.indicator, measure.value, measure.locale) == (
        "repas servis",
        "12 000",
        model.locale,
    )
    assert model.adapted_from == origin
    assert [lever.slug for lever in model.levers.all()] == ["human-resources"]


def test_an_event_lasts_its_hours_and_is_named_after_its_slug():
    event = factories.EventPageFactory(slug="atelier-hiver", hours=1.5)
    assert event.title == "Atelier hiver"
    assert event.end - event.start == datetime.timedelta(hours=1.5)
    assert event.start > datetime.datetime.now(datetime.UTC)
    series = factories.EventSeriesPageFactory()
    session = factories.EventPageFactory(parent=series, aliases=False)
    assert session.get_parent().pk == series.pk
    assert isinstance(series, EventSeriesPage)


def test_a_registration_takes_a_seat_at_an_event():
    event = factories.EventPageFactory(aliases=False, capacity=5)
    first, second = factories.RegistrationFactory.create_batch(2, event=event)
    assert first.email != second.email
    saved = Registration.objects.get(pk=first.pk)
    assert saved.event_id == event.pk
    assert saved.status == Registration.Status.CONFIRMED and saved.consent
    assert factories.RegistrationFactory().event.live


def test_a_provider_is_a_vaud_consultant_with_a_private_address():
    provider = factories.ProviderPageFactory()
    assert (provider.kind, provider.services, provider.regions) == (
        "person",
        ["consulting"],
        ["CH-VD"],
    )
    assert provider.owner_email.endswith("@secret.example.net")
    assert not provider.is_stale


def test_news_items_are_dated_one_after_the_other():
    first, second = factories.NewsPageFactory.create_batch(2, aliases=False)
    assert second.date > first.date > datetime.date(2026, 12, 31)


def test_a_diagnosis_is_a_questionnaire_or_a_checklist():
    questionnaire = factories.DiagnosticPageFactory()
    (question,) = questionnaire.all_questions()
    assert len(question.answers) == 4
    assert questionnaire.band_list()
    checklist = factories.DiagnosticPageFactory(checklist=True, aliases=False)
    assert checklist.kind == DiagnosticKind.CHECKLIST
    assert len(checklist.statements) == 5 and checklist.threshold == 3
    checklist.full_clean()
    completion = factories.DiagnosticCompletionFactory(page=questionnaire)
    assert completion.pk and completion.scores == {"human-resources": 50}


@pytest.mark.parametrize(
    "term_factory",
    [
        factories.LeverFactory,
        factories.PhaseFactory,
        factories.AudienceFactory,
        factories.ThemeFactory,
    ],
    ids=lambda term_factory: term_factory._meta.model.__name__,
)
def test_a_term_factory_adds_a_term_in_the_default_language(term_factory):
    first, second = term_factory.create_batch(2)
    model = term_factory._meta.model
    assert model.objects.filter(pk__in=[first.pk, second.pk]).count() == 2
    assert first.locale == Locale.get_default()
    assert first.slug != second.slug
    first.full_clean()
    german = term_factory(locale=Locale.objects.get(language_code="de"), slug=first.slug)
    assert german.locale.language_code == "de"


def test_the_menu_and_footer_factories_add_snippets_of_a_language():
    menu = factories.MainMenuFactory()
    footer = factories.FooterFactory(locale=Locale.objects.get(language_code="it"))
    assert menu.pk and menu.locale == Locale.get_default()
    assert footer.pk and footer.locale.language_code == "it"


def test_documents_and_images_have_real_files():
    document = factories.DocumentFactory(title="Fiche de travail")
    assert default_storage.exists(document.file.name)
    assert document.file.name.endswith(".pdf")
    assert document.file_size == len(b"%PDF-1.4 test")
    image = factories.ImageFactory(dimensions=(30, 10))
    assert (image.width, image.height) == (30, 10)


def test_a_user_without_a_role_has_no_access_to_the_admin():
    user = factories.UserFactory()
    assert user.pk and user.check_password("x")
    assert user.email == f"{user.username}@example.org"
    assert not user.groups.exists()
    assert not user.has_perm("wagtailadmin.access_admin")


def home(language_code):
    return HomePage.objects.get(depth=2, locale__language_code=language_code)


def test_an_editor_writes_in_the_default_language_only():
    editor = factories.EditorFactory()
    assert list(editor.groups.values_list("name", flat=True)) == [EDITORS]
    assert editor.has_perm("wagtailadmin.access_admin")
    assert editor.has_perm("taxonomy.add_lever") and not editor.has_perm("taxonomy.delete_lever")
    assert home("fr").permissions_for_user(editor).can_add_subpage()
    assert not home("fr").permissions_for_user(editor).can_publish()
    assert not home("de").permissions_for_user(editor).can_edit()


def test_a_reviewer_corrects_but_neither_adds_nor_publishes():
    reviewer = factories.ReviewerFactory()
    assert list(reviewer.groups.values_list("name", flat=True)) == [REVIEWERS]
    assert reviewer.has_perm("wagtailadmin.access_admin")
    assert not reviewer.has_perm("taxonomy.add_lever")
    permissions = home("fr").permissions_for_user(reviewer)
    assert permissions.can_edit()
    assert not permissions.can_add_subpage() and not permissions.can_publish()


def test_a_moderator_publishes_in_every_language():
    moderator = factories.ModeratorFactory()
    assert list(moderator.groups.values_list("name", flat=True)) == [MODERATORS]
    assert moderator.has_perm("taxonomy.delete_lever")
    assert moderator.has_perm("events.view_registration")
    for language_code in ("fr", "de", "it", "en"):
        assert home(language_code).permissions_for_user(moderator).can_publish()


@pytest.mark.parametrize("language_code", ["fr", "de", "it", "en"])
def test_a_translator_works_in_her_own_language(language_code):
    translator = factories.TranslatorFactory(language_code=language_code)
    assert list(translator.groups.values_list("name", flat=True)) == [
        translator_group_name(language_code)
    ]
    assert translator.has_perm("wagtail_localize.submit_translation")
    own_tree = home(language_code).permissions_for_user(translator)
    # The source language's translators translate only: its home page, an original, is not
    # theirs to edit (translations/page_permissions.py); the other trees are translations.
    assert own_tree.can_edit() is (language_code != "fr")
    # No translator publishes: a translation goes live after a second person reviews it.
    assert not own_tree.can_publish()
    other = "de" if language_code != "de" else "it"
    assert not home(other).permissions_for_user(translator).can_edit()


def test_groups_can_be_combined_and_given_as_rows():
    user = factories.UserFactory(groups=[EDITORS, Group.objects.get(name=REVIEWERS)])
    assert set(user.groups.values_list("name", flat=True)) == {EDITORS, REVIEWERS}
    with pytest.raises(Group.DoesNotExist):
        factories.UserFactory(groups=["A group setup_site never made"])


def test_an_administrator_may_do_everything():
    admin = factories.AdministratorFactory()
    assert admin.is_superuser and admin.is_staff
    assert admin.has_perm("events.delete_registration")
    assert home("it").permissions_for_user(admin).can_publish()


def test_an_approved_usage_example_is_published_on_a_new_sheet():
    example = factories.UsageExampleFactory()
    saved = UsageExample.objects.get(pk=example.pk)
    assert saved.live and saved.live_revision is not None
    assert saved.tool.live and saved.tool.locale == Locale.get_default()
    assert saved.credited_name == "Camille Rochat"
    assert not saved.workflow_in_progress


def test_a_pending_contribution_waits_in_the_moderation_workflow():
    tool = factories.ToolPageFactory()
    example = factories.UsageExampleFactory(tool=tool, pending=True)
    comment = factories.ToolCommentFactory(tool=tool, pending=True, kind="revision")
    for contribution, model in ((example, UsageExample), (comment, ToolComment)):
        saved = model.objects.get(pk=contribution.pk)
        assert not saved.live
        assert saved.workflow_in_progress
        assert saved.current_workflow_state.workflow.name == MODERATION_WORKFLOW
        assert saved.tool == tool
    assert ToolComment.objects.get(pk=comment.pk).kind == "revision"
    assert UsageExample.objects.get(pk=example.pk).title == "Exemple en attente"


def test_an_approved_comment_is_published():
    comment = factories.ToolCommentFactory(message="Merci pour cette fiche.")
    saved = ToolComment.objects.get(pk=comment.pk)
    assert saved.live and saved.message == "Merci pour cette fiche."


def test_a_tool_proposal_is_a_draft_sheet_in_the_co_creation_review():
    proposal = factories.ToolProposalFactory(title="Grille des partenaires")
    tool = ToolPage.objects.get(pk=proposal.tool_id)
    assert tool.title == "Grille des partenaires"
    assert tool.status == ToolStatus.PROPOSAL and not tool.live
    assert tool.current_workflow_state.workflow.name == CO_CREATION_WORKFLOW
    assert proposal.contributor_email == factories.CONTRIBUTOR["contributor_email"]
    assert factories.contributor_data(consent_to_credit=False)["consent_to_credit"] is False


def test_a_search_without_results_is_remembered_for_the_day():
    row = factories.ZeroResultQueryFactory(hits=4)
    assert row.pk and (row.language_code, row.hits) == ("fr", 4)
