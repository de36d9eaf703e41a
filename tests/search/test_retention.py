"""What visitors typed in the search is deleted a while after the day it was counted."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page

from home.roles import EDITORS
from search.models import ZeroResultQuery
from tests.factories import ZeroResultQueryFactory
from tests.html import parse
from tests.retention import purge

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def periods(settings):
    settings.RETENTION_SEARCH_QUERIES_DAYS = 90


def day(days_ago):
    return timezone.localdate() - timedelta(days=days_ago)


def searched(words, days_ago):
    query = Query.get(words)
    QueryDailyHits.objects.create(query=query, date=day(days_ago), hits=3)
    return query


def test_daily_counts_and_their_words_go_once_the_period_is_over():
    kept = searched("canevas anne rochat", 89)
    gone = searched("anne.rochat@secret.example.net", 91)

    report = purge()

    assert report["daily counts of searches"] == 1
    assert report["searched words without counts"] == 1
    assert not Query.objects.filter(pk=gone.pk).exists()
    assert QueryDailyHits.objects.filter(query=kept).exists()


def test_words_with_a_promotion_stay_without_their_counts():
    query = searched("statuts", 91)
    SearchPromotion.objects.create(query=query, page=Page.objects.first(), sort_order=0)
    purge()
    assert Query.objects.filter(pk=query.pk).exists()
    assert not QueryDailyHits.objects.filter(query=query).exists()


def test_searches_without_results_go_once_the_period_is_over():
    kept = ZeroResultQueryFactory(date=day(89))
    gone = ZeroResultQueryFactory(date=day(91))
    assert purge("--dry-run")["searches without results"] == 1
    assert ZeroResultQuery.objects.filter(pk=gone.pk).exists()
    assert purge()["searches without results"] == 1
    assert not ZeroResultQuery.objects.filter(pk=gone.pk).exists()
    assert ZeroResultQuery.objects.filter(pk=kept.pk).exists()


def test_the_report_offers_no_period_longer_than_searches_are_kept(client, settings):
    editor = User.objects.create_user("editrice", password="x")  # noqa: S106
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    settings.RETENTION_SEARCH_QUERIES_DAYS = 30
    response = client.get("/admin/recherche/rapport/", {"days": 365})
    assert response.status_code == 200
    offered = [option["value"] for option in parse(response).select('select[name="days"] option')]
    assert offered == ["7", "30"]
    assert response.context["days"] == 30
