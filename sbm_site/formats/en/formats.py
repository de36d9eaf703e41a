"""English dates as written in Switzerland and Britain: "3 December 2026" (Django's own is
American: "Dec. 3, 2026"), "Thursday 3 December 2026, 13:00"."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "l j F Y, H:i"
