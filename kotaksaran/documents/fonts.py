"""The TrueType fonts embedded in every document (DejaVu: full Latin coverage, so Indonesian
names, the rupiah sign and typographic quotes print as typed).

The fonts ship in `resources/fonts/` (Bitstream Vera licence, see LICENSE-DejaVu.txt there);
when that folder is missing (a trimmed install) the usual system font folders are searched.
A font that cannot be found raises `FontMissing`, whose message says what to install.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from .errors import FontMissing

# Names the documents use -> the file of each.
SANS = "KSSans"
SANS_BOLD = "KSSans-Bold"
CONDENSED = "KSSansCondensed"
CONDENSED_BOLD = "KSSansCondensed-Bold"
FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    CONDENSED: "DejaVuSansCondensed.ttf",
    CONDENSED_BOLD: "DejaVuSansCondensed-Bold.ttf",
}

_lock = threading.Lock()
_registered = False


def resources_dir() -> Path:
    root = os.environ.get("KOTAKSARAN_RESOURCES")
    return Path(root) if root else Path(__file__).resolve().parents[2] / "resources"


def search_dirs() -> list[Path]:
    """Where a font file is looked for, in order: the app's own copy first."""
    dirs = [resources_dir() / "fonts"]
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    else:
        dirs += [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/TTF"),
                 Path("/usr/share/fonts/dejavu"), Path("/usr/local/share/fonts"),
                 Path.home() / ".local" / "share" / "fonts"]
    return dirs


def find_font(file_name: str) -> Path:
    dirs = search_dirs()
    for folder in dirs:
        candidate = folder / file_name
        if candidate.is_file():
            return candidate
    raise FontMissing(font=file_name, folders=", ".join(str(d) for d in dirs))


def register_fonts() -> None:
    """Register the document fonts with reportlab once per process (thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, file_name in FILES.items():
            path = find_font(file_name)
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except (TTFError, OSError) as exc:
                raise FontMissing(font=f"{file_name} ({exc})", folders=str(path.parent)
                                  ) from exc
        # <b> inside a paragraph picks the bold face of the same family.
        for regular, bold in ((SANS, SANS_BOLD), (CONDENSED, CONDENSED_BOLD)):
            addMapping(regular, 0, 0, regular)
            addMapping(regular, 1, 0, bold)
            addMapping(regular, 0, 1, regular)
            addMapping(regular, 1, 1, bold)
        _registered = True
