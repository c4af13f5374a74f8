"""Field rules for a submission: normalising identity data and checking a slip for verification.

Problems are reported as codes per field (`"required"`, `"nik_length"` ...); the GUI and CLI
turn the codes into sentences. A draft may hold anything; verification needs a clean record.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from .enums import Channel, Classification

TITLE_MAX = 200
BODY_MAX = 20_000
LOCATION_MAX = 300

REQUIRED_FOR_VERIFY = ("classification", "title", "body", "event_date", "location")

_SEPARATORS = re.compile(r"[\s.\-()/]+")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


class InvalidValue(ValueError):
    """A single value cannot be normalised; `code` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def normalize_nik(raw: str) -> str:
    """NIK as 16 digits; people write it with spaces, dots or dashes."""
    digits = _SEPARATORS.sub("", raw)
    if not digits.isdigit():
        raise InvalidValue("nik_digits")
    if len(digits) != 16:
        raise InvalidValue("nik_length")
    return digits


def normalize_phone(raw: str) -> str:
    """An Indonesian phone number as +62 followed by the national number.

    Accepts `0812-6655-1234`, `+62 812 6655 1234`, `62812...`, `(0778) 123456`.
    """
    text = _SEPARATORS.sub("", raw.strip())
    if text.startswith("+"):
        text = text[1:]
        if not text.startswith("62"):
            raise InvalidValue("phone_country")
    if not text.isdigit():
        raise InvalidValue("phone_digits")
    if text.startswith("62"):
        national = text[2:]
    elif text.startswith("0"):
        national = text[1:]
    else:
        raise InvalidValue("phone_prefix")
    if national.startswith("0") or not 7 <= len(national) <= 13:
        raise InvalidValue("phone_length")
    return "+62" + national


def normalize_email(raw: str) -> str:
    text = raw.strip()
    if not _EMAIL.match(text):
        raise InvalidValue("email_format")
    return text.lower()


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def field_problems(
    fields: Mapping[str, Any], today: date, *, for_verification: bool
) -> dict[str, list[str]]:
    """Every problem in `fields`; with `for_verification` the required fields count too."""
    problems: dict[str, list[str]] = {}

    def add(name: str, code: str) -> None:
        problems.setdefault(name, []).append(code)

    if for_verification:
        for name in REQUIRED_FOR_VERIFY:
            if _blank(fields.get(name)):
                add(name, "required")

    cls = fields.get("classification")
    if not _blank(cls) and cls not in {c.value for c in Classification}:
        add("classification", "unknown_code")
    channel = fields.get("channel")
    if not _blank(channel) and channel not in {c.value for c in Channel}:
        add("channel", "unknown_code")

    for name, limit in (("title", TITLE_MAX), ("body", BODY_MAX), ("location", LOCATION_MAX)):
        value = fields.get(name)
        if isinstance(value, str) and len(value) > limit:
            add(name, "too_long")

    event_date = fields.get("event_date")
    if isinstance(event_date, date) and event_date > today:
        add("event_date", "future_date")

    for name, normalise in (
        ("reporter_nik", normalize_nik),
        ("reporter_phone", normalize_phone),
        ("reporter_email", normalize_email),
    ):
        value = fields.get(name)
        if isinstance(value, str) and value.strip():
            try:
                normalise(value)
            except InvalidValue as exc:
                add(name, exc.code)
    return problems


def normalized_identity(fields: Mapping[str, Any]) -> dict[str, str | None]:
    """The identity fields in canonical form where they parse, left as typed where not."""
    out: dict[str, str | None] = {}
    for name, normalise in (
        ("reporter_nik", normalize_nik),
        ("reporter_phone", normalize_phone),
        ("reporter_email", normalize_email),
    ):
        if name not in fields:
            continue
        value = fields[name]
        if not isinstance(value, str) or not value.strip():
            out[name] = None
            continue
        try:
            out[name] = normalise(value)
        except InvalidValue:
            out[name] = value.strip()
    return out
