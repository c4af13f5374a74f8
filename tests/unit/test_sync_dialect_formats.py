"""The LAPOR! XML and Open311 mappings: from the configuration files, both ways."""

from __future__ import annotations

import hashlib

import pytest

from kotaksaran.sync import lapor_xml_format as LX
from kotaksaran.sync import open311_format as O3
from kotaksaran.sync.bundle_errors import DialectConfigInvalid

RECORD = {
    "schema": 1,
    "uuid": "7d1f3c9a-2b64-4c1e-8f0a-5b7e9d2c4a11",
    "revision": 2,
    "number": "KS-KEL01-2026-000007",
    "unit": {"code": "KEL01", "name": "Kelurahan Satu"},
    "channel": "kotak_saran",
    "classification": "pengaduan",
    "title": "Jalan berlubang di depan SD",
    "body": "Lubang besar & dalam <bahaya> di Jl. Merdeka.\nSudah dua bulan.",
    "event_date": "2026-05-30",
    "location": "Jl. Merdeka RT 03/RW 05",
    "agency": {"code": "DPU", "name": "Dinas PU"},
    "category": {"code": "jalan-berlubang", "name": "Jalan Berlubang", "upstream_id": "321",
                 "parent": {"code": "pekerjaan-umum", "name": "PU", "upstream_id": None}},
    "anonim": False,
    "rahasia": True,
    "reporter": {"name": "Siti Nur Aisyah", "nik": None, "phone": "081234567890",
                 "email": "siti@example.id", "address": None},
}


def test_builtin_lapor_mapping_round_trips():
    mapping = LX.load_mapping(LX.resources_dir() / "lapor_xml.toml")
    page = b"\xff\xd8jpeg-bytes" * 10
    att = LX.XmlAttachment("p1.jpg", "image/jpeg", hashlib.sha256(page).hexdigest(), page)
    xml = LX.build_submission(mapping, RECORD, [att], "tok-123")
    assert xml.startswith(b"<?xml")
    assert b'<lapor token="tok-123">' in xml
    assert b"<namadepan>Siti</namadepan>" in xml and b"<namabelakang>Nur Aisyah" in xml
    assert b'rahasia="1"' in xml and b'anonim="0"' in xml
    assert b"&lt;bahaya&gt;" in xml  # escaped, not markup
    parsed = LX.parse_submission(mapping, xml)
    assert parsed.token == "tok-123"
    r = parsed.record
    assert r["uuid"] == RECORD["uuid"] and r["body"] == RECORD["body"]
    assert r["reporter"]["name"] == "Siti Nur Aisyah"
    assert r["rahasia"] is True and r["anonim"] is False
    assert r["category"] == {"code": "jalan-berlubang", "upstream_id": "321"}
    assert parsed.attachments[0].data == page
    assert mapping.slip_field_for("kategori") == "category_id"
    assert mapping.slip_field_for("isi") == "body"


def test_anonymous_record_sends_empty_identity():
    mapping = LX.load_mapping(LX.resources_dir() / "lapor_xml.toml")
    record = {**RECORD, "anonim": True, "reporter": None}
    xml = LX.build_submission(mapping, record, [], None)
    assert b"Siti" not in xml and b"token=" not in xml
    assert LX.parse_submission(mapping, xml).record["reporter"] is None


def test_dtd_is_refused():
    mapping = LX.load_mapping(LX.resources_dir() / "lapor_xml.toml")
    evil = (b'<?xml version="1.0"?><!DOCTYPE lapor [<!ENTITY a "aaaa">]>'
            b"<lapor><laporan><isi>&a;</isi></laporan></lapor>")
    with pytest.raises(LX.XmlRejected):
        LX.parse_submission(mapping, evil)
    with pytest.raises(LX.XmlRejected):
        LX.parse_submission(mapping, "<lapor>é</lapor>".encode("latin-1"))


def test_answers_and_feed():
    mapping = LX.load_mapping(LX.resources_dir() / "lapor_xml.toml")
    body = LX.build_answer(mapping, {"tracking_id": "1916449", "transaction_id": "T-9"})
    assert b"<trackingid>1916449</trackingid>" in body
    assert LX.parse_answer(mapping, body) == {"tracking_id": "1916449",
                                              "transaction_id": "T-9"}
    assert LX.parse_answer(mapping, b'{"trackingid": 12, "transaksiid": "x"}') == {
        "tracking_id": "12", "transaction_id": "x"}
    feed = LX.build_status_feed(mapping, [LX.FeedEntry("u1", "1916449", "Selesai",
                                                       "2026-06-01T10:00:00+07:00")],
                                "c42", more=True)
    entries, cursor, more = LX.parse_status_feed(mapping, feed)
    assert entries[0].tracking_id == "1916449" and cursor == "c42" and more


def test_custom_mapping_file_is_used(tmp_path):
    text = (LX.resources_dir() / "lapor_xml.toml").read_text()
    custom = tmp_path / "sync" / "lapor_xml.toml"
    custom.parent.mkdir()
    custom.write_text(text.replace('to = "laporan/isi"', 'to = "laporan/uraian"'))
    mapping = LX.mapping_for({}, tmp_path)  # the data dir's copy wins over the built-in
    assert mapping.path == custom
    assert b"<uraian>" in LX.build_submission(mapping, RECORD, [], None)
    broken = tmp_path / "broken.toml"
    broken.write_text("[endpoint]\nsubmit = \n")
    with pytest.raises(DialectConfigInvalid):
        LX.mapping_for({LX.SETTING_KEY: str(broken)}, tmp_path)
    no_fields = tmp_path / "nofields.toml"
    no_fields.write_text('[endpoint]\nsubmit = "x"\n[document]\nroot = "r"\n')
    with pytest.raises(DialectConfigInvalid):
        LX.load_mapping(no_fields)


def test_open311_form_round_trip():
    mapping = O3.load_mapping(LX.resources_dir() / "open311.toml")
    form = dict(O3.form_fields(mapping, RECORD, "key-1"))
    assert form["service_code"] == "jalan"
    assert form["api_key"] == "key-1"
    assert form["first_name"] == "Siti" and form["last_name"] == "Nur Aisyah"
    assert form["attribute[ks_uuid]"] == RECORD["uuid"]
    assert form["description"].startswith("Jalan berlubang di depan SD\n\nLubang")
    assert "Tanggal kejadian: 2026-05-30" in form["description"]
    back = O3.record_from_form(mapping, form)
    assert back["uuid"] == RECORD["uuid"] and back["revision"] == 2
    assert back["title"] == RECORD["title"] and back["body"] == RECORD["body"]
    assert back["event_date"] == "2026-05-30"
    assert back["category"] == {"code": "jalan-berlubang"}
    assert back["rahasia"] is True and back["reporter"]["email"] == "siti@example.id"


def test_open311_service_code_falls_back_to_parent_then_default():
    mapping = O3.load_mapping(LX.resources_dir() / "open311.toml")
    child = {**RECORD, "category": {"code": "trotoar", "parent": {"code": "pekerjaan-umum"}}}
    assert mapping.service_code(child) == "pu"
    assert mapping.service_code({**RECORD, "category": None}) == "lainnya"


def test_open311_error_descriptions():
    assert O3.problem_of([{"code": 400, "description": "service_code not found"}]) == (
        "unknown_value", "category_id")
    assert O3.problem_of([{"code": 400, "description": "description is too long"}]) == (
        "too_long", "body")
    assert O3.problem_of([{"code": 400, "description": "email is invalid"}]) == (
        "invalid_field", "reporter_email")
    assert O3.problem_of("garbage") == ("refused", None)
    for problem, field in (("unknown_value", "category_id"), ("missing_field", "location"),
                           ("too_long", "body")):
        assert O3.problem_of(O3.error_list(400, problem, field)) == (problem, field)
