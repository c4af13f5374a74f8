"""Laporan bulanan: the monthly report for the supervisor and the city (A4).

Counts by klasifikasi, kategori, channel and status; the completion ratio; the average
working days to respon awal and to tindak lanjut; overdue reports; charts. A slip belongs to
the month of its `created_at` in the unit's time zone. The same figures go to CSV and XLSX
(`monthly_export`). Titles of rahasia slips never appear; no personal data does.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from .. import i18n
from ..i18n import N_, _
from .data import MonthlyData, PrintInfo, UnitInfo
from .monthly_charts import bar_chart
from .monthly_export import NOT_SET, WHAT
from .style import (
    INK,
    RULE,
    DocInfo,
    Paper,
    Styles,
    copy_banner,
    fmt_datetime,
    fmt_decimal,
    fmt_int,
    fmt_percent,
    gap,
    grid_table,
    letterhead,
    markup,
    month_name,
    paper,
    para,
    render,
    styles,
)

NOTES = {
    "no_status_history": N_(
        "No status history has come back from LAPOR! for the reports of this month yet, so "
        "the average working days cannot be computed (shown as —)."),
}
TOP_CATEGORIES = 10


def _labelled(table: dict[str, str], items: tuple[tuple[str, int], ...]
              ) -> list[tuple[str, int]]:
    return [(i18n.label(table, code) if code else _(NOT_SET), n) for code, n in items]


def _days(value: float | None) -> str:
    return "—" if value is None else fmt_decimal(value, 1)


def _summary(data: MonthlyData, p: Paper, st: Styles) -> Flowable:
    ratio = data.completion_ratio
    cells = [
        (_("Reports received"), fmt_int(data.total)),
        (_("Finished"), f"{fmt_int(data.completed)} / {fmt_int(data.completion_base)}"),
        (_("Completion ratio"), fmt_percent(ratio) if ratio is not None else "—"),
        (_("Working days to initial response (average)"), _days(data.avg_days_respon_awal)),
        (_("Working days to follow-up (average)"), _days(data.avg_days_tindak_lanjut)),
        (_("Overdue"), fmt_int(len(data.overdue))),
    ]
    figure_style = st.big
    boxes = [[para(value, figure_style), para(label, st.small)] for label, value in cells]
    rows = [boxes[0:3], boxes[3:6]]
    w = p.frame_width / 3
    table = Table(rows, colWidths=[w] * 3, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def _count_table(title: str, items: list[tuple[str, int]], total: int, width: float,
                 st: Styles) -> list[Flowable]:
    rows: list[list[Flowable | str]] = [
        [label, fmt_int(n), fmt_percent(n / total) if total else "—"] for label, n in items]
    rows.append([para(_("Total"), st.cell_bold),
                 para(fmt_int(sum(n for _l, n in items)), st.cell_bold_right), ""])
    table = grid_table([title, _("Count"), _("Share")], rows,
                       [width - 39 * mm, 16 * mm, 23 * mm], st, align_right=(1, 2))
    return [table]


def _side_by_side(left: list[Flowable], right: list[Flowable], p: Paper) -> Table:
    half = (p.frame_width - 6 * mm) / 2
    table = Table([[left, right]], colWidths=[half + 6 * mm, half], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 6 * mm),
        ("RIGHTPADDING", (1, 0), (1, -1), 0),
    ]))
    return table


def _overdue(data: MonthlyData, unit: UnitInfo, p: Paper, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [para(_("Overdue reports"), st.heading)]
    if not data.overdue:
        out.append(para(_("No report of this month is past its deadline."), st.body))
        return out
    header = [_("Receipt number"), _("Received"), _("Due"), _("Overdue for"),
              _("Late"), _("Status"), _("Title")]
    widths = [45 * mm, 20 * mm, 20 * mm, 23 * mm, 11 * mm, 21 * mm]
    widths.append(p.frame_width - sum(widths))
    rows = [[para(o.number, st.cell_bold), f"{o.received_on:%d/%m/%y}",
             f"{o.due:%d/%m/%y}", _(WHAT[o.what]), fmt_int(o.working_days_late),
             i18n.label(i18n.STATUS_LABELS, o.status),
             o.title if o.title is not None else _("(confidential)")]
            for o in data.overdue]
    out.append(grid_table(header, rows, widths, st, align_right=(4,)))
    out.append(para(_("Late: working days past the deadline, as of {when}.").format(
        when=fmt_datetime(data.as_of, unit.timezone)), st.small))
    return out


def _notes(data: MonthlyData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    lines = [
        _("A report belongs to the month in which it was entered, in the unit's time zone."),
        _("Completion ratio: reports finished (closed at LAPOR!) out of all reports of the "
          "month except the rejected ones."),
        _("Working days leave out weekends, national holidays, cuti bersama and the unit's "
          "own days off. Deadlines: initial response {ra} working days, follow-up {tl} "
          "working days after the report was received.").format(
            ra=data.sla_respon_awal_days, tl=data.sla_tindak_lanjut_days),
        _("Initial response: the first step at LAPOR! after registration (verified, "
          "disposed, followed up ...). Follow-up: the first time LAPOR! reports the report "
          "as followed up, answered or finished."),
    ]
    lines += [_(NOTES.get(code, code)) for code in data.notes]
    out += [markup("• {line}", st.small, line=line) for line in lines]
    return [KeepTogether([para(_("How the figures are counted"), st.heading), *out])]


def story(data: MonthlyData, unit: UnitInfo, printed: PrintInfo, p: Paper
          ) -> list[Flowable]:
    st = styles(p)
    out: list[Flowable] = [*letterhead(unit, p, st), *copy_banner(printed, p, st)]
    out.append(para(_("MONTHLY REPORT"), st.centred_title))
    out.append(para(month_name(data.year, data.month), st.centred_title))
    out.append(para(_("As of {when}").format(when=fmt_datetime(data.as_of, unit.timezone)),
                    st.centred))
    out.append(gap(p, 0.8))
    out.append(_summary(data, p, st))

    classification = _labelled(i18n.CLASSIFICATION_LABELS, data.by_classification)
    channel = _labelled(i18n.CHANNEL_LABELS, data.by_channel)
    status = _labelled(i18n.STATUS_LABELS, data.by_status)
    category = [(name or _(NOT_SET), n) for _code, name, n in data.by_category]
    half = (p.frame_width - 6 * mm) / 2

    out.append(para(_("Reports by status"), st.heading))
    out.append(_side_by_side(
        _count_table(_("Status"), status, data.total, half, st),
        [bar_chart(_("Reports by status"), status, half, p.font_size * 0.8)], p))
    out.append(para(_("Reports by classification and channel"), st.heading))
    out.append(_side_by_side(
        _count_table(_("Classification"), classification, data.total, half, st),
        _count_table(_("Channel"), channel, data.total, half, st), p))
    out.append(gap(p, 0.5))
    out.append(KeepTogether([
        para(_("Reports by category"), st.heading),
        bar_chart(_("The {n} most frequent categories").format(n=TOP_CATEGORIES),
                  category[:TOP_CATEGORIES], p.frame_width, p.font_size * 0.8)]))
    out.append(gap(p, 0.5))
    out += _count_table(_("Category"), category, data.total, p.frame_width, st)
    out += _overdue(data, unit, p, st)
    out.append(gap(p, 0.5))
    out += _notes(data, st)
    return out


def render_monthly(data: MonthlyData, unit: UnitInfo, printed: PrintInfo) -> bytes:
    p = paper("a4")
    month = month_name(data.year, data.month)
    info = DocInfo(_("Monthly report {month}").format(month=month),
                   _("Monthly report of the suggestion box and reports"), unit, printed)
    return render(lambda pp: story(data, unit, printed, pp), p, info)
