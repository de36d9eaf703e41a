"""Shared arrangements for the translation workflow tests."""

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from home.demo_utils import child_of_type, source_home
from tools.models import ToolIndexPage, ToolInstrument, ToolPage


def user_in(group_name, username=None):
    user = User.objects.create_user(username=username or f"user-{group_name}", password="x")  # noqa: S106
    user.groups.add(Group.objects.get(name=group_name))
    return user


def document(title):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 test", name=f"{title}.pdf")
    )


def tool_index():
    """The French tool library; created when the tools demo has not made one."""
    home = source_home()
    index = child_of_type(home, ToolIndexPage)
    if index is None:
        index = ToolIndexPage(title="Boîte à outils", slug="outils-test")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def french_tool(slug="canevas-test", *, with_instrument=False):
    tool = ToolPage(
        title="Canevas du modèle socio-économique",
        slug=slug,
        sheet_number="T99",
        summary="Un canevas en neuf blocs pour décrire le modèle de son organisation.",
        effort="2 à 3 heures",
    )
    if with_instrument:
        tool.instruments.add(
            ToolInstrument(title="Fiche de travail", document=document("fiche-fr"))
        )
    tool_index().add_child(instance=tool)
    tool.save_revision().publish()
    return tool


def start_translation(instance, language_code):
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    return source, translation


def fill_strings(source, locale, translate):
    """Translate every string segment of `source` with `translate(french_text)`."""
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": translate(segment.string.data), "translation_type": "manual"},
        )
