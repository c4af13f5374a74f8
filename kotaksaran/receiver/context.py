"""What the receiver hands its route modules (the exchange API and the dialects)."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from .core import ReceiverCore

T = TypeVar("T")


@dataclass
class ReceiverContext:
    core: ReceiverCore
    tracking_mode: str

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Blocking work (the database, the blob store) off the event loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, functools.partial(fn, *args, **kwargs))

    async def sender(self, token: str | None) -> str | None:
        """The sending unit of a token: "" when the receiver is open (no unit configured),
        None when the token is missing or unknown (answer 401/403 in the dialect's shape)."""
        return await self.run(self.core.sender, token)
