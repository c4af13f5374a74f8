"""Tanda terima: the receipt for a slip, on A6 or a 58/80 mm thermal roll.

It carries the unit, the local number, when the slip was received, its klasifikasi and title
(never the body; no title at all when the slip is rahasia), what happens next and by when,
how to check the status (the LAPOR! tracking ID once known, with a QR code of the configured
address), and the privacy notice. It never carries the reporter's identity.
"""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from .. import i18n
from ..i18n import _
from .data import PrintInfo, ReceiptData, UnitInfo
from .style import (
    RECEIPT_SIZES,
    DocInfo,
    Paper,
    Styles,
    copy_banner,
    fields_table,
    fitted,
    fmt_date,
    fmt_datetime,
    gap,
    letterhead,
    markup,
    paper,
    para,
    printed_line,
    render,
    rule,
    styles,
    tracking,
)

SIZES = RECEIPT_SIZES


def qr_drawing(content: str, size: float) -> Drawing:
    """A QR code as vector graphics (sharp on any printer), `size` points square."""
    widget = QrCodeWidget(content, barLevel="M", barBorder=2)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    drawing.hAlign = "CENTER"
    return drawing


def _what_next(data: ReceiptData, unit: UnitInfo, p: Paper, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [para(_("What happens next"), st.heading)]
    out.append(para(_(
        "The office checks your report and forwards it to SP4N-LAPOR!, the national "
        "complaint service. The office in charge gives an initial response (respon awal) "
        "within {days} working days:").format(days=data.respon_awal_days), st.body))
    out.append(markup("<b>{due}</b>", st.value if not p.is_roll else st.centred,
                      due=fmt_date(data.respon_awal_due, weekday=True)))
    return out


def _status(data: ReceiptData, unit: UnitInfo, p: Paper, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [para(_("How to check the status"), st.heading)]
    if data.tracking_id:
        out.append(markup(_("LAPOR! tracking ID: <b>{tracking_id}</b>"), st.body,
                          tracking_id=tracking(data.tracking_id)))
        if data.upstream_status:
            out.append(para(_("Status at LAPOR!: {status}").format(
                status=data.upstream_status), st.body))
        if data.tracking_url:
            size = min(p.frame_width * 0.55, 22 * mm if p.key == "a6" else 30 * mm)
            qr = qr_drawing(data.tracking_url, size)
            caption = para(_("Scan to see the status:") + " " + data.tracking_url, st.small)
            ask = para(_("Or ask at this office and give the receipt number above."), st.body)
            if p.is_roll:
                out += [Spacer(1, 1.5 * mm), qr, caption, ask]
            else:
                table = Table([[qr, [caption, Spacer(1, 2 * mm), ask]]], colWidths=[size + 3 * mm,
                                                         p.frame_width - size - 3 * mm])
                table.setStyle(TableStyle([
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]))
                out.append(table)
        else:
            out.append(para(_(
                "Or ask at this office and give the receipt number above."), st.body))
    else:
        out.append(para(_(
            "The LAPOR! tracking ID is given once the report is registered there. Until then, "
            "ask at this office and give the receipt number above; the office can print this "
            "receipt again with the tracking ID."), st.body))
    return out


def _privacy(data: ReceiptData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [para(_("Your personal data"), st.heading)]
    out.append(para(_(
        "Personal data is protected under Law 27/2022 on Personal Data Protection and used "
        "only to handle this report."), st.small))
    if data.anonim:
        out.append(para(_(
            "Anonymous report: your identity never leaves this office and is not printed on "
            "any public document."), st.small))
    if data.rahasia:
        out.append(para(_(
            "Confidential report: the report is not published; its title is not printed "
            "either."), st.small))
    return out


def story(data: ReceiptData, unit: UnitInfo, printed: PrintInfo, p: Paper) -> list[Flowable]:
    st = styles(p)
    out: list[Flowable] = [*letterhead(unit, p, st), *copy_banner(printed, p, st)]
    out.append(para(_("RECEIPT FOR A REPORT"), st.title))
    out.append(fitted(data.number, st.big, p.frame_width))
    out.append(gap(p, 0.4))
    rows: list[tuple[str, Flowable | str]] = [
        (_("Received"), fmt_datetime(data.received_at, unit.timezone, weekday=True)),
        (_("Channel"), i18n.label(i18n.CHANNEL_LABELS, data.channel)),
        (_("Classification"), i18n.label(i18n.CLASSIFICATION_LABELS, data.classification)
         or "—"),
    ]
    if data.rahasia or data.title is None:
        rows.append((_("Title"), para(_("(confidential report: the title is not printed)"),
                                      st.body)))
    else:
        rows.append((_("Title"), data.title or "—"))
    out.append(fields_table(rows, p, st))
    out.append(rule(p))
    out.append(KeepTogether(_what_next(data, unit, p, st)))
    out += _status(data, unit, p, st)
    out.append(rule(p))
    out += _privacy(data, st)
    out.append(rule(p, dashed=True))
    out.append(para(_("Keep this receipt until your report is finished."), st.small))
    if p.is_roll:
        # Sheets carry this in the footer; a roll has no footer.
        out.append(para(printed_line(printed, unit), st.small))
        if printed.copy:
            out.append(para(_("COPY"), st.small))
    return out


def render_receipt(data: ReceiptData, unit: UnitInfo, printed: PrintInfo,
                   size: str = "a6") -> bytes:
    p = paper(size, SIZES)
    info = DocInfo(_("Receipt") + f" {data.number}", _("Receipt for a report"), unit, printed)
    return render(lambda pp: story(data, unit, printed, pp), p, info, one_page=True)
