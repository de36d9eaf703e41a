"""Factories of the rows tests create on top of the demo site (factory_boy).

Every test database holds the demo site (`load_demo_content`): factories add to it. A page
factory puts its page in the demo site's section of the default language (a tool sheet in the
library "outils", an event in the agenda, ...), publishes it and creates its aliases in the
other languages' trees, as the admin does when a volunteer publishes a new French page::

    from tests.factories import EditorFactory, RegistrationFactory, ToolPageFactory

    tool = ToolPageFactory(title="Canevas", lever_slugs=["financial-resources"])
    draft = ToolPageFactory(publish=False)  # a draft with a revision, not live
    french_only = ToolPageFactory(aliases=False)  # no alias in the de/it/en trees
    quick = ToolPageFactory.create_batch(50, bare=True)  # live, no revision, no alias
    editor = EditorFactory()  # in the "Editors" group that setup_site created
    registration = RegistrationFactory(event=event, status="waiting")

Pass `parent=` to put a page elsewhere. Titles, slugs and sheet numbers come from sequences,
so they are unique; give the fields a test asserts on explicitly. `.build()` gives an unsaved
instance (a page without a parent). Contributions are approved unless `pending=True`, which
sends them through the public forms' submission into the moderators' workflow.
"""

from .contributions import (
    CONTRIBUTOR,
    ToolCommentFactory,
    ToolProposalFactory,
    UsageExampleFactory,
    contributor_data,
)
from .diagnostic import DiagnosticCompletionFactory, DiagnosticPageFactory
from .events import (
    EventIndexPageFactory,
    EventPageFactory,
    EventSeriesPageFactory,
    RegistrationFactory,
)
from .guides import (
    CANVAS,
    BusinessModelIndexPageFactory,
    BusinessModelPageFactory,
    GuideIndexPageFactory,
    GuidePageFactory,
    GuideStepFactory,
    TrainingIndexPageFactory,
    TrainingMaterialFactory,
    TrainingModulePageFactory,
    TrainingPathPageFactory,
)
from .home import FooterFactory, HomePageFactory, MainMenuFactory, StandardPageFactory
from .media import DocumentFactory, ImageFactory
from .news import NewsIndexPageFactory, NewsPageFactory
from .pages import PageFactory
from .providers import ProviderIndexPageFactory, ProviderPageFactory
from .search import ZeroResultQueryFactory
from .taxonomy import AudienceFactory, LeverFactory, PhaseFactory, ThemeFactory
from .tools import (
    DownloadCountFactory,
    ToolIndexPageFactory,
    ToolInstrumentFactory,
    ToolPageFactory,
)
from .translations import GlossaryTermFactory
from .users import (
    AdministratorFactory,
    EditorFactory,
    ModeratorFactory,
    ReviewerFactory,
    TrainerFactory,
    TranslatorFactory,
    UserFactory,
)

__all__ = [
    "CANVAS",
    "CONTRIBUTOR",
    "AdministratorFactory",
    "AudienceFactory",
    "BusinessModelIndexPageFactory",
    "BusinessModelPageFactory",
    "DiagnosticCompletionFactory",
    "DiagnosticPageFactory",
    "DocumentFactory",
    "DownloadCountFactory",
    "EditorFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "EventSeriesPageFactory",
    "FooterFactory",
    "GlossaryTermFactory",
    "GuideIndexPageFactory",
    "GuidePageFactory",
    "GuideStepFactory",
    "HomePageFactory",
    "ImageFactory",
    "LeverFactory",
    "MainMenuFactory",
    "ModeratorFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "PageFactory",
    "PhaseFactory",
    "ProviderIndexPageFactory",
    "ProviderPageFactory",
    "RegistrationFactory",
    "ReviewerFactory",
    "StandardPageFactory",
    "ThemeFactory",
    "ToolCommentFactory",
    "ToolIndexPageFactory",
    "ToolInstrumentFactory",
    "ToolPageFactory",
    "ToolProposalFactory",
    "TrainingIndexPageFactory",
    "TrainingMaterialFactory",
    "TrainingModulePageFactory",
    "TrainingPathPageFactory",
    "TrainerFactory",
    "TranslatorFactory",
    "UsageExampleFactory",
    "UserFactory",
    "ZeroResultQueryFactory",
    "contributor_data",
]
