from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "guides"
    verbose_name = _("Guides, trainings and shared models")

    def ready(self):
        from wagtail.signals import page_published

        from core.pdf import queue_pdf_on_publish

        from .models import BusinessModelPage, GuidePage

        for model in (GuidePage, BusinessModelPage):
            page_published.connect(
                queue_pdf_on_publish, sender=model, dispatch_uid=f"guides_pdf_{model.__name__}"
            )
