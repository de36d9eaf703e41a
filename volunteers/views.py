"""The volunteers' guide in the admin: table of contents, chapters and their screenshots."""

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import guide


def guide_index(request):
    intro = guide.introduction()
    return render(
        request,
        "volunteers/admin/guide.html",
        {
            "page_title": _("Volunteers' guide"),
            "chapter": intro,
            "chapters": guide.chapters(),
            "is_index": True,
        },
    )


def guide_chapter(request, slug):
    chapter = guide.chapter(slug)
    if chapter is None:
        raise Http404
    return render(
        request,
        "volunteers/admin/guide.html",
        {
            "page_title": chapter.title,
            "chapter": chapter,
            "chapters": guide.chapters(),
            "is_index": False,
        },
    )


def guide_image(request, name):
    path = guide.image_path(name)
    if path is None:
        raise Http404
    return FileResponse(path.open("rb"), content_type="image/png")
