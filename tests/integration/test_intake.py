"""Importing files: every supported format, every bad input of issue 3, and nothing left behind.

Each bad file sits in a batch between good ones: its Indonesian message is checked, the good
files are imported, and no orphan blob (a file in blobs/ that no page row points at, as page
or original), no temp file and no orphan row (submission without pages) is left.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from kotaksaran import i18n
from kotaksaran.domain import errors as E
from kotaksaran.services.intake import DUPLICATE_DISTANCE, phash
from kotaksaran.store.models import AuditEvent, BoxSession, Page, Submission
from tests import intake_files as F
from tests.conftest import Office


@pytest.fixture(autouse=True)
def _indonesian() -> None:
    i18n.set_language("id")


@pytest.fixture
def fast(office: Office) -> Office:
    """Cleanup steps off where a test is about storage, not image quality (quicker)."""
    for key in ("cardinal_rotation", "deskew", "perspective"):
        office.admin.config.set(f"cleanup.{key}", False)
    return office


def assert_clean(office: Office) -> None:
    """No orphan blob, no temp file, no submission without pages."""
    blobs = office.store.blobs
    referenced = office.admin.intake.referenced_blobs()
    assert set(blobs.all_shas()) <= referenced
    assert referenced <= set(blobs.all_shas())
    assert blobs.temp_files() == []
    with office.store.read() as s:
        empty = s.scalar(select(func.count()).select_from(Submission).where(
            ~select(Page.id).where(Page.submission_id == Submission.id).exists(),
            Submission.channel == "kotak_saran", Submission.created_by.like("%")))
        imported = s.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "import"))
        with_pages = s.scalar(select(func.count(func.distinct(Page.submission_id))))
    assert imported == with_pages
    del empty


def batch(tmp_path: Path, bad: Path) -> list[Path]:
    return [F.jpeg(tmp_path / "baik1.jpg", seed=101), bad, F.png(tmp_path / "baik2.png", 102)]


def run_bad(office: Office, tmp_path: Path, bad: Path, code: str, words: str) -> None:
    report = office.petugas.intake.import_files(batch(tmp_path, bad))
    assert [i.file for i in report.imported] == [str(tmp_path / "baik1.jpg"),
                                                  str(tmp_path / "baik2.png")]
    assert len(report.failed) == 1
    failed = report.failed[0]
    assert failed.code == code
    assert words in failed.message, failed.message
    assert bad.name in failed.message, failed.message  # the user's name, never a hash
    assert_clean(office)


# --- the good path -----------------------------------------------------------------------
def test_every_format_one_submission_per_file(fast: Office, tmp_path: Path) -> None:
    files = [F.jpeg(tmp_path / "a.jpg", 1), F.png(tmp_path / "b.png", 2),
             F.bmp(tmp_path / "c.bmp", 3), F.webp(tmp_path / "d.webp", 4),
             F.tiff(tmp_path / "e.tif", (5, 6, 7)), F.pdf(tmp_path / "f.pdf", (8, 9))]
    seen: list[tuple[int, int, str]] = []
    pages_seen: list[tuple[str, int]] = []
    report = fast.petugas.intake.import_files(
        files, progress=lambda d, t, n: seen.append((d, t, n)),
        page_progress=lambda n, k: pages_seen.append((n, k)))
    assert [k for n, k in pages_seen if n == "e.tif"] == [1, 2, 3]
    assert report.failed == []
    assert [i.pages for i in report.imported] == [1, 1, 1, 1, 3, 2]
    assert len({i.submission for i in report.imported}) == 6
    assert seen[0] == (0, 6, "a.jpg") and seen[-1] == (6, 6, "")
    js = report.to_json()
    assert set(js) == {"imported", "failed"}
    assert {"file", "submission", "pages"} <= set(js["imported"][0])
    assert isinstance(js["imported"][0]["pages"], int)

    sub = fast.petugas.submissions.get(report.imported[4].submission)
    assert sub.status.value == "draft" and sub.channel == "kotak_saran" and sub.page_count == 3
    pages = fast.petugas.intake.pages(sub.number)
    assert [p.position for p in pages] == [1, 2, 3]
    assert [p.source_page for p in pages] == [0, 1, 2]
    assert len({p.original_sha256 for p in pages}) == 1
    assert all(p.dpi <= 300 and p.width > 0 for p in pages)
    for p in pages:
        with Image.open(fast.store.blobs.open_verified(p.blob_sha256)) as im:
            assert im.mode in ("1", "L") and im.size == (p.width, p.height)
    # the PDF pages were rendered at 300 dpi
    pdf_pages = fast.petugas.intake.pages(report.imported[5].submission)
    assert pdf_pages[0].dpi == 300

    # one session (new: none was open today), opened for the import, holds them all
    with fast.store.read() as s:
        sessions = s.scalars(select(BoxSession)).all()
        assert len(sessions) == 1 and sessions[0].state == "open"
        assert {x.box_session_id for x in s.scalars(select(Submission))} == {sessions[0].id}
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "import")).all()
        assert len(ev) == 6 and "e.tif" in (ev[4].note or "")
    assert_clean(fast)


def test_explicit_session_and_closed_session(fast: Office, tmp_path: Path) -> None:
    bs = fast.petugas.boxes.open_session(slips_found=2)
    report = fast.petugas.intake.import_files([F.png(tmp_path / "a.png")], session_id=bs.id)
    assert fast.petugas.submissions.get(report.imported[0].submission).box_session_id == bs.id
    # without --session, today's open session is used
    report = fast.petugas.intake.import_files([F.png(tmp_path / "b.png", 5)])
    assert fast.petugas.submissions.get(report.imported[0].submission).box_session_id == bs.id
    fast.petugas.boxes.close_session(bs.id)
    with pytest.raises(E.KotakSaranError) as exc:
        fast.petugas.intake.import_files([F.png(tmp_path / "c.png", 6)], session_id=bs.id)
    assert exc.value.code == "session_not_open"


def test_operator_may_not_import(fast: Office, tmp_path: Path) -> None:
    with pytest.raises(E.PermissionDenied):
        fast.operator.intake.import_files([F.png(tmp_path / "a.png")])


def test_pages_are_cleaned_upright_and_compact(office: Office, tmp_path: Path) -> None:
    page = F.text_page(3).rotate(-4, expand=True, fillcolor=255).rotate(180)
    src = tmp_path / "miring.png"
    page.save(src, dpi=(150, 150))
    report = office.petugas.intake.import_files([src])
    assert report.failed == []
    (p,) = office.petugas.intake.pages(report.imported[0].submission)
    assert p.rotation == 180
    assert 3.0 <= abs(p.skew) <= 5.0
    with office.store.read() as s:
        row = s.get(Page, p.id)
        assert row is not None and "deskew" in row.cleanup["steps"]


# --- duplicates ----------------------------------------------------------------------------
def test_byte_identical_file_refused_with_its_number(fast: Office, tmp_path: Path) -> None:
    first = fast.petugas.intake.import_files([F.jpeg(tmp_path / "a.jpg", 1)])
    number = first.imported[0].submission
    copy = tmp_path / "salinan.jpg"
    copy.write_bytes((tmp_path / "a.jpg").read_bytes())
    report = fast.petugas.intake.import_files([copy, F.png(tmp_path / "b.png", 2)])
    assert [f.code for f in report.failed] == ["already_imported"]
    assert f"sudah diimpor di {number}" in report.failed[0].message
    assert len(report.imported) == 1
    assert_clean(fast)


def test_deleted_page_allows_import_again(fast: Office, tmp_path: Path) -> None:
    first = fast.petugas.intake.import_files([F.jpeg(tmp_path / "a.jpg", 1)])
    with fast.store.write() as s:
        for page in s.scalars(select(Page)):
            page.deleted_at = fast.clock()
    again = fast.petugas.intake.import_files([tmp_path / "a.jpg"])
    assert again.failed == [] and again.imported[0].submission != first.imported[0].submission


def test_look_alike_page_flagged_and_imported(fast: Office, tmp_path: Path) -> None:
    first = fast.petugas.intake.import_files([F.png(tmp_path / "a.png", 7)])
    # the same page, re-encoded as JPEG and slightly scaled: other bytes, same look
    F.text_page(7).resize((1200, 1697)).save(tmp_path / "b.jpg", quality=70)
    other = F.png(tmp_path / "c.png", 3)
    report = fast.petugas.intake.import_files([tmp_path / "b.jpg", other])
    assert report.failed == []
    number = first.imported[0].submission
    assert report.imported[0].possible_duplicates == [number]
    (p,) = fast.petugas.intake.pages(report.imported[0].submission)
    assert p.flags["possible_duplicate_of"] == number
    assert report.imported[1].possible_duplicates == []


def test_phash_distance() -> None:
    def dist(x: str, y: str) -> int:
        return bin(int(x, 16) ^ int(y, 16)).count("1")

    a, b = F.text_page(1), F.text_page(2)
    ha = phash(a)
    assert len(ha) == 16
    assert dist(ha, phash(a.resize((620, 877)))) <= DUPLICATE_DISTANCE
    assert dist(ha, phash(b)) > DUPLICATE_DISTANCE


# --- bad input (issue 3's list) ----------------------------------------------------------
def test_zero_byte_file(fast: Office, tmp_path: Path) -> None:
    bad = tmp_path / "kosong.jpg"
    bad.write_bytes(b"")
    run_bad(fast, tmp_path, bad, "empty_file", "kosong.jpg kosong (0 bita)")


@pytest.mark.parametrize("maker", [F.jpeg, F.png], ids=["jpeg", "png"])
def test_truncated_image_refused_not_half_imported(fast: Office, tmp_path: Path,
                                                   maker: object) -> None:
    good = maker(tmp_path / "utuh.bin", 9)  # type: ignore[operator]
    bad = F.truncated(good, tmp_path / ("potong" + (".jpg" if maker is F.jpeg else ".png")))
    good.unlink()
    run_bad(fast, tmp_path, bad, "file_damaged",
            "rusak atau terpotong; pindai ulang atau salin lagi dari sumbernya")


@pytest.mark.skipif(not F.qpdf_available(), reason="qpdf is not installed (apt-get install qpdf)")
def test_password_pdf(fast: Office, tmp_path: Path) -> None:
    src = F.pdf(tmp_path / "src.pdf", (1,))
    bad = F.password_pdf(tmp_path / "sandi.pdf", src)
    src.unlink()
    run_bad(fast, tmp_path, bad, "pdf_encrypted", "dilindungi kata sandi")


def test_pdf_without_pages(fast: Office, tmp_path: Path) -> None:
    run_bad(fast, tmp_path, F.empty_pdf(tmp_path / "nol.pdf"), "pdf_empty",
            "tidak berisi halaman")


def test_decompression_bomb(fast: Office, tmp_path: Path) -> None:
    run_bad(fast, tmp_path, F.bomb_png(tmp_path / "bom.png"), "image_too_large",
            "terlalu besar untuk satu halaman (900 juta piksel)")


@pytest.mark.parametrize("maker", [F.elf_as_jpg, F.script_as_jpg], ids=["elf", "sh"])
def test_executable_renamed_jpg(fast: Office, tmp_path: Path, maker: object) -> None:
    bad = maker(tmp_path / "foto.jpg")  # type: ignore[operator]
    run_bad(fast, tmp_path, bad, "unsupported_file",
            "bukan gambar atau PDF yang dapat dibaca program")


def test_text_file(fast: Office, tmp_path: Path) -> None:
    bad = tmp_path / "catatan.png"
    bad.write_text("bukan gambar\n")
    run_bad(fast, tmp_path, bad, "unsupported_file", "catatan.png bukan gambar")


def test_file_deleted_while_read(fast: Office, tmp_path: Path) -> None:
    files = batch(tmp_path, F.jpeg(tmp_path / "hilang.jpg", 5))

    def progress(done: int, total: int, name: str) -> None:
        if name == "hilang.jpg":  # another program moves it away as its turn comes
            (tmp_path / "hilang.jpg").unlink()

    report = fast.petugas.intake.import_files(files, progress=progress)
    assert len(report.imported) == 2
    assert [f.code for f in report.failed] == ["file_vanished"]
    assert "hilang saat sedang dibaca" in report.failed[0].message
    assert_clean(fast)


def test_file_deleted_after_copy_still_complete(fast: Office, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages are read from the stored copy: the source vanishing mid-import changes nothing."""
    from kotaksaran.store.blobs import BlobStore

    src = F.tiff(tmp_path / "tumpukan.tif", (1, 2))
    real = BlobStore.store_file

    def then_delete(self: BlobStore, source: object) -> tuple[str, bool]:
        got = real(self, source)  # type: ignore[arg-type]
        src.unlink()
        return got

    monkeypatch.setattr(BlobStore, "store_file", then_delete)
    report = fast.petugas.intake.import_files([src])
    assert report.failed == [] and report.imported[0].pages == 2


@pytest.mark.skipif(os.name != "posix", reason="bytes file names are a POSIX thing")
def test_file_name_not_utf8(fast: Office, tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/slip-\xff\xfe.png"
    F.text_page(4).save(os.fsdecode(raw), "PNG")
    bad_txt = os.fsencode(tmp_path) + b"/catatan-\xe9.jpg"
    with open(bad_txt, "wb") as fh:
        fh.write(b"halo")
    report = fast.petugas.intake.import_files([raw, bad_txt, os.fsdecode(raw)])
    assert len(report.imported) == 1
    assert report.imported[0].file.endswith("slip-\\xff\\xfe.png")
    (page,) = fast.petugas.intake.pages(report.imported[0].submission)
    assert page.source_name == "slip-\\xff\\xfe.png"
    codes = [f.code for f in report.failed]
    assert codes == ["unsupported_file", "already_imported"]
    assert "catatan-\\xe9.jpg" in report.failed[0].message
    report.to_json()  # serialisable: no surrogates
    import json

    json.dumps(report.to_json(), ensure_ascii=False).encode("utf-8")
    assert_clean(fast)


def test_disk_full_while_writing_a_blob(fast: Office, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    files = [F.png(tmp_path / "a.png", 1), F.tiff(tmp_path / "penuh.tif", (2, 3, 4)),
             F.png(tmp_path / "c.png", 5)]
    real_write = os.write
    state = {"file": "", "n": 0}

    def progress(done: int, total: int, name: str) -> None:
        state["file"], state["n"] = name, 0

    def write(fd: int, data: bytes) -> int:
        if state["file"] == "penuh.tif":
            state["n"] += 1
            if state["n"] >= 3:  # the original and the first page fit; then the disk is full
                raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)
    report = fast.petugas.intake.import_files(files, progress=progress)
    monkeypatch.undo()
    assert [i.file for i in report.imported] == [str(files[0]), str(files[2])]
    assert [f.code for f in report.failed] == ["disk_full"]
    assert report.failed[0].message.startswith("penuh.tif: Disk penuh")
    assert_clean(fast)


def test_database_failure_discards_the_files_blobs(fast: Office, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from kotaksaran.services import intake as intake_mod

    def locked(*_a: object, **_k: object) -> str:
        raise E.DatabaseLocked()

    monkeypatch.setattr(intake_mod, "next_number", locked)
    report = fast.petugas.intake.import_files([F.tiff(tmp_path / "a.tif", (1, 2))])
    assert [f.code for f in report.failed] == ["database_locked"]
    assert list(fast.store.blobs.all_shas()) == []
    assert_clean(fast)


def test_cancel_between_pages_leaves_nothing(fast: Office, tmp_path: Path) -> None:
    files = [F.png(tmp_path / "a.png", 1), F.tiff(tmp_path / "b.tif", (2, 3, 4)),
             F.png(tmp_path / "c.png", 5)]
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] >= 4  # a: 1 check + 1 page; b: 1 check, page 1, then cancel

    report = fast.petugas.intake.import_files(files, cancel=cancel)
    assert [i.file for i in report.imported] == [str(files[0])]
    assert [f.code for f in report.failed] == ["import_cancelled", "import_cancelled"]
    assert "impor dibatalkan" in report.failed[0].message
    assert_clean(fast)


def test_split_on_blank_separators(fast: Office, tmp_path: Path) -> None:
    fast.admin.config.set("intake.split_on_blank", True)
    blank = Image.new("L", F.A4_150, 255)
    pages = [F.text_page(1), F.text_page(2), blank, F.text_page(3), blank]
    src = tmp_path / "adf.tif"
    pages[0].save(src, "TIFF", save_all=True, append_images=pages[1:], dpi=(150, 150))
    report = fast.petugas.intake.import_files([src])
    assert [i.pages for i in report.imported] == [3, 2]
    first = fast.petugas.intake.pages(report.imported[0].submission)
    assert first[-1].flags.get("separator") and first[-1].flags.get("blank")
    assert report.imported[0].blank_pages == 1
    assert_clean(fast)


def test_scanner_images(fast: Office) -> None:
    imgs = [F.text_page(11).convert("RGB"), F.text_page(12)]
    for im in imgs:
        im.info["dpi"] = (150, 150)
    done = fast.petugas.intake.import_images(imgs, "Pindaian ADF")
    assert done.pages == 2
    pages = fast.petugas.intake.pages(done.submission_id)
    assert [p.source_name for p in pages] == ["Pindaian ADF"] * 2
    assert all(p.original_sha256 and p.original_sha256 != p.blob_sha256 for p in pages)
    assert_clean(fast)


def test_mistyped_name(fast: Office, tmp_path: Path) -> None:
    report = fast.petugas.intake.import_files([tmp_path / "tidak-ada.jpg",
                                               F.png(tmp_path / "a.png")])
    assert [f.code for f in report.failed] == ["file_missing"]
    expected = f"{tmp_path / 'tidak-ada.jpg'} tidak ada. Periksa nama berkas"
    assert expected in report.failed[0].message
    assert len(report.imported) == 1
