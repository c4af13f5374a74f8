"""Fault injection (`--faults RATE --seed N`): a bad link and a bad server, reproducibly.

Of the requests, RATE get one fault, drawn from a seeded generator:

- `drop`       the connection is closed before anything is done or answered;
- `error500`   a 500 answer, nothing done;
- `slow`       the answer comes late (a short sleep), otherwise normal;
- `reset`      part of the body is read (an upload keeps those bytes, as a real server
               whose connection broke would), then the connection is cut;
- `duplicate`  the request is processed twice, as if it had been delivered twice;
- `lost_reply` the request is processed, then the connection is cut before the answer
               (the client cannot know it arrived: the case idempotency exists for).

`GET /v1/ping` is never faulted, so a client can tell "up" from "down".
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from . import FAULT_KINDS

KINDS = FAULT_KINDS
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
PartialHook = Callable[[web.Request, bytes], Awaitable[None]]


class Faults:
    def __init__(self, rate: float, seed: int | None = None, *, slow_seconds: float = 1.5,
                 kinds: tuple[str, ...] = KINDS) -> None:
        self.rate = max(0.0, min(1.0, rate))
        self.rng = random.Random(seed)
        self.slow_seconds = slow_seconds
        self.kinds = kinds
        self.counts: Counter[str] = Counter()
        self.partial_hooks: dict[str, PartialHook] = {}

    def draw(self) -> str | None:
        if self.rate <= 0 or self.rng.random() >= self.rate:
            return None
        return self.rng.choice(self.kinds)

    def middleware(self) -> Any:
        @web.middleware
        async def inject(request: web.Request, handler: Handler) -> web.StreamResponse:
            if request.path.endswith("/ping"):
                return await handler(request)
            kind = self.draw()
            if kind is None:
                return await handler(request)
            self.counts[kind] += 1
            if kind == "drop":
                _cut(request)
                raise _Dropped()
            if kind == "error500":
                await request.read()
                return web.json_response({"errors": [{"code": "injected_fault"}]}, status=500)
            if kind == "slow":
                await asyncio.sleep(self.rng.uniform(0.2, self.slow_seconds))
                return await handler(request)
            if kind == "reset":
                await self._reset(request)
                raise _Dropped()
            if kind == "duplicate":
                await request.read()
                await handler(request)
                return await handler(request)
            # lost_reply
            await handler(request)
            _cut(request)
            raise _Dropped()

        return inject

    async def _reset(self, request: web.Request) -> None:
        length = request.content_length or 0
        take = int(length * self.rng.uniform(0.1, 0.9)) if length else 0
        chunk = await request.content.readexactly(take) if take else b""
        route = request.match_info.route.name or ""
        hook = self.partial_hooks.get(route)
        if hook is not None and chunk:
            await hook(request, chunk)
        _cut(request)


class _Dropped(web.HTTPException):
    """Ends the handler after the connection was cut (nothing more is written)."""

    status_code = 499


def _cut(request: web.Request) -> None:
    transport = request.transport
    if transport is not None:
        transport.abort()
