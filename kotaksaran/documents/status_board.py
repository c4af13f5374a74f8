"""Papan status: a notice-board sheet (A4) of local numbers and LAPOR! tracking IDs with
their current status, so that people can find their receipt number and see how far their
report got. It carries no personal data at all, and no title of a rahasia slip.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from .. import i18n
from ..i18n import _
from .data import PrintInfo, StatusBoardData, UnitInfo
from .style import (
    DocInfo,
    Paper,
    copy_banner,
    fmt_date,
    fmt_datetime,
    fmt_int,
    fmt_short_date,
    gap,
    grid_table,
    letterhead,
    markup,
    paper,
    para,
    render,
    styles,
    tracking,
)

# What each local status means to a citizen reading the board.
MEANINGS = {
    "draft": i18n.N_("being entered at the office"),
    "verified": i18n.N_("checked, waiting for approval"),
    "returned": i18n.N_("being corrected at the office"),
    "rejected": i18n.N_("not forwarded (not a report, or a duplicate)"),
    "approved": i18n.N_("approved, waiting to be sent"),
    "queued": i18n.N_("waiting to be sent"),
    "sent": i18n.N_("sent to LAPOR!, waiting for a tracking ID"),
    "registered": i18n.N_("registered at LAPOR!"),
    "closed": i18n.N_("finished"),
}


def status_text(status: str, upstream: str | None) -> str:
    """The local status, and the status at LAPOR! as received when there is one."""
    local = i18n.label(i18n.STATUS_LABELS, status)
    if upstream and upstream.strip() and upstream.strip().lower() != local.lower():
        return f"{local} — {upstream.strip()}"
    return local


def story(data: StatusBoardData, unit: UnitInfo, printed: PrintInfo, p: Paper
          ) -> list[Flowable]:
    st = styles(p)
    out: list[Flowable] = [*letterhead(unit, p, st), *copy_banner(printed, p, st)]
    out.append(para(_("STATUS OF REPORTS"), st.centred_title))
    out.append(para(_("As of {when}").format(when=fmt_datetime(data.as_of, unit.timezone,
                                                                weekday=True)), st.centred))
    out.append(gap(p, 0.6))
    intro = _("Find the number on your receipt. The list shows no names or other personal "
              "data.")
    if data.since is not None:
        intro += " " + _("Reports received since {date}.").format(date=fmt_date(data.since))
    out.append(para(intro, st.body))
    out.append(gap(p, 0.5))
    if not data.rows:
        out.append(para(_("No reports to show."), st.body))
        return out

    # The status comes before the title: it is what people look for.
    header = [_("Receipt number"), _("LAPOR! tracking number"), _("Received"), _("Status")]
    widths = [46 * mm, 32 * mm, 23 * mm]
    rest = p.frame_width - sum(widths)
    if data.show_titles:
        header.append(_("Title"))
        widths += [rest * 0.5, rest * 0.5]
    else:
        widths.append(rest)
    rows = []
    for r in data.rows:
        row: list[Flowable | str] = [
            para(r.number, st.cell_bold),
            tracking(r.tracking_id) if r.tracking_id else "—",
            fmt_short_date(r.received_on),
            status_text(r.status, r.upstream_status),
        ]
        if data.show_titles:
            row.append(r.title if r.title is not None else _("(confidential)"))
        rows.append(row)
    out.append(grid_table(header, rows, widths, st))
    out.append(gap(p, 0.8))
    out.append(markup(_("<b>{count}</b> reports listed."), st.small,
                      count=fmt_int(len(data.rows))))
    out.append(gap(p, 0.4))
    out.append(para(_("What the statuses mean"), st.heading))
    shown = sorted({r.status for r in data.rows}, key=list(MEANINGS).index)
    for code in shown:
        out.append(markup("<b>{label}</b>: {meaning}", st.small,
                          label=i18n.label(i18n.STATUS_LABELS, code),
                          meaning=_(MEANINGS[code])))
    out.append(gap(p, 0.4))
    out.append(para(_("Questions? Ask at the service desk and bring your receipt."), st.small))
    return out


def render_status_board(data: StatusBoardData, unit: UnitInfo, printed: PrintInfo) -> bytes:
    p = paper("a4")
    info = DocInfo(_("Status of reports"), _("Status of reports for the notice board"), unit,
                   printed)
    return render(lambda pp: story(data, unit, printed, pp), p, info)
