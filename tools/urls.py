from django.urls import path

from .downloads import download_instrument

urlpatterns = [
    path(
        "tools/download/<int:instrument_id>/<str:filename>",
        download_instrument,
        name="tool_instrument_download",
    ),
]
