"""The reference receiver's exchange API over real HTTP (and HTTPS), as its own process."""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import json
import subprocess
import uuid as uuid_mod
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from kotaksaran.store.db import open_store
from kotaksaran.sync.adapters import AdapterConfig
from kotaksaran.sync.adapters.base import Attachment, OutgoingItem, ResultKind
from kotaksaran.sync.adapters.exchange import ExchangeAdapter
from tests.sync_support import ROOT, cli, env, page_png, receiver, start_receiver


def _payload(uuid: str, revision: int = 1, **over: Any) -> dict[str, Any]:
    p: dict[str, Any] = {
        "schema": 1, "uuid": uuid, "revision": revision, "number": f"KS-T-{uuid[:6]}",
        "unit": {"code": "KLBS", "name": "Kelurahan"}, "channel": "kotak_saran",
        "classification": "pengaduan", "title": "Jalan rusak", "body": "Jalan berlubang.",
        "event_date": "2026-06-01", "location": "Jl. Contoh", "agency": None,
        "category": None, "anonim": False, "rahasia": False, "reporter": None,
        "attachments": []}
    p.update(over)
    return p


def _put(client: httpx.Client, payload: dict[str, Any]) -> httpx.Response:
    return client.put(f"/v1/submissions/{payload['uuid']}", json=payload)


def test_idempotent_submit_stale_revision_and_change_feed(tmp_path: Path) -> None:
    with receiver(tmp_path / "rcv") as r, httpx.Client(base_url=r.url, timeout=30) as c:
        u = str(uuid_mod.uuid4())
        first = _put(c, _payload(u))
        assert first.status_code == 201
        tracking = first.json()["tracking_id"]
        assert tracking and first.json()["outcome"] == "created"
        repeat = _put(c, _payload(u))
        assert repeat.status_code == 200
        assert repeat.json()["tracking_id"] == tracking and repeat.json()["outcome"] == "repeat"
        changed = _put(c, _payload(u, title="Judul lain"))  # same revision, other content
        assert changed.status_code == 409
        newer = _put(c, _payload(u, revision=2, title="Judul baru"))
        assert newer.status_code == 201 and newer.json()["outcome"] == "updated"
        stale = _put(c, _payload(u, revision=1))
        assert stale.status_code == 409
        assert stale.json()["errors"][0]["code"] == "stale_revision"
        unknown = _put(c, _payload(str(uuid_mod.uuid4()), category={"code": "TIDAK-ADA"}))
        assert unknown.status_code == 422
        assert unknown.json()["errors"][0] == {"code": "unknown_value", "field": "category"}
        missing = _put(c, _payload(str(uuid_mod.uuid4()), title=""))
        assert missing.json()["errors"][0] == {"code": "missing_field", "field": "title"}

        feed = c.get("/v1/changes", params={"since": "0"}).json()
        assert [ch["tracking_id"] for ch in feed["changes"]] == [tracking]
        subprocess.run(cli("--data-dir", str(r.data_dir), "receiver", "set-status", tracking,
                           "Selesai"), check=True, env=env(), cwd=ROOT, capture_output=True)
        more = c.get("/v1/changes", params={"since": feed["cursor"]}).json()
        assert [(ch["uuid"], ch["status"]) for ch in more["changes"]] == [(u, "Selesai")]
        assert c.get("/v1/changes", params={"since": more["cursor"]}).json()["changes"] == []


def test_an_interrupted_upload_resumes_from_the_receivers_offset(tmp_path: Path) -> None:
    data = page_png(7, 2480, 3508)
    sha = hashlib.sha256(data).hexdigest()
    half = len(data) // 2
    with receiver(tmp_path / "rcv") as r:
        with httpx.Client(base_url=r.url, timeout=30) as c:
            assert c.head(f"/v1/uploads/{sha}").status_code == 404
            part = c.patch(f"/v1/uploads/{sha}", content=data[:half],
                           headers={"Upload-Offset": "0", "Upload-Length": str(len(data))})
            assert part.status_code == 204 and part.headers["Upload-Offset"] == str(half)
            wrong = c.patch(f"/v1/uploads/{sha}", content=data[:10],
                            headers={"Upload-Offset": "0", "Upload-Length": str(len(data))})
            assert wrong.status_code == 409 and wrong.headers["Upload-Offset"] == str(half)
        adapter = ExchangeAdapter(AdapterConfig(url=r.url))
        u = str(uuid_mod.uuid4())
        att = Attachment(name="p.png", mime="image/png", sha256=sha, data=data)
        payload = _payload(u, attachments=[{"sha256": sha, "name": "p.png",
                                            "mime": "image/png", "size": len(data)}])
        result = adapter.send(OutgoingItem(1, u, 1, "KS-T", payload, (att,), attempt=2),
                              lambda _s: None)
        adapter.close()
        assert result.kind == ResultKind.REGISTERED
        body = len(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode())
        assert result.bytes_sent == (len(data) - half) + body  # only the missing half went
        with httpx.Client(base_url=r.url, timeout=30) as c:
            assert c.head(f"/v1/uploads/{sha}").headers["Upload-Offset"] == str(len(data))
    held = open_store(r.data_dir, migrate=False)
    try:
        assert held.blobs.read(sha) == data  # read() checks the SHA-256 again
    finally:
        held.dispose()


def test_an_upload_that_does_not_match_its_name_is_refused(tmp_path: Path) -> None:
    with receiver(tmp_path / "rcv") as r, httpx.Client(base_url=r.url, timeout=30) as c:
        sha = "0" * 64
        resp = c.patch(f"/v1/uploads/{sha}", content=b"not these bytes",
                       headers={"Upload-Offset": "0", "Upload-Length": "15"})
        assert resp.status_code == 422
        assert resp.json()["errors"][0]["code"] == "hash_mismatch"
        u = str(uuid_mod.uuid4())
        without = _put(c, _payload(u, attachments=[{"sha256": sha, "size": 15}]))
        assert without.status_code == 422
        assert without.json()["errors"][0]["code"] == "missing_attachment"


def test_requests_need_the_units_token_once_one_exists(tmp_path: Path) -> None:
    rcv = tmp_path / "rcv"
    made = subprocess.run(cli("--data-dir", str(rcv), "receiver", "add-unit", "klbs", "--json"),
                          check=True, env=env(), cwd=ROOT, capture_output=True, text=True)
    token = json.loads(made.stdout)["token"]
    with receiver(rcv) as r, httpx.Client(base_url=r.url, timeout=30) as c:
        assert c.get("/v1/ping").status_code == 200
        assert c.get("/v1/changes").status_code == 401
        assert c.get("/v1/changes", headers={"Authorization": "Bearer salah"}
                     ).status_code == 401
        ok = c.get("/v1/changes", headers={"Authorization": f"Bearer {token}"})
        assert ok.status_code == 200


def _certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A CA and a server certificate for 127.0.0.1 signed by it (PEM files)."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Kota Uji CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1))
          .not_valid_after(now + dt.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True,
                                       crl_sign=True, content_commitment=False,
                                       key_encipherment=False, data_encipherment=False,
                                       key_agreement=False, encipher_only=False,
                                       decipher_only=False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
            .issuer_name(ca_name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([
                x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                x509.DNSName("localhost")]), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(ca_key, hashes.SHA256()))
    folder.mkdir(parents=True, exist_ok=True)
    ca_file, cert_file, key_file = folder / "ca.pem", folder / "cert.pem", folder / "key.pem"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return ca_file, cert_file, key_file


def test_tls_is_verified_and_a_custom_ca_file_is_trusted(tmp_path: Path) -> None:
    ca, cert, key = _certificates(tmp_path / "tls")
    r = start_receiver(tmp_path / "rcv", "--cert", str(cert), "--key", str(key))
    try:
        assert r.url.startswith("https://")
        u = str(uuid_mod.uuid4())
        item = OutgoingItem(1, u, 1, "KS-T", _payload(u), (), attempt=1)
        untrusted = ExchangeAdapter(AdapterConfig(url=r.url))
        refused = untrusted.send(item, lambda _s: None)
        untrusted.close()
        assert refused.kind == ResultKind.RETRY and refused.reason == "tls_failed"
        assert refused.offline
        trusted = ExchangeAdapter(AdapterConfig(url=r.url, ca_file=str(ca)))
        assert trusted.send(item, lambda _s: None).kind == ResultKind.REGISTERED
        trusted.close()
    finally:
        r.stop()


def test_faults_are_injected_reproducibly_and_counted(tmp_path: Path) -> None:
    def run(seed: int) -> list[int]:
        codes = []
        with receiver(tmp_path / f"rcv{seed}-{len(codes)}", "--faults", "0.5", "--seed",
                      str(seed), "--fault-kinds", "error500,duplicate") as r, \
                httpx.Client(base_url=r.url, timeout=30) as c:
            for _ in range(20):
                codes.append(c.get("/v1/changes").status_code)
            err = r.stop()
        assert "error500" in err or "duplicate" in err
        return codes

    first = run(5)
    assert 500 in first and 200 in first
    assert run(5) == first


@pytest.mark.parametrize("kind", ["drop", "reset", "lost_reply"])
def test_cut_connections_are_seen_as_retryable_by_the_adapter(tmp_path: Path, kind: str
                                                              ) -> None:
    with receiver(tmp_path / "rcv", "--faults", "1", "--fault-kinds", kind) as r:
        u = str(uuid_mod.uuid4())
        data = page_png(3)
        sha = hashlib.sha256(data).hexdigest()
        payload = _payload(u, attachments=[{"sha256": sha, "size": len(data)}])
        adapter = ExchangeAdapter(AdapterConfig(url=r.url, timeout=10))
        result = adapter.send(OutgoingItem(1, u, 1, "KS-T", payload, (
            Attachment("p.png", "image/png", sha, data),), attempt=1), lambda _s: None)
        adapter.close()
        assert result.kind == ResultKind.RETRY
        assert result.reason == "connection_lost"
