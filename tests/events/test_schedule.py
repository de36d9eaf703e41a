"""A cycle's dates follow its rule in Swiss wall-clock time, across daylight saving."""

from datetime import date, time, timedelta

from events.schedule import DAILY, MONTHLY, WEEKLY, Rule


def test_monthly_rule_gives_every_third_thursday_at_the_same_swiss_hour():
    rule = Rule(
        frequency=MONTHLY,
        first_day=date(2026, 10, 1),
        count=12,
        start_time=time(13, 0),
        duration=timedelta(minutes=90),
        weekday=3,
        week_of_month=3,
    )
    occurrences = rule.occurrences()
    starts = [start.date() for start, _end in occurrences]
    assert starts[:4] == [
        date(2026, 10, 15),
        date(2026, 11, 19),
        date(2026, 12, 17),
        date(2027, 1, 21),
    ]
    assert starts[-1] == date(2027, 9, 16)
    assert all(day.weekday() == 3 and 15 <= day.day <= 21 for day in starts)
    assert {(start.hour, start.minute, end.hour, end.minute) for start, end in occurrences} == {
        (13, 0, 14, 30)
    }
    october, november = occurrences[0][0], occurrences[1][0]
    assert october.utcoffset() == timedelta(hours=2)
    assert november.utcoffset() == timedelta(hours=1)


def test_last_weekday_of_the_month():
    rule = Rule(MONTHLY, date(2027, 1, 1), 2, time(18, 0), timedelta(hours=1), 4, -1)
    assert [start.date() for start, _ in rule.occurrences()] == [
        date(2027, 1, 29),
        date(2027, 2, 26),
    ]


def test_daily_rule_crosses_the_spring_change_without_moving_the_hour():
    rule = Rule(DAILY, date(2027, 3, 20), 21, time(8, 0), timedelta(minutes=15))
    occurrences = rule.occurrences()
    assert len(occurrences) == 21
    assert occurrences[-1][0].date() == date(2027, 4, 9)
    assert {(start.hour, start.minute) for start, _ in occurrences} == {(8, 0)}
    offsets = [start.utcoffset() for start, _ in occurrences]
    assert offsets[0] == timedelta(hours=1)
    assert offsets[-1] == timedelta(hours=2)


def test_weekly_rule():
    rule = Rule(WEEKLY, date(2027, 5, 1), 3, time(9, 30), timedelta(hours=3), weekday=1)
    assert [start.date() for start, _ in rule.occurrences()] == [
        date(2027, 5, 4),
        date(2027, 5, 11),
        date(2027, 5, 18),
    ]
