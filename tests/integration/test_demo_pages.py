"""The demo's scanned slips: real page images waiting for OCR; once read, the typed letters
fill their drafts and the handwriting-like slips do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from kotaksaran.services import Services
from kotaksaran.services.demo import DEMO_USERS, create_demo
from kotaksaran.services.demo_pages import HANDWRITTEN, LETTERS
from kotaksaran.services.users import actor_for
from kotaksaran.store.db import open_store
from tests import ocr_pages as P


@pytest.fixture
def demo(tmp_path: Path) -> Services:
    store = open_store(tmp_path / "demo", create=True)
    create_demo(store, 5, seed=2, scanned=True)
    yield Services(store, actor_for(store, DEMO_USERS[1].username))  # type: ignore[misc]
    store.dispose()


def test_scanned_drafts_wait_for_ocr(demo: Services) -> None:
    pending = demo.ocr.pending_pages()
    assert len(pending) == len(LETTERS) + len(HANDWRITTEN)
    pages = [demo.ocr.page_ocr(p) for p in pending]
    assert all(p is not None and p.width > 1000 for p in pages)


@P.needs_tesseract
def test_typed_letters_fill_their_drafts_and_handwriting_does_not(demo: Services) -> None:
    report = demo.ocr.run()
    assert report.failed == [] and len(report.done) == len(LETTERS) + len(HANDWRITTEN)
    assert len(report.prefilled) == len(LETTERS)
    bodies = [demo.submissions.get(i).body for i in report.prefilled]
    assert any("Sulastri Wahyuningsih" in b for b in bodies)
    assert any("lampu penerangan jalan" in b.lower() for b in bodies)
