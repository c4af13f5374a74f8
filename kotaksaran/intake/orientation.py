"""Upright or upside down: from the shape of the text lines, or from tesseract's OSD.

The heuristic (`upside_down_score`) uses a property of Latin script: ascenders (b d f h k l t,
capitals, digits) are far more common than descenders (g j p q y). In each text line, the ink
above the x-height band therefore outweighs the ink below it; turned upside down, the reverse.
It runs on the small, deskewed binary working image in a few milliseconds.

`tesseract_osd` asks `tesseract --psm 0 -l osd` (with OMP_THREAD_LIMIT=1 and a timeout); it
returns None when the binary or the osd data is missing or it cannot decide.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass

import numpy as np
from PIL import Image


@dataclass(frozen=True)
class UpDown:
    above: float  # ink above the x-height band, summed over lines
    below: float  # ink below it
    lines: int  # text lines that took part
    left_aligned: int = 0  # lines starting at the common left margin
    right_aligned: int = 0  # lines ending at the common right edge

    @property
    def upside_down(self) -> bool:
        """Only when the evidence is clear: an upright page must never be turned. The
        ascender/descender balance decides; when it is close, the layout does (left-aligned
        lines with a ragged right edge are upright; turned, the ragged edge is on the left)."""
        if self.lines < 2:
            return False
        if self.below > 1.3 * self.above + 1e-9:
            return True
        if self.above > 1.3 * self.below + 1e-9:
            return False
        return (self.lines >= 6 and self.right_aligned >= 0.5 * self.lines
                and self.right_aligned >= 3 * max(1, self.left_aligned))

    @property
    def confidence(self) -> float:
        total = self.above + self.below
        return 0.0 if total == 0 else abs(self.above - self.below) / total


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of the True runs of a 1-D boolean array."""
    d = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    return list(zip(np.flatnonzero(d == 1).tolist(), np.flatnonzero(d == -1).tolist(),
                    strict=True))


def _text_columns(band: np.ndarray) -> np.ndarray:
    """Columns of a text line's band that belong to its words: the ink in a window as wide as
    the line is tall must be at least half the line height, so that speckle and dust beyond
    the words (a pixel or two) do not move where the line seems to start or end."""
    h = band.shape[0]
    counts = band.sum(axis=0).astype(np.float64)
    window = np.convolve(counts, np.ones(h), mode="same")
    cols: np.ndarray = np.flatnonzero((window >= max(3.0, 0.5 * h)) & (counts > 0))
    return cols


def upside_down_score(ink: np.ndarray) -> UpDown:
    """Ascender/descender ink balance of the horizontal text lines in a binary ink mask."""
    prof = ink.sum(axis=1).astype(np.float64)
    if prof.max() <= 0:
        return UpDown(0.0, 0.0, 0)
    above = below = 0.0
    lines = 0
    starts: list[int] = []
    ends: list[int] = []
    for y0, y1 in _runs(prof > max(1.0, 0.02 * prof.max())):
        h = y1 - y0
        if h < 6 or h > 120:
            continue
        seg = prof[y0:y1]
        peak = seg.max()
        if peak < 0.15 * prof.max():
            continue
        core = np.flatnonzero(seg >= 0.45 * peak)  # the x-height band
        top, bot = int(core[0]), int(core[-1]) + 1
        a, b = float(seg[:top].sum()), float(seg[bot:].sum())
        band = float(seg[top:bot].sum())
        if band <= 0:
            continue
        above += a / band
        below += b / band
        lines += 1
        cols = _text_columns(ink[y0:y1])
        if len(cols):
            starts.append(int(cols[0]))
            ends.append(int(cols[-1]))
    left = right = 0
    if starts:
        tol = max(2, round(0.006 * ink.shape[1]))
        left = sum(1 for x in starts if x - min(starts) <= tol)
        right = sum(1 for x in ends if max(ends) - x <= tol)
    return UpDown(above, below, lines, left, right)


_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_CONF = re.compile(r"Orientation confidence:\s*([\d.]+)")


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def tesseract_osd(image: Image.Image, timeout: float = 20.0,
                  min_confidence: float = 2.0) -> tuple[int, float] | None:
    """(clockwise degrees that make the page upright, confidence) from tesseract OSD, or None
    when tesseract is missing, fails, or is not confident."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory(prefix="ks-osd-") as tmp:
        path = os.path.join(tmp, "page.png")
        image.save(path)
        try:
            res = subprocess.run([exe, path, "-", "--psm", "0", "-l", "osd"], env=env,
                                 capture_output=True, text=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
    m, c = _ROTATE.search(res.stdout), _CONF.search(res.stdout)
    if not m:
        return None
    conf = float(c.group(1)) if c else 0.0
    if conf < min_confidence:
        return None
    return int(m.group(1)) % 360, conf
