"""Local numbers: unique per unit and desk, easy to read aloud (KS-KLBS-2026-000123)."""

from __future__ import annotations

import re

DEFAULT_PREFIX = "KS"
_CODE = re.compile(r"^[A-Z0-9]{1,12}$")
_NUMBER = re.compile(
    r"^(?P<prefix>[A-Z]{1,6})-(?P<unit>[A-Z0-9]{1,12})(?:-(?P<desk>[A-Z0-9]{1,12}))?"
    r"-(?P<year>\d{4})-(?P<seq>\d{6,})$"
)


def normalize_code(raw: str) -> str:
    """Unit and desk codes: upper-case letters and digits, 1-12 characters."""
    code = raw.strip().upper()
    if not _CODE.match(code):
        raise ValueError("code_format")
    return code


def format_number(unit_code: str, year: int, seq: int, desk_code: str | None = None,
                  prefix: str = DEFAULT_PREFIX) -> str:
    parts = [prefix, unit_code]
    if desk_code:
        parts.append(desk_code)
    parts += [f"{year:04d}", f"{seq:06d}"]
    return "-".join(parts)


def looks_like_number(text: str) -> bool:
    return bool(_NUMBER.match(text.strip().upper()))
