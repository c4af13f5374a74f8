"""Find the sheet in a phone photo and flatten it.

The sheet is the largest bright, low-saturation region: "whiteness" = min(R, G, B) separates
paper from a coloured desk even under uneven light. It is thresholded (Otsu) on a copy about
1000 px long, cleaned by morphology, and its outline reduced to four corners; each side is then
re-fitted to the outline points between the corners (least squares) and the corners are the
intersections of the fitted lines, which is sub-pixel at the working scale. Only a clear
quadrilateral inside a darker background, not a plain rectangle, counts as a photo, so scans
(with or without dark borders) are never warped.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

WORK_LONG_SIDE = 1000
A4_RATIO = 297.0 / 210.0


@dataclass(frozen=True)
class Sheet:
    corners: np.ndarray  # (4, 2) float64, TL TR BR BL in input pixels
    contrast: float  # mean whiteness inside minus outside (0-255)


def _order(pts: np.ndarray) -> np.ndarray:
    """TL, TR, BR, BL (in image orientation) of four points."""
    c = pts.mean(axis=0)
    ang = np.arctan2(pts[:, 1] - c[1], pts[:, 0] - c[0])
    pts = pts[np.argsort(ang)]  # clockwise on screen (y down), starting near -pi (left)
    start = int(np.argmin(pts.sum(axis=1)))  # top-left has the smallest x + y
    return np.roll(pts, -start, axis=0)


def _fit_sides(contour: np.ndarray, corners: np.ndarray) -> np.ndarray | None:
    """Re-fit each side to the contour points between two corners and intersect."""
    pts = contour.reshape(-1, 2).astype(np.float64)
    lines = []
    for i in range(4):
        p, q = corners[i], corners[(i + 1) % 4]
        d = q - p
        length = float(np.hypot(*d))
        if length < 10:
            return None
        n = np.array([-d[1], d[0]]) / length
        t = ((pts - p) @ d) / (length * length)
        dist = np.abs((pts - p) @ n)
        sel = pts[(t > 0.1) & (t < 0.9) & (dist < max(4.0, 0.02 * length))]
        if len(sel) < 10:
            return None
        vx, vy, x0, y0 = cv2.fitLine(sel.astype(np.float32), cv2.DIST_HUBER, 0, 0.01,
                                     0.01).ravel()
        lines.append((np.array([x0, y0], np.float64), np.array([vx, vy], np.float64)))
    out = []
    for i in range(4):
        (p1, d1), (p2, d2) = lines[i - 1], lines[i]
        a = np.array([d1, -d2]).T
        if abs(np.linalg.det(a)) < 1e-6:
            return None
        s = np.linalg.solve(a, p2 - p1)
        out.append(p1 + s[0] * d1)
    return np.array(out)


def _angles(q: np.ndarray) -> np.ndarray:
    out = []
    for i in range(4):
        a, b, c = q[i - 1], q[i], q[(i + 1) % 4]
        u, v = a - b, c - b
        cos = float(u @ v / (np.linalg.norm(u) * np.linalg.norm(v) + 1e-9))
        out.append(np.degrees(np.arccos(np.clip(cos, -1, 1))))
    return np.array(out)


def _has_axis_side(q: np.ndarray, size: tuple[int, int], tol_deg: float = 0.3,
                   near: float = 0.04) -> bool:
    """One side exactly horizontal or vertical, close to the image edge it runs along, while
    the others are tilted: the edge of a scanner band cutting a skewed page, not a sheet
    photographed at an angle."""
    w, h = size
    tilts = []
    close = []
    for i in range(4):
        p, r = q[i], q[(i + 1) % 4]
        d = r - p
        a = abs(np.degrees(np.arctan2(d[1], d[0]))) % 180.0
        horizontal = a < 45 or a > 135
        tilts.append(min(a % 90.0, 90.0 - a % 90.0))
        if horizontal:
            y = (p[1] + r[1]) / 2
            close.append(min(y, h - y) < near * h)
        else:
            x = (p[0] + r[0]) / 2
            close.append(min(x, w - x) < near * w)
    t = np.array(tilts)
    return bool(any(ti < tol_deg and ci for ti, ci in zip(t, close, strict=True))
                and t.max() > 3 * tol_deg)


def find_sheet(rgb_or_gray: np.ndarray, min_area: float = 0.12, max_area: float = 0.95,
               min_contrast: float = 30.0, min_distortion: float = 1.0) -> Sheet | None:
    """The sheet of paper in a photo, or None when there is no clearly distorted sheet inside
    a darker background (an ordinary scan)."""
    h, w = rgb_or_gray.shape[:2]
    s = min(1.0, WORK_LONG_SIDE / max(h, w))
    small = cv2.resize(rgb_or_gray, (max(1, round(w * s)), max(1, round(h * s))),
                       interpolation=cv2.INTER_AREA) if s < 1 else rgb_or_gray
    white = small.min(axis=2) if small.ndim == 3 else small
    sh, sw = white.shape
    if min(sh, sw) < 40:
        return None
    blur = cv2.GaussianBlur(white, (5, 5), 0)
    _, mask = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    k = max(3, round(min(sh, sw) / 80)) | 1
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((k, k), np.uint8))  # text holes
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((k, k), np.uint8))  # desk grain
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    if not contours:
        return None
    cnt = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(cnt) / float(sh * sw)
    if not (min_area <= area <= max_area):
        return None
    hull = cv2.convexHull(cnt)
    approx = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
    if len(approx) != 4:
        return None
    corners = _order(approx.reshape(4, 2).astype(np.float64))
    fitted = _fit_sides(cnt, corners)
    if fitted is None:
        return None
    fitted = _order(fitted)
    # background on every side: not touching the frame (a sheet cut by it, or a scanned page
    # between dark lid bands)
    ex, ey = 0.01 * sw, 0.01 * sh
    if (fitted[:, 0].min() < ex or fitted[:, 1].min() < ey
            or fitted[:, 0].max() > sw - 1 - ex or fitted[:, 1].max() > sh - 1 - ey):
        return None
    if not cv2.isContourConvex(fitted.astype(np.float32).reshape(-1, 1, 2)):
        return None
    ang = _angles(fitted)
    distortion = float(np.abs(ang - 90).max())
    if distortion < min_distortion:  # a plain rectangle: a scan, leave it
        return None
    if distortion < 4.0 and _has_axis_side(fitted, (sw, sh)):  # a page cut by a lid band
        return None
    inside = np.zeros_like(white)
    cv2.fillConvexPoly(inside, np.round(fitted).astype(np.int32), 255)
    contrast = float(white[inside > 0].mean() - white[inside == 0].mean())
    if contrast < min_contrast:
        return None
    return Sheet(fitted / s, contrast)


def output_size(corners: np.ndarray, dpi: int) -> tuple[int, int]:
    """A4 at `dpi` in the orientation of the sheet (portrait unless clearly wider)."""
    tl, tr, br, bl = corners
    width = (np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)) / 2
    height = (np.linalg.norm(bl - tl) + np.linalg.norm(br - tr)) / 2
    short, long = round(210 / 25.4 * dpi), round(297 / 25.4 * dpi)
    return (long, short) if width > height else (short, long)


def warp_sheet(gray: np.ndarray, corners: np.ndarray, dpi: int) -> np.ndarray:
    w, h = output_size(corners, dpi)
    dst = np.array([(0, 0), (w, 0), (w, h), (0, h)], np.float32)
    m = cv2.getPerspectiveTransform(corners.astype(np.float32), dst)
    return cv2.warpPerspective(gray, m, (w, h), flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REPLICATE)


def flatten_light(gray: np.ndarray) -> np.ndarray:
    """Divide by the paper's own brightness (estimated at 1/8 scale with a max filter, which
    removes the text): even white paper, dark ink, whatever the light in the photo."""
    h, w = gray.shape
    f = 8
    small = cv2.resize(gray, (max(1, w // f), max(1, h // f)), interpolation=cv2.INTER_AREA)
    k = max(3, round(min(small.shape) / 25)) | 1
    bg = cv2.dilate(small, np.ones((k, k), np.uint8))
    bg = cv2.GaussianBlur(bg, (0, 0), k / 2)
    bg = cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR)
    out = cv2.divide(gray, np.maximum(bg, 1), scale=255)
    return out
