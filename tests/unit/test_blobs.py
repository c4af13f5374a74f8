"""The blob store: content addressed, renamed into place only when complete, verified on read."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kotaksaran.domain import errors as E
from kotaksaran.store.blobs import BlobStore


def test_round_trip_bytes_and_file(tmp_path: Path) -> None:
    bs = BlobStore(tmp_path / "blobs")
    data = os.urandom(3 * (1 << 20) + 17)  # several chunks
    sha = bs.put_bytes(data)
    assert sha == hashlib.sha256(data).hexdigest()
    assert bs.path(sha) == tmp_path / "blobs" / sha[:2] / sha[2:4] / sha
    assert bs.exists(sha) and bs.read(sha) == data
    src = tmp_path / "in.bin"
    src.write_bytes(data)
    assert bs.put_file(src) == sha  # the same content again: stored once
    assert list(bs.all_shas()) == [sha]
    assert bs.temp_files() == []
    assert bs.open_verified(sha).read_bytes() == data
    assert bs.put_bytes(b"") == hashlib.sha256(b"").hexdigest()
    bs.discard(sha)
    assert not bs.exists(sha)


def test_corruption_detected(tmp_path: Path) -> None:
    bs = BlobStore(tmp_path)
    sha = bs.put_bytes(b"halaman satu")
    bs.path(sha).write_bytes(b"halaman dua!")
    with pytest.raises(E.BlobCorrupt):
        bs.read(sha)
    with pytest.raises(E.BlobCorrupt):
        bs.open_verified(sha)
    bs.path(sha).unlink()
    with pytest.raises(E.BlobMissing):
        bs.read(sha)


def test_bad_names_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        BlobStore(tmp_path).path("../../etc/passwd")


def test_source_problems_are_the_files(tmp_path: Path) -> None:
    bs = BlobStore(tmp_path / "b")
    with pytest.raises(E.FileVanished):
        bs.put_file(tmp_path / "gone.jpg")
    with pytest.raises(E.FileUnreadable):
        bs.put_file(tmp_path)


def test_injected_enospc_leaves_no_temp_file(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    bs = BlobStore(tmp_path / "blobs")
    real_write = os.write
    calls = {"n": 0}

    def full(fd: int, data: bytes) -> int:
        calls["n"] += 1
        if calls["n"] >= 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(E.DiskFull):
        bs.put_bytes(os.urandom(3 << 20))
    monkeypatch.undo()
    assert bs.temp_files() == [] and list(bs.all_shas()) == []


def test_read_only_disk_is_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bs = BlobStore(tmp_path / "blobs")

    def rofs(*_a: object, **_k: object) -> int:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "write", rofs)
    with pytest.raises(E.DataDirNotWritable):
        bs.put_bytes(b"x" * 100)
    monkeypatch.undo()
    assert bs.temp_files() == []


@pytest.fixture
def tiny_tmpfs(tmp_path: Path) -> Iterator[Path]:
    mnt = tmp_path / "tmpfs"
    mnt.mkdir()
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a real full disk needs root to mount a 1 MB tmpfs; the injected ENOSPC "
                    "test covers the code path")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({r.stderr.strip() or r.returncode})")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def test_real_full_disk(tiny_tmpfs: Path) -> None:
    bs = BlobStore(tiny_tmpfs / "blobs")
    small = bs.put_bytes(b"muat")
    with pytest.raises(E.DiskFull):
        bs.put_bytes(os.urandom(2 << 20))
    assert bs.temp_files() == []
    assert list(bs.all_shas()) == [small]
    assert bs.read(small) == b"muat"
