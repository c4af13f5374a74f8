"""GUI test set-up: Qt offscreen, SQLite only, synchronous background tasks, and message boxes
that are recorded instead of blocking the test on a modal loop."""

from __future__ import annotations

import os

# Before anything imports Qt: no display is needed (make test sets it too).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from kotaksaran import i18n
from kotaksaran.ui import tasks

SHELL_QM = (Path(__file__).resolve().parents[2] / "resources" / "translations"
            / "kotaksaran_shell_id.qm")


@pytest.fixture
def backend() -> str:
    """GUI tests need one real database, not both backends."""
    return "sqlite"


@dataclass
class Messages:
    """Texts of the message boxes a test caused, in order."""

    texts: list[str] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes

    def last(self) -> str:
        assert self.texts, "no message box was shown"
        return self.texts[-1]


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    rec = Messages()

    def exec_(box: QMessageBox) -> int:
        rec.texts.append(box.text())
        return int(QMessageBox.StandardButton.Ok.value)

    def static(kind: str) -> Any:
        def show(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
            rec.texts.append(text)
            if kind == "question":
                return rec.answer
            return QMessageBox.StandardButton.Ok

        return staticmethod(show)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    for kind in ("information", "warning", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, static(kind))
    return rec


@pytest.fixture(autouse=True)
def sync_tasks() -> Iterator[None]:
    tasks.set_synchronous(True)
    yield
    tasks.set_synchronous(False)


@pytest.fixture
def indonesian(qapp: QCoreApplication) -> Iterator[None]:
    """The app's translators for Bahasa Indonesia, as run_gui installs them."""
    from kotaksaran.ui.app import install_translators

    if not SHELL_QM.exists():
        pytest.fail(f"{SHELL_QM.name} missing: run `make translations`")
    install_translators(qapp, "id")
    yield
    install_translators(qapp, "en")
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
