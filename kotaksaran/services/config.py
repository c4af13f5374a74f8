"""Every setting declared once, with its type and default; values live in the settings table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ..domain.enums import Role
from ..domain.errors import KotakSaranError, NotFound
from ..store.models import Setting
from .context import ServiceBase


@dataclass(frozen=True)
class SettingSpec:
    key: str
    type: type
    default: Any
    description: str
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] | None = None


SPECS: dict[str, SettingSpec] = {
    s.key: s
    for s in (
        SettingSpec("review.allow_self_approval", bool, False,
                    "Allow a supervisor to approve a slip they typed (one-person offices)"),
        SettingSpec("ui.idle_lock_minutes", int, 10,
                    "Lock the window after this many idle minutes (0 = never)", 0, 480),
        SettingSpec("ui.autosave_seconds", int, 2,
                    "Save a draft this many seconds after the last keystroke", 1, 5),
        SettingSpec("ui.language", str, "id", "Language of the window", choices=("id", "en")),
        SettingSpec("auth.max_failed_logins", int, 5,
                    "Wrong passwords in a row before an account locks", 1, 100),
        SettingSpec("auth.lockout_minutes", int, 15, "How long a locked account stays locked",
                    1, 1440),
        SettingSpec("auth.min_password_length", int, 8, "Shortest password accepted", 4, 128),
        SettingSpec("desk.code", str, "",
                    "Desk code in local numbers, when an office runs several SQLite desks"),
        SettingSpec("numbering.prefix", str, "KS", "Prefix of local numbers"),
        SettingSpec("sla.respon_awal_days", int, 5, "Working days to the initial response", 1, 60),
        SettingSpec("sla.tindak_lanjut_days", int, 10, "Working days to the follow-up", 1, 60),
        SettingSpec("sla.auto_close_days", int, 10,
                    "Working days after a follow-up without reply before upstream closes", 1, 60),
        SettingSpec("sla.ombudsman_days", int, 60,
                    "Working days after which Ombudsman RI takes over", 1, 365),
        SettingSpec("calendar.include_cuti_bersama", bool, True,
                    "Count the government's cuti bersama days as days off"),
        SettingSpec("mode.demo", bool, False, "This data dir holds demo data"),
        # printed documents (kotaksaran/documents)
        SettingSpec("documents.receipt_size", str, "a6",
                    "Paper for receipts: an A6 sheet, or a 58 or 80 mm receipt roll",
                    choices=("a6", "58mm", "80mm")),
        SettingSpec("documents.tracking_url", str, "",
                    "Address in the QR code on receipts; {tracking_id} stands for the LAPOR! "
                    "tracking ID (empty = no QR code)"),
        SettingSpec("documents.status_board_days", int, 90,
                    "The status board lists the reports of this many past days", 1, 730),
        SettingSpec("cleanup.exif_orientation", bool, True,
                    "Turn imported photos as the camera recorded (EXIF orientation)"),
        SettingSpec("cleanup.cardinal_rotation", bool, True,
                    "Turn sideways and upside-down pages upright"),
        SettingSpec("cleanup.deskew", bool, True, "Straighten slightly skewed pages"),
        SettingSpec("cleanup.border_crop", bool, True,
                    "Remove dark scanner borders and crop the empty margins"),
        SettingSpec("cleanup.blank_detection", bool, True, "Recognise blank pages"),
        SettingSpec("cleanup.perspective", bool, True,
                    "Find the sheet in a phone photo and flatten it"),
        SettingSpec("intake.watch_folder", str, "",
                    "Folder the scanner saves into, imported automatically (empty = off)"),
        SettingSpec("intake.split_on_blank", bool, False,
                    "A blank page separates two slips in a scanned batch"),
        # sync upstream (kotaksaran/sync; the token is kept in the token store, not here)
        SettingSpec("sync.adapter", str, "exchange", "How reports are sent upstream",
                    choices=("exchange", "open311", "lapor_xml")),
        SettingSpec("sync.url", str, "", "Address of the upstream (https://...)"),
        SettingSpec("sync.ca_file", str, "",
                    "Extra certificate authority file (PEM) to trust for the upstream"),
        SettingSpec("sync.proxy", str, "", "Proxy server for sending (empty = none)"),
        SettingSpec("sync.timeout_seconds", int, 30, "Seconds to wait for the upstream", 1, 600),
        SettingSpec("sync.backoff_base_seconds", int, 30,
                    "First wait before sending a record again after a failure", 1, 3600),
        SettingSpec("sync.backoff_max_seconds", int, 3600,
                    "Longest wait between two tries of one record", 10, 86400),
        SettingSpec("sync.auto_resume_minutes", int, 5,
                    "Try waiting records again on its own every this many minutes (0 = off)",
                    0, 1440),
        SettingSpec("sync.lapor_mapping_file", str, "",
                    "LAPOR! XML field mapping file (empty = the built-in one)"),
        SettingSpec("sync.open311_mapping_file", str, "",
                    "Open311 service code mapping file (empty = the built-in one)"),
    )
}


class SettingError(KotakSaranError):
    code = "setting_invalid"


def parse_value(spec: SettingSpec, raw: Any) -> Any:
    """A typed value from a string (CLI) or a Python value (GUI)."""
    value: Any = raw
    if spec.type is bool:
        if isinstance(raw, str):
            low = raw.strip().lower()
            if low in {"1", "true", "ya", "yes", "on", "y"}:
                value = True
            elif low in {"0", "false", "tidak", "no", "off", "n"}:
                value = False
            else:
                raise SettingError(key=spec.key, value=raw)
        elif not isinstance(raw, bool):
            raise SettingError(key=spec.key, value=str(raw))
    elif spec.type is int:
        try:
            value = int(raw)
        except (TypeError, ValueError):
            raise SettingError(key=spec.key, value=str(raw)) from None
        if (spec.minimum is not None and value < spec.minimum) or (
            spec.maximum is not None and value > spec.maximum
        ):
            raise SettingError(key=spec.key, value=str(raw))
    else:
        value = str(raw).strip()
        if spec.choices and value not in spec.choices:
            raise SettingError(key=spec.key, value=value)
    return value


class ConfigService(ServiceBase):
    def spec(self, key: str) -> SettingSpec:
        try:
            return SPECS[key]
        except KeyError:
            raise NotFound(what="setting", ref=key) from None

    def get(self, key: str) -> Any:
        spec = self.spec(key)
        with self.store.read() as s:
            row = s.get(Setting, key)
            return spec.default if row is None else row.value

    def all(self) -> list[tuple[SettingSpec, Any]]:
        with self.store.read() as s:
            stored = {r.key: r.value for r in s.scalars(select(Setting))}
        return [(spec, stored.get(key, spec.default)) for key, spec in sorted(SPECS.items())]

    def set(self, key: str, raw: Any) -> Any:
        spec = self.spec(key)
        if key != "ui.language":
            self.require(Role.ADMIN, action="config_set")
        value = parse_value(spec, raw)
        with self.store.write() as s:
            row = s.get(Setting, key)
            old = spec.default if row is None else row.value
            if row is None:
                s.add(Setting(key=key, value=value, updated_at=self.now()))
            else:
                row.value = value
                row.updated_at = self.now()
            if old != value:
                self.audit(s, "config_set", "setting", key,
                           [{"field": key, "old": old, "new": value}])
        return value
