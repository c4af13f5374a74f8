"""The LAPOR! XML stream as publicly observed, driven by a mapping file (not by code).

The real integration schema is given only to agency developer accounts; what is public is
one 2018 client posting ``<lapor token="..."><pelapor>…</pelapor><laporan rahasia anonim>
<isi/></laporan></lapor>`` to ``api/stream/addstream`` and reading ``trackingid`` and
``transaksiid`` from the reply. So every element name, the endpoint paths and the reply's
names live in a TOML file: `resources/sync/lapor_xml.toml` is the built-in one; an agency
that receives the real schema copies it, edits it and points the setting
``sync.lapor_mapping_file`` at the copy (or drops it into ``<data dir>/sync/lapor_xml.toml``).

The same mapping works both ways: the adapter builds XML from the canonical record, and the
reference receiver's LAPOR! route reads that XML back into a canonical record.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .bundle_errors import DialectConfigInvalid

CONFIG_NAME = "lapor_xml.toml"
SETTING_KEY = "sync.lapor_mapping_file"
TRANSFORMS = ("text", "bool01", "first_name", "last_name", "const")


def resources_dir() -> Path:
    root = os.environ.get("KOTAKSARAN_RESOURCES")
    base = Path(root) if root else Path(__file__).resolve().parents[2] / "resources"
    return base / "sync"


def find_config(name: str, explicit: str | None, data_dir: Path | None) -> Path:
    """The explicit file (a setting), else `<data dir>/sync/<name>`, else the built-in one."""
    if explicit:
        return Path(explicit).expanduser()
    if data_dir is not None and (Path(data_dir) / "sync" / name).is_file():
        return Path(data_dir) / "sync" / name
    return resources_dir() / name


def load_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise DialectConfigInvalid(file=str(path), detail="file not found") from None
    except OSError as exc:
        raise DialectConfigInvalid(file=str(path), detail=exc.strerror or str(exc)) from None
    except tomllib.TOMLDecodeError as exc:
        raise DialectConfigInvalid(file=str(path), detail=str(exc)) from None


@dataclass(frozen=True)
class FieldMap:
    """One XML node filled from one place in the canonical record."""

    to: str  # "pelapor/email" (element) or "laporan/@rahasia" (attribute), below the root
    source: str  # dotted path in the record: "reporter.email", "rahasia", "category.code"
    transform: str = "text"
    value: str = ""  # for transform "const"
    slip_field: str | None = None  # the slip's field an upstream refusal of this node means


@dataclass(frozen=True)
class LaporMapping:
    path: Path
    submit_path: str
    status_path: str
    content_type: str
    root: str
    token_attribute: str
    fields: tuple[FieldMap, ...]
    attachments_to: str | None
    attachment_attrs: Mapping[str, str]
    response: Mapping[str, str]
    error_codes: Mapping[str, str]
    status_feed: Mapping[str, str]
    extra: Mapping[str, Any] = field(default_factory=dict)

    def slip_field_for(self, upstream_field: str | None) -> str | None:
        """The slip field behind an element name the upstream complained about."""
        if not upstream_field:
            return None
        name = upstream_field.strip().lstrip("@").lower()
        for f in self.fields:
            last = f.to.rsplit("/", 1)[-1].lstrip("@").lower()
            if name in (f.to.lower(), last):
                return f.slip_field
        return None


def _slip_field(source: str) -> str | None:
    head, _, rest = source.partition(".")
    if head == "reporter" and rest:
        return f"reporter_{rest}"
    if head in ("category", "agency"):
        return f"{head}_id"
    if head == "attachments":
        return "attachments"
    return head or None


def load_mapping(path: Path) -> LaporMapping:
    raw = load_toml(path)
    file = str(path)

    def need(table: Mapping[str, Any], key: str, where: str) -> str:
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            raise DialectConfigInvalid(file=file, detail=f"[{where}] {key} is missing")
        return value.strip()

    endpoint = raw.get("endpoint") or {}
    document = raw.get("document") or {}
    fields: list[FieldMap] = []
    for i, row in enumerate(raw.get("field") or []):
        if not isinstance(row, dict):
            raise DialectConfigInvalid(file=file, detail=f"[[field]] #{i + 1}")
        transform = str(row.get("as", "text"))
        if transform not in TRANSFORMS:
            raise DialectConfigInvalid(file=file,
                                       detail=f"[[field]] #{i + 1}: unknown as = '{transform}'")
        to = need(row, "to", f"field #{i + 1}")
        if to.startswith("/") or "//" in to or to.count("@") > 1 or (
                "@" in to and not to.rsplit("/", 1)[-1].startswith("@")):
            raise DialectConfigInvalid(file=file, detail=f"[[field]] #{i + 1}: to = '{to}'")
        source = str(row.get("from", "")).strip()
        if transform != "const" and not source:
            raise DialectConfigInvalid(file=file, detail=f"[[field]] #{i + 1}: from is missing")
        fields.append(FieldMap(to=to, source=source, transform=transform,
                               value=str(row.get("value", "")),
                               slip_field=row.get("field") or _slip_field(source)))
    if not fields:
        raise DialectConfigInvalid(file=file, detail="no [[field]] entries")
    attachments = raw.get("attachments") or {}
    enabled = bool(attachments.get("enabled", True))
    return LaporMapping(
        path=path,
        submit_path=need(endpoint, "submit", "endpoint"),
        status_path=str(endpoint.get("status", "")).strip(),
        content_type=str(endpoint.get("content_type", "text/xml; charset=utf-8")),
        root=need(document, "root", "document"),
        token_attribute=str(document.get("token_attribute", "token")),
        fields=tuple(fields),
        attachments_to=str(attachments.get("to", "")).strip() or None if enabled else None,
        attachment_attrs={k: str(attachments.get(k, d)) for k, d in (
            ("name_attribute", "nama"), ("mime_attribute", "tipe"),
            ("sha256_attribute", "sha256"))},
        response={k: str(v) for k, v in (raw.get("response") or {}).items()
                  if isinstance(v, str)},
        error_codes={str(k): str(v) for k, v in
                     ((raw.get("response") or {}).get("error_codes") or {}).items()},
        status_feed={k: str(v) for k, v in (raw.get("status_feed") or {}).items()},
        extra={k: v for k, v in raw.items()
               if k not in ("endpoint", "document", "field", "attachments", "response",
                            "status_feed")},
    )


def mapping_for(options: Mapping[str, Any], data_dir: Path | None) -> LaporMapping:
    explicit = options.get(SETTING_KEY)
    return load_mapping(find_config(CONFIG_NAME, str(explicit) if explicit else None, data_dir))


# --- record paths ---------------------------------------------------------------------------
def get_path(record: Mapping[str, Any], path: str) -> Any:
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def set_path(record: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    target = record
    for part in parts[:-1]:
        nxt = target.get(part)
        if not isinstance(nxt, dict):
            nxt = {}
            target[part] = nxt
        target = nxt
    target[parts[-1]] = value


def _split_name(name: str) -> tuple[str, str]:
    words = name.split()
    if not words:
        return "", ""
    return words[0], " ".join(words[1:])


def _render(f: FieldMap, record: Mapping[str, Any]) -> str:
    if f.transform == "const":
        return f.value
    value = get_path(record, f.source)
    if f.transform == "bool01":
        return "1" if value else "0"
    if value is None:
        return ""
    if f.transform in ("first_name", "last_name"):
        first, last = _split_name(str(value))
        return first if f.transform == "first_name" else last
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


# --- building (the adapter) -----------------------------------------------------------------
def _node(root: ET.Element, path: str) -> tuple[ET.Element, str | None]:
    """The element for `path` (created on the way), and the attribute name if it names one."""
    parts = path.split("/")
    attr = parts[-1][1:] if parts[-1].startswith("@") else None
    if attr is not None:
        parts = parts[:-1]
    el = root
    for part in parts:
        child = el.find(part)
        if child is None:
            child = ET.SubElement(el, part)
        el = child
    return el, attr


@dataclass(frozen=True)
class XmlAttachment:
    name: str
    mime: str
    sha256: str
    data: bytes


def build_submission(mapping: LaporMapping, record: Mapping[str, Any],
                     attachments: Sequence[XmlAttachment], token: str | None) -> bytes:
    root = ET.Element(mapping.root)
    if token and mapping.token_attribute:
        root.set(mapping.token_attribute, token)
    for f in mapping.fields:
        el, attr = _node(root, f.to)
        text = _render(f, record)
        if attr is not None:
            el.set(attr, text)
        else:
            el.text = text
    if mapping.attachments_to and attachments:
        parent_path, _, leaf = mapping.attachments_to.rpartition("/")
        parent = _node(root, parent_path)[0] if parent_path else root
        names = mapping.attachment_attrs
        for a in attachments:
            el = ET.SubElement(parent, leaf)
            el.set(names["name_attribute"], a.name)
            el.set(names["mime_attribute"], a.mime)
            el.set(names["sha256_attribute"], a.sha256)
            el.text = base64.b64encode(a.data).decode("ascii")
    return _xml_bytes(root)


def _xml_bytes(root: ET.Element) -> bytes:
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body


# --- reading (the receiver) -----------------------------------------------------------------
class XmlRejected(ValueError):
    """XML that is refused before it is parsed (a DTD, not UTF-8) or cannot be parsed."""


def safe_parse(body: bytes) -> ET.Element:
    """Parse XML from the network: UTF-8 only and no DTD at all (no entity expansion)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise XmlRejected("not UTF-8") from exc
    lowered = text.lower()
    if "<!doctype" in lowered or "<!entity" in lowered:
        raise XmlRejected("DTD not allowed")
    try:
        return ET.fromstring(text.lstrip("\ufeff"))
    except ET.ParseError as exc:
        raise XmlRejected(str(exc)) from exc


def _read_node(root: ET.Element, path: str) -> str | None:
    parts = path.split("/")
    attr = parts[-1][1:] if parts[-1].startswith("@") else None
    if attr is not None:
        parts = parts[:-1]
    el: ET.Element | None = root
    for part in parts:
        el = el.find(part) if el is not None else None
    if el is None:
        return None
    return el.get(attr) if attr is not None else (el.text or "")


@dataclass(frozen=True)
class ParsedSubmission:
    token: str | None
    record: dict[str, Any]
    attachments: tuple[XmlAttachment, ...]


def parse_submission(mapping: LaporMapping, body: bytes) -> ParsedSubmission:
    root = safe_parse(body)
    if root.tag != mapping.root:
        raise XmlRejected(f"root element is <{root.tag}>, not <{mapping.root}>")
    record: dict[str, Any] = {}
    for f in mapping.fields:
        if f.transform == "const":
            continue
        raw = _read_node(root, f.to)
        if f.transform == "bool01":
            set_path(record, f.source, (raw or "").strip() in ("1", "true", "ya"))
            continue
        value = (raw or "").strip()
        if f.transform in ("first_name", "last_name"):
            current = get_path(record, f.source) or ""
            joined = (f"{current} {value}" if f.transform == "last_name"
                      else f"{value} {current}").strip()
            set_path(record, f.source, joined or None)
            continue
        set_path(record, f.source, value or None)
    attachments: list[XmlAttachment] = []
    if mapping.attachments_to:
        parent_path, _, leaf = mapping.attachments_to.rpartition("/")
        parent = root.find(parent_path) if parent_path else root
        names = mapping.attachment_attrs
        for el in parent.findall(leaf) if parent is not None else []:
            try:
                data = base64.b64decode((el.text or "").encode("ascii"), validate=True)
            except (binascii.Error, ValueError, UnicodeEncodeError) as exc:
                raise XmlRejected("attachment is not base64") from exc
            sha = el.get(names["sha256_attribute"]) or hashlib.sha256(data).hexdigest()
            if hashlib.sha256(data).hexdigest() != sha:
                raise XmlRejected("attachment does not match its sha256")
            attachments.append(XmlAttachment(name=el.get(names["name_attribute"], "page"),
                                             mime=el.get(names["mime_attribute"],
                                                         "application/octet-stream"),
                                             sha256=sha, data=data))
    token = root.get(mapping.token_attribute) if mapping.token_attribute else None
    return ParsedSubmission(token=token, record=_prune(record),
                            attachments=tuple(attachments))


def _prune(record: dict[str, Any]) -> dict[str, Any]:
    """Blocks whose every value is empty (no agency, no category, no reporter) become None,
    as in the record that was sent."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            inner = _prune(value)
            out[key] = inner if any(v is not None for v in inner.values()) else None
        else:
            out[key] = value
    return out


# --- answers --------------------------------------------------------------------------------
def _name(mapping: LaporMapping, key: str, default: str) -> str:
    return mapping.response.get(key, default)


def build_answer(mapping: LaporMapping, values: Mapping[str, str | None]) -> bytes:
    """The reply document: `values` keyed by the response names' keys (tracking_id, ...)."""
    root = ET.Element(_name(mapping, "root", "response"))
    for key, value in values.items():
        if value is not None:
            ET.SubElement(root, _name(mapping, key, key)).text = str(value)
    return _xml_bytes(root)


def parse_answer(mapping: LaporMapping, body: bytes) -> dict[str, str]:
    """The reply's values by our keys (tracking_id, transaction_id, status, error_code,
    error_field, message); XML (anywhere in the tree) or, failing that, a JSON object."""
    keys = ("tracking_id", "transaction_id", "status", "error_code", "error_field", "message")
    out: dict[str, str] = {}
    try:
        root = safe_parse(body)
    except XmlRejected:
        import json

        try:
            data = json.loads(body)
        except ValueError:
            return out
        if isinstance(data, Mapping):
            for key in keys:
                value = data.get(_name(mapping, key, key))
                if value is not None:
                    out[key] = str(value)
        return out
    for key in keys:
        name = _name(mapping, key, key)
        el = root if root.tag == name else root.find(f".//{name}")
        if el is not None and (el.text or "").strip():
            out[key] = (el.text or "").strip()
        elif root.get(name):
            out[key] = str(root.get(name))
    return out


# --- the status feed ------------------------------------------------------------------------
@dataclass(frozen=True)
class FeedEntry:
    local_id: str | None
    tracking_id: str | None
    status: str | None
    at: str | None


def _feed(mapping: LaporMapping, key: str, default: str) -> str:
    return mapping.status_feed.get(key, default)


def build_status_feed(mapping: LaporMapping, entries: Iterable[FeedEntry],
                      cursor: str | None, more: bool) -> bytes:
    root = ET.Element(_feed(mapping, "root", "statuses"))
    if cursor is not None:
        root.set(_feed(mapping, "cursor", "cursor"), cursor)
    root.set(_feed(mapping, "more", "more"), "1" if more else "0")
    for e in entries:
        el = ET.SubElement(root, _feed(mapping, "item", "laporan"))
        for key, value in (("local_id", e.local_id), ("tracking_id", e.tracking_id),
                           ("status", e.status), ("at", e.at)):
            if value is not None:
                el.set(_feed(mapping, key, key), value)
    return _xml_bytes(root)


def parse_status_feed(mapping: LaporMapping, body: bytes
                      ) -> tuple[list[FeedEntry], str | None, bool]:
    root = safe_parse(body)
    entries = [
        FeedEntry(local_id=el.get(_feed(mapping, "local_id", "local_id")),
                  tracking_id=el.get(_feed(mapping, "tracking_id", "tracking_id")),
                  status=el.get(_feed(mapping, "status", "status")),
                  at=el.get(_feed(mapping, "at", "at")))
        for el in root.iter(_feed(mapping, "item", "laporan"))
    ]
    return (entries, root.get(_feed(mapping, "cursor", "cursor")),
            root.get(_feed(mapping, "more", "more")) == "1")
