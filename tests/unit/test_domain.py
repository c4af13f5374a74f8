"""State machine, validation and numbering rules (plain Python, no database)."""

from __future__ import annotations

from datetime import date

import pytest

from kotaksaran.domain import states
from kotaksaran.domain.enums import Status
from kotaksaran.domain.errors import IllegalTransition
from kotaksaran.domain.numbering import format_number, looks_like_number, normalize_code
from kotaksaran.domain.validation import (
    InvalidValue,
    field_problems,
    normalize_email,
    normalize_nik,
    normalize_phone,
)

S = Status
LEGAL = [
    (S.DRAFT, S.VERIFIED), (S.VERIFIED, S.APPROVED), (S.VERIFIED, S.RETURNED),
    (S.VERIFIED, S.REJECTED), (S.RETURNED, S.VERIFIED), (S.APPROVED, S.QUEUED),
    (S.QUEUED, S.SENT), (S.SENT, S.REGISTERED), (S.REGISTERED, S.CLOSED),
    (S.QUEUED, S.RETURNED), (S.VERIFIED, S.DRAFT),
]
ILLEGAL = [
    (S.DRAFT, S.APPROVED), (S.DRAFT, S.SENT), (S.REJECTED, S.APPROVED), (S.CLOSED, S.DRAFT),
    (S.APPROVED, S.SENT), (S.REGISTERED, S.DRAFT), (S.RETURNED, S.APPROVED),
]


@pytest.mark.parametrize(("a", "b"), LEGAL)
def test_legal_transitions(a: Status, b: Status) -> None:
    states.check_transition(a, b)


@pytest.mark.parametrize(("a", "b"), ILLEGAL)
def test_illegal_transitions_raise_typed_error(a: Status, b: Status) -> None:
    with pytest.raises(IllegalTransition) as err:
        states.check_transition(a, b)
    assert err.value.params == {"current": a.value, "target": b.value}


def test_closed_and_rejected_are_final() -> None:
    assert states.allowed_targets(S.CLOSED) == frozenset()
    assert states.allowed_targets(S.REJECTED) == frozenset()


@pytest.mark.parametrize("raw", ["2171012345678901", "2171 0123 4567 8901", "2171.0123.4567.8901",
                                 "2171-0123-4567-8901"])
def test_nik_forms(raw: str) -> None:
    assert normalize_nik(raw) == "2171012345678901"


@pytest.mark.parametrize(("raw", "code"), [("21710123456789012345", "nik_length"),
                                           ("217101234567", "nik_length"),
                                           ("2171O12345678901", "nik_digits")])
def test_bad_nik(raw: str, code: str) -> None:
    with pytest.raises(InvalidValue) as err:
        normalize_nik(raw)
    assert err.value.code == code


@pytest.mark.parametrize(("raw", "want"), [
    ("0812-6655-1234", "+6281266551234"),
    ("+62 812 6655 1234", "+6281266551234"),
    ("6281266551234", "+6281266551234"),
    ("(0778) 123456", "+62778123456"),
    ("0812.6655.1234", "+6281266551234"),
])
def test_phone_normalised_to_plus62(raw: str, want: str) -> None:
    assert normalize_phone(raw) == want


@pytest.mark.parametrize("raw", ["12345", "+1 555 1234567", "0812abc", "00812345678"])
def test_bad_phone(raw: str) -> None:
    with pytest.raises(InvalidValue):
        normalize_phone(raw)


def test_email() -> None:
    assert normalize_email(" Siti@Example.co.id ") == "siti@example.co.id"
    with pytest.raises(InvalidValue):
        normalize_email("siti@")


def test_verification_requires_the_lapor_fields() -> None:
    today = date(2026, 6, 10)
    problems = field_problems({}, today, for_verification=True)
    assert set(problems) == {"classification", "title", "body", "event_date", "location"}
    assert field_problems({}, today, for_verification=False) == {}
    good = {"classification": "aspirasi", "title": "t", "body": "b",
            "event_date": date(2026, 6, 10), "location": "l"}
    assert field_problems(good, today, for_verification=True) == {}
    future = dict(good, event_date=date(2026, 6, 11))
    assert field_problems(future, today, for_verification=True) == {"event_date": ["future_date"]}
    assert field_problems(dict(good, classification="lain"), today, for_verification=True) == {
        "classification": ["unknown_code"]}


def test_numbers() -> None:
    assert format_number("KLBS", 2026, 123) == "KS-KLBS-2026-000123"
    assert format_number("KLBS", 2026, 7, "D2") == "KS-KLBS-D2-2026-000007"
    assert looks_like_number("ks-klbs-2026-000123")
    assert normalize_code(" klbs ") == "KLBS"
    with pytest.raises(ValueError):
        normalize_code("kel batu")
