"""The page style every document shares: paper sizes (A4, A6, 58 and 80 mm thermal rolls),
paragraph styles, the unit's letterhead, the footer, the SALINAN mark of a reprint, and PDF
output that is byte-for-byte the same for the same input (fixed ids, dates from the data).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from babel.dates import format_date
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, A6
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import _listWrapOn

from .. import i18n
from ..i18n import _
from . import fonts
from .data import PrintInfo, UnitInfo
from .errors import UnknownPaperSize

log = logging.getLogger(__name__)

CREATOR = "Kotak Saran Digital"
INK = colors.black
MUTED = colors.HexColor("#444444")
RULE = colors.HexColor("#777777")
# The tallest roll page we make; a receipt is far shorter.
MAX_ROLL_HEIGHT = 2000 * mm


@dataclass(frozen=True)
class Paper:
    """A sheet (height set) or a thermal roll (height None: as tall as the content)."""

    key: str
    width: float
    height: float | None
    margin: float
    font_size: float
    condensed: bool = False

    @property
    def is_roll(self) -> bool:
        return self.height is None

    @property
    def frame_width(self) -> float:
        return self.width - 2 * self.margin


PAPERS = {
    "a4": Paper("a4", A4[0], A4[1], 18 * mm, 10),
    "a6": Paper("a6", A6[0], A6[1], 7 * mm, 7.5),
    # Thermal printers print 48 mm of a 58 mm roll and 72 mm of an 80 mm roll.
    "58mm": Paper("58mm", 58 * mm, None, 5 * mm, 7.5, condensed=True),
    "80mm": Paper("80mm", 80 * mm, None, 4 * mm, 8.5, condensed=True),
}
RECEIPT_SIZES = ("a6", "58mm", "80mm")


def paper(key: str, allowed: Sequence[str] | None = None) -> Paper:
    choices = tuple(allowed) if allowed is not None else tuple(PAPERS)
    if key not in choices:
        raise UnknownPaperSize(size=key, choices=", ".join(choices))
    return PAPERS[key]


# --- styles ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    centred_title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    big: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_bold_right: ParagraphStyle
    unit_name: ParagraphStyle
    unit_line: ParagraphStyle
    centred: ParagraphStyle
    right: ParagraphStyle
    regular_font: str
    bold_font: str


def styles(p: Paper) -> Styles:
    fonts.register_fonts()
    regular = fonts.CONDENSED if p.condensed else fonts.SANS
    bold = fonts.CONDENSED_BOLD if p.condensed else fonts.SANS_BOLD
    size = p.font_size
    lead = size * 1.28
    centre_head = p.is_roll

    def style(name: str, **kw: Any) -> ParagraphStyle:
        base: dict[str, Any] = {"fontName": regular, "fontSize": size, "leading": lead,
                                "textColor": INK}
        base.update(kw)
        return ParagraphStyle(name, **base)

    return Styles(
        title=style("title", fontName=bold, fontSize=size * 1.45, leading=size * 1.8,
                    alignment=TA_CENTER if centre_head else TA_LEFT, spaceAfter=size * 0.3),
        centred_title=style("centred_title", fontName=bold, fontSize=size * 1.45,
                            leading=size * 1.8, alignment=TA_CENTER, spaceAfter=size * 0.3),
        heading=style("heading", fontName=bold, fontSize=size * 1.1, leading=size * 1.4,
                      spaceBefore=size * 0.7, spaceAfter=size * 0.25),
        body=style("body"),
        small=style("small", fontSize=size * 0.85, leading=size * 1.1, textColor=MUTED),
        label=style("label", fontSize=size * 0.9, leading=size * 1.15, textColor=MUTED),
        value=style("value", fontName=bold),
        big=style("big", fontName=bold, fontSize=size * 1.5, leading=size * 1.85,
                  alignment=TA_CENTER if centre_head else TA_LEFT),
        cell=style("cell", fontSize=size * 0.92, leading=size * 1.15),
        cell_bold=style("cell_bold", fontName=bold, fontSize=size * 0.92, leading=size * 1.15),
        cell_bold_right=style("cell_bold_right", fontName=bold, fontSize=size * 0.92,
                              leading=size * 1.15, alignment=TA_RIGHT),
        unit_name=style("unit_name", fontName=bold, fontSize=size * 1.2, leading=size * 1.45,
                        alignment=TA_CENTER if centre_head else TA_LEFT),
        unit_line=style("unit_line", fontSize=size * 0.88, leading=size * 1.12,
                        alignment=TA_CENTER if centre_head else TA_LEFT),
        centred=style("centred", alignment=TA_CENTER),
        right=style("right", alignment=TA_RIGHT),
        regular_font=regular,
        bold_font=bold,
    )


def text(value: object) -> str:
    """User text made safe for a Paragraph (which reads a small XML dialect)."""
    return escape(str(value)).replace("\n", "<br/>")


def para(value: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(text(value), style)


def markup(template: str, style: ParagraphStyle, **values: object) -> Paragraph:
    """A translated template with <b> etc. of our own, and escaped values."""
    return Paragraph(template.format(**{k: text(v) for k, v in values.items()}), style)


def fitted(value: str, style: ParagraphStyle, width: float) -> Paragraph:
    """One line of `value` in `style`, its font made smaller until it fits `width`."""
    size = style.fontSize
    while size > 6 and stringWidth(value, style.fontName, size) > width:
        size -= 0.25
    if size == style.fontSize:
        return para(value, style)
    return para(value, ParagraphStyle(f"{style.name}_fit", parent=style, fontSize=size,
                                      leading=size * 1.25))


def rule(p: Paper, *, thick: bool = False, dashed: bool = False) -> HRFlowable:
    return HRFlowable(width="100%", thickness=1.2 if thick else 0.6, color=INK if thick else RULE,
                      spaceBefore=p.font_size * 0.5, spaceAfter=p.font_size * 0.5,
                      dash=(2, 2) if dashed else None)


def gap(p: Paper, lines: float = 1.0) -> Spacer:
    return Spacer(1, p.font_size * 1.28 * lines)


# --- dates and numbers in the document's language ------------------------------------------
def _locale() -> str:
    return "id" if i18n.get_language() == "id" else "en"


def local(dt: datetime, tz: str) -> datetime:
    return dt.astimezone(ZoneInfo(tz))


def fmt_date(d: date, *, weekday: bool = False) -> str:
    pattern = "EEEE, d MMMM y" if weekday else "d MMMM y"
    return str(format_date(d, pattern, locale=_locale()))


def month_name(year: int, month: int) -> str:
    """'Juni 2026' / 'June 2026'."""
    return str(format_date(date(year, month, 1), "LLLL y", locale=_locale()))


def fmt_short_date(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def fmt_time(dt: datetime, tz: str) -> str:
    """'09.05 WIB' in Indonesian, '09:05 WIB' in English."""
    t = local(dt, tz)
    sep = "." if _locale() == "id" else ":"
    return f"{t:%H}{sep}{t:%M} {t.tzname() or ''}".strip()


def fmt_datetime(dt: datetime, tz: str, *, weekday: bool = False) -> str:
    t = local(dt, tz)
    return f"{fmt_date(t.date(), weekday=weekday)}, {fmt_time(dt, tz)}"


def fmt_int(n: int) -> str:
    grouped = f"{n:,}"
    return grouped.replace(",", ".") if _locale() == "id" else grouped


def fmt_decimal(value: float, digits: int = 1) -> str:
    """Rounded half up (7.25 -> '7,3'), with the language's decimal mark."""
    exact = Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    s = f"{exact:,.{digits}f}"
    if _locale() == "id":
        s = s.replace(",", "_").replace(".", ",").replace("_", ".")
    return s


def fmt_percent(ratio: float) -> str:
    return f"{fmt_decimal(ratio * 100, 1)} %"


def tracking(tracking_id: str) -> str:
    """LAPOR! shows tracking IDs as '#1916449'."""
    tid = tracking_id.strip()
    return tid if tid.startswith("#") else f"#{tid}"


# --- letterhead -----------------------------------------------------------------------------
def logo_image(unit: UnitInfo, max_w: float, max_h: float) -> Image | None:
    if not unit.logo:
        return None
    try:
        reader = ImageReader(io.BytesIO(unit.logo))
        w, h = reader.getSize()
    except Exception as exc:  # a damaged logo must not stop a receipt from printing
        log.warning("unit logo cannot be read: %s", exc)
        return None
    if w <= 0 or h <= 0:
        return None
    scale = min(max_w / w, max_h / h)
    img = Image(io.BytesIO(unit.logo), width=w * scale, height=h * scale)
    img.hAlign = "CENTER"
    return img


def letterhead(unit: UnitInfo, p: Paper, st: Styles) -> list[Flowable]:
    """Logo, unit name and address: side by side on sheets, stacked on a roll."""
    lines: list[Flowable] = [para(unit.name, st.unit_name)]
    if unit.address.strip():
        lines.append(para(unit.address.strip(), st.unit_line))
    if p.is_roll:
        logo = logo_image(unit, p.frame_width * 0.45, 16 * mm)
        out: list[Flowable] = [logo, Spacer(1, 1.5 * mm)] if logo else []
        return [*out, *lines, rule(p, thick=True)]
    size = 20 * mm if p.key == "a4" else 12 * mm
    logo = logo_image(unit, size, size)
    if logo is None:
        return [*lines, rule(p, thick=True)]
    table = Table([[logo, lines]], colWidths=[size + 3 * mm, p.frame_width - size - 3 * mm])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [table, rule(p, thick=True)]


def copy_banner(printed: PrintInfo, p: Paper, st: Styles) -> list[Flowable]:
    """A reprint says so at the top, in words that survive a black-only thermal printer."""
    if not printed.copy:
        return []
    box = Table([[para(_("COPY") + " — " + _("reprint of a document printed before"),
                       st.cell_bold)]], colWidths=[p.frame_width])
    box.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 1.2, INK),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return [box, Spacer(1, p.font_size * 0.6)]


def printed_line(printed: PrintInfo, unit: UnitInfo) -> str:
    return _("Printed {when} by {who}").format(
        when=fmt_datetime(printed.printed_at, unit.timezone), who=printed.printed_by)


# --- key/value blocks -----------------------------------------------------------------------
def fields_table(rows: Sequence[tuple[str, Flowable | str]], p: Paper, st: Styles,
                 label_ratio: float = 0.34) -> Flowable:
    """Label and value side by side; on a 58 mm roll the value goes under its label."""
    def value_cell(v: Flowable | str) -> Flowable:
        return v if isinstance(v, Flowable) else para(v, st.value)

    if p.key == "58mm":
        data = []
        for label, value in rows:
            data.append([para(label, st.label)])
            data.append([value_cell(value)])
        widths = [p.frame_width]
    else:
        data = [[para(label, st.label), value_cell(value)] for label, value in rows]
        widths = [p.frame_width * label_ratio, p.frame_width * (1 - label_ratio)]
    table = Table(data, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return table


def grid_table(header: Sequence[str], rows: Sequence[Sequence[Flowable | str]],
               widths: Sequence[float], st: Styles, *, align_right: Sequence[int] = (),
               zebra: bool = True) -> Table:
    """A table with a repeated header row; cells may be flowables or plain text."""
    def cell(value: Flowable | str, col: int, bold: bool = False) -> Flowable:
        if isinstance(value, Flowable):
            return value
        style = st.cell_bold if bold else st.cell
        if col in align_right:
            style = ParagraphStyle(f"{style.name}_r", parent=style, alignment=TA_RIGHT)
        return para(value, style)

    data = [[cell(h, i, True) for i, h in enumerate(header)]]
    data += [[cell(v, i) for i, v in enumerate(r)] for r in rows]
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    commands: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.9, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if zebra:
        for i in range(2, len(data), 2):
            commands.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#F2F2F2")))
    table.setStyle(TableStyle(commands))
    return table


# --- the PDF --------------------------------------------------------------------------------
@dataclass(frozen=True)
class DocInfo:
    title: str
    subject: str
    unit: UnitInfo
    printed: PrintInfo


def _pdf_date(printed_at: datetime) -> Callable[..., str]:
    """PDF creation/modification date from the print time (not the wall clock)."""
    t = printed_at.astimezone(UTC)

    def formatter(*_ignored: int) -> str:
        return f"D:{t:%Y%m%d%H%M%S}+00'00'"

    return formatter


class _FooterCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """Draws 'page x of y' once the page count is known (pages are held until save)."""

    footer_left = ""
    footer_font = fonts.SANS
    footer_size = 7.0
    footer_margin = 10 * mm

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        width = self._pagesize[0]
        self.saveState()
        self.setFont(self.footer_font, self.footer_size)
        self.setFillColor(MUTED)
        y = self.footer_margin * 0.55
        self.drawString(self.footer_margin, y, self.footer_left)
        self.drawRightString(width - self.footer_margin, y, _("Page {page} of {pages}").format(
            page=number, pages=total))
        self.restoreState()


def _watermark(canvas: Canvas, doc: Any, p: Paper) -> None:
    """A light diagonal SALINAN behind the content of every page of a reprint."""
    w, h = doc.pagesize
    canvas.saveState()
    canvas.setFillColor(colors.Color(0, 0, 0, alpha=0.12))
    canvas.setFont(fonts.SANS_BOLD, w / 6)
    canvas.translate(w / 2, h / 2)
    canvas.rotate(35)
    canvas.drawCentredString(0, -w / 18, _("COPY"))
    canvas.restoreState()


def _flatten(story: list[Flowable]) -> list[Flowable]:
    """KeepTogether measures as 'infinitely tall'; measure its content instead."""
    out: list[Flowable] = []
    for f in story:
        if isinstance(f, KeepTogether):
            out += _flatten(list(f._content))
        else:
            out.append(f)
    return out


def _story_height(story: list[Flowable], width: float) -> float:
    return float(_listWrapOn(_flatten(story), width, Canvas(io.BytesIO()))[1])


def render(story_factory: Callable[[Paper], list[Flowable]], p: Paper, info: DocInfo, *,
           one_page: bool = False) -> bytes:
    """The finished PDF. `story_factory(paper)` builds the content; it is called more than once
    for a roll (to measure how tall the page must be) and for `one_page` (a sheet whose text
    is made a little smaller, down to 6 pt, until it fits one page)."""
    fonts.register_fonts()
    footer_space = 0.0 if p.is_roll else 6 * mm
    if p.is_roll:
        height = _story_height(story_factory(p), p.frame_width)
        page_size = (p.width, min(MAX_ROLL_HEIGHT, height + 2 * p.margin + 4 * mm))
    else:
        assert p.height is not None
        page_size = (p.width, p.height)
        if one_page:
            room = p.height - 2 * p.margin - footer_space - 2
            while p.font_size > 6 and _story_height(story_factory(p), p.frame_width) > room:
                p = replace(p, font_size=p.font_size - 0.25)

    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=page_size, leftMargin=p.margin, rightMargin=p.margin,
        topMargin=p.margin, bottomMargin=p.margin + footer_space,
        title=info.title, author=info.unit.name, subject=info.subject, creator=CREATOR,
        producer=CREATOR, invariant=1, lang=i18n.get_language(),
        initialFontName=fonts.SANS,  # else Helvetica is named in the PDF, not embedded
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def on_page(canvas: Canvas, d: Any) -> None:
        canvas.setDateFormatter(_pdf_date(info.printed.printed_at))
        if info.printed.copy and not p.is_roll:
            _watermark(canvas, d, p)

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    if p.is_roll:
        doc.build(story_factory(p), canvasmaker=Canvas)
    else:
        footer = printed_line(info.printed, info.unit)
        if info.printed.copy:
            footer = _("COPY") + " · " + footer
        canvas_class = type("FooterCanvas", (_FooterCanvas,), {
            "footer_left": footer, "footer_size": max(6.0, min(p.font_size * 0.8, 7.5)),
            "footer_margin": p.margin})
        doc.build(story_factory(p), canvasmaker=canvas_class)
    return buf.getvalue()
