"""HTTP for every adapter: one place for the security rules and for reading failures.

- HTTPS with certificate verification, always; a custom CA file may be added (an office
  behind an inspecting proxy, a city relay with its own CA). Verification cannot be turned off.
- Plain http:// only to a loopback address (127.0.0.0/8, ::1, localhost).
- A proxy from the settings, or none (the environment's proxy variables are not used, so what
  Pengaturan shows is what happens).
- A timeout on every call (connect, read, write, pool).

`classify_exception` and `classify_status` turn what went wrong into a `SendResult` with a
problem code (sync/errors.py); adapters use them so that every dialect reports the same way.
"""

from __future__ import annotations

import ipaddress
import ssl
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import httpx

from .adapters.base import SendResult
from .errors import SyncConfigError

USER_AGENT = "KotakSaranDigital/1"


def is_loopback_host(host: str | None) -> bool:
    if not host:
        return False
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, *, demo: bool = False) -> str:
    """The upstream URL, or a typed error saying why it cannot be used."""
    url = (url or "").strip()
    if not url:
        raise SyncConfigError("sync_url_missing")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncConfigError("sync_url_invalid", url=url)
    if parts.username or parts.password:
        # a secret in the URL would end up in the settings table and in batch records
        raise SyncConfigError("sync_url_invalid", url=f"{parts.scheme}://{parts.hostname}")
    loopback = is_loopback_host(parts.hostname)
    if parts.scheme == "http" and not loopback:
        raise SyncConfigError("sync_plain_http", url=url)
    if demo and not loopback:
        raise SyncConfigError("sync_demo_upstream")
    return url.rstrip("/")


def ssl_context(ca_file: str | None) -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    try:
        import certifi

        ctx.load_verify_locations(certifi.where())
    except ImportError:  # pragma: no cover - certifi comes with httpx
        pass
    if ca_file:
        try:
            ctx.load_verify_locations(ca_file)
        except (OSError, ssl.SSLError):
            raise SyncConfigError("sync_ca_file_missing", path=ca_file) from None
    ctx.check_hostname = True
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx


def make_client(url: str, *, ca_file: str | None = None, proxy: str | None = None,
                timeout: float = 30.0, headers: Mapping[str, str] | None = None,
                demo: bool = False) -> httpx.Client:
    """An httpx client for one upstream; the caller closes it."""
    base = check_url(url, demo=demo)
    hdrs = {"User-Agent": USER_AGENT}
    hdrs.update(headers or {})
    proxy_url = (proxy or "").strip() or None
    if proxy_url is not None:
        p = urlsplit(proxy_url)
        if p.scheme not in ("http", "https", "socks5") or not p.hostname:
            raise SyncConfigError("sync_url_invalid", url=proxy_url)
    return httpx.Client(
        base_url=base,
        verify=ssl_context(ca_file),
        proxy=proxy_url,
        trust_env=False,
        timeout=httpx.Timeout(timeout, connect=min(timeout, 15.0)),
        headers=hdrs,
        follow_redirects=False,
        limits=httpx.Limits(max_connections=8, max_keepalive_connections=8),
    )


def classify_exception(exc: BaseException) -> SendResult:
    """A transport failure as a retryable problem (never a refusal: the record is fine)."""
    detail = f"{type(exc).__name__}: {exc}"[:500]
    if isinstance(exc, httpx.ProxyError):
        return SendResult.retry("proxy_failed", detail=detail, offline=True)
    if isinstance(exc, httpx.ConnectTimeout):
        return SendResult.retry("offline", detail=detail, offline=True)
    if isinstance(exc, httpx.TimeoutException):
        return SendResult.retry("timeout", detail=detail)
    if isinstance(exc, httpx.ConnectError):
        if _is_tls_failure(exc):
            return SendResult.retry("tls_failed", detail=detail, offline=True)
        return SendResult.retry("offline", detail=detail, offline=True)
    if isinstance(exc, httpx.TransportError):  # read/write errors, resets, protocol errors
        return SendResult.retry("connection_lost", detail=detail)
    if isinstance(exc, ssl.SSLError):
        return SendResult.retry("tls_failed", detail=detail, offline=True)
    return SendResult.retry("internal", detail=detail)


def _is_tls_failure(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return True
        text = str(seen)
        if "CERTIFICATE_VERIFY_FAILED" in text or "SSL" in text:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def retry_after_seconds(response: httpx.Response) -> float | None:
    raw = response.headers.get("Retry-After")
    if not raw:
        return None
    try:
        return max(0.0, min(float(raw), 24 * 3600.0))
    except ValueError:
        return None


def classify_status(response: httpx.Response) -> SendResult | None:
    """Statuses that mean the same for every dialect; None for those the adapter reads."""
    code = response.status_code
    detail = f"HTTP {code}: {response.text[:300]}" if code >= 400 else None
    if code in (401, 403):
        return SendResult.retry("auth_failed", detail=detail, offline=True)
    if code in (429, 503):
        return SendResult.retry("server_busy", detail=detail,
                                retry_after=retry_after_seconds(response))
    if code == 407:
        return SendResult.retry("proxy_failed", detail=detail, offline=True)
    if code in (408, 502, 504):
        return SendResult.retry("timeout", detail=detail)
    if code >= 500:
        return SendResult.retry("server_error", detail=detail)
    return None


def json_body(response: httpx.Response) -> Any:
    """The JSON of an answer, or None when it is not JSON."""
    try:
        return response.json()
    except ValueError:
        return None
