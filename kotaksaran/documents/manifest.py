"""Manifest of one sync batch (A4): what went upstream, the tracking IDs that came back, and
what failed with the operator's sentence of what to fix. Local numbers only, no personal data.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..i18n import N_, _
from .data import ManifestData, PrintInfo, UnitInfo
from .style import (
    DocInfo,
    Paper,
    copy_banner,
    fields_table,
    fmt_datetime,
    fmt_int,
    gap,
    grid_table,
    letterhead,
    paper,
    para,
    render,
    styles,
    tracking,
)

KINDS = {
    "push": N_("sending over the network"),
    "bundle_export": N_("bundle file (USB)"),
    "bundle_import": N_("bundle file received"),
    "received": N_("received by this relay"),
}
STATES = {
    "pending": N_("waiting"),
    "sending": N_("being sent"),
    "retrying": N_("will be retried"),
    "done": N_("sent"),
    "quarantined": N_("refused"),
}
RESULTS = {
    "registered": N_("registered"),
    "accepted": N_("accepted, tracking ID later"),
}


def _state_text(state: str, result: str | None) -> str:
    text = _(STATES.get(state, state))
    if state == "done" and result:
        text += f" ({_(RESULTS.get(result, result))})"
    return text


def story(data: ManifestData, unit: UnitInfo, printed: PrintInfo, p: Paper
          ) -> list[Flowable]:
    st = styles(p)
    tz = unit.timezone
    out: list[Flowable] = [*letterhead(unit, p, st), *copy_banner(printed, p, st)]
    out.append(para(_("SYNC BATCH MANIFEST"), st.centred_title))
    out.append(gap(p, 0.4))
    done = data.count("done")
    registered = sum(1 for i in data.items if i.state == "done" and i.tracking_id)
    waiting = data.count("pending", "sending", "retrying")
    refused = data.count("quarantined")
    rows: list[tuple[str, Flowable | str]] = [
        (_("Batch"), f"{data.batch_id} · {data.batch_uuid}"),
        (_("Kind"), _(KINDS.get(data.kind, data.kind))),
        (_("Way of sending"), data.adapter),
        (_("Destination"), data.target or "—"),
        (_("Started"), fmt_datetime(data.created_at, tz)),
        (_("Finished"), fmt_datetime(data.finished_at, tz) if data.finished_at
         else _("not finished")),
        (_("Operator"), data.created_by),
        (_("Reports in the batch"), fmt_int(len(data.items))),
        (_("Sent"), _("{done} (of which {registered} with a tracking ID)").format(
            done=fmt_int(done), registered=fmt_int(registered))),
        (_("Still to send"), fmt_int(waiting)),
        (_("Refused"), fmt_int(refused)),
    ]
    out.append(fields_table(rows, p, st, label_ratio=0.28))
    out.append(gap(p, 0.6))
    if not data.items:
        out.append(para(_("This batch holds no reports."), st.body))
        return out
    header = [_("No."), _("Receipt number"), _("State"), _("LAPOR! tracking number"),
              _("Tries"), _("Remark")]
    widths = [9 * mm, 44 * mm, 26 * mm, 26 * mm, 23 * mm]
    widths.append(p.frame_width - sum(widths))
    rows_out = []
    for n, item in enumerate(data.items, 1):
        remark = item.problem or ""
        if item.state == "retrying" and item.next_try_at is not None:
            remark = (remark + " " if remark else "") + _("Next try: {when}.").format(
                when=fmt_datetime(item.next_try_at, tz))
        rows_out.append([
            str(n), para(item.number, st.cell_bold), _state_text(item.state, item.result),
            tracking(item.tracking_id) if item.tracking_id else "—",
            str(item.attempts), remark or "—",
        ])
    out.append(grid_table(header, rows_out, widths, st, align_right=(0, 4)))
    return out


def render_manifest(data: ManifestData, unit: UnitInfo, printed: PrintInfo) -> bytes:
    p = paper("a4")
    info = DocInfo(_("Sync batch manifest {batch}").format(batch=data.batch_id),
                   _("Manifest of a sync batch"), unit, printed)
    return render(lambda pp: story(data, unit, printed, pp), p, info)
