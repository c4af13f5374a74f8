"""Small rules of sync: status words, backoff, address checks, operator sentences."""

from __future__ import annotations

import random

import httpx
import pytest

from kotaksaran import i18n
from kotaksaran.domain.enums import Status
from kotaksaran.sync.adapters.base import ResultKind
from kotaksaran.sync.errors import PROBLEMS, REFUSALS, SyncConfigError, describe
from kotaksaran.sync.http import check_url, classify_exception, classify_status, is_loopback_host
from kotaksaran.sync.outbox import Backoff
from kotaksaran.sync.statuses import local_target, normalise


@pytest.mark.parametrize(("text", "code"), [
    ("Belum diverifikasi", "belum_diverifikasi"),
    ("Terverifikasi", "terverifikasi"),
    ("Terdisposisi ke Dinas Pekerjaan Umum", "terdisposisi"),
    ("Ditindaklanjuti oleh instansi", "ditindaklanjuti"),
    ("Ditanggapi pelapor", "ditanggapi"),
    ("SELESAI", "selesai"),
    ("Arsip", "arsip"),
    ("Bukan wewenang", "bukan_wewenang"),
    ("Tunda", "tunda"),
    ("sesuatu yang lain", None),
    (None, None),
])
def test_upstream_status_words(text: str | None, code: str | None) -> None:
    assert normalise(text) == code


def test_only_finished_or_archived_close_a_slip() -> None:
    assert local_target("selesai") == Status.CLOSED
    assert local_target("arsip") == Status.CLOSED
    assert local_target("ditindaklanjuti") is None


def test_backoff_grows_with_jitter_up_to_the_cap() -> None:
    b = Backoff(base=30, cap=600)
    rng = random.Random(1)
    waits = [b.delay(n, rng) for n in range(1, 10)]
    for n, w in enumerate(waits, start=1):
        full = min(600, 30 * 2 ** (n - 1))
        assert full / 2 <= w <= full
    assert max(waits) <= 600
    assert len({round(w, 3) for w in waits}) == len(waits)  # jittered, not a fixed ladder
    assert b.delay(1, rng, retry_after=120) >= 120


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.1", "::1", "[::1]", "localhost",
                                  "relay.localhost"])
def test_loopback_hosts(host: str) -> None:
    assert is_loopback_host(host)


@pytest.mark.parametrize("host", ["10.0.0.1", "192.168.1.5", "example.org", "", None])
def test_other_hosts_are_not_loopback(host: str | None) -> None:
    assert not is_loopback_host(host)


def test_addresses() -> None:
    assert check_url("https://lapor.example.go.id/api/") == "https://lapor.example.go.id/api"
    assert check_url("http://127.0.0.1:8765") == "http://127.0.0.1:8765"
    for url, code in (("http://10.1.2.3", "sync_plain_http"),
                      ("https://u:p@example.org", "sync_url_invalid"),
                      ("lapor.go.id", "sync_url_invalid"), ("  ", "sync_url_missing")):
        with pytest.raises(SyncConfigError) as err:
            check_url(url)
        assert err.value.code == code
    with pytest.raises(SyncConfigError) as err:
        check_url("https://example.org", demo=True)
    assert err.value.code == "sync_demo_upstream"


def test_failures_become_retryable_problems() -> None:
    req = httpx.Request("GET", "http://127.0.0.1:1/")
    assert classify_exception(httpx.ConnectError("refused", request=req)).offline
    assert classify_exception(httpx.ReadTimeout("slow", request=req)).reason == "timeout"
    lost = classify_exception(httpx.RemoteProtocolError("gone", request=req))
    assert (lost.kind, lost.reason, lost.offline) == (ResultKind.RETRY, "connection_lost", False)
    busy = classify_status(httpx.Response(503, headers={"Retry-After": "90"}, request=req))
    assert busy is not None and busy.reason == "server_busy" and busy.retry_after == 90
    auth = classify_status(httpx.Response(401, request=req))
    assert auth is not None and auth.reason == "auth_failed" and auth.offline
    assert classify_status(httpx.Response(422, request=req)) is None


def test_operator_sentences_are_indonesian_and_name_the_field() -> None:
    before = i18n.get_language()
    try:
        i18n.set_language("id")
        assert describe("unknown_value", "category_id") == (
            "Server menolak: kategori tidak dikenal — perbaiki kategori lalu kirim ulang.")
        assert "{" not in describe("missing_field", "title")
        for code in PROBLEMS:
            text = describe(code, "agency_id")
            assert text and "{" not in text
            if code in REFUSALS and "{field}" in PROBLEMS[code]:
                assert "instansi" in text  # the field label, translated
        i18n.set_language("en")
        assert describe("unknown_value", "category_id").startswith("The server refused it")
    finally:
        i18n.set_language(before)


def test_every_sync_text_has_an_indonesian_translation() -> None:
    from kotaksaran.sync.errors import ERRORS

    table = i18n._load("id")
    missing = [m for m in [*ERRORS.values(), *PROBLEMS.values()] if m not in table]
    assert missing == []
