"""Dates of a cycle's events from a recurrence rule, in Swiss wall-clock time.

The rule runs on naive local dates (dateutil.rrule); each occurrence then gets the
Europe/Zurich offset valid on its own day, so a 13:00 webinar stays at 13:00 across the
daylight-saving changes (12:00 UTC in winter, 11:00 UTC in summer).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.conf import settings

MONTHLY = "monthly"
WEEKLY = "weekly"
DAILY = "daily"
WEEKDAYS = [rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU]


def local_zone():
    return ZoneInfo(settings.TIME_ZONE)


@dataclass(frozen=True)
class Rule:
    frequency: str
    first_day: date
    count: int
    start_time: time
    duration: timedelta
    weekday: int = 3  # Monday is 0: Thursday by default
    week_of_month: int = 3  # 1 to 4, or -1 for the last one

    def _rrule(self):
        start = datetime.combine(self.first_day, time(0, 0))
        if self.frequency == DAILY:
            return rrule.rrule(rrule.DAILY, dtstart=start, count=self.count)
        if self.frequency == WEEKLY:
            return rrule.rrule(
                rrule.WEEKLY, dtstart=start, count=self.count, byweekday=WEEKDAYS[self.weekday]
            )
        if self.frequency == MONTHLY:
            return rrule.rrule(
                rrule.MONTHLY,
                dtstart=start,
                count=self.count,
                byweekday=WEEKDAYS[self.weekday](self.week_of_month),
            )
        raise ValueError(f"Unknown frequency: {self.frequency}")

    def occurrences(self):
        """[(start, end)] as aware datetimes in Europe/Zurich, in order."""
        zone = local_zone()
        result = []
        for day in self._rrule():
            start = datetime.combine(day.date(), self.start_time, tzinfo=zone)
            # Add the duration in wall-clock time, then re-attach the zone's offset.
            end_naive = datetime.combine(day.date(), self.start_time) + self.duration
            result.append((start, end_naive.replace(tzinfo=zone)))
        return result
