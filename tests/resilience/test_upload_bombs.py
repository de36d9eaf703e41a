"""A decompression bomb sent to a real gunicorn worker leaves it under 300 MB.

The bomb is an RGBA PNG of 11,000 × 11,000 pixels, all zero: under 500 KB of file that
decodes to 484 MB (Wagtail's default 128-megapixel limit lets it through; decoding it for a
thumbnail took a worker to 1.2 GB). The site runs with production settings under gunicorn
(tests/resilience/process_site.py) on a copy of the site template; an editor sends the bomb
through the admin's image forms, then opens the admin pages that would show an image of that
size which got in before the limits (planted in the database, as an earlier version let it
in). The worker's peak resident memory (VmHWM in /proc) is read at the end.
"""

import re
import shutil
import tempfile
from pathlib import Path

import pytest

from tests import sample_files

from .process_site import HTTP_TIMEOUT, Editor, Gunicorn, ScratchSite, SiteTemplate

MEMORY_CEILING_BYTES = 300 * 1024 * 1024


def peak_resident_bytes(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE).group(1)) * 1024


@pytest.fixture(scope="module")
def bomb():
    content = sample_files.png_bomb()
    assert len(content) < 1024 * 1024
    return content


@pytest.fixture(scope="module")
def site():
    work = Path(tempfile.mkdtemp(prefix="sbm-upload-bombs-"))
    try:
        shutil.copyfile(SiteTemplate().sqlite_file(), work / "site.sqlite3")
        yield ScratchSite(f"sqlite:///{work}/site.sqlite3", work).populate([])
    finally:
        shutil.rmtree(work, ignore_errors=True)


def post_image(editor, path, files, data=None):
    editor.session.get(f"{editor.base_url}/admin/images/add/", timeout=HTTP_TIMEOUT)
    return editor.session.post(
        f"{editor.base_url}{path}",
        data={"csrfmiddlewaretoken": editor.session.cookies["csrftoken"], **(data or {})},
        files=files,
        headers={"Referer": f"{editor.base_url}/admin/images/add/"},
        allow_redirects=False,
        timeout=HTTP_TIMEOUT,
    )


def plant_image(site, content):
    """An image row and its file, as an upload before the limits left them."""
    (site.media_root / "original_images").mkdir(exist_ok=True)
    (site.media_root / "original_images" / "bombe.png").write_bytes(content)
    return site.query(
        """
import json
from wagtail.images.models import Image
from wagtail.models import Collection
image = Image(title="Bombe plantée", file="original_images/bombe.png", width=11000,
              height=11000, collection=Collection.get_first_root_node())
image.save()
print(json.dumps(image.pk))
"""
    )


def test_a_decompression_bomb_leaves_the_worker_under_300_mb(site, bomb):
    planted = plant_image(site, bomb)
    with Gunicorn(site, workers=1) as server:
        (worker,) = server.worker_pids()
        editor = Editor(server.url)
        assert editor.login().status_code == 302

        collection = site.query(
            "import json\nfrom wagtail.models import Collection\n"
            "print(json.dumps(Collection.get_first_root_node().pk))"
        )
        single = post_image(
            editor,
            "/admin/images/add/",
            files={"file": ("affiche.png", bomb, "image/png")},
            data={"title": "Affiche", "collection": collection},
        )
        assert single.status_code == 200, single.status_code
        assert "nombre de pixels" in single.text
        multiple = post_image(
            editor,
            "/admin/images/multiple/add/",
            files={"files[]": ("affiche.png", bomb, "image/png")},
        )
        assert multiple.status_code == 200
        assert multiple.json()["success"] is False

        # The pages that show the image planted before the limits: Pillow refuses to decode
        # it, so they answer at once instead of allocating.
        pages = {
            path: editor.session.get(
                f"{server.url}{path}", timeout=HTTP_TIMEOUT, allow_redirects=False
            ).status_code
            for path in ("/admin/images/", f"/admin/images/{planted}/")
        }
        assert set(pages.values()) <= {200, 500}, pages

        peak = peak_resident_bytes(worker)
        assert server.worker_pids() == {worker}, "the worker was replaced"
    print(f"worker peak {peak / 2**20:.0f} MB; admin pages {pages}")
    assert peak < MEMORY_CEILING_BYTES, f"peak {peak / 2**20:.0f} MB, pages {pages}"
    uploaded = site.query(
        "import json\nfrom wagtail.images.models import Image\n"
        "print(json.dumps(Image.objects.exclude(title='Bombe plantée').count()))"
    )
    assert uploaded == 0
