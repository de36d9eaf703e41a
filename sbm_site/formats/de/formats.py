"""German dates: "3. Dezember 2026", "Donnerstag, 3. Dezember 2026, 13:00"."""

DATE_FORMAT = "j. F Y"
DATETIME_FORMAT = "l, j. F Y, H:i"
