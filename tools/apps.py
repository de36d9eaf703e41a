from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tools"
    verbose_name = _("Tool library")

    def ready(self):
        from wagtail.signals import page_published

        from .models import ToolPage
        from .pdf import regenerate_on_publish

        page_published.connect(
            regenerate_on_publish, sender=ToolPage, dispatch_uid="tools_pdf_on_publish"
        )
