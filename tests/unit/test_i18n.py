"""Every message the app shows outside Qt has an Indonesian translation."""

from __future__ import annotations

from pathlib import Path

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


# --- the command line ----------------------------------------------------------------------
def _cli_msgids() -> list[str]:
    """Every string that kotaksaran/cli/*.py passes to _() or N_(), read from its source."""
    return _msgids(sorted((Path(i18n.__file__).parent / "cli").glob("*.py")))


def _msgids(sources: list[Path]) -> list[str]:
    from babel.messages.extract import extract_from_file

    found: set[str] = set()
    for source in sources:
        for _line, message, _comments, _context in extract_from_file(
                "python", str(source), keywords={"_": None, "N_": None}):
            found.add(str(message))
    return sorted(found)


def test_every_message_outside_qt_is_translated() -> None:
    """Every _() / N_() string in the modules that run without Qt (services, ocr, sync,
    documents ...), so that a new area cannot ship English text by accident."""
    root = Path(i18n.__file__).parent
    sources = [p for p in sorted(root.rglob("*.py"))
               if "ui" not in p.relative_to(root).parts[:1]
               and "migrations" not in p.parts]
    catalog = i18n._load("id")
    wanted = _msgids(sources)
    assert len(wanted) > 200
    assert [m for m in wanted if m not in catalog] == []


def test_every_cli_message_is_translated() -> None:
    from kotaksaran import cli
    from kotaksaran.services.config import SPECS

    catalog = i18n._load("id")
    wanted = [*_cli_msgids(), *cli.ARGPARSE_MESSAGES, *(s.description for s in SPECS.values())]
    assert len(wanted) > 150  # the extraction found the CLI's strings
    assert [m for m in wanted if m not in catalog] == []


def test_translations_keep_their_placeholders() -> None:
    """A translation that drops or renames {name} or %(name)s would fail at run time."""
    import re

    pattern = re.compile(r"\{[a-z_]*(?::[^}]*)?\}|%\([a-z_]+\)[sr]|%s")
    catalog = i18n._load("id")
    wrong = {msgid: text for msgid, text in catalog.items()
             if sorted(pattern.findall(msgid)) != sorted(pattern.findall(text))}
    assert wrong == {}


def test_cli_help_in_indonesian_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    from kotaksaran import cli

    assert cli.main(["--help"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("penggunaan: kotaksaran")
    assert "siapkan folder data baru" in text
    assert cli.main(["--lang", "en", "list", "--help"]) == 0
    assert "list slips (every match unless --limit)" in capsys.readouterr().out
