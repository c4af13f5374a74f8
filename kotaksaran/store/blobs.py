"""Content-addressed file store: every image and original file is kept once, named by SHA-256.

A blob is written to a temporary file inside the blobs folder, flushed to disk, then renamed
to `<root>/ab/cd/<sha256>`; only after that may a database row point to it. A crash leaves at
worst a `.tmp-*` file, never a half-written blob under a real name. Reads verify the hash.

Disk full / read-only disk while writing: the temporary file is removed and a typed error
(`DiskFull`, `DataDirNotWritable`) is raised. Problems with the *source* file (gone, not
readable) are the file's problem and raised as `FileVanished` / `FileUnreadable`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..domain import errors as E
from .errors import classify_os_error

CHUNK = 1 << 20
TEMP_PREFIX = ".tmp-"
_SHA = re.compile(r"^[0-9a-f]{64}$")

PathLike = str | bytes | os.PathLike[str]


def as_path(p: PathLike) -> Path:
    """A Path from a str, a Path or raw bytes (a Linux file name that is not valid UTF-8 is
    kept through surrogateescape, so it can still be opened)."""
    return Path(os.fsdecode(p)) if isinstance(p, bytes) else Path(p)


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    # --- names --------------------------------------------------------------------------
    def path(self, sha: str) -> Path:
        if not _SHA.match(sha):
            raise ValueError(f"not a sha256 hex digest: {sha!r}")
        return self.root / sha[:2] / sha[2:4] / sha

    def exists(self, sha: str) -> bool:
        return self.path(sha).is_file()

    def all_shas(self) -> Iterator[str]:
        """Every blob stored (temporary files excluded)."""
        if not self.root.is_dir():
            return
        for p in self.root.glob("??/??/*"):
            if _SHA.match(p.name):
                yield p.name

    def temp_files(self) -> list[Path]:
        return sorted(self.root.glob(TEMP_PREFIX + "*")) if self.root.is_dir() else []

    # --- writing ------------------------------------------------------------------------
    def put_bytes(self, data: bytes) -> str:
        return self.store_bytes(data)[0]

    def put_file(self, source: PathLike) -> str:
        """Copy a file in while hashing it; returns its SHA-256."""
        return self.store_file(source)[0]

    def store_bytes(self, data: bytes) -> tuple[str, bool]:
        """(sha256, whether this call created the blob) - an importer that fails discards
        only what it created itself."""
        sha = hashlib.sha256(data).hexdigest()
        if self.exists(sha):
            return sha, False
        got = self._store(_chunks(data))
        assert got[0] == sha
        return got

    def store_file(self, source: PathLike) -> tuple[str, bool]:
        src = as_path(source)
        try:
            fh = open(src, "rb")  # noqa: SIM115 (closed below; errors told apart)
        except FileNotFoundError:
            raise E.FileVanished(file=_name(src)) from None
        except (IsADirectoryError, PermissionError, OSError) as exc:
            raise E.FileUnreadable(file=_name(src), detail=exc.strerror or str(exc)) from None
        with fh:
            return self._store(_read_chunks(fh, src))

    def _store(self, chunks: Iterable[bytes]) -> tuple[str, bool]:
        hasher = hashlib.sha256()
        tmp = self.root / f"{TEMP_PREFIX}{uuid.uuid4().hex}"
        fd = -1
        try:
            try:
                self.root.mkdir(parents=True, exist_ok=True)
                flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
                fd = os.open(tmp, flags, 0o644)
                for chunk in chunks:
                    hasher.update(chunk)
                    view = memoryview(chunk)
                    while view:
                        n = os.write(fd, view)
                        view = view[n:]
                os.fsync(fd)
                os.close(fd)
                fd = -1
                sha = hasher.hexdigest()
                final = self.path(sha)
                if final.is_file():
                    tmp.unlink()
                    return sha, False
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, final)
                _fsync_dir(final.parent)
                return sha, True
            except OSError as exc:
                raise classify_os_error(exc) from exc
        except BaseException:
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise

    def discard(self, sha: str) -> None:
        """Remove a blob. Only for blobs a failed import wrote itself and nothing references."""
        try:
            self.path(sha).unlink(missing_ok=True)
        except OSError as exc:
            raise classify_os_error(exc) from exc

    # --- reading ------------------------------------------------------------------------
    def read(self, sha: str) -> bytes:
        p = self.path(sha)
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            raise E.BlobMissing(sha=sha, path=str(p)) from None
        except OSError as exc:
            raise classify_os_error(exc) from exc
        if hashlib.sha256(data).hexdigest() != sha:
            raise E.BlobCorrupt(sha=sha, path=str(p))
        return data

    def open_verified(self, sha: str) -> Path:
        """The blob's path after checking that its content still matches its name."""
        p = self.path(sha)
        hasher = hashlib.sha256()
        try:
            with open(p, "rb") as fh:
                while chunk := fh.read(CHUNK):
                    hasher.update(chunk)
        except FileNotFoundError:
            raise E.BlobMissing(sha=sha, path=str(p)) from None
        except OSError as exc:
            raise classify_os_error(exc) from exc
        if hasher.hexdigest() != sha:
            raise E.BlobCorrupt(sha=sha, path=str(p))
        return p


def _chunks(data: bytes) -> Iterator[bytes]:
    for i in range(0, len(data), CHUNK):
        yield data[i:i + CHUNK]
    if not data:
        yield b""


def _read_chunks(fh: BinaryIO, src: Path) -> Iterator[bytes]:
    while True:
        try:
            chunk = fh.read(CHUNK)
        except FileNotFoundError:
            raise E.FileVanished(file=_name(src)) from None
        except OSError as exc:
            raise E.FileUnreadable(file=_name(src), detail=exc.strerror or str(exc)) from None
        if not chunk:
            return
        yield chunk


def _name(p: Path) -> str:
    """A printable file name (undecodable bytes shown as \\xNN)."""
    return os.fsencode(p.name).decode("utf-8", "backslashreplace")


def _fsync_dir(d: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(d, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
