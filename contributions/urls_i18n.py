"""Public pages of co-creation, under /<language>/contribuer/."""

from django.urls import path

from . import views

app_name = "contributions"

urlpatterns = [
    path("", views.help_wanted, name="help_wanted"),
    path("proposer-un-outil/", views.propose_tool, name="propose_tool"),
    path("merci/", views.thanks, name="thanks"),
    path("suivi/", views.board, name="board"),
    path("suivi/<str:token>/", views.follow, name="follow"),
    path(
        "outils/<int:tool_id>/exemple/",
        views.tool_contribution,
        {"kind": "example"},
        name="example",
    ),
    path(
        "outils/<int:tool_id>/commentaire/",
        views.tool_contribution,
        {"kind": "comment"},
        name="comment",
    ),
    path(
        "outils/<int:tool_id>/revision/",
        views.tool_contribution,
        {"kind": "revision"},
        name="revision",
    ),
    path(
        "outils/<int:tool_id>/traduction/",
        views.tool_contribution,
        {"kind": "translation"},
        name="translation",
    ),
    path(
        "outils/<int:page_id>/adaptation/",
        views.propose_adaptation,
        {"kind": "tool"},
        name="adapt_tool",
    ),
    path(
        "modeles/<int:page_id>/adaptation/",
        views.propose_adaptation,
        {"kind": "model"},
        name="adapt_model",
    ),
]
