"""Berita acara pembukaan kotak saran: the minutes of one box opening, on A4.

Box and place, date and time, who opened it, the witnesses with signature lines, how many
slips were found and how many were typed in, and the list of their local numbers. The signed
paper is scanned and attached back to the session (see DocumentService.attach_minutes_scan).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..i18n import _
from .data import MinutesData, PrintInfo, UnitInfo
from .style import (
    INK,
    DocInfo,
    Paper,
    Styles,
    copy_banner,
    fields_table,
    fmt_date,
    fmt_datetime,
    fmt_int,
    fmt_time,
    gap,
    letterhead,
    local,
    paper,
    para,
    render,
    rule,
    styles,
)

NUMBER_COLUMNS = 3


def _opening(data: MinutesData, unit: UnitInfo, st: Styles) -> Flowable:
    opened = local(data.opened_at, unit.timezone)
    return para(_(
        "On {day}, at {time}, at {place}, the suggestion box \"{box}\" was opened by {who} "
        "in the presence of the witnesses named below. The slips found in it were counted "
        "and entered into Kotak Saran Digital as follows.").format(
            day=fmt_date(opened.date(), weekday=True), time=fmt_time(data.opened_at,
                                                                      unit.timezone),
            place=data.location or "—", box=data.box_name, who=data.opened_by), st.body)


def _facts(data: MinutesData, unit: UnitInfo, p: Paper, st: Styles) -> Flowable:
    rows: list[tuple[str, Flowable | str]] = [
        (_("Session"), f"{data.session_id}"),
        (_("Suggestion box"), f"{data.box_name} ({data.box_code})"),
        (_("Place"), data.location or "—"),
        (_("Opened"), fmt_datetime(data.opened_at, unit.timezone, weekday=True)),
        (_("Opened by"), data.opened_by),
        (_("Witnesses"), ", ".join(data.witnesses) or _("(none)")),
        (_("Slips found in the box"), fmt_int(data.slips_found)),
        (_("Slips entered"), fmt_int(data.slips_digitised)),
    ]
    diff = data.slips_found - data.slips_digitised
    if diff:
        rows.append((_("Difference"), _("{count} slips found but not entered").format(
            count=fmt_int(diff)) if diff > 0 else _("{count} more entered than found").format(
            count=fmt_int(-diff))))
    if data.closed_at is not None:
        rows.append((_("Session closed"), fmt_datetime(data.closed_at, unit.timezone)))
    else:
        rows.append((_("Session closed"), _("not yet (the session is still open)")))
    if data.close_note.strip():
        rows.append((_("Note"), data.close_note.strip()))
    return fields_table(rows, p, st, label_ratio=0.3)


def _numbers(data: MinutesData, p: Paper, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [para(_("Local numbers of the slips entered ({count})").format(
        count=fmt_int(len(data.numbers))), st.heading)]
    if not data.numbers:
        out.append(para(_("No slip has been entered for this session."), st.body))
        return out
    # Row by row (1 2 3 / 4 5 6 ...), so that a list running onto the next page stays in order.
    rows = []
    for start in range(0, len(data.numbers), NUMBER_COLUMNS):
        row: list[Flowable | str] = []
        for i, number in enumerate(data.numbers[start:start + NUMBER_COLUMNS], start + 1):
            row += [para(f"{i}.", st.small), para(number, st.cell)]
        row += [""] * (2 * NUMBER_COLUMNS - len(row))
        rows.append(row)
    w = p.frame_width / NUMBER_COLUMNS
    table = Table(rows, colWidths=[9 * mm, w - 9 * mm] * NUMBER_COLUMNS, hAlign="LEFT",
                  repeatRows=0)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
    ]))
    out.append(table)
    return out


def _signature(role: str, name: str, st: Styles, height: float) -> list[Flowable]:
    line = Table([[""]], colWidths=[52 * mm], rowHeights=[height])
    line.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.8, INK)]))
    return [para(role, st.body), line, para(name or " ", st.value)]


def _signatures(data: MinutesData, p: Paper, st: Styles) -> Flowable:
    people = [(_("Opened by,"), data.opened_by)]
    people += [(_("Witness {n},").format(n=i), w) for i, w in enumerate(data.witnesses, 1)]
    if not data.witnesses:  # room for two witnesses to sign by hand
        people += [(_("Witness {n},").format(n=i), "") for i in (1, 2)]
    cells: list[list[Flowable] | str] = [_signature(role, name, st, 18 * mm)
                                         for role, name in people]
    per_row = 3
    rows = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    table = Table(rows, colWidths=[p.frame_width / per_row] * per_row, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * mm),
    ]))
    return table


def story(data: MinutesData, unit: UnitInfo, printed: PrintInfo, p: Paper) -> list[Flowable]:
    st = styles(p)
    out: list[Flowable] = [*letterhead(unit, p, st), *copy_banner(printed, p, st)]
    out.append(para(_("MINUTES OF THE OPENING OF THE SUGGESTION BOX"), st.centred_title))
    out.append(gap(p, 0.3))
    out.append(_opening(data, unit, st))
    out.append(gap(p, 0.6))
    out.append(_facts(data, unit, p, st))
    out.append(rule(p))
    out += _numbers(data, p, st)
    out.append(gap(p, 0.8))
    closing = para(_("These minutes were drawn up truthfully, to be used as needed."), st.body)
    dated = para(_("{unit}, {date}").format(
        unit=unit.name, date=fmt_date(local(data.opened_at, unit.timezone).date())), st.body)
    out.append(KeepTogether([closing, Spacer(1, 4 * mm), dated, Spacer(1, 3 * mm),
                             _signatures(data, p, st)]))
    return out


def render_minutes(data: MinutesData, unit: UnitInfo, printed: PrintInfo) -> bytes:
    p = paper("a4")
    info = DocInfo(_("Minutes of box opening {session}").format(session=data.session_id),
                   _("Minutes of the opening of the suggestion box"), unit, printed)
    return render(lambda pp: story(data, unit, printed, pp), p, info)
