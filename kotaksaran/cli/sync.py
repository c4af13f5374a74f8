"""Commands: sync, bundle, receiver (SP4N-LAPOR! and the exchange API)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..i18n import N_, _
from ..receiver import FAULT_KINDS as KINDS
from .base import (
    CommandFactory,
    UsageError,
    _json_flag,
    cmd_help,
    local_time,
    note,
    out,
    print_json,
    services,
    shorten,
    table,
    unit_tz,
)

STATE_LABELS = {
    "pending": N_("waiting"),
    "sending": N_("sending"),
    "retrying": N_("will retry"),
    "done": N_("done"),
    "quarantined": N_("quarantined"),
}


def _state(code: str) -> str:
    return _(STATE_LABELS.get(code, code))


# --- sync push / pull / status -------------------------------------------------------------
def cmd_sync_push(args: argparse.Namespace) -> int:
    with services(args) as svc:
        progress = None
        if not args.json and sys.stderr.isatty():
            def progress(done: int, total: int, _outcome: Any) -> None:
                print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)
        report = svc.sync.push(url=args.url, scheduled=args.scheduled, progress=progress)
        if progress is not None:
            print(file=sys.stderr)
        if args.json:
            data = report.to_json()
            data["items"] = [i.to_json() for i in report.items]
            print_json(data)
        elif report.batch is None:
            out(_("Nothing to send: no approved slips and no records waiting."))
        else:
            out(_("Batch {batch}: {queued} slips taken in; {sent} accepted upstream "
                  "({registered} with a tracking ID), {failed} will be tried again, "
                  "{quarantined} quarantined; {pending} still waiting.").format(
                **report.to_json()))
            for item in report.items:
                if item.state in ("retrying", "quarantined") and item.problem:
                    out(f"  {item.number}: {item.problem}")
        if report.stopped_offline:
            note(_("Sending stopped: {problem}").format(problem=report.problem or ""))
            return 1
    return 0


def cmd_sync_pull(args: argparse.Namespace) -> int:
    with services(args) as svc:
        report = svc.sync.pull(url=args.url)
        if args.json:
            print_json(report.to_json())
        else:
            out(_("{changes} changes pulled: {updated} slips updated, {registered} registered, "
                  "{closed} closed; {unknown} not known here.").format(**report.to_json()))
    return 0


def cmd_sync_status(args: argparse.Namespace) -> int:
    with services(args) as svc:
        status = svc.sync.status(limit=args.limit, item_limit=None if args.all else 200)
        last = svc.sync.last_times()
        if args.json:
            data = status.to_json()
            data["last_push"], data["last_pull"] = last["push"], last["pull"]
            print_json(data)
            return 0
        tz = unit_tz(svc)
        counts = status.counts
        out(_("Outbox: {pending} waiting, {sending} sending, {retrying} to retry, {done} done, "
              "{quarantined} quarantined.").format(
            **{k: counts.get(k, 0) for k in STATE_LABELS}))
        if status.batches:
            out()
            out(_("Batches:"))
            table([[b.uuid[:8], local_time(b.created_at, tz), b.adapter, b.created_by,
                    ", ".join(f"{_state(k)} {v}" for k, v in sorted(b.counts.items())) or "-"]
                   for b in status.batches],
                  [_("Batch"), _("Time"), _("Via"), _("By"), _("Items")])
        shown = [i for i in status.items if args.all or i.state != "done"]
        if shown:
            out()
            out(_("Items:"))
            table([[i.number, _state(i.state), str(i.attempts),
                    i.tracking_id or (local_time(i.next_try_at, tz) if i.next_try_at else "-"),
                    shorten(i.problem or "", 90)] for i in shown],
                  [_("Number"), _("State"), _("Tries"), _("Tracking ID / next try"),
                   _("Problem")])
    return 0


# --- receiver ------------------------------------------------------------------------------
def _receiver_dir(args: argparse.Namespace) -> Path:
    if not getattr(args, "explicit_data_dir", False):
        raise UsageError(_("the receiver needs its own data folder: give --data-dir"))
    path: Path = args.data_dir
    return path


def cmd_receiver(args: argparse.Namespace) -> int:
    from ..receiver.datadir import open_receiver_store
    from ..receiver.server import ServeOptions, run

    if bool(args.cert) != bool(args.key) and args.key:
        raise UsageError(_("--key needs --cert"))
    store = open_receiver_store(_receiver_dir(args), args.db_url, unit_code=args.unit_code)
    try:
        counts = run(store, ServeOptions(
            host=args.host, port=args.port, tracking=args.tracking, faults=args.faults,
            seed=args.seed, cert=args.cert, key=args.key, access_log=args.access_log,
            slow_seconds=args.slow_max, fault_kinds=_kinds(args.fault_kinds)))
    finally:
        store.dispose()
    if counts:
        note(_("Faults injected: {counts}").format(
            counts=", ".join(f"{k} {v}" for k, v in sorted(counts.items()))))
    return 0


def cmd_receiver_set_status(args: argparse.Namespace) -> int:
    from ..receiver.core import ReceiverCore
    from ..receiver.datadir import open_receiver_store

    store = open_receiver_store(_receiver_dir(args), args.db_url)
    try:
        found = ReceiverCore(store).set_status(args.tracking_id, args.status)
    finally:
        store.dispose()
    if args.json:
        print_json({"tracking_id": found.tracking_id, "uuid": found.uuid,
                    "status": found.status, "number": found.number})
    else:
        out(_("{tracking_id} ({number}) is now '{status}'.").format(
            tracking_id=found.tracking_id, number=found.number, status=found.status))
    return 0


def cmd_receiver_add_unit(args: argparse.Namespace) -> int:
    import re

    from ..receiver.core import ReceiverCore
    from ..receiver.datadir import open_receiver_store
    from ..sync.errors import ReceiverError

    unit = args.unit.strip().upper()
    if not re.fullmatch(r"[A-Z0-9][A-Z0-9-]{0,39}", unit):
        raise ReceiverError("receiver_token_unit", unit=args.unit)
    store = open_receiver_store(_receiver_dir(args), args.db_url)
    try:
        token = ReceiverCore(store).add_unit(unit)
    finally:
        store.dispose()
    if args.json:
        print_json({"unit": unit, "token": token})
    else:
        out(_("API token for {unit} (shown only this once; enter it in that office's "
              "Settings > Sync):").format(unit=unit))
        out(token)
    return 0


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(_("'{value}' is not a port number").format(value=text))
    return value


def _kinds(text: str) -> tuple[str, ...]:
    kinds = tuple(k.strip() for k in text.split(",") if k.strip())
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise UsageError(_("unknown fault kind: {kinds}").format(kinds=", ".join(unknown)))
    return kinds


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a rate between 0 and 1").format(value=text))
    return value


def register(command: CommandFactory) -> None:
    """Add this module's commands to the parser."""
    sync = command("sync", _("send approved slips upstream and pull statuses back"), cmd_help)
    sub = sync.add_subparsers(dest="sync_command", metavar=_("COMMAND"))
    p = command("push", _("send every approved slip and every waiting record now"),
                cmd_sync_push, sub)
    p.add_argument("--scheduled", action="store_true",
                   help=_("for a scheduled task: only records whose retry time has come"))
    p.add_argument("--url", metavar="URL",
                   help=_("talk to the exchange API at this address for this run"))
    _json_flag(p)
    p = command("pull", _("pull tracking IDs and follow-up statuses"), cmd_sync_pull, sub)
    p.add_argument("--url", metavar="URL",
                   help=_("talk to the exchange API at this address for this run"))
    _json_flag(p)
    p = command("status", _("batches and outbox records"), cmd_sync_status, sub)
    p.add_argument("--all", action="store_true", help=_("also list records already done"))
    p.add_argument("--limit", type=int, default=20, help=_("batches to list (default: 20)"))
    _json_flag(p)

    rcv = command("receiver", _("run the reference receiver of the exchange API (a city "
                                "relay, or a test upstream)"), cmd_receiver)
    rcv.add_argument("--host", default="127.0.0.1",
                     help=_("address to listen on (default: 127.0.0.1, this computer only)"))
    rcv.add_argument("--port", type=_port, default=8765,
                     help=_("port (default: 8765; 0 picks a free one)"))
    rcv.add_argument("--tracking", choices=("immediate", "deferred", "relay"),
                     default="immediate",
                     help=_("hand out tracking IDs at once (default), later, or not at all "
                            "(a relay that pushes onward)"))
    rcv.add_argument("--faults", type=_rate, default=0.0, metavar=_("RATE"),
                     help=_("share of requests that get an injected fault (0-1)"))
    rcv.add_argument("--seed", type=int, default=None, help=_("random seed of the faults"))
    rcv.add_argument("--fault-kinds", default=",".join(KINDS), metavar=_("KINDS"),
                     help=_("which faults, comma-separated (default: all of {kinds})").format(
                         kinds=", ".join(KINDS)))
    rcv.add_argument("--slow-max", type=float, default=1.5, metavar=_("SECONDS"),
                     help=_("longest delay of a slow answer (default: 1.5)"))
    rcv.add_argument("--cert", type=Path, metavar=_("FILE"),
                     help=_("TLS certificate (PEM): serve https"))
    rcv.add_argument("--key", type=Path, metavar=_("FILE"), help=_("TLS private key (PEM)"))
    rcv.add_argument("--unit-code", default="RELAY",
                     help=_("unit code of a new receiver data folder (default: RELAY)"))
    rcv.add_argument("--access-log", action="store_true", help=_("log every request"))
    rsub = rcv.add_subparsers(dest="receiver_command", metavar=_("COMMAND"))
    p = command("set-status", _("play the upstream: give a report a new status"),
                cmd_receiver_set_status, rsub)
    p.add_argument("tracking_id", metavar=_("TRACKING_ID"))
    p.add_argument("status", metavar=_("STATUS"), help=_("e.g. 'Terdisposisi', 'Selesai'"))
    _json_flag(p)
    p = command("add-unit", _("make an API token for a sending unit"), cmd_receiver_add_unit,
                rsub)
    p.add_argument("unit", metavar=_("UNIT"), help=_("the sending unit's code"))
    _json_flag(p)

