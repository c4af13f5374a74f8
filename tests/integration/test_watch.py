"""The watch folder: complete files only, imported/ and failed/, other processes, read-only."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kotaksaran.intake.watch import (
    ImportOutcome,
    WatchFolder,
    WatchFolderMissing,
    WatchFolderNotWritable,
    is_candidate,
    unique_target,
)


class Recorder:
    """An `on_file` that refuses files whose content starts with BAD and records sizes."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []
        self.done = threading.Event()

    def __call__(self, path: Path) -> ImportOutcome:
        data = path.read_bytes()
        self.calls.append((path.name, len(data)))
        self.done.set()
        if data.startswith(b"BAD"):
            return ImportOutcome(False, f"{path.name}: berkas rusak atau terpotong.")
        return ImportOutcome(True, submissions=("KS-KLBS-2026-000001",))


def wait_for(cond: object, timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError("condition not met in time")


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[tuple[Path, Recorder, WatchFolder]]:
    folder = tmp_path / "scans"
    folder.mkdir()
    rec = Recorder()
    w = WatchFolder(folder, rec, settle_seconds=0.6, poll_seconds=0.1)
    yield folder, rec, w
    w.stop()


def test_a_file_written_slowly_is_taken_only_when_complete(watched: tuple) -> None:
    folder, rec, w = watched
    w.start()
    chunk = b"x" * 4096

    def write() -> None:
        with open(folder / "slow.jpg", "wb") as fh:
            for _ in range(8):
                fh.write(chunk)
                fh.flush()
                time.sleep(0.25)  # pauses shorter than the settle time

    t = threading.Thread(target=write)
    t.start()
    t.join()
    wait_for(lambda: (folder / "imported" / "slow.jpg").exists())
    assert rec.calls == [("slow.jpg", 8 * 4096)]
    assert not (folder / "slow.jpg").exists()


def test_a_bad_file_goes_to_failed_with_the_reason(watched: tuple) -> None:
    folder, _rec, w = watched
    (folder / "rusak.jpg").write_bytes(b"BAD data")
    old = time.time() - 60
    os.utime(folder / "rusak.jpg", (old, old))
    results = w.scan_once()
    assert [(p.name, m.name, o.ok) for p, m, o in results] == [("rusak.jpg", "rusak.jpg", False)]
    assert (folder / "failed" / "rusak.jpg").read_bytes() == b"BAD data"
    note = (folder / "failed" / "rusak.jpg.txt").read_text(encoding="utf-8")
    assert "berkas rusak atau terpotong" in note


def test_scan_once_takes_old_files_and_leaves_temporary_ones(watched: tuple) -> None:
    folder, rec, w = watched
    old = time.time() - 60
    for name in ("a.png", "~$lock.docx", "b.pdf.part", "c.tmp", ".tmp-123", "fresh.png"):
        (folder / name).write_bytes(b"ok")
        if name != "fresh.png":
            os.utime(folder / name, (old, old))
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.png").write_bytes(b"ok")
    w.scan_once()
    assert [c[0] for c in rec.calls] == ["a.png"]  # fresh.png has not settled yet
    for name in ("~$lock.docx", "b.pdf.part", "c.tmp", ".tmp-123", "fresh.png"):
        assert (folder / name).exists()
    assert (folder / "sub" / "inner.png").exists()


def test_a_name_already_in_imported_gets_a_suffix(watched: tuple) -> None:
    folder, _rec, w = watched
    (folder / "imported").mkdir()
    (folder / "imported" / "scan.jpg").write_bytes(b"first")
    (folder / "scan.jpg").write_bytes(b"second")
    old = time.time() - 60
    os.utime(folder / "scan.jpg", (old, old))
    w.scan_once()
    assert (folder / "imported" / "scan.jpg").read_bytes() == b"first"
    assert (folder / "imported" / "scan (2).jpg").read_bytes() == b"second"


def test_picks_up_files_from_another_process(watched: tuple) -> None:
    folder, rec, w = watched
    done: list[tuple[str, str, bool]] = []
    w.on_done = lambda p, m, o: done.append((p.name, m.parent.name, o.ok))
    w.start()
    script = (
        "import sys, time, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "with open(p / 'dari-printer.pdf', 'wb') as fh:\n"
        "    for _ in range(5):\n"
        "        fh.write(b'%PDF' + b'0' * 1000); fh.flush(); time.sleep(0.2)\n"
        "(p / 'rusak.png').write_bytes(b'BAD')\n"
    )
    subprocess.run([sys.executable, "-c", script, str(folder)], check=True, timeout=60)
    wait_for(lambda: len(done) == 2)
    assert sorted(done) == [("dari-printer.pdf", "imported", True),
                            ("rusak.png", "failed", False)]
    assert ("dari-printer.pdf", 5 * 1004) in rec.calls
    assert w.running
    w.stop()
    assert not w.running


def test_an_error_outside_the_file_leaves_it_for_later(tmp_path: Path) -> None:
    errors: list[str] = []

    def failing(path: Path) -> ImportOutcome:
        raise RuntimeError("database locked")

    (tmp_path / "a.png").write_bytes(b"ok")
    old = time.time() - 60
    os.utime(tmp_path / "a.png", (old, old))
    w = WatchFolder(tmp_path, failing, settle_seconds=0.1,
                    on_error=lambda p, e: errors.append(str(e)))
    assert w.scan_once() == []
    assert (tmp_path / "a.png").exists()
    assert errors == ["database locked"]


def test_a_missing_folder_is_a_typed_error(tmp_path: Path) -> None:
    w = WatchFolder(tmp_path / "nowhere", Recorder())
    with pytest.raises(WatchFolderMissing) as info:
        w.start()
    assert info.value.code == "watch_folder_missing"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root can write into a read-only folder, so the case cannot occur")
def test_a_read_only_folder_is_refused_at_start(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        w = WatchFolder(folder, Recorder())
        with pytest.raises(WatchFolderNotWritable) as info:
            w.start()
        assert info.value.code == "watch_folder_not_writable"
        assert not w.running
    finally:
        folder.chmod(0o755)


def test_names() -> None:
    assert is_candidate(Path("a.JPG"))
    assert not is_candidate(Path("a.jpg.PART"))
    assert not is_candidate(Path("~$a.jpg"))
    assert unique_target(Path("/nonexistent"), "x.jpg") == Path("/nonexistent/x.jpg")
