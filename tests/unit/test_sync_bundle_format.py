"""The signed bundle container: what is written, and every way a bad one is refused."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import UTC, datetime

import pytest

from kotaksaran.sync import bundle as B
from kotaksaran.sync.bundle_errors import (
    BundleBadSignature,
    BundleTampered,
    BundleUnknownKey,
    BundleUnreadable,
    BundleWrongKind,
)
from kotaksaran.sync.keys import UnitKeys

WHEN = datetime(2026, 6, 10, 2, 15, tzinfo=UTC)
UUID1 = "0b6f6f0e-4a59-4f57-9d2a-6a1c3f5c9e01"
UUID2 = "0b6f6f0e-4a59-4f57-9d2a-6a1c3f5c9e02"


@pytest.fixture
def pair(tmp_path):
    office, city = UnitKeys(tmp_path / "office"), UnitKeys(tmp_path / "city")
    office_pub = office.generate("KEL01", "Kelurahan Satu")
    city_pub = city.generate("KOTA", "Diskominfo")
    city.trust(office_pub.to_text())
    office.trust(city_pub.to_text())
    return office, city


def _file(data: bytes, name: str = "page-1.jpg") -> tuple[B.BundleFile, bytes]:
    meta = B.BundleFile(name=name, mime="image/jpeg", sha256=hashlib.sha256(data).hexdigest(),
                        size=len(data))
    return meta, data


def _entries():
    return [
        B.OutgoingEntry(UUID1, 1, "KS-KEL01-2026-000001",
                        {"id": UUID1, "title": "Jalan berlubang", "body": "Di RT 03"},
                        [_file(b"\xff\xd8page one" * 100)]),
        B.OutgoingEntry(UUID2, 2, "KS-KEL01-2026-000002",
                        {"id": UUID2, "title": "Lampu PJU mati", "body": "Sudah seminggu"},
                        [_file(b"\xff\xd8page two" * 80), _file(b"\x89PNGpage3", "p3.png")]),
    ]


def _write(office, tmp_path, **kw):
    return B.write_bundle(tmp_path / "out.ksb", keys=office, kind="submissions",
                          created_at=WHEN, items=_entries(), **kw)


def test_round_trip(pair, tmp_path):
    office, city = pair
    summary = _write(office, tmp_path)
    assert summary.items == 2 and summary.files == 3
    with zipfile.ZipFile(summary.path) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
    assert {"manifest.json", "manifest.sig"} <= names and len(names) == 5
    assert manifest["sender"]["unit_code"] == "KEL01"
    assert all(len(f["sha256"]) == 64 for f in manifest["files"])
    got = B.read_bundle(summary.path, city, expect="submissions")
    assert [i.submission_uuid for i in got.items] == [UUID1, UUID2]
    assert got.items[1].payload["title"] == "Lampu PJU mati"
    assert got.sender.unit_name == "Kelurahan Satu"
    f = got.items[1].files[1]
    assert got.file_bytes(f) == b"\x89PNGpage3"
    # No secret goes into a bundle.
    raw = summary.path.read_bytes()
    assert b"PRIVATE KEY" not in raw
    assert office.private_path.read_bytes() not in raw


def test_bundle_into_a_folder_gets_a_descriptive_name(pair, tmp_path):
    office, _city = pair
    summary = B.write_bundle(tmp_path, keys=office, kind="statuses", created_at=WHEN,
                             statuses=[B.StatusEntry(UUID1, "1916449", "Selesai", None)])
    assert summary.path.parent == tmp_path
    assert summary.path.name.startswith("kotaksaran-KEL01-statuses-20260610-")
    assert not list(tmp_path.glob(".*.part"))


def test_unknown_key_is_refused(pair, tmp_path):
    stranger = UnitKeys(tmp_path / "stranger")
    stranger.generate("KEL01")  # same unit code, another key
    summary = B.write_bundle(tmp_path / "x.ksb", keys=stranger, kind="submissions",
                             created_at=WHEN, items=_entries())
    _city_keys = UnitKeys(tmp_path / "city")
    with pytest.raises(BundleUnknownKey) as err:
        B.read_bundle(summary.path, _city_keys)
    assert err.value.params["unit"] == "KEL01"


def test_wrong_kind(pair, tmp_path):
    office, city = pair
    summary = _write(office, tmp_path)
    with pytest.raises(BundleWrongKind):
        B.read_bundle(summary.path, city, expect="statuses")


def _rewrite(src, dst, change):
    """Copy a zip member by member, letting `change(name, data)` alter or drop members."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info.filename, data)
    return dst


def test_changed_attachment_is_refused(pair, tmp_path):
    office, city = pair
    src = _write(office, tmp_path).path

    def flip(name, data):
        if name.startswith("files/") and data.startswith(b"\xff\xd8page two"):
            return data[:-1] + bytes([data[-1] ^ 1])
        return data

    with pytest.raises(BundleTampered):
        B.read_bundle(_rewrite(src, tmp_path / "t.ksb", flip), city)


def test_changed_manifest_breaks_the_signature(pair, tmp_path):
    office, city = pair
    src = _write(office, tmp_path).path

    def edit(name, data):
        return data.replace(b"Jalan berlubang", b"Jalan bagus!!!!") if name == "manifest.json" \
            else data

    with pytest.raises(BundleBadSignature):
        B.read_bundle(_rewrite(src, tmp_path / "t.ksb", edit), city)


def test_removed_and_added_files_are_refused(pair, tmp_path):
    office, city = pair
    src = _write(office, tmp_path).path
    dropped = _rewrite(src, tmp_path / "d.ksb",
                       lambda n, d: None if n.startswith("files/") and b"page one" in d else d)
    with pytest.raises(BundleTampered):
        B.read_bundle(dropped, city)
    added = _rewrite(src, tmp_path / "a.ksb", lambda n, d: d)
    with zipfile.ZipFile(added, "a") as zf:
        zf.writestr("files/evil.exe", b"MZ")
    with pytest.raises(BundleTampered):
        B.read_bundle(added, city)


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95, 0.999])
def test_truncated_bundle_is_refused(pair, tmp_path, keep):
    office, city = pair
    data = _write(office, tmp_path).path.read_bytes()
    cut = tmp_path / "cut.ksb"
    cut.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(BundleUnreadable):
        B.read_bundle(cut, city)


def test_not_a_bundle(pair, tmp_path):
    _office, city = pair
    junk = tmp_path / "junk.ksb"
    junk.write_bytes(b"hello")
    with pytest.raises(BundleUnreadable):
        B.read_bundle(junk, city)
    with pytest.raises(BundleUnreadable):
        B.read_bundle(tmp_path / "missing.ksb", city)
    plain = tmp_path / "plain.zip"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("readme.txt", "hi")
    with pytest.raises(BundleUnreadable):
        B.read_bundle(plain, city)


def test_trusted_key_signing_for_another_unit_is_refused(pair, tmp_path):
    """The signature is good, but the manifest names a different sender unit."""
    office, city = pair
    src = _write(office, tmp_path).path
    with zipfile.ZipFile(src) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        files = {n: zf.read(n) for n in zf.namelist() if n.startswith("files/")}
    manifest["sender"]["unit_code"] = "KEL99"
    body = json.dumps(manifest).encode()
    sig = {"algorithm": "ed25519", "key_id": office.own_public().key_id, "unit_code": "KEL99",
           "signature": __import__("base64").b64encode(office.sign(body)).decode()}
    forged = tmp_path / "forged.ksb"
    with zipfile.ZipFile(forged, "w") as zf:
        zf.writestr("manifest.json", body)
        zf.writestr("manifest.sig", json.dumps(sig))
        for n, d in files.items():
            zf.writestr(n, d)
    with pytest.raises(BundleUnknownKey):
        B.read_bundle(forged, city)
