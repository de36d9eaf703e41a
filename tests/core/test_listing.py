"""The faceted-listing kit: forgiving filters and page numbers, links that keep the filters."""

import pytest
from django.http import QueryDict

from core.listing import (
    INVALID_PAGE,
    NO_SUCH_PAGE,
    NOT_RECOGNISED,
    filter_params,
    paginate,
    pagination,
    query_string,
    read_choice,
    read_choices,
)


def test_unknown_values_are_dropped_with_one_notice_and_known_ones_kept_in_order():
    notices = []
    query = QueryDict("lever=b&lever=x&lever=a&lever=b&lever=&phase=y")
    assert read_choices(query, "lever", {"a", "b"}, notices) == ["b", "a"]
    assert read_choices(query, "phase", {"z"}, notices) == []
    assert notices == [NOT_RECOGNISED]


def test_without_notices_unknown_values_are_dropped_silently():
    assert read_choices(QueryDict("region=XX"), "region", {"CH-GE"}) == []
    assert read_choice(QueryDict("region=XX"), "region", {"CH-GE"}) == ""
    assert read_choice(QueryDict("region=CH-GE"), "region", {"CH-GE"}) == "CH-GE"


def test_an_unknown_select_value_is_dropped_with_one_notice_and_an_empty_one_without():
    notices = []
    query = QueryDict("region=XX&service=&language=de&tool=zz")
    assert read_choice(query, "region", {"CH-GE"}, notices) == ""
    assert read_choice(query, "service", {"consulting"}, notices) == ""
    assert read_choice(query, "tool", {"01"}, notices) == ""
    assert notices == [NOT_RECOGNISED]
    empty_only = []
    assert read_choice(query, "language", {"de"}, empty_only) == "de"
    assert read_choice(query, "service", {"consulting"}, empty_only) == ""
    assert empty_only == []


def test_a_page_number_that_is_not_one_gives_the_first_page_with_a_notice():
    notices = []
    page = paginate(list(range(30)), 10, "abc", notices)
    assert page.number == 1
    assert notices == [INVALID_PAGE]


@pytest.mark.parametrize("number", ["0", "-3"])
def test_a_page_number_below_one_gives_the_first_page_with_a_notice(number):
    notices = []
    page = paginate(list(range(30)), 10, number, notices)
    assert page.number == 1
    assert notices == [INVALID_PAGE]


def test_a_page_past_the_end_gives_the_last_page_with_a_notice():
    notices = []
    page = paginate(list(range(30)), 10, "99", notices)
    assert page.number == 3
    assert notices == [NO_SUCH_PAGE]


def test_changes_replace_or_remove_parameters():
    params = [("lever", "a"), ("lever", "b"), ("sort", "title")]
    assert query_string(params, sort="newest") == "lever=a&lever=b&sort=newest"
    assert query_string(params, lever=None) == "sort=title"


def test_page_links_keep_the_filters_and_the_first_page_has_no_page_parameter():
    params = filter_params({"lever": ["a"], "phase": []})
    links = pagination(paginate(list(range(200)), 10, "5"), params)
    assert links.current == 5
    assert (1, "lever=a") in links.links
    assert (6, "lever=a&page=6") in links.links
    assert (None, "") in links.links  # the gap before the last pages
    assert links.previous == "lever=a&page=4"
    assert links.next == "lever=a&page=6"


def test_a_single_page_has_no_pagination_and_the_ends_have_no_neighbour():
    assert pagination(paginate([1, 2], 10, "1"), []) is None
    first = pagination(paginate(list(range(30)), 10, "1"), [])
    assert first.previous is None and first.next == "page=2"
    last = pagination(paginate(list(range(30)), 10, "3"), [])
    assert last.previous == "page=2" and last.next is None
