"""Page cleanup: make a scanned or photographed page upright, straight, cropped and compact.

Contract used by the importer (keep it stable): `clean_page(image, options) -> CleanedPage`.
Each step can be switched off through `CleanupOptions` (settings in Pengaturan); each step
records what it did in `CleanedPage.steps` so the capture screen and benchmarks can show it.

Order: EXIF orientation -> sheet finding and perspective flattening (phone photos only) ->
scale to `max_dpi` -> dark scanner borders painted white -> blank detection -> cardinal
rotation (0/90/180/270) and deskew -> margin crop -> grayscale or bilevel output (specks
removed from a bilevel page). Turning, deskewing and cropping the full-resolution page is one
affine warp of only the pixels kept.

Every estimate (sheet, borders, skew, orientation, ink box, blank, bilevel decision) is made on
a working copy of ~150 dpi (the sheet on ~1000 px); the full-resolution image is touched only
to warp, turn, rotate, crop and threshold it, and only when there is something to change, so a
clean upright page costs a resize, a few histogram passes and the output conversion.

Angles: `skew_degrees` is the measured skew of the text lines, positive when the content was
turned counter-clockwise (it is removed by turning the page back clockwise); `rotation` is the
clockwise quarter turn applied to make the page upright.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import cv2
import numpy as np
from PIL import Image, ImageOps

from kotaksaran.intake import crop, deskew, orientation, perspective

WORK_DPI = 150  # resolution of the working copy every estimate is made on
MIN_SKEW = 0.2  # degrees: below this a page is left unrotated (no resampling)
MARGIN_MM = 5.0  # white margin kept around the ink when cropping
ROTATION_METHODS = ("text", "osd", "text+osd")


@dataclass(frozen=True)
class CleanupOptions:
    exif_orientation: bool = True
    cardinal_rotation: bool = True  # 90/180/270 from the page content
    deskew: bool = True
    border_crop: bool = True
    blank_detection: bool = True
    perspective: bool = True  # find the sheet in a phone photo and flatten it
    max_dpi: int = 300
    bilevel_when_text: bool = True
    # "text": own heuristic (line direction + ascender/descender balance), no tesseract;
    # "osd": tesseract OSD (falls back to "text" when tesseract is missing or unsure);
    # "text+osd": the heuristic, and OSD to confirm a 180-degree turn before making it.
    rotation_method: str = "text"
    # bilevel pages: ink specks far smaller than a full stop, away from other ink, are
    # removed (tesseract reads them as "|", "-" or "." words)
    despeckle: bool = True
    skew_max_degrees: float = 16.0  # search range of the deskew, both signs
    margin_mm: float = MARGIN_MM


@dataclass
class CleanedPage:
    image: Image.Image  # "L" (grayscale) or "1" (bilevel), upright and straight
    dpi: int
    is_blank: bool = False
    rotation: int = 0  # degrees clockwise applied for cardinal orientation
    skew_degrees: float = 0.0  # skew measured (and removed)
    perspective_corners: list[tuple[float, float]] | None = None  # in input pixels
    steps: dict[str, float] = field(default_factory=dict)  # step name -> seconds spent
    notes: list[str] = field(default_factory=list)  # what was skipped or decided, and why
    bilevel: bool = False  # stored as "1" because the page is plain text


class _Clock:
    def __init__(self) -> None:
        self.steps: dict[str, float] = {}

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.steps[name] = self.steps.get(name, 0.0) + time.perf_counter() - t0


def _guess_dpi(image: Image.Image) -> int:
    """The file's dpi when plausible for a page (3-17 inches long), else A4 from the size."""
    long_side = max(image.size)
    info = image.info.get("dpi")
    try:
        d = float(info[0]) if info else 0.0
    except (TypeError, ValueError, IndexError):
        d = 0.0
    if d >= 50 and 3.0 <= long_side / d <= 17.0:
        return round(d)
    return int(min(600, max(50, round(long_side / (297 / 25.4)))))


def _to_gray(image: Image.Image) -> tuple[np.ndarray, np.ndarray | None]:
    """(grayscale array, RGB array or None); transparency is flattened onto white."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in
                                               image.info):
        rgba = image.convert("RGBA")
        bg = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(bg, rgba).convert("RGB")
    if image.mode == "RGB":
        rgb = np.asarray(image)
        return cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), rgb
    if image.mode == "L":
        return np.asarray(image), None
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        a = np.asarray(image.convert("I"), dtype=np.float64)
        hi = a.max() if a.size and a.max() > 255 else 255.0
        return np.clip(a / hi * 255.0, 0, 255).astype(np.uint8), None
    if image.mode in ("CMYK", "YCbCr", "P", "HSV", "LAB", "RGBX"):
        rgb = np.asarray(image.convert("RGB"))
        return cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), rgb
    return np.asarray(image.convert("L")), None


def _resize(a: np.ndarray, scale: float) -> np.ndarray:
    h, w = a.shape[:2]
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return cv2.resize(a, size, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)


def _rotate(a: np.ndarray, degrees_ccw: float, interpolation: int) -> np.ndarray:
    """Turn counter-clockwise by `degrees_ccw` on a canvas that holds the whole page,
    white fill."""
    h, w = a.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), degrees_ccw, 1.0)
    c, s = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(np.ceil(h * s + w * c)), int(np.ceil(h * c + w * s))
    m[0, 2] += nw / 2.0 - w / 2.0
    m[1, 2] += nh / 2.0 - h / 2.0
    return cv2.warpAffine(a, m, (nw, nh), flags=interpolation,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=255)


def _turn_box(box: tuple[int, int, int, int] | None, w: int, h: int, k: int
              ) -> tuple[int, int, int, int] | None:
    """A box (x0, y0, x1, y1, ends excluded) in the turned page after `k` counter-clockwise
    quarter turns (`w` x `h` = the size of the turned page)."""
    if box is None or k % 4 == 0:
        return box
    x0, y0, x1, y1 = box
    if k % 4 == 2:
        return w - x1, h - y1, w - x0, h - y0
    if k % 4 == 1:  # before the turn the page was h wide
        return y0, h - x1, y1, h - x0
    return w - y1, x0, w - y0, x1


def _turned_size(w: int, h: int, k: int, degrees_ccw: float) -> tuple[int, int]:
    """Width and height of a w x h page after `k` counter-clockwise quarter turns and a turn
    of `degrees_ccw` on a canvas that holds the whole page (as `_rotate`)."""
    if k % 2:
        w, h = h, w
    if not degrees_ccw:
        return w, h
    m = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), degrees_ccw, 1.0)
    c, s = abs(m[0, 0]), abs(m[0, 1])
    return int(np.ceil(h * s + w * c)), int(np.ceil(h * c + w * s))


def _warp(a: np.ndarray, k: int, degrees_ccw: float, box: tuple[int, int, int, int],
          interpolation: int) -> np.ndarray:
    """`k` counter-clockwise quarter turns, then `_rotate` by `degrees_ccw`, then the crop
    `box` (x0, y0, x1, y1 in the turned page), as one affine warp of only the kept pixels."""
    h, w = a.shape[:2]
    quarter = {0: [[1, 0, 0], [0, 1, 0]], 1: [[0, 1, 0], [-1, 0, w - 1]],
               2: [[-1, 0, w - 1], [0, -1, h - 1]], 3: [[0, -1, h - 1], [1, 0, 0]]}[k % 4]
    r = np.vstack([np.array(quarter, np.float64), [0.0, 0.0, 1.0]])
    tw, th = (h, w) if k % 2 else (w, h)
    m = cv2.getRotationMatrix2D((tw / 2.0, th / 2.0), degrees_ccw, 1.0)
    nw, nh = _turned_size(tw, th, 0, degrees_ccw)
    m[0, 2] += nw / 2.0 - tw / 2.0 - box[0]
    m[1, 2] += nh / 2.0 - th / 2.0 - box[1]
    total = np.vstack([m, [0.0, 0.0, 1.0]]) @ r
    return cv2.warpAffine(a, total[:2], (box[2] - box[0], box[3] - box[1]), flags=interpolation,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=255)


def _despeckle(ink: np.ndarray, dpi: int) -> np.ndarray:
    """Ink without its specks: a pixel stays when the window of ~0.6 mm around it holds more
    ink than a speck of ~0.25 mm across could, and more than a one-pixel line crossing the
    window, so thin lines stay (a one-pixel line loses ~0.25 mm at each end, no more); a full
    stop is larger than a speck. One box filter. (Keeping the ink near solid ink as well,
    which saves those line ends, also kept the specks near the words: on the OCR benchmark's
    noisy letters CER 0.33 % against 0.25 % without it.)"""
    k = min(15, max(3, round(0.6 * dpi / 25.4)) | 1)  # k * k fits in uint8
    limit = min(k - 1.0, (0.25 * dpi / 25.4) ** 2)
    counts = cv2.boxFilter(ink.view(np.uint8), -1, (k, k), normalize=False,
                           borderType=cv2.BORDER_CONSTANT)
    kept: np.ndarray = ink & (counts > limit)
    return kept


def _bilevel_wanted(small: np.ndarray, sdpi: float) -> bool:
    """Plain text: mostly paper, and nothing darker than the paper except thin strokes (no
    photo, shading or colour wash). Decided on the working copy: what is darker than the paper
    and survives an erosion wider than a pen stroke (~1.5 mm) must be a trace."""
    if small.size == 0:
        return False
    hist = crop.histogram_u8(small).astype(np.float64) / small.size
    paper_level = int(np.searchsorted(np.cumsum(hist), 0.5))  # the median is paper
    if paper_level < 170:
        return False
    if hist[max(0, paper_level - 40):].sum() < 0.75:
        return False
    not_paper = (small < paper_level - 40).astype(np.uint8)
    k = max(3, round(sdpi * 1.5 / 25.4)) | 1
    solid = cv2.erode(not_paper, np.ones((k, k), np.uint8))
    return float(solid.mean()) < 0.01  # a picture covers far more; blurred letters ~0.5 %


def clean_page(image: Image.Image, options: CleanupOptions | None = None,
               dpi: int | None = None) -> CleanedPage:
    """Run the cleanup pipeline on one page; never raises for an odd image (tiny, huge
    aspect ratio, unusual mode): steps that cannot apply are skipped and noted."""
    options = options or CleanupOptions()
    clock = _Clock()
    notes: list[str] = []
    t_start = time.perf_counter()

    with clock.step("exif"):
        if options.exif_orientation:
            image = ImageOps.exif_transpose(image) or image
    with clock.step("gray"):
        dpi = int(dpi) if dpi else _guess_dpi(image)
        gray, rgb = _to_gray(image)

    corners: list[tuple[float, float]] | None = None
    with clock.step("perspective"):
        if options.perspective and min(gray.shape) >= 64:
            sheet = perspective.find_sheet(rgb if rgb is not None else gray)
            if sheet is not None:
                out_dpi = min(300, options.max_dpi)
                gray = perspective.warp_sheet(gray, sheet.corners, out_dpi)
                gray = perspective.flatten_light(gray)
                edge = max(1, round(out_dpi / 25.4))  # 1 mm: desk pixels along the edges
                gray[:edge, :] = gray[-edge:, :] = 255
                gray[:, :edge] = gray[:, -edge:] = 255
                dpi = out_dpi
                corners = [(float(x), float(y)) for x, y in sheet.corners]
                notes.append("sheet found in a photo: flattened to A4")
    del rgb

    with clock.step("scale"):
        if dpi > options.max_dpi:
            gray = _resize(gray, options.max_dpi / dpi)
            dpi = options.max_dpi
        scale = min(1.0, WORK_DPI / dpi)
        small = _resize(gray, scale) if scale < 1 else gray.copy()
        sdpi = dpi * small.shape[1] / max(1, gray.shape[1])

    tiny = min(small.shape) < 24
    if tiny:
        notes.append("image too small for cleanup: only converted")

    with clock.step("border"):
        if options.border_crop and not tiny:
            mask = crop.dark_border_mask(small, sdpi)
            if mask.any():
                small[mask] = 255
                full = cv2.resize(mask.astype(np.uint8), (gray.shape[1], gray.shape[0]),
                                  interpolation=cv2.INTER_NEAREST).astype(bool)
                gray = gray.copy() if not gray.flags.writeable else gray
                gray[full] = 255
                notes.append(f"dark border painted white ({mask.mean():.1%} of the page)")

    with clock.step("blank"):
        ink = crop.ink_mask(small) if not tiny else np.zeros_like(small, dtype=bool)
        stats = crop.ink_stats(ink, sdpi) if not tiny else crop.InkStats(None, 0, 0, 0)
        blank = bool(options.blank_detection and not tiny and crop.is_blank(stats, sdpi))

    rotation_ccw = 0
    skew = 0.0
    final_small: np.ndarray | None = None  # the working copy turned and deskewed, when known
    first_k = 0  # the quarter turns `final_small` has
    geometry = (options.cardinal_rotation or options.deskew) and not tiny and not blank
    if blank and (options.cardinal_rotation or options.deskew):
        notes.append("blank page: not turned or deskewed")
    if geometry and stats.components < 3:
        geometry = False
        notes.append("too little ink to measure skew or orientation")
    if geometry:
        with clock.step("deskew"):
            est = deskew.estimate_skew(ink, options.skew_max_degrees,
                                       check_vertical=options.cardinal_rotation)
            if est.vertical:
                rotation_ccw = 90
            skew = est.angle if options.deskew else 0.0
        with clock.step("rotation"):
            if options.cardinal_rotation:
                turned = np.rot90(small, rotation_ccw // 90) if rotation_ccw else small
                if abs(skew) >= MIN_SKEW:
                    turned = _rotate(turned, -skew, cv2.INTER_LINEAR)
                if not options.deskew and abs(est.angle) >= MIN_SKEW:
                    turned = _rotate(turned, -est.angle, cv2.INTER_LINEAR)
                flip = _upside_down(turned, options, notes,
                                    ink if turned is small else None)
                if options.deskew:
                    final_small, first_k = turned, rotation_ccw // 90
                if flip:
                    rotation_ccw = (rotation_ccw + 180) % 360

    rotation_cw = (360 - rotation_ccw) % 360
    k = rotation_ccw // 90
    deskewing = abs(skew) >= MIN_SKEW
    if skew and not deskewing:
        notes.append(f"skew {skew:+.2f} degrees: below {MIN_SKEW}, left as it is")
    # The working copy is turned first (or taken from the orientation check, which turned it
    # already); the crop box is found on it; then the full-resolution page is turned, deskewed
    # and cropped in one pass that computes only the pixels that are kept.
    with clock.step("rotation"):
        if final_small is not None:
            small = final_small if k == first_k else np.ascontiguousarray(
                np.rot90(final_small, (k - first_k) % 4))
        elif k:
            small = np.ascontiguousarray(np.rot90(small, k))
    with clock.step("deskew"):
        if deskewing and final_small is None:
            small = _rotate(small, -skew, cv2.INTER_LINEAR)
    full_w, full_h = _turned_size(gray.shape[1], gray.shape[0], k, skew if deskewing else 0.0)
    box_full = (0, 0, full_w, full_h)
    with clock.step("crop"):
        if options.border_crop and not tiny and not blank:
            if deskewing:
                box = crop.ink_stats(crop.ink_mask(small), sdpi).bbox
            else:  # a quarter turn moves the ink box exactly: no new measurement
                box = _turn_box(stats.bbox, small.shape[1], small.shape[0], k)
            if box is not None:
                fy = full_h / small.shape[0]
                fx = full_w / small.shape[1]
                m = options.margin_mm / 25.4 * dpi
                x0 = max(0, int(box[0] * fx - m))
                y0 = max(0, int(box[1] * fy - m))
                x1 = min(full_w, int(np.ceil(box[2] * fx + m)))
                y1 = min(full_h, int(np.ceil(box[3] * fy + m)))
                if (x1 - x0, y1 - y0) != (full_w, full_h):
                    box_full = (x0, y0, x1, y1)
                    small = small[round(y0 / fy):round(y1 / fy) or 1,
                                  round(x0 / fx):round(x1 / fx) or 1]
    bilevel = bool(options.bilevel_when_text and not tiny and _bilevel_wanted(small, sdpi))
    with clock.step("deskew" if deskewing else "crop"):
        x0, y0, x1, y1 = box_full
        if deskewing:  # a page about to be thresholded needs no bicubic detail
            gray = _warp(gray, k, -skew, box_full,
                         cv2.INTER_LINEAR if bilevel else cv2.INTER_CUBIC)
        else:
            gray = np.rot90(gray, k)[y0:y1, x0:x1] if k else gray[y0:y1, x0:x1]

    with clock.step("output"):
        if bilevel:
            t, _ = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
            t = min(t, crop.percentile_u8(small, 90) - 45.0, 200.0)
            ink = np.ascontiguousarray(gray <= t)
            if options.despeckle:
                with clock.step("despeckle"):
                    ink = _despeckle(ink, dpi)
            out = Image.fromarray(~ink)
        else:
            out = Image.fromarray(np.ascontiguousarray(gray), "L")
        if out.mode != ("1" if bilevel else "L"):
            out = out.convert("1" if bilevel else "L")
        out.info["dpi"] = (dpi, dpi)
    clock.steps["total"] = time.perf_counter() - t_start
    return CleanedPage(image=out, dpi=int(dpi), is_blank=blank, rotation=rotation_cw,
                       skew_degrees=round(float(skew), 3), perspective_corners=corners,
                       steps=clock.steps, notes=notes, bilevel=bilevel)


def encode_page(page: CleanedPage, jpeg_quality: int = 85) -> tuple[bytes, str]:
    """The compact stored form of a cleaned page: (bytes, "png" or "jpeg"). Bilevel pages
    as 1-bit PNG, grayscale ones as JPEG; the dpi is written into the file."""
    buf = io.BytesIO()
    if page.image.mode == "1":
        page.image.save(buf, "PNG", dpi=(page.dpi, page.dpi))
        return buf.getvalue(), "png"
    page.image.convert("L").save(buf, "JPEG", quality=jpeg_quality, dpi=(page.dpi, page.dpi))
    return buf.getvalue(), "jpeg"


def _upside_down(turned: np.ndarray, options: CleanupOptions, notes: list[str],
                 ink: np.ndarray | None = None) -> bool:
    """Is the (deskewed, working-resolution) page upside down? `ink` is its ink mask when
    already known (a page neither turned nor deskewed)."""
    ud = orientation.upside_down_score(crop.ink_mask(turned) if ink is None else ink)
    method = options.rotation_method
    if method not in ROTATION_METHODS:
        notes.append(f"unknown rotation method {method!r}: using 'text'")
        method = "text"
    if method == "text":
        return ud.upside_down
    if not orientation.tesseract_available():
        notes.append("tesseract not found: orientation from the text heuristic only")
        return ud.upside_down
    if method == "text+osd" and not ud.upside_down:
        return False
    osd = orientation.tesseract_osd(Image.fromarray(turned))
    if osd is None:
        notes.append("tesseract OSD unsure or failed: orientation from the text heuristic")
        return ud.upside_down
    return osd[0] == 180
