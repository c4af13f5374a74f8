"""Every Qt translation file is complete: no message left unfinished or empty, so that no
screen shows English to an Indonesian user by accident."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
TS_FILES = sorted(TS_DIR.glob("*_id.ts"))


def test_there_are_translation_files() -> None:
    assert len(TS_FILES) >= 4


@pytest.mark.parametrize("ts", TS_FILES, ids=[p.name for p in TS_FILES])
def test_every_message_is_translated(ts: Path) -> None:
    unfinished: list[str] = []
    for msg in ET.parse(ts).iter("message"):
        tr = msg.find("translation")
        source = msg.findtext("source") or ""
        if tr is None or tr.get("type") in ("unfinished",):
            unfinished.append(source)
            continue
        texts = [f.text for f in tr.findall("numerusform")] or [tr.text]
        if not all(t and t.strip() for t in texts):
            unfinished.append(source)
    assert unfinished == []
