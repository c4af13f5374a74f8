"""Dark scanner borders, white margins and blank pages, all decided on the small working copy.

* Dark borders: dark regions wider than a pen stroke that touch the image edge (the scanner lid,
  the shadow of the page edge) are found after a morphological opening that erases text, and
  painted white.
* Margins: the bounding box of the ink that is not speckle (components of a few pixels are
  ignored), plus a small margin.
* Blank: a separator sheet has no ink component the size of a written character; speckle and
  dust are only a pixel or two at the working scale (~100-150 dpi).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np


def histogram_u8(gray: np.ndarray) -> np.ndarray:
    """Counts of the 256 grey levels of a uint8 image (OpenCV's histogram: several times
    quicker than np.bincount, which widens every pixel to 64 bits first)."""
    if gray.size == 0:
        return np.zeros(256, dtype=np.int64)
    a = np.ascontiguousarray(gray, dtype=np.uint8)
    hist: np.ndarray = np.rint(cv2.calcHist([a], [0], None, [256], [0, 256]).ravel())
    out: np.ndarray = hist.astype(np.int64)
    return out


def percentile_u8(gray: np.ndarray, q: float) -> float:
    """Percentile of a uint8 image from its histogram (far quicker than np.percentile)."""
    hist = histogram_u8(gray)
    return float(np.searchsorted(np.cumsum(hist), q / 100.0 * gray.size))


def ink_threshold(gray: np.ndarray) -> float:
    """Otsu, but never calling paper grain ink (the threshold stays well below the paper
    level when the page is nearly empty)."""
    t, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return min(float(t), percentile_u8(gray, 90) - 45.0, 170.0)


def ink_mask(gray: np.ndarray) -> np.ndarray:
    """Binary ink (True) of a small grayscale page."""
    return gray < ink_threshold(gray)


def dark_border_mask(gray: np.ndarray, dpi: float) -> np.ndarray:
    """Dark areas touching the image edge that are wider than ~2 mm (so no text)."""
    none = np.zeros(gray.shape, dtype=bool)
    frame = np.concatenate([gray[:2].ravel(), gray[-2:].ravel(), gray[:, :2].ravel(),
                            gray[:, -2:].ravel()])
    if frame.size == 0 or frame.min() >= 110:  # nothing dark at the edge: no border
        return none
    dark = (gray < 110).astype(np.uint8)
    k = max(3, round(dpi * 2.0 / 25.4)) | 1
    solid = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((k, k), np.uint8))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(solid, connectivity=4)
    h, w = gray.shape
    keep = np.zeros(n, dtype=bool)
    for i in range(1, n):
        x, y, bw, bh, _area = stats[i]
        touches = x == 0 or y == 0 or x + bw >= w or y + bh >= h
        if touches:
            keep[i] = True
    mask = keep[labels]
    # thinner dark strips along an edge (the shadow of the page edge, a narrow lid band): long
    # dark components touching the edge, whatever their width
    n2, labels2, stats2, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    long2 = np.zeros(n2, dtype=bool)
    for i in range(1, n2):
        x, y, bw, bh, _area = stats2[i]
        touches = x == 0 or y == 0 or x + bw >= w or y + bh >= h
        if touches and (bw >= 0.25 * w or bh >= 0.25 * h):
            long2[i] = True
    if long2.any():
        mask = mask | long2[labels2]
    if mask.any():  # include the grey transition next to the border
        mask = cv2.dilate(mask.astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool)
    out: np.ndarray = mask
    return out


@dataclass(frozen=True)
class InkStats:
    bbox: tuple[int, int, int, int] | None  # x0, y0, x1, y1 of the significant ink
    components: int  # ink components bigger than speckle
    largest: int  # height in pixels of the tallest of them
    area: int  # their total area


def ink_stats(ink: np.ndarray, dpi: float) -> InkStats:
    """Ink components larger than speckle (> ~0.4 mm tall or wide and > a few pixels)."""
    n, _labels, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8),
                                                            connectivity=8)
    if n <= 1:
        return InkStats(None, 0, 0, 0)
    st = stats[1:]
    min_side = max(2, round(dpi * 0.6 / 25.4))
    big = (np.maximum(st[:, 2], st[:, 3]) >= min_side) & (st[:, 4] >= max(3, min_side))
    st = st[big]
    if len(st) == 0:
        return InkStats(None, 0, 0, 0)
    x0, y0 = int(st[:, 0].min()), int(st[:, 1].min())
    x1, y1 = int((st[:, 0] + st[:, 2]).max()), int((st[:, 1] + st[:, 3]).max())
    return InkStats((x0, y0, x1, y1), len(st), int(st[:, 3].max()), int(st[:, 4].sum()))


def is_blank(stats: InkStats, dpi: float) -> bool:
    """No component as tall as a small handwritten letter (~1.5 mm), or only one or two
    small ones (dust) with hardly any ink."""
    if stats.components == 0:
        return True
    letter = dpi * 1.5 / 25.4
    if stats.largest < letter:
        return True
    return stats.components <= 2 and stats.area < (dpi * 2.0 / 25.4) ** 2
