"""The document service on SQLite and PostgreSQL: the data each document gets, permissions,
the audit of prints (reprints marked SALINAN), and that an anonim or rahasia slip's personal
data appears in no document at all."""

from __future__ import annotations

import hashlib
import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from kotaksaran import i18n
from kotaksaran.documents.errors import ScanUnreadable, UnknownReportFormat
from kotaksaran.domain.enums import Role, Status
from kotaksaran.domain.errors import NotFound, PermissionDenied
from kotaksaran.services import Services
from kotaksaran.services.documents import RenderedDocument, report_format
from kotaksaran.store.models import (
    AuditEvent,
    OutboxItem,
    Submission,
    SyncBatch,
    UpstreamStatusEvent,
)
from kotaksaran.sync.errors import describe
from tests.conftest import Office, valid_slip
from tests.documents_pdf import PERSONAL, flat, logo_png, pdf_text, qr_codes

IDENTITY = {"reporter_name": PERSONAL[0], "reporter_nik": PERSONAL[1],
            "reporter_phone": PERSONAL[2], "reporter_email": PERSONAL[3],
            "reporter_address": PERSONAL[4]}


@pytest.fixture(autouse=True)
def _indonesian() -> None:
    i18n.set_language("id")


def _slip(office: Office, **over: object) -> int:
    return office.petugas.submissions.create(valid_slip(**over)).submission.id


def _set(office: Office, sub_id: int, **fields: object) -> None:
    """What sync does to a slip (status, tracking ID), written directly."""
    with office.store.write() as s:
        sub = s.get(Submission, sub_id)
        assert sub is not None
        for key, value in fields.items():
            setattr(sub, key, value)


def _history(office: Office, sub_id: int, code: str, at: datetime, text: str = "") -> None:
    with office.store.write() as s:
        sub = s.get(Submission, sub_id)
        assert sub is not None
        s.add(UpstreamStatusEvent(submission_id=sub_id, submission_uuid=sub.uuid, at=at,
                                  status=text or code, code=code, source="test"))


def _all_documents(svc: Services, sub_id: int, session_id: int | None, batch_id: int | None
                   ) -> list[RenderedDocument]:
    docs = [svc.documents.receipt(sub_id, size) for size in ("a6", "58mm", "80mm")]
    docs.append(svc.documents.status_board(date(2026, 1, 1), show_titles=True))
    docs.append(svc.documents.monthly(2026, 6))
    docs.append(svc.documents.monthly(2026, 6, "csv"))
    docs.append(svc.documents.monthly(2026, 6, "xlsx"))
    if session_id is not None:
        docs.append(svc.documents.minutes(session_id))
    if batch_id is not None:
        docs.append(svc.documents.manifest(batch_id))
    return docs


def _text(doc: RenderedDocument) -> str:
    if doc.fmt == "pdf":
        return flat(pdf_text(doc.content))
    if doc.fmt == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(doc.content))
        return "\n".join(" ".join(str(c) for c in row if c is not None)
                         for ws in book.worksheets for row in ws.iter_rows(values_only=True))
    return doc.content.decode("utf-8-sig")


def _batch(office: Office, sub_ids: list[int]) -> int:
    with office.store.write() as s:
        batch = SyncBatch(kind="push", adapter="exchange", target="https://relay.example.id",
                          created_at=office.clock.value, created_by="user:operator1",
                          finished_at=office.clock.value + timedelta(minutes=2))
        s.add(batch)
        s.flush()
        for n, sub_id in enumerate(sub_ids):
            sub = s.get(Submission, sub_id)
            assert sub is not None
            s.add(OutboxItem(batch_id=batch.id, submission_id=sub_id, submission_uuid=sub.uuid,
                             adapter="exchange", state="done" if n % 2 == 0 else "quarantined",
                             attempts=1, result="registered" if n % 2 == 0 else None,
                             tracking_id=f"19{n:05d}" if n % 2 == 0 else None,
                             last_error=None if n % 2 == 0 else "unknown_value",
                             last_field=None if n % 2 == 0 else "category_id"))
        return batch.id


@pytest.mark.parametrize("flag", ["anonim", "rahasia"])
def test_personal_data_of_anonim_and_rahasia_slips_is_in_no_document(
        office: Office, flag: str) -> None:
    title = f"Pungutan liar di loket, kata {PERSONAL[0]}, hp {PERSONAL[2]}"
    box = office.admin.boxes.boxes()[0]
    session = office.petugas.boxes.open_session(box_id=box.id, opened_by="Budi",
                                                witnesses=["Rina"], slips_found=1)
    sub_id = _slip(office, title=title, body=f"Saya {PERSONAL[0]}, NIK {PERSONAL[1]}.",
                   box_session_id=session.id, **{flag: True}, **IDENTITY)
    _set(office, sub_id, status="registered", tracking_id="1916449")
    batch_id = _batch(office, [sub_id])
    office.clock.value += timedelta(days=30)  # overdue: the monthly report lists it
    docs = _all_documents(office.supervisor, sub_id, session.id, batch_id)
    assert len(docs) == 9
    for doc in docs:
        text = _text(doc)
        assert "KS-KLBS-2026-000001" in text, doc.file_name
        for value in PERSONAL:
            assert value not in text, (doc.file_name, value)
        assert "Pungutan liar" not in text if flag == "rahasia" else True
    receipt_text = _text(docs[0])
    if flag == "rahasia":
        assert "laporan rahasia: judul tidak dicetak" in receipt_text
    else:  # anonim: the title is printed, masked
        assert "Pungutan liar di loket, kata [nama disamarkan], hp [nomor telepon " \
               "disamarkan]" in receipt_text
        assert "Laporan anonim: identitas Anda tidak keluar dari kantor ini" in receipt_text


def test_an_ordinary_slip_prints_its_title_but_never_the_body_or_identity(
        office: Office) -> None:
    sub_id = _slip(office, channel="loket", **IDENTITY)
    text = _text(office.petugas.documents.receipt(sub_id))
    assert "Jalan berlubang di depan SD 003" in text
    assert "sering membuat motor jatuh" not in text  # the body
    for value in PERSONAL:
        assert value not in text


def test_receipt_fields_deadline_and_sizes(office: Office) -> None:
    # Created Wednesday 2026-06-10 09:00 WIB; 16 June 2026 is a national holiday (1 Muharram),
    # so 5 working days later is Thursday 18 June.
    sub_id = _slip(office, channel="loket", classification="aspirasi")
    data = office.petugas.documents.receipt_data(sub_id)
    assert data.respon_awal_due == date(2026, 6, 18) and data.respon_awal_days == 5
    office.admin.config.set("sla.respon_awal_days", 3)
    doc = office.petugas.documents.receipt(sub_id, "80mm")
    text = _text(doc)
    for part in ("Kelurahan Batu Selicin", "Jl. Raja Ali Haji, Lubuk Baja, Batam",
                 "TANDA TERIMA LAPORAN", "KS-KLBS-2026-000001",
                 "Rabu, 10 Juni 2026, 09.00 WIB", "Loket", "Aspirasi",
                 "paling lambat 3 hari kerja", "Senin, 15 Juni 2026",
                 "Nomor pelacakan LAPOR! diberikan setelah laporan terdaftar",
                 "Dicetak 10 Juni 2026, 09.00 WIB oleh Siti Petugas"):
        assert part in text, part
    assert doc.option("size") == "80mm" and doc.file_name == "tanda-terima-KS-KLBS-2026-000001.pdf"
    office.admin.config.set("documents.receipt_size", "58mm")
    assert office.petugas.documents.receipt(sub_id).option("size") == "58mm"


def test_qr_code_only_with_a_tracking_id(office: Office) -> None:
    sub_id = _slip(office)
    office.admin.config.set("documents.tracking_url",
                            "https://lapor.example.go.id/lacak/{tracking_id}")
    assert qr_codes(office.petugas.documents.receipt(sub_id).content) == []
    _set(office, sub_id, status="registered", tracking_id="1916449",
         upstream_status="Terdisposisi ke Dinas PU")
    doc = office.petugas.documents.receipt(sub_id)
    assert qr_codes(doc.content) == ["https://lapor.example.go.id/lacak/1916449"]
    text = _text(doc)
    assert "Nomor pelacakan LAPOR!: #1916449" in text
    assert "Status di LAPOR!: Terdisposisi ke Dinas PU" in text
    office.admin.config.set("documents.tracking_url", "")
    assert qr_codes(office.petugas.documents.receipt(sub_id).content) == []


def test_reprint_is_a_copy_and_every_print_is_audited(office: Office) -> None:
    sub_id = _slip(office)
    docs = office.petugas.documents
    first = docs.receipt(sub_id)
    assert not first.copy and "SALINAN" not in _text(first)
    again = docs.receipt(sub_id)  # a preview prints nothing: still the original
    assert not again.copy and again.content == first.content
    docs.record_print(first, "printer", "Kasir-58")
    second = docs.receipt(sub_id)
    assert second.copy and "SALINAN — cetak ulang" in _text(second)
    docs.record_print(second, "pdf", "/tmp/x.pdf")
    with office.store.read() as s:
        events = list(s.scalars(select(AuditEvent).where(
            AuditEvent.action == "document_print").order_by(AuditEvent.id)))
    uuid = office.petugas.submissions.get(sub_id).uuid
    assert [(e.entity_type, e.entity_id, e.actor) for e in events] == [
        ("submission", uuid, "user:petugas1")] * 2
    assert events[0].changes == [
        {"field": "document", "old": None, "new": "receipt"},
        {"field": "copy", "old": None, "new": False},
        {"field": "output", "old": None, "new": "printer"},
        {"field": "target", "old": None, "new": "Kasir-58"}]
    assert events[1].changes[1]["new"] is True and events[1].note == "receipt pdf size=a6"
    assert docs.prints("receipt", "submission", uuid) == 2
    # The status board is a snapshot: printing it again is a new board, not a copy.
    board = office.supervisor.documents.status_board()
    office.supervisor.documents.record_print(board)
    assert not office.supervisor.documents.status_board().copy


def test_same_input_same_bytes(office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    sub_id = _slip(office)
    a = office.petugas.documents.receipt(sub_id, "58mm").content
    b = office.petugas.documents.receipt(sub_id, "58mm").content
    assert a == b
    office.clock.value += timedelta(minutes=1)
    assert office.petugas.documents.receipt(sub_id, "58mm").content != a
    m1 = office.supervisor.documents.monthly(2026, 6, "xlsx").content
    assert office.supervisor.documents.monthly(2026, 6, "xlsx").content == m1
    # openpyxl stamps the workbook's "modified" with the clock when it saves: a save a minute
    # later must still give the same bytes.
    import datetime as real_datetime

    import openpyxl.writer.excel as excel_writer

    class _Later(real_datetime.datetime):
        @classmethod
        def now(cls, tz: real_datetime.tzinfo | None = None) -> _Later:
            return cls(2031, 1, 2, 3, 4, 5, tzinfo=tz)

    monkeypatch.setattr(excel_writer, "datetime",
                        type("_M", (), {"datetime": _Later, "timezone": real_datetime.timezone}))
    assert office.supervisor.documents.monthly(2026, 6, "xlsx").content == m1


def test_permissions(office: Office) -> None:
    sub_id = _slip(office)
    with pytest.raises(PermissionDenied):
        office.operator.documents.receipt(sub_id)
    with pytest.raises(PermissionDenied):
        office.petugas.documents.monthly(2026, 6)
    with pytest.raises(PermissionDenied):
        office.petugas.documents.status_board()
    with pytest.raises(PermissionDenied):
        office.petugas.documents.manifest(1)
    assert office.operator.documents.status_board().kind == "status_board"
    assert office.cli.actor.role == Role.ADMIN
    assert office.cli.documents.monthly(2026, 6).fmt == "pdf"


def test_logo_from_the_unit_settings(office: Office) -> None:
    sub_id = _slip(office)
    plain = office.petugas.documents.receipt(sub_id).content
    logo = logo_png()
    sha = hashlib.sha256(logo).hexdigest()
    # The setup wizard keeps the logo as blobs/<sha256>.
    office.store.data_dir.blobs.mkdir(parents=True, exist_ok=True)
    (office.store.data_dir.blobs / sha).write_bytes(logo)
    office.admin.admin.update_unit(logo_sha256=sha)
    with_logo = office.petugas.documents.receipt(sub_id).content
    assert b"/Subtype /Image" in with_logo and b"/Subtype /Image" not in plain


def test_minutes_and_the_signed_scan(office: Office, tmp_path: Path) -> None:
    box = office.admin.boxes.boxes()[0]
    session = office.petugas.boxes.open_session(
        box_id=box.id, opened_by="Budi Santoso", witnesses=["Rina Marlina", "Joko Susilo"],
        slips_found=3)
    for _ in range(2):
        _slip(office, box_session_id=session.id)
    office.petugas.boxes.close_session(session.id, note="Satu lembar kosong.")
    text = _text(office.petugas.documents.minutes(session.id))
    for part in ("BERITA ACARA PEMBUKAAN KOTAK SARAN", "Lobi kantor", "Budi Santoso",
                 "Rina Marlina", "Joko Susilo", "Saksi 1,", "Saksi 2,",
                 "Jumlah lembar di dalam kotak 3", "Jumlah yang diinput 2",
                 "1 lembar ditemukan tetapi tidak diinput", "Satu lembar kosong.",
                 "KS-KLBS-2026-000001", "KS-KLBS-2026-000002"):
        assert part in text, part
    assert office.petugas.documents.minutes_scan(session.id) is None
    scan = tmp_path / "berita-acara-ttd.png"
    scan.write_bytes(logo_png())
    view = office.petugas.documents.attach_minutes_scan(session.id, scan)
    assert view.kind == "png" and view.file_name == "berita-acara-ttd.png"
    got = office.supervisor.documents.minutes_scan(session.id)
    assert got is not None and got.sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()
    assert office.supervisor.documents.minutes_scan_bytes(session.id) == scan.read_bytes()
    trail = office.admin.audit_trail("box_session", str(session.id))
    assert trail[-1].action == "minutes_scan_attach"
    bad = tmp_path / "notes.txt"
    bad.write_text("bukan pindaian")
    with pytest.raises(ScanUnreadable):
        office.petugas.documents.attach_minutes_scan(session.id, bad)
    with pytest.raises(NotFound):
        office.petugas.documents.minutes(9999)


def test_status_board_rows(office: Office) -> None:
    a = _slip(office)
    b = _slip(office, rahasia=True, title="Rahasia sekali")
    _set(office, a, status="registered", tracking_id="1916449", upstream_status="Terverifikasi")
    office.clock.value += timedelta(days=200)
    c = _slip(office)
    board = office.supervisor.documents.status_board_data(show_titles=True)
    assert [r.number for r in board.rows] == ["KS-KLBS-2026-000003"]  # the last 90 days
    board = office.supervisor.documents.status_board_data(date(2026, 6, 1), show_titles=True)
    assert [(r.number, r.tracking_id, r.status, r.title) for r in board.rows] == [
        ("KS-KLBS-2026-000001", "1916449", "registered", "Jalan berlubang di depan SD 003"),
        ("KS-KLBS-2026-000002", None, "draft", None),
        ("KS-KLBS-2026-000003", None, "draft", "Jalan berlubang di depan SD 003")]
    text = _text(office.supervisor.documents.status_board(date(2026, 6, 1), show_titles=True))
    assert "Rahasia sekali" not in text and "(rahasia)" in text
    assert "#1916449 10/06/2026 Terdaftar — Terverifikasi" in text
    assert {a, b, c}


def test_manifest_lists_what_went_and_what_failed(office: Office) -> None:
    ids = [_slip(office) for _ in range(3)]
    batch_id = _batch(office, ids)
    data = office.operator.documents.manifest_data(batch_id)
    assert [(i.number, i.state, i.tracking_id) for i in data.items] == [
        ("KS-KLBS-2026-000001", "done", "1900000"),
        ("KS-KLBS-2026-000002", "quarantined", None),
        ("KS-KLBS-2026-000003", "done", "1900002")]
    assert data.created_by == "Andi Operator"
    text = _text(office.operator.documents.manifest(batch_id))
    problem = describe("unknown_value", "category_id")  # the operator's sentence from sync
    assert "kategori" in problem
    for part in ("MANIFES KIRIMAN", "https://relay.example.id", "Andi Operator",
                 "#1900000", "#1900002", "ditolak", "terkirim (terdaftar)", problem):
        assert part in text, part
    with pytest.raises(NotFound):
        office.operator.documents.manifest(999)


def test_monthly_figures_from_status_history(office: Office) -> None:
    # Two slips in June, one on 30 June 23:30 WIB (still June), one on 1 July 00:30 WIB.
    a = _slip(office, classification="pengaduan")  # Wed 10 June
    b = _slip(office, classification="aspirasi", channel="loket")
    office.clock.value = datetime(2026, 6, 30, 16, 30, tzinfo=UTC)
    c = _slip(office, classification="pengaduan")
    office.clock.value = datetime(2026, 6, 30, 17, 30, tzinfo=UTC)
    july = _slip(office)
    rejected = _slip(office)
    _set(office, rejected, created_at=datetime(2026, 6, 12, 3, 0, tzinfo=UTC),
         status="rejected")
    _set(office, a, status="closed", tracking_id="1")
    _set(office, b, status="registered", tracking_id="2")
    # Working days from Wednesday 10 June; Tuesday 16 June is a holiday (1 Muharram).
    wib = timedelta(hours=7)
    _history(office, a, "terdisposisi", datetime(2026, 6, 12, 3, tzinfo=UTC))  # 2 days
    _history(office, a, "selesai", datetime(2026, 6, 19, 3, tzinfo=UTC))  # 6 days
    # 15 June 20:00 UTC is 16 June 03:00 WIB: counted on the 16th (3 working days)
    _history(office, b, "terverifikasi", datetime(2026, 6, 16, 3, tzinfo=UTC) - wib)
    office.clock.value = datetime(2026, 7, 20, 3, 0, tzinfo=UTC)
    data = office.supervisor.documents.monthly_data(2026, 6)
    assert data.total == 4 and july
    assert dict(data.by_classification)["pengaduan"] == 3
    assert dict(data.by_channel) == {"kotak_saran": 3, "loket": 1, "surat": 0, "lainnya": 0}
    assert dict(data.by_status)["closed"] == 1 and dict(data.by_status)["rejected"] == 1
    assert (data.completed, data.completion_base) == (1, 3)
    assert data.avg_days_respon_awal == 2.5 and data.respon_awal_measured == 2
    assert data.avg_days_tindak_lanjut == 6.0 and data.tindak_lanjut_measured == 1
    # b answered (respon awal) but no follow-up by 25 June; c nothing by 7 July.
    assert [(o.number, o.what, o.due) for o in data.overdue] == [
        ("KS-KLBS-2026-000002", "tindak_lanjut", date(2026, 6, 25)),
        ("KS-KLBS-2026-000003", "respon_awal", date(2026, 7, 7))]
    assert data.notes == ()
    assert c
    text = _text(office.supervisor.documents.monthly(2026, 6))
    for part in ("LAPORAN BULANAN", "Juni 2026", "Keadaan per 20 Juli 2026, 10.00 WIB",
                 "33,3 %", "2,5", "6,0"):
        assert part in text, part
    csv_text = office.supervisor.documents.monthly(2026, 6, "csv").content.decode("utf-8-sig")
    assert "2026-06,summary,total,Laporan diterima,4" in csv_text
    assert "2026-06,overdue,KS-KLBS-2026-000003,respon awal," in csv_text


def test_monthly_without_history_says_so(office: Office) -> None:
    _slip(office)
    data = office.supervisor.documents.monthly_data(2026, 6)
    assert data.avg_days_respon_awal is None and data.notes == ("no_status_history",)
    text = _text(office.supervisor.documents.monthly(2026, 6))
    assert "belum ada riwayat status" in text.lower()
    empty = office.supervisor.documents.monthly_data(2026, 5)
    assert empty.total == 0 and empty.notes == () and empty.completion_ratio is None


def test_report_format_from_the_file_name() -> None:
    assert [report_format(n) for n in ("a.pdf", "B.CSV", "c.xlsx")] == ["pdf", "csv", "xlsx"]
    with pytest.raises(UnknownReportFormat):
        report_format("laporan.docx")


def test_status_enum_is_complete_in_monthly(office: Office) -> None:
    data = office.supervisor.documents.monthly_data(2026, 6)
    assert [code for code, _n in data.by_status] == [s.value for s in Status]
