"""The push run: claim due outbox items, send each through the adapter, record each outcome.

Crash safety comes from the order of the steps, not from luck:
1. claim a few items (`sending`, with a lease) — one committed transaction;
2. send one item — no transaction is open during network I/O;
3. record its outcome with the slip's status change and the audit events — one transaction.
A process killed between 1 and 3 leaves the item `sending`; the next run sends it again, and
the idempotency key (the submission's UUID) makes the upstream answer "already have it".
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from .adapters.base import Adapter, ResultKind, SendResult
from .outbox import QUARANTINED, RETRYING, Outbox, Outcome

Progress = Callable[[int, int, Outcome | None], None]
Cancel = Callable[[], bool]


@dataclass
class RunReport:
    batch_id: int
    batch: str
    queued: int = 0  # slips taken into the batch by this run
    tried: int = 0
    sent: int = 0  # upstream accepted in this run (registered or awaiting its id)
    registered: int = 0
    failed: int = 0  # left retrying
    quarantined: int = 0
    stopped_offline: bool = False
    cancelled: bool = False
    bytes_sent: int = 0
    outcomes: list[Outcome] = field(default_factory=list)
    last_problem: str | None = None


def _chunks(ids: Sequence[int], size: int) -> list[list[int]]:
    return [list(ids[i:i + size]) for i in range(0, len(ids), size)]


def send_one(outbox: Outbox, adapter: Adapter, item_id: int) -> SendResult:
    """Build, send and return the result of one claimed item (never raises for a send)."""
    try:
        item = outbox.outgoing(item_id)
    except Exception as exc:  # a missing page image, say: the record cannot be built now
        code = getattr(exc, "code", "")
        reason = "pages_unchecked" if str(code).startswith("privacy_") else "internal"
        return SendResult.retry(reason, detail=f"{type(exc).__name__}: {exc}"[:500])

    def progress(state: Mapping[str, Any]) -> None:
        outbox.save_progress(item_id, state)

    try:
        return adapter.send(item, progress)
    except Exception as exc:  # an adapter bug must not stop the batch
        return SendResult.retry("internal", detail=f"{type(exc).__name__}: {exc}"[:500])


def run_push(outbox: Outbox, adapter: Adapter, report: RunReport, *, manual: bool,
             reclaim_all: bool, passes: int = 3, pass_pause: float = 0.5, chunk: int = 16,
             offline_limit: int = 3, progress: Progress | None = None,
             cancel: Cancel | None = None, sleep: Callable[[float], None] = time.sleep,
             workers: int | None = None) -> RunReport:
    """Send every due item; a manual push gives items that failed for a passing reason a few
    more passes in the same run. Up to `workers` (default: the adapter's `parallel`) records
    are in flight at once; each outcome is recorded as soon as it is known. Fills and returns
    `report`."""
    ids = outbox.due(manual=manual, reclaim_all=reclaim_all)
    total = len(ids)
    done = 0
    offline_run = 0
    stop = threading.Event()
    if progress:
        progress(0, total, None)
    final: dict[int, Outcome] = {}
    n_workers = max(1, workers or adapter.parallel)

    def work(item_id: int) -> tuple[int, SendResult | None, Outcome | None]:
        if stop.is_set() or (cancel is not None and cancel()):
            stop.set()
            return item_id, None, None
        result = send_one(outbox, adapter, item_id)
        return item_id, result, outbox.record(item_id, result, bytes_sent=result.bytes_sent)

    with ThreadPoolExecutor(max_workers=n_workers, thread_name_prefix="sync") as pool:
        for pass_no in range(max(1, passes if manual else 1)):
            if pass_no > 0:
                ids = [i for i, o in final.items() if o.state == RETRYING]
                if not ids or stop.is_set():
                    break
                sleep(pass_pause * pass_no)
            for part in _chunks(ids, chunk):
                if stop.is_set():
                    break
                claimed = outbox.claim(part, reclaim_all=reclaim_all or pass_no > 0)
                untried: list[int] = []
                for item_id, result, outcome in pool.map(work, claimed):
                    if result is None or outcome is None:
                        untried.append(item_id)
                        continue
                    report.tried += 1
                    report.bytes_sent += result.bytes_sent
                    final[item_id] = outcome
                    if result.ok:
                        report.sent += 1
                        if result.kind == ResultKind.REGISTERED:
                            report.registered += 1
                    if result.kind == ResultKind.RETRY:
                        report.last_problem = outcome.problem
                    if pass_no == 0:
                        done += 1
                        if progress:
                            progress(done, total, outcome)
                    offline_run = offline_run + 1 if result.offline else 0
                    if offline_run >= offline_limit:
                        report.stopped_offline = True
                        stop.set()
                if untried:
                    outbox.release(untried)
                if stop.is_set() and not report.stopped_offline:
                    report.cancelled = True
    report.outcomes = list(final.values())
    report.failed = sum(1 for o in final.values() if o.state == RETRYING)
    report.quarantined = sum(1 for o in final.values() if o.state == QUARANTINED)
    return report
