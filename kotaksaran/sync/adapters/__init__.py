"""Upstream adapters behind one interface (see base.py), chosen by the `sync.adapter` setting.

Adapters are imported lazily by code, so that a dialect module (Open311, LAPOR! XML) is only
loaded when it is used. Each adapter class takes one `AdapterConfig`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .base import (
    Adapter,
    AdapterInfo,
    Attachment,
    KnownItem,
    OutgoingItem,
    PullResult,
    ResultKind,
    SendResult,
    StatusChange,
    UploadProgress,
)

__all__ = [
    "ADAPTERS",
    "Adapter",
    "AdapterConfig",
    "AdapterInfo",
    "Attachment",
    "KnownItem",
    "OutgoingItem",
    "PullResult",
    "ResultKind",
    "SendResult",
    "StatusChange",
    "UploadProgress",
    "create_adapter",
]

# code -> "module:Class". The HTTP adapters; the file bundle is not a push target of the
# engine (it has its own export/import commands) but uses the same outbox batches.
ADAPTERS: dict[str, str] = {
    "exchange": "kotaksaran.sync.adapters.exchange:ExchangeAdapter",
    "open311": "kotaksaran.sync.adapters.open311:Open311Adapter",
    "lapor_xml": "kotaksaran.sync.adapters.lapor_xml:LaporXmlAdapter",
}


@dataclass(frozen=True)
class AdapterConfig:
    """Everything an adapter needs for one run; built by the sync service from settings.

    `token` comes from the token store (keyring / 0600 file), never from the settings table.
    `options` holds every `sync.*` setting by its key (e.g. options["sync.open311_service_code"]),
    so a dialect can read its own keys without a change here.
    """

    url: str
    token: str | None = None
    ca_file: str | None = None
    proxy: str | None = None
    timeout: float = 30.0
    unit_code: str = ""
    data_dir: Path | None = None
    demo: bool = False
    options: dict[str, Any] = field(default_factory=dict)


def create_adapter(code: str, config: AdapterConfig) -> Adapter:
    from ..errors import SyncConfigError

    target = ADAPTERS.get(code)
    if target is None:
        raise SyncConfigError("sync_adapter_unknown", adapter=code)
    module_name, _, cls_name = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            raise SyncConfigError("sync_adapter_unknown", adapter=code) from None
        raise
    cls = getattr(module, cls_name)
    adapter: Adapter = cls(config)
    return adapter
