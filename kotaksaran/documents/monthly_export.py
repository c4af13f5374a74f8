"""The monthly report's figures as CSV and XLSX, for the city's own spreadsheets.

Both hold the same rows as the PDF. The CSV is one table in "long" form (section, code,
label, value), UTF-8 with a byte-order mark so that spreadsheet programs read the Indonesian
text right; the XLSX has one sheet per section. Codes stay stable whatever the language;
labels follow the language. The output is the same bytes for the same figures.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime

from .. import i18n
from ..i18n import N_, _
from .data import MonthlyData
from .style import month_name

SECTIONS = {
    "summary": N_("Summary"),
    "classification": N_("Classification"),
    "category": N_("Category"),
    "channel": N_("Channel"),
    "status": N_("Status"),
    "overdue": N_("Overdue"),
}
SUMMARY = {
    "total": N_("Reports received"),
    "completed": N_("Finished"),
    "completion_base": N_("Reports counted for completion (all but rejected)"),
    "completion_ratio": N_("Completion ratio (finished / counted)"),
    "avg_days_respon_awal": N_("Average working days to the initial response"),
    "respon_awal_measured": N_("Reports with an initial response"),
    "avg_days_tindak_lanjut": N_("Average working days to the follow-up"),
    "tindak_lanjut_measured": N_("Reports with a follow-up"),
    "overdue": N_("Overdue reports"),
}
NOT_SET = N_("(not set)")
WHAT = {"respon_awal": N_("initial response"), "tindak_lanjut": N_("follow-up")}


@dataclass(frozen=True)
class Figure:
    section: str
    code: str
    label: str
    value: int | float | str | None


def _label(table: dict[str, str], code: str) -> str:
    if code == "":
        return _(NOT_SET)
    return i18n.label(table, code)


def figures(data: MonthlyData) -> list[Figure]:
    """Every figure of the report, in the order the PDF shows them."""
    ratio = data.completion_ratio
    summary: dict[str, int | float | None] = {
        "total": data.total,
        "completed": data.completed,
        "completion_base": data.completion_base,
        "completion_ratio": round(ratio, 4) if ratio is not None else None,
        "avg_days_respon_awal": _round(data.avg_days_respon_awal),
        "respon_awal_measured": data.respon_awal_measured,
        "avg_days_tindak_lanjut": _round(data.avg_days_tindak_lanjut),
        "tindak_lanjut_measured": data.tindak_lanjut_measured,
        "overdue": len(data.overdue),
    }
    out = [Figure("summary", k, _(SUMMARY[k]), v) for k, v in summary.items()]
    out += [Figure("classification", c or "", _label(i18n.CLASSIFICATION_LABELS, c), n)
            for c, n in data.by_classification]
    out += [Figure("category", code, name or _(NOT_SET), n)
            for code, name, n in data.by_category]
    out += [Figure("channel", c, _label(i18n.CHANNEL_LABELS, c), n) for c, n in data.by_channel]
    out += [Figure("status", c, _label(i18n.STATUS_LABELS, c), n) for c, n in data.by_status]
    out += [Figure("overdue", o.number, _(WHAT[o.what]), o.working_days_late)
            for o in data.overdue]
    return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def to_csv(data: MonthlyData) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["month", "section", "code", "label", "value"])
    month = f"{data.year:04d}-{data.month:02d}"
    for f in figures(data):
        writer.writerow([month, f.section, f.code, f.label, "" if f.value is None else f.value])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_xlsx(data: MonthlyData) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    fixed = data.as_of.astimezone(UTC).replace(tzinfo=None, microsecond=0)
    wb.properties.creator = "Kotak Saran Digital"
    wb.properties.title = _("Monthly report {month}").format(
        month=month_name(data.year, data.month))
    wb.properties.created = fixed
    wb.properties.modified = fixed
    first = True
    rows = figures(data)
    for section, title in SECTIONS.items():
        ws = wb.active if first else wb.create_sheet()
        assert ws is not None
        first = False
        ws.title = _(title)[:31]
        if section == "overdue":
            header = [_("Receipt number"), _("Received"), _("Due"), _("Overdue for"),
                      _("Working days late"), _("Status")]
            ws.append(header)
            for o in data.overdue:
                ws.append([o.number, o.received_on, o.due, _(WHAT[o.what]),
                           o.working_days_late, i18n.label(i18n.STATUS_LABELS, o.status)])
            for row in ws.iter_rows(min_row=2, min_col=2, max_col=3):
                for cell in row:
                    cell.number_format = "yyyy-mm-dd"
        else:
            ws.append([_("Code"), _("Item"), _("Value")])
            for f in rows:
                if f.section == section:
                    ws.append([f.code, f.label, f.value])
            if section == "summary":
                for row in ws.iter_rows(min_row=2, min_col=3, max_col=3):
                    for cell in row:
                        if isinstance(cell.value, float):
                            cell.number_format = "0.00"
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for column in ws.columns:
            width = max(len(str(c.value)) if c.value is not None else 0 for c in column)
            ws.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))
    raw = io.BytesIO()
    wb.save(raw)
    return _fixed_zip(raw.getvalue(), fixed)


def _fixed_zip(data: bytes, when: datetime) -> bytes:
    """The same workbook with every zip entry and its "modified" property stamped `when`
    (openpyxl uses the clock for both)."""
    stamp = (max(1980, when.year), when.month, when.day, when.hour, when.minute,
             when.second - when.second % 2)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" at save
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    lambda m: m.group(1) + when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                    + m.group(2), content)
            dst.writestr(entry, content)
    return out.getvalue()
