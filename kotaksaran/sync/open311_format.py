"""Open311 GeoReport v2: a slip as a service request, and back (for the reference receiver).

GeoReport v2 (`POST requests`): `service_code`, one of `lat`+`long` / `address_string` /
`address_id`, `description` (at most 4,000 characters), `first_name`, `last_name`, `email`,
`phone`, `media_url`, `api_key`, and `attribute[<code>]` for what a service definition adds.
Bodies are form-encoded UTF-8; a server answers `[{"service_request_id": …}]` or, for batch
servers, `[{"token": …}]` and later `GET tokens/<token>` gives the id. Errors are a list of
`{code, description}`.

The mapping (service codes, the description template, which attributes carry the slip's
UUID, classification and flags) lives in `resources/sync/open311.toml`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .bundle_errors import DialectConfigInvalid
from .lapor_xml_format import find_config, load_toml

CONFIG_NAME = "open311.toml"
SETTING_KEY = "sync.open311_mapping_file"
ATTRIBUTE_KEYS = ("uuid", "revision", "classification", "anonim", "rahasia", "event_date",
                  "agency", "unit")


@dataclass(frozen=True)
class Open311Mapping:
    path: Path
    default_service_code: str
    description: str
    max_description: int
    attributes: Mapping[str, str]  # our key -> attribute code ("" = not sent)
    media: str  # "multipart" | "none"
    service_codes: Mapping[str, str]  # category code -> service_code
    status_text: Mapping[str, str]  # "open"/"closed" -> text

    def service_code(self, record: Mapping[str, Any]) -> str:
        category = record.get("category") or {}
        for c in (category, category.get("parent") or {}):
            code = c.get("code") if isinstance(c, Mapping) else None
            if code and code in self.service_codes:
                return self.service_codes[code]
        return self.default_service_code

    def field_for_attribute(self, code: str | None) -> str | None:
        """The slip field an `attribute[code]` carries (for a refusal naming it)."""
        fields = {"classification": "classification", "event_date": "event_date",
                  "agency": "agency_id", "anonim": "anonim", "rahasia": "rahasia",
                  "unit": "unit"}
        for key, attr in self.attributes.items():
            if attr and code and attr.lower() == code.lower():
                return fields.get(key)
        return None

    def category_for(self, service_code: str) -> str | None:
        """The first category code mapped to a service code (receiver side)."""
        return next((c for c, s in self.service_codes.items() if s == service_code), None)

    def services(self) -> list[dict[str, Any]]:
        """The GET services answer of the reference receiver."""
        codes = sorted({*self.service_codes.values(), self.default_service_code})
        return [{"service_code": c, "service_name": c.replace("-", " ").title(),
                 "description": "", "metadata": False, "type": "realtime",
                 "keywords": "", "group": ""} for c in codes]


def load_mapping(path: Path) -> Open311Mapping:
    raw = load_toml(path)
    request = raw.get("request") or {}
    file = str(path)
    default = str(request.get("default_service_code", "")).strip()
    if not default:
        raise DialectConfigInvalid(file=file, detail="[request] default_service_code is missing")
    media = str(request.get("media", "multipart"))
    if media not in ("multipart", "none"):
        raise DialectConfigInvalid(file=file, detail=f"[request] media = '{media}'")
    try:
        max_description = int(request.get("max_description", 4000))
    except (TypeError, ValueError):
        raise DialectConfigInvalid(file=file, detail="[request] max_description") from None
    attributes = {k: str(request.get(f"{k}_attribute", "")).strip() for k in ATTRIBUTE_KEYS}
    for code in attributes.values():
        if code and not re.fullmatch(r"[A-Za-z0-9_.-]{1,60}", code):
            raise DialectConfigInvalid(file=file, detail=f"attribute name '{code}'")
    return Open311Mapping(
        path=path,
        default_service_code=default,
        description=str(request.get("description", "{title}\n\n{body}")),
        max_description=max_description,
        attributes=attributes,
        media=media,
        service_codes={str(k): str(v) for k, v in (raw.get("service_codes") or {}).items()},
        status_text={str(k): str(v) for k, v in (raw.get("status") or {}).items()},
    )


def mapping_for(options: Mapping[str, Any], data_dir: Path | None) -> Open311Mapping:
    explicit = options.get(SETTING_KEY)
    return load_mapping(find_config(CONFIG_NAME, str(explicit) if explicit else None, data_dir))


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def description(mapping: Open311Mapping, record: Mapping[str, Any]) -> str:
    values = _Blank({k: ("" if v is None else v) for k, v in record.items()
                     if isinstance(v, str | int | float | bool) or v is None})
    text = mapping.description.format_map(values)
    # A line left empty by a missing value ("Tanggal kejadian: ") is dropped.
    lines = [ln for ln in text.split("\n") if not re.fullmatch(r"[^:]+:\s*", ln)]
    return "\n".join(lines).strip()


def form_fields(mapping: Open311Mapping, record: Mapping[str, Any],
                api_key: str | None) -> list[tuple[str, str]]:
    """The form fields of `POST requests` for one record (order kept for readability)."""
    out: list[tuple[str, str]] = []
    if api_key:
        out.append(("api_key", api_key))
    out.append(("service_code", mapping.service_code(record)))
    out.append(("description", description(mapping, record)))
    out.append(("address_string", str(record.get("location") or "")))
    reporter = record.get("reporter") or {}
    if reporter:
        name = str(reporter.get("name") or "").split()
        if name:
            out.append(("first_name", name[0]))
            if len(name) > 1:
                out.append(("last_name", " ".join(name[1:])))
        for key in ("email", "phone"):
            if reporter.get(key):
                out.append((key, str(reporter[key])))
    values: dict[str, Any] = {
        "uuid": record.get("uuid"),
        "revision": record.get("revision"),
        "classification": record.get("classification"),
        "anonim": "1" if record.get("anonim") else "0",
        "rahasia": "1" if record.get("rahasia") else "0",
        "event_date": record.get("event_date"),
        "agency": (record.get("agency") or {}).get("code"),
        "unit": (record.get("unit") or {}).get("code"),
    }
    for key, code in mapping.attributes.items():
        if code and values.get(key) not in (None, ""):
            out.append((f"attribute[{code}]", str(values[key])))
    return out


_DESCRIPTION_DATE = re.compile(r"\n*Tanggal kejadian:\s*(\d{4}-\d{2}-\d{2})\s*$")


def record_from_form(mapping: Open311Mapping, form: Mapping[str, str]) -> dict[str, Any]:
    """The canonical record rebuilt from a `POST requests` form (the reference receiver)."""
    attrs = {code: form.get(f"attribute[{code}]") for code in mapping.attributes.values()
             if code}

    def attr(key: str) -> str | None:
        code = mapping.attributes.get(key, "")
        value = attrs.get(code) if code else None
        return value.strip() if value else None

    text = form.get("description", "").replace("\r\n", "\n").strip()
    event_date = attr("event_date")
    found = _DESCRIPTION_DATE.search(text)
    if found:
        event_date = event_date or found.group(1)
        text = text[:found.start()].rstrip()
    title, _, body = text.partition("\n")
    body = body.strip()
    if not body:
        title, body = title[:120], title
    name = " ".join(x for x in (form.get("first_name", ""), form.get("last_name", "")) if x)
    reporter = {"name": name or None, "email": form.get("email") or None,
                "phone": form.get("phone") or None, "nik": None, "address": None}
    category_code = mapping.category_for(form.get("service_code", ""))
    revision = attr("revision")
    return {
        "uuid": attr("uuid"),
        "revision": int(revision) if revision and revision.isdigit() else 1,
        "classification": attr("classification"),
        "title": title.strip(),
        "body": body,
        "event_date": event_date,
        "location": form.get("address_string") or _latlong(form),
        "agency": {"code": attr("agency")} if attr("agency") else None,
        "category": {"code": category_code} if category_code else None,
        "service_code": form.get("service_code"),
        "anonim": attr("anonim") == "1",
        "rahasia": attr("rahasia") == "1",
        "reporter": reporter if any(reporter.values()) else None,
        "unit": {"code": attr("unit")} if attr("unit") else None,
        "channel": "lainnya",
    }


def _latlong(form: Mapping[str, str]) -> str:
    lat, lon = form.get("lat"), form.get("long")
    return f"{lat},{lon}" if lat and lon else ""


# --- errors: an Open311 error description -> (problem code, slip field) -------------------------
_FIELD_WORDS = (
    ("service_code", "category_id"),
    ("description", "body"),
    ("address", "location"),
    ("lat", "location"),
    ("email", "reporter_email"),
    ("phone", "reporter_phone"),
    ("first_name", "reporter_name"),
    ("last_name", "reporter_name"),
    ("media", "attachments"),
    ("attribute[", None),
)


def problem_of(errors: Any) -> tuple[str, str | None]:
    """Read `[{"code", "description"}]`: which problem code, and which slip field."""
    first = errors[0] if isinstance(errors, list) and errors else errors
    desc = str(first.get("description", "")) if isinstance(first, Mapping) else ""
    low = desc.lower()
    field: str | None = None
    for word, slip_field in _FIELD_WORDS:
        if word in low:
            field = slip_field
            if word == "attribute[":
                m = re.search(r"attribute\[([^\]]+)\]", low)
                field = m.group(1) if m else None
            break
    if "too long" in low or "terlalu panjang" in low or "4000" in low:
        return "too_long", field
    if "required" in low or "missing" in low or "wajib" in low:
        return "missing_field", field
    if "not found" in low or "unknown" in low or "tidak dikenal" in low or "invalid" in low:
        if field == "category_id" or "service_code" in low:
            return "unknown_value", "category_id"
        return ("invalid_field" if "invalid" in low else "unknown_value"), field
    return "refused", field


def error_list(code: int, problem: str, field: str | None, text: str = "") -> list[dict[str, Any]]:
    """The receiver's error answer: GeoReport's list of {code, description}."""
    words = {"category_id": "service_code", "body": "description", "location": "address_string",
             "reporter_email": "email", "reporter_phone": "phone", "attachments": "media"}
    name = words.get(field or "", field or "request")
    sentences = {"unknown_value": f"{name} not found (unknown value)",
                 "invalid_field": f"{name} is invalid",
                 "missing_field": f"{name} is required",
                 "too_long": f"{name} is too long",
                 "stale_revision": "a newer revision of this request exists",
                 "attachment_rejected": "media not accepted"}
    return [{"code": code, "description": text or sentences.get(problem, "request refused")}]
