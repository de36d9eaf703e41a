"""French dates as the site writes them: "jeudi 3 décembre 2026, 13:00" (the "1er" of a month
comes from the typography filter, core/typography.py)."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "l j F Y, H:i"
