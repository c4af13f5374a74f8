"""Page cleanup: make a scanned or photographed page upright, straight, cropped and compact.

Contract used by the importer (keep it stable): `clean_page(image, options) -> CleanedPage`.
Each step can be switched off through `CleanupOptions` (settings in Pengaturan); each step
records what it did in `CleanedPage.steps` so the capture screen and benchmarks can show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image, ImageOps


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


@dataclass
class CleanedPage:
    image: Image.Image  # "L" (grayscale) or "1" (bilevel), upright and straight
    dpi: int
    is_blank: bool = False
    rotation: int = 0  # degrees clockwise applied for cardinal orientation
    skew_degrees: float = 0.0  # skew measured (and removed)
    perspective_corners: list[tuple[float, float]] | None = None  # in input pixels
    steps: dict[str, float] = field(default_factory=dict)  # step name -> seconds spent


def clean_page(image: Image.Image, options: CleanupOptions | None = None,
               dpi: int | None = None) -> CleanedPage:
    """Minimal first implementation: EXIF orientation and grayscale.

    The full pipeline (rotation, deskew, crop, blank detection, perspective) replaces this body
    without changing the signature.
    """
    options = options or CleanupOptions()
    if options.exif_orientation:
        image = ImageOps.exif_transpose(image) or image
    gray = image.convert("L")
    return CleanedPage(image=gray, dpi=dpi or 300)
