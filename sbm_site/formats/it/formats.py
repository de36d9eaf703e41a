"""Italian dates: "3 dicembre 2026" (Django's own pads the day: "03 dicembre 2026"),
"giovedì 3 dicembre 2026, 13:00"."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "l j F Y, H:i"
