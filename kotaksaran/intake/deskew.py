"""Skew and text-line direction from the projection profile of ink pixels (low resolution).

For a candidate angle `a`, every ink pixel (x, y) is projected on the normal of a text line
turned `a` degrees counter-clockwise: `y cos a + x sin a`. When `a` matches the page's skew,
the pixels of one text line fall into the same few bins and the sum of squared bin counts
peaks. All candidate angles are scored in one `np.bincount` (coarse 0.25-degree grid, then
finer around the best), on at most a few tens of thousands of sampled ink pixels, so a page
costs a few milliseconds whatever its resolution.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_POINTS = 40_000
COARSE_POINTS = 10_000


@dataclass(frozen=True)
class SkewEstimate:
    angle: float  # degrees, content turned counter-clockwise by this much
    score: float  # peak profile energy (comparable between the two axes of one image)
    vertical: bool  # text lines run top to bottom: the page lies sideways


def ink_points(ink: np.ndarray, rng_seed: int = 0, limit: int = MAX_POINTS) -> np.ndarray:
    """(N, 2) float32 array of (x, y) of ink pixels, sampled down to `limit`."""
    ys, xs = np.nonzero(ink)
    if len(xs) > limit:
        idx = np.random.default_rng(rng_seed).choice(len(xs), limit, replace=False)
        xs, ys = xs[idx], ys[idx]
    return np.stack([xs, ys], axis=1).astype(np.float32)


def _scores(pts: np.ndarray, angles_deg: np.ndarray) -> np.ndarray:
    """Profile energy (sum of squared bin counts / n^2) for every angle."""
    if len(pts) == 0:
        return np.zeros(len(angles_deg))
    a = np.deg2rad(angles_deg).astype(np.float32)[:, None]
    proj = pts[None, :, 1] * np.cos(a) + pts[None, :, 0] * np.sin(a)  # (A, N)
    idx = proj.astype(np.int32)  # truncation: a constant shift of the bins, harmless
    idx -= idx.min()
    nb = int(idx.max()) + 1
    idx += (np.arange(len(angles_deg), dtype=np.int32) * nb)[:, None]
    counts = np.bincount(idx.ravel(), minlength=nb * len(angles_deg)).reshape(-1, nb)
    c = counts.astype(np.float64)
    out: np.ndarray = (c * c).sum(axis=1) / float(len(pts)) ** 2
    return out


def _best(pts: np.ndarray, angles: np.ndarray) -> tuple[float, float, int, np.ndarray]:
    s = _scores(pts, angles)
    i = int(np.argmax(s))
    return float(angles[i]), float(s[i]), i, s


def _peakiness(scores: np.ndarray) -> float:
    """How far the best angle stands out: the highest profile energy over the median one."""
    med = float(np.median(scores))
    return float(scores.max()) / med if med > 0 else 0.0


def _refine(pts: np.ndarray, angle: float) -> tuple[float, float]:
    """From a coarse angle (0.5-degree grid): 0.1-degree steps, then 0.02 with a parabola."""
    mid = np.arange(angle - 0.5, angle + 0.5 + 1e-9, 0.1)
    angle, _, _, _ = _best(pts, mid)
    fine = np.arange(angle - 0.12, angle + 0.12 + 1e-9, 0.02)
    angle, score, i, s2 = _best(pts, fine)
    if 0 < i < len(fine) - 1:  # parabolic interpolation between grid points
        y0, y1, y2 = s2[i - 1], s2[i], s2[i + 1]
        den = y0 - 2 * y1 + y2
        if den < 0:
            angle += 0.02 * 0.5 * (y0 - y2) / den
    return angle, score


def estimate_skew(ink: np.ndarray, max_angle: float = 16.0,
                  check_vertical: bool = True) -> SkewEstimate:
    """Skew of the text lines in a binary ink mask (True = ink) and whether they run
    vertically (the page turned by 90 or 270 degrees)."""
    pts = ink_points(ink)
    if len(pts) < 50:
        return SkewEstimate(0.0, 0.0, False)
    coarse = np.arange(-max_angle, max_angle + 1e-9, 0.5)
    few = pts[:COARSE_POINTS]  # the sample is random: a prefix is too
    h_angle, _h_score, _, h_all = _best(few, coarse)
    vertical = False
    if check_vertical:
        # the same with the image turned 90 degrees counter-clockwise: (x, y) -> (y, W - x)
        w = float(ink.shape[1])
        turned = np.stack([pts[:, 1], w - pts[:, 0]], axis=1)
        v_angle, _v_score, _, v_all = _best(turned[:COARSE_POINTS], coarse)
        # Text lines give a sharp peak over the angles; the other axis is flat. The peak's
        # height over the median decides, not its absolute energy, which a sparse page (a
        # short letter on a sheet turned sideways) makes high along both axes.
        if _peakiness(v_all) > 1.25 * _peakiness(h_all):
            vertical = True
            pts, h_angle = turned, v_angle
    angle, score = _refine(pts, h_angle)
    return SkewEstimate(angle, score, vertical)
