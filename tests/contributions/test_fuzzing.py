"""Property-based fuzzing of every public form: whatever arrives, the site stays safe.

For each form, generated submissions (huge, malformed, script-laden, non-UTF-8; as many as the
Hypothesis profile allows: a reproducible sample in CI, thousands with
`HYPOTHESIS_PROFILE=explore`) go through the real view with the Django test client.
Properties: never a server error, never markup stored, never a published object.
"""

import urllib.parse

import nh3
import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from hypothesis import assume, given
from hypothesis import strategies as st
from wagtail.models import Page

from contributions.models import ToolComment, ToolProposal, UsageExample
from tools.models import ToolPage

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(document.cookie)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&amp;lt;b&amp;gt;double&amp;lt;/b&amp;gt;",
    "<a href='javascript:alert(1)'>clic</a>",
    "<style>body{display:none}</style>Texte",
    "<!-- commentaire --><b>gras</b>",
    "<<script>script>alert(1)<</script>/script>",
    "\u202eRTL\u200b\ufeff",
    "Ünïcödé ✓ 😀 数据",
    "a < b > c & d",
    "99999999999999999999999",
    "-1",
    "' OR 1=1 --",
    "\r\n\r\n",
]

text_value = st.one_of(
    st.text(max_size=80),
    st.text(min_size=1, max_size=40).map(str.strip).filter(bool),
    st.sampled_from(PAYLOADS),
    st.lists(st.sampled_from(PAYLOADS), min_size=1, max_size=5).map("".join),
    st.text(max_size=20).map(lambda seed: (seed or "x") * 700),  # beyond every length limit
    st.binary(max_size=60),  # arrives undecodable
)
flag_value = st.sampled_from(["on", "", "true", "false", "0", b"\xff\xfe"])
email_value = st.one_of(st.emails(), st.just(""), text_value)

COMMON = {
    "contributor_name": text_value,
    "contributor_email": email_value,
    "consent_to_credit": flag_value,
    "consent_to_contact": flag_value,
    "website": st.one_of(st.just(""), st.just(""), st.just(""), text_value),
}
FORMS = {
    "example": {"title": text_value, "organisation": text_value, "description": text_value},
    "comment": {"message": text_value},
    "revision": {"message": text_value, "section": text_value},
    "translation": {
        "message": text_value,
        "target_locale": st.one_of(st.integers(-5, 10).map(str), text_value),
    },
    "propose_tool": {
        "title": text_value,
        "summary": text_value,
        "target_groups": text_value,
        "reasons": text_value,
    },
}


def submission(fields):
    strategies = {**COMMON, **fields}
    return st.fixed_dictionaries(
        {name: st.one_of(st.none(), strategy) for name, strategy in strategies.items()}
    ).map(lambda data: {name: value for name, value in data.items() if value is not None})


def encode(data):
    """A urlencoded body; bytes values are sent as they are (possibly invalid UTF-8)."""
    pairs = [
        (name, value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass"))
        for name, value in data.items()
    ]
    return urllib.parse.urlencode(pairs)


def assert_no_markup(obj, names):
    for name in names:
        value = getattr(obj, name)
        assert not nh3.is_html(value), f"{name} stored markup: {value!r}"


def check_response(response):
    assert response.status_code < 500
    assert response.status_code in (200, 302, 400, 429)


def check_stored(before):
    examples = UsageExample.objects.filter(pk__gt=before["example"])
    comments = ToolComment.objects.filter(pk__gt=before["comment"])
    proposals = ToolProposal.objects.filter(pk__gt=before["proposal"]).select_related("tool")
    for example in examples:
        assert example.live is False
        assert_no_markup(example, ["title", "organisation", "description", "contributor_name"])
    for comment in comments:
        assert comment.live is False
        assert_no_markup(comment, ["message", "section", "contributor_name"])
    for proposal in proposals:
        tool = proposal.tool
        assert tool.live is False
        assert_no_markup(tool, ["title", "summary"])
        assert_no_markup(proposal, ["contributor_name"])
        for html in (tool.target_groups, tool.reasons):
            assert nh3.clean(html, tags={"p", "br"}) == html
    assert not ToolPage.objects.filter(pk__gt=before["page"], live=True).exists()


def high_water_marks():
    def last(model):
        return model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    return {
        "example": last(UsageExample),
        "comment": last(ToolComment),
        "proposal": last(ToolProposal),
        "page": last(Page),
    }


def form_url(name, tool):
    with translation.override("fr"):
        if name == "propose_tool":
            return reverse("contributions:propose_tool")
        return reverse(f"contributions:{name}", kwargs={"tool_id": tool.pk})


def fuzz(client, url, data):
    cache.clear()  # Keep the rate limit out of the way.
    before = high_water_marks()
    response = client.post(url, encode(data), content_type="application/x-www-form-urlencoded")
    check_response(response)
    check_stored(before)
    return response


@pytest.mark.fuzz
@override_settings(CONTRIBUTIONS_RATE_LIMIT=10**9)
@pytest.mark.parametrize("name", list(FORMS))
def test_no_submission_breaks_a_form_or_publishes_anything(client, tool, name):
    url = form_url(name, tool)
    statuses = set()

    @given(data=submission(FORMS[name]))
    def run(data):
        statuses.add(fuzz(client, url, data).status_code)

    run()
    # The generator reaches both outcomes: refused with errors, and accepted as a draft.
    assert {302, 400} <= statuses


@pytest.mark.fuzz
@override_settings(CONTRIBUTIONS_RATE_LIMIT=10**9)
def test_no_upload_breaks_the_example_form(client, tool):
    url = form_url("example", tool)
    extensions = ["pdf", "docx", "odt", "xlsx", "ods", "png", "jpg", "exe", "html", "svg", ""]
    magic = [b"%PDF-", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"MZ", b"<html>"]

    @given(
        stem=st.text(max_size=40),
        extension=st.sampled_from(extensions),
        head=st.sampled_from(magic),
        body=st.binary(max_size=2000),
        title=text_value,
    )
    def run(stem, extension, head, body, title):
        cache.clear()
        before = high_water_marks()
        name = f"{stem}.{extension}"
        # Names the browser cannot send (Django refuses them before any view runs).
        assume(name.strip(".").strip() and "/" not in name and "\\" not in name)
        upload = SimpleUploadedFile(name, head + body)
        data = {
            "title": title if isinstance(title, str) else "Titre",
            "organisation": "Association",
            "description": "Description.",
            "contributor_name": "Nom",
            "attachment": upload,
        }
        response = client.post(url, data)
        check_response(response)
        check_stored(before)
        for example in UsageExample.objects.filter(pk__gt=before["example"]):
            if example.attachment:
                suffix = example.attachment.name.rsplit(".", 1)[-1]
                assert suffix in {"pdf", "docx", "odt", "xlsx", "ods", "png", "jpg"}
                example.attachment.delete(save=False)

    run()


def test_a_request_beyond_the_upload_limit_is_refused_cleanly(client, tool):
    response = client.post(
        form_url("comment", tool),
        encode({"message": "x" * 3_000_000, "contributor_name": "Nom"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert not ToolComment.objects.filter(tool=tool).exists()
