"""Every message the app shows outside Qt has an Indonesian translation."""

from __future__ import annotations

import pytest

from kotaksaran import i18n
from kotaksaran.domain.errors import DiskFull, IllegalTransition, ValidationFailed

TABLES = [i18n.STATUS_LABELS, i18n.CLASSIFICATION_LABELS, i18n.CHANNEL_LABELS, i18n.ROLE_LABELS,
          i18n.FIELD_LABELS, i18n.PROBLEM_MESSAGES, i18n.ERROR_MESSAGES]


@pytest.fixture(autouse=True)
def _indonesian() -> None:
    i18n.set_language("id")


def test_every_message_is_translated() -> None:
    catalog = i18n._load("id")
    missing = [m for t in TABLES for m in t.values() if m not in catalog]
    assert missing == []


def test_error_messages_in_indonesian_by_default() -> None:
    assert i18n.error_message(DiskFull()).startswith("Disk penuh")
    text = i18n.error_message(IllegalTransition("draft", "approved"))
    assert "'Draf'" in text and "'Disetujui'" in text
    text = i18n.error_message(ValidationFailed({"reporter_nik": ["nik_length"]}))
    assert "NIK harus tepat 16 angka." in text


def test_english_on_request() -> None:
    i18n.set_language("en")
    assert i18n.error_message(DiskFull()).startswith("The disk is full")
    i18n.set_language("id")
