"""`kotaksaran import` and `kotaksaran scanners` through the command line."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from tests import intake_files as F
from tests.cli.test_cli import Runner


def test_import_json_and_exit_status(run: Runner, office: Path, tmp_path: Path) -> None:
    good = [F.jpeg(tmp_path / "a.jpg", 1), F.tiff(tmp_path / "b.tif", (2, 3))]
    bad = tmp_path / "kosong.png"
    bad.write_bytes(b"")
    res = run("--data-dir", str(office), "--as", "petugas1", "import", *map(str, good), "--json")
    assert res.code == 0, res.err
    obj = res.json()
    assert isinstance(obj, dict) and obj["failed"] == []
    assert [(i["file"], i["pages"]) for i in obj["imported"]] == [(str(good[0]), 1),
                                                                  (str(good[1]), 2)]
    assert all(i["submission"].startswith("KS-KLBS-") for i in obj["imported"])

    res = run("--data-dir", str(office), "import", str(bad), str(F.png(tmp_path / "c.png", 4)),
              str(good[0]), "--json")
    assert res.code == 1
    obj = res.json()
    assert isinstance(obj, dict) and len(obj["imported"]) == 1
    assert [f["file"] for f in obj["failed"]] == [str(bad), str(good[0])]
    assert "kosong (0 bita)" in obj["failed"][0]["error"]
    assert "sudah diimpor di KS-KLBS-" in obj["failed"][1]["error"]

    # the slips are there, as drafts in today's session
    res = run("--data-dir", str(office), "list", "--json")
    assert res.code == 0 and len(res.json()) == 3  # type: ignore[arg-type]


def test_import_text_lines_in_indonesian(run: Runner, office: Path, tmp_path: Path) -> None:
    good = F.png(tmp_path / "slip.png", 1)
    bad = F.elf_as_jpg(tmp_path / "program.jpg")
    res = run("--data-dir", str(office), "import", str(good), str(bad))
    assert res.code == 1
    assert f"{good}: diimpor sebagai KS-KLBS-" in res.out and "(1 halaman)" in res.out
    assert f"{bad}: TIDAK diimpor." in res.err and "bukan gambar atau PDF" in res.err
    assert "1 berkas diimpor, 1 gagal." in res.err


def test_import_into_a_session(run: Runner, office: Path, tmp_path: Path) -> None:
    res = run("--data-dir", str(office), "session", "open", "--json")
    assert res.code == 0, res.err
    sid = res.json()["id"]  # type: ignore[index]
    res = run("--data-dir", str(office), "import", str(F.png(tmp_path / "a.png")),
              "--session", str(sid), "--json")
    assert res.code == 0, res.err
    number = res.json()["imported"][0]["submission"]  # type: ignore[index]
    res = run("--data-dir", str(office), "show", number, "--json")
    assert res.json()["box_session_id"] == sid  # type: ignore[index]
    res = run("--data-dir", str(office), "import", str(F.png(tmp_path / "b.png", 2)),
              "--session", "999")
    assert res.code == 1 and res.err.strip()


def test_scanners_without_driver(run: Runner, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import kotaksaran.intake as intake_pkg

    monkeypatch.setitem(sys.modules, "kotaksaran.intake.scanner", None)  # import fails
    monkeypatch.delattr(intake_pkg, "scanner", raising=False)
    res = run("--data-dir", str(tmp_path / "none"), "scanners")
    assert res.code == 0
    assert "Tidak ada driver pemindai (SANE)" in res.err
    assert "kotaksaran import" in res.err
    res = run("--data-dir", str(tmp_path / "none"), "scanners", "--json")
    assert res.code == 0 and res.json() == []
    assert not (tmp_path / "none").exists()


def test_scanners_lists_devices(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    dev = types.SimpleNamespace(name="test:0", vendor="Noname", model="frontend-tester",
                                type="virtual device")
    fake = types.ModuleType("kotaksaran.intake.scanner")
    fake.list_devices = lambda: [dev]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kotaksaran.intake.scanner", fake)
    import kotaksaran.intake as intake_pkg

    monkeypatch.setattr(intake_pkg, "scanner", fake, raising=False)
    res = run("scanners", "--json")
    assert res.code == 0
    assert res.json() == [{"name": "test:0", "vendor": "Noname", "model": "frontend-tester",
                           "type": "virtual device"}]
    res = run("scanners")
    assert "test:0  Noname frontend-tester (virtual device)" in res.out


def test_scanners_driver_reported_missing(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    from kotaksaran.domain.errors import EnvironmentProblem

    def missing() -> list[object]:
        raise EnvironmentProblem("scanner_driver_missing")

    fake = types.ModuleType("kotaksaran.intake.scanner")
    fake.list_devices = missing  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kotaksaran.intake.scanner", fake)
    import kotaksaran.intake as intake_pkg

    monkeypatch.setattr(intake_pkg, "scanner", fake, raising=False)
    res = run("scanners")
    assert res.code == 0 and "Tidak ada driver pemindai (SANE)" in res.err
