"""`kotaksaran ocr`: no data folder, JSON in the order given, typed errors per file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import ocr_pages as P
from tests.cli.test_cli import Runner

pytestmark = P.needs_font


@P.needs_tesseract
def test_ocr_json_shape_and_order(run: Runner, tmp_path: Path) -> None:
    first = P.save(tmp_path / "surat-b.png")
    second = P.save(tmp_path / "surat-a.png", angle=7, lines=("Puskesmas Cempaka",
                                                               "Antrean terlalu panjang"))
    res = run("ocr", str(first), str(second), "--json")
    assert res.code == 0, res.err
    obj = res.json()
    assert isinstance(obj, list) and [r["file"] for r in obj] == [str(first), str(second)]
    for r in obj:
        assert set(r) == {"file", "text", "words", "seconds"}
        assert r["seconds"] > 0 and r["words"]
        for w in r["words"]:
            assert set(w) == {"text", "conf", "box"}
            assert 0 <= w["conf"] <= 100 and len(w["box"]) == 4
    words = {w["text"].strip(".,") for w in obj[0]["words"]}
    assert set(P.KEY_WORDS) <= words
    assert "Puskesmas" in obj[1]["text"]
    assert not (tmp_path / "platform-dirs").exists()  # no data folder was made


@P.needs_tesseract
def test_ocr_bad_file_gets_an_error_entry_and_exit_1(run: Runner, tmp_path: Path) -> None:
    good = P.save(tmp_path / "baik.png", lines=("Kelurahan Sukamaju",))
    bad = tmp_path / "rusak.jpg"
    bad.write_bytes(b"\x7fELF not an image at all")
    res = run("ocr", str(bad), str(good), "--json")
    assert res.code == 1
    obj = res.json()
    assert isinstance(obj, list) and len(obj) == 2
    assert obj[0] == {"file": str(bad), "error": obj[0]["error"]}
    assert "bukan gambar atau PDF" in obj[0]["error"]
    assert obj[1]["file"] == str(good) and "Kelurahan" in obj[1]["text"]


@P.needs_tesseract
def test_ocr_text_mode(run: Runner, tmp_path: Path) -> None:
    good = P.save(tmp_path / "baik.png", lines=("Kelurahan Sukamaju",))
    missing = tmp_path / "tidak-ada.png"
    res = run("ocr", str(good), str(missing), "--no-cleanup")
    assert res.code == 1
    assert res.out.startswith(f"== {good} ==\nKelurahan Sukamaju")
    assert f"{missing}: TIDAK terbaca." in res.err
    assert "1 berkas terbaca, 1 gagal." in res.err


def test_ocr_without_tesseract(run: Runner, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    import pytesseract.pytesseract as pt

    monkeypatch.setattr(pt, "tesseract_cmd", "/nonexistent/bin/tesseract")
    page = P.save(tmp_path / "a.png", lines=("Kelurahan",))
    res = run("ocr", str(page))
    assert res.code == 1 and res.out == ""
    assert "sudo apt-get install tesseract-ocr tesseract-ocr-ind" in res.err
    res = run("ocr", str(page), "--json")
    assert res.code == 1
    [entry] = res.json()  # type: ignore[misc]
    assert entry["file"] == str(page) and "tesseract" in entry["error"]
    # the rest of the command line does not depend on tesseract (not `scanners`: it would
    # initialise SANE with the system config before the scanner tests set up the test backend)
    assert run("--version").code == 0


@P.needs_tesseract
def test_import_reads_the_text_and_fills_the_draft(run: Runner, office: Path,
                                                   tmp_path: Path) -> None:
    letter = P.save(tmp_path / "surat.png")
    res = run("--data-dir", str(office), "--as", "petugas1", "import", str(letter), "--json")
    assert res.code == 0, res.err
    obj = res.json()
    assert isinstance(obj, dict)
    assert len(obj["ocr"]["done"]) == 1 and obj["ocr"]["failed"] == []
    number = obj["imported"][0]["submission"]
    shown = run("--data-dir", str(office), "show", number, "--json").json()
    assert isinstance(shown, dict) and "berlubang" in shown["body"]
    found = run("--data-dir", str(office), "list", "--search", "ditindaklanjuti", "--json").json()
    assert [r["number"] for r in found] == [number]  # type: ignore[index,union-attr]


@P.needs_tesseract
def test_no_ocr_leaves_pages_waiting_for_the_queue(run: Runner, office: Path,
                                                   tmp_path: Path) -> None:
    letter = P.save(tmp_path / "surat.png")
    res = run("--data-dir", str(office), "import", str(letter), "--no-ocr", "--json")
    assert res.code == 0 and "ocr" not in res.json()  # type: ignore[operator]
    res = run("--data-dir", str(office), "ocr-queue", "--json")
    assert res.code == 0, res.err
    obj = res.json()
    assert isinstance(obj, dict) and len(obj["done"]) == 1 and obj["prefilled"]
    res = run("--data-dir", str(office), "ocr-queue")
    assert res.code == 0 and "Teks terbaca dari 0 halaman" in res.err
