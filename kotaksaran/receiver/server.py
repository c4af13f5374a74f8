"""The reference receiver: the exchange API (docs/openapi.yaml) on aiohttp's web server, with
the LAPOR! XML and Open311 dialect modules mounted beside it when they are installed."""

from __future__ import annotations

import asyncio
import importlib
import json
import signal
import ssl
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import web

from ..store.db import Store
from .context import ReceiverContext
from .core import AttachmentRef, IncomingRecord, ReceiverCore, Refusal
from .faults import KINDS, Faults

API = "/v1"
DIALECTS = ("kotaksaran.receiver.open311", "kotaksaran.receiver.lapor_xml")
MAX_BODY = 40 * 1024 * 1024
_CTX = web.AppKey("ctx", ReceiverContext)


@dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8765
    tracking: str = "immediate"
    faults: float = 0.0
    seed: int | None = None
    cert: Path | None = None
    key: Path | None = None
    access_log: bool = False
    slow_seconds: float = 1.5
    fault_kinds: tuple[str, ...] = KINDS


def _errors(status: int, code: str, field: str | None = None, **extra: Any) -> web.Response:
    return web.json_response(Refusal(status, code, field, **extra).to_json(), status=status)


def _bearer(request: web.Request) -> str | None:
    auth = request.headers.get("Authorization", "")
    return auth[7:].strip() if auth.lower().startswith("bearer ") else None


async def _auth(request: web.Request) -> str | web.Response:
    ctx = request.app[_CTX]
    who = await ctx.sender(_bearer(request))
    if who is None:
        return _errors(401, "unauthorized")
    return who


async def ping(request: web.Request) -> web.Response:
    ctx = request.app[_CTX]
    return web.json_response({"ok": True, "api": 1, "tracking": ctx.tracking_mode})


async def upload_head(request: web.Request) -> web.Response:
    who = await _auth(request)
    if isinstance(who, web.Response):
        return who
    ctx = request.app[_CTX]
    offset = await ctx.run(ctx.core.upload_offset, request.match_info["sha256"])
    if offset is None:
        return web.Response(status=404, headers={"Upload-Offset": "0"})
    return web.Response(status=200, headers={"Upload-Offset": str(offset),
                                             "Cache-Control": "no-store"})


async def upload_patch(request: web.Request) -> web.Response:
    who = await _auth(request)
    if isinstance(who, web.Response):
        return who
    ctx = request.app[_CTX]
    sha = request.match_info["sha256"].lower()
    try:
        offset = int(request.headers.get("Upload-Offset", "0"))
        total = int(request.headers["Upload-Length"])
    except (KeyError, ValueError):
        return _errors(400, "invalid_field", "Upload-Length")
    chunk = await request.read()
    try:
        new_offset, complete = await ctx.run(ctx.core.append_upload, sha, offset, chunk, total)
    except Refusal as r:
        headers = {"Upload-Offset": str(r.extra["offset"])} if "offset" in r.extra else {}
        return web.json_response(r.to_json(), status=r.status, headers=headers)
    return web.Response(status=201 if complete else 204,
                        headers={"Upload-Offset": str(new_offset)})


async def _keep_partial(request: web.Request, chunk: bytes) -> None:
    """A reset mid-upload keeps what arrived, at the offset the client said."""
    ctx = request.app[_CTX]
    sha = request.match_info.get("sha256", "").lower()
    try:
        offset = int(request.headers.get("Upload-Offset", "0"))
    except ValueError:
        return
    held = await ctx.run(ctx.core.upload_offset, sha)
    if (held or 0) == offset:
        await ctx.run(ctx.core.keep_partial, sha, chunk)


def record_from_json(uuid: str, body: Any) -> IncomingRecord:
    if not isinstance(body, dict):
        raise Refusal(400, "invalid_field", "body")
    if str(body.get("uuid", "")).lower() != uuid:
        raise Refusal(422, "invalid_field", "uuid")
    try:
        revision = int(body.get("revision", 0))
    except (TypeError, ValueError):
        revision = 0
    if revision < 1:
        raise Refusal(422, "invalid_field", "revision")
    atts = []
    for a in body.get("attachments") or []:
        try:
            atts.append(AttachmentRef(str(a["sha256"]).lower(), str(a.get("name", "")),
                                      str(a.get("mime", "")), int(a.get("size", 0)),
                                      bool(a.get("redacted", False))))
        except (KeyError, TypeError, ValueError):
            raise Refusal(422, "invalid_field", "attachments") from None
    return IncomingRecord(uuid, revision, body, tuple(atts))


async def put_submission(request: web.Request) -> web.Response:
    who = await _auth(request)
    if isinstance(who, web.Response):
        return who
    ctx = request.app[_CTX]
    uuid = request.match_info["uuid"].lower()
    try:
        body = json.loads(await request.read())
    except ValueError:
        return _errors(400, "invalid_field", "body")
    try:
        rec = record_from_json(uuid, body)
        acc = await ctx.run(ctx.core.accept, rec, sender=who, dialect="exchange")
    except Refusal as r:
        return web.json_response(r.to_json(), status=r.status)
    return web.json_response(acc.to_json(), status=200 if acc.outcome == "repeat" else 201)


async def get_submission(request: web.Request) -> web.Response:
    who = await _auth(request)
    if isinstance(who, web.Response):
        return who
    ctx = request.app[_CTX]
    found = await ctx.run(ctx.core.find, uuid=request.match_info["uuid"].lower())
    if found is None:
        return _errors(404, "not_found")
    return web.json_response({"uuid": found.uuid, "revision": found.revision,
                              "tracking_id": found.tracking_id, "status": found.status})


async def get_changes(request: web.Request) -> web.Response:
    who = await _auth(request)
    if isinstance(who, web.Response):
        return who
    ctx = request.app[_CTX]
    try:
        since = int(request.query.get("since") or 0)
        limit = max(1, min(1000, int(request.query.get("limit") or 500)))
    except ValueError:
        return _errors(400, "invalid_field", "since")
    await ctx.run(ctx.core.assign_deferred)
    changes, cursor, more = await ctx.run(ctx.core.changes_since, since, limit)
    return web.json_response({"changes": [c.to_json() for c in changes],
                              "cursor": str(cursor), "more": more})


def build_app(store: Store, opts: ServeOptions) -> tuple[web.Application, Faults]:
    core = ReceiverCore(store, tracking=opts.tracking)
    ctx = ReceiverContext(core=core, tracking_mode=opts.tracking)
    faults = Faults(opts.faults, opts.seed, slow_seconds=opts.slow_seconds,
                    kinds=opts.fault_kinds)
    faults.partial_hooks["upload_patch"] = _keep_partial
    app = web.Application(middlewares=[faults.middleware()], client_max_size=MAX_BODY)
    app[_CTX] = ctx
    r = app.router
    r.add_get(f"{API}/ping", ping)
    r.add_route("HEAD", f"{API}/uploads/{{sha256:[0-9a-fA-F]{{64}}}}", upload_head)
    r.add_patch(f"{API}/uploads/{{sha256:[0-9a-fA-F]{{64}}}}", upload_patch,
                name="upload_patch")
    r.add_put(f"{API}/submissions/{{uuid}}", put_submission)
    r.add_get(f"{API}/submissions/{{uuid}}", get_submission)
    r.add_get(f"{API}/changes", get_changes)
    for name in DIALECTS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        setup: Callable[[web.Application, ReceiverContext], None] = module.setup
        setup(app, ctx)
    return app, faults


def tls_context(cert: Path, key: Path | None) -> ssl.SSLContext:
    from ..sync.errors import ReceiverError

    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        ctx.load_cert_chain(str(cert), str(key) if key else None)
    except (OSError, ssl.SSLError):
        raise ReceiverError("receiver_cert_missing", path=str(key or cert)) from None
    return ctx


async def serve(store: Store, opts: ServeOptions,
                announce: Callable[[dict[str, Any]], None]) -> dict[str, int]:
    """Run until SIGINT/SIGTERM; `announce` gets {"url", "host", "port"} once listening."""
    from ..sync.errors import ReceiverError

    app, faults = build_app(store, opts)
    tls = tls_context(opts.cert, opts.key) if opts.cert else None
    runner = (web.AppRunner(app, handle_signals=False) if opts.access_log
              else web.AppRunner(app, handle_signals=False, access_log=None))
    await runner.setup()
    site = web.TCPSite(runner, opts.host, opts.port, ssl_context=tls, shutdown_timeout=2.0)
    try:
        await site.start()
    except OSError:
        await runner.cleanup()
        raise ReceiverError("receiver_port_in_use", host=opts.host, port=opts.port) from None
    port = opts.port
    sockets = getattr(site._server, "sockets", None) or []
    if sockets:
        port = int(sockets[0].getsockname()[1])
    scheme = "https" if tls else "http"
    host = f"[{opts.host}]" if ":" in opts.host else opts.host
    announce({"url": f"{scheme}://{host}:{port}", "host": opts.host, "port": port})
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # Windows
            signal.signal(sig, lambda *_: loop.call_soon_threadsafe(stop.set))
    await stop.wait()
    await runner.cleanup()
    return dict(faults.counts)


def run(store: Store, opts: ServeOptions,
        announce: Callable[[dict[str, Any]], None] | None = None) -> dict[str, int]:
    def _print(info: dict[str, Any]) -> None:
        print(json.dumps(info), flush=True)

    if sys.platform == "win32":  # pragma: no cover
        asyncio.set_event_loop_policy(asyncio.WindowsSelectorEventLoopPolicy())  # type: ignore[attr-defined]
    return asyncio.run(serve(store, opts, announce or _print))
