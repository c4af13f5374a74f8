"""A city relay: office -> relay receiver -> upstream receiver, all through the command line
(separate processes), and statuses flowing back down the same way. The relay's data dir is an
ordinary data dir: the app lists what arrived and pushes it onward with the same outbox."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kotaksaran.store.db import DB_FILE, DataDir, open_store
from kotaksaran.store.models import Page, Submission
from tests.sync_support import ROOT, cli, env, expected_pages, receiver, seed_approved


def _run(*args: str) -> Any:
    done = subprocess.run(cli(*args), env=env(), cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout) if "--json" in args else done.stdout


def test_office_relay_upstream_and_back(sqlite_template: Path, tmp_path: Path) -> None:
    office = tmp_path / "office"
    DataDir(office).create()
    shutil.copy(sqlite_template, office / DB_FILE)
    store = open_store(office)
    uuids = seed_approved(store, 4)
    sent_pages = expected_pages(store)
    store.dispose()
    relay, upstream = tmp_path / "relay", tmp_path / "upstream"

    with receiver(relay, "--tracking", "relay") as rel:
        pushed = _run("--data-dir", str(office), "sync", "push", "--url", rel.url, "--json")
        assert {"batch", "sent", "failed", "quarantined"} <= set(pushed)
        assert (pushed["sent"], pushed["failed"], pushed["quarantined"]) == (4, 0, 0)
        assert pushed["registered"] == 0  # a relay hands out no tracking IDs itself
        status = _run("--data-dir", str(office), "sync", "status", "--json")
        assert status["batches"][0]["id"] == pushed["batch"]
        assert {i["state"] for i in status["items"]} == {"done"}

        # The city desk reviews what arrived with the app itself ...
        listed = _run("--data-dir", str(relay), "list", "--status", "approved", "--json")
        rows = listed["items"] if isinstance(listed, dict) else listed
        assert sorted(r["id"] if "id" in r else r["uuid"] for r in rows) == sorted(uuids)
        rstore = open_store(relay, migrate=False)
        with rstore.read() as s:
            for sub in s.scalars(select(Submission)):
                shas = [p.blob_sha256 for p in sub.pages]
                assert shas == sent_pages[sub.uuid]
                assert all(isinstance(p, Page) and p.width > 0 for p in sub.pages)
        rstore.dispose()

        # ... and pushes it onward with the same outbox.
        with receiver(upstream) as up:
            onward = _run("--data-dir", str(relay), "sync", "push", "--url", up.url, "--json")
            assert (onward["sent"], onward["registered"]) == (4, 4)
            ustore = open_store(upstream, migrate=False)
            with ustore.read() as s:
                tracking = {u: t for u, t in s.execute(
                    select(Submission.uuid, Submission.tracking_id))}
            ustore.dispose()
            assert sorted(tracking) == sorted(uuids)
            _run("--data-dir", str(upstream), "receiver", "set-status", tracking[uuids[0]],
                 "Selesai")
            at_relay = _run("--data-dir", str(relay), "sync", "pull", "--url", up.url,
                            "--json")
            assert at_relay["closed"] == 1 and at_relay["unknown"] == 0

        at_office = _run("--data-dir", str(office), "sync", "pull", "--url", rel.url, "--json")
        assert (at_office["registered"], at_office["closed"]) == (4, 1)
        again = _run("--data-dir", str(office), "sync", "pull", "--url", rel.url, "--json")
        assert again["changes"] == 0

    store = open_store(office)
    with store.read() as s:
        got = {u: (st, t) for u, st, t in s.execute(
            select(Submission.uuid, Submission.status, Submission.tracking_id)
            .where(Submission.uuid.in_(uuids)))}
    store.dispose()
    assert got[uuids[0]] == ("closed", tracking[uuids[0]])
    assert all(got[u] == ("registered", tracking[u]) for u in uuids[1:])


def test_a_pull_tolerates_records_the_upstream_does_not_know(tmp_path: Path) -> None:
    demo = tmp_path / "demo"
    _run("--data-dir", str(demo), "demo", "--count", "40", "--json")
    with receiver(tmp_path / "rcv") as r:
        pulled = _run("--data-dir", str(demo), "sync", "pull", "--url", r.url, "--json")
    assert pulled["changes"] == 0 and pulled["unknown"] == 0
