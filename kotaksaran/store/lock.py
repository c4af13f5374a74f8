"""One running GUI per data dir: an OS file lock that dies with the process."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from ..domain.errors import AlreadyRunning


class InstanceLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / "kotaksaran.lock"
        self._fh: IO[str] | None = None

    def acquire(self) -> None:
        fh = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the process life
        try:
            if sys.platform == "win32":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            raise AlreadyRunning(path=str(self.path.parent)) from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def is_held_elsewhere(self) -> bool:
        """True when another process holds the lock (used before a restore)."""
        if self._fh is not None:
            return False
        try:
            self.acquire()
        except AlreadyRunning:
            return True
        self.release()
        return False
