"""The Verifikasi workspace with real pages read by the real tesseract: the text pre-filled
from a printed letter, unsure words marked and linked to the image both ways, personal data
marked and blacked out in the preview, suggestions accepted with one key, Ctrl+Enter to verify
and go on, and a handwritten page that leaves the text empty and offers its few sure words."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidgetItem
from pytestqt.qtbot import QtBot

from kotaksaran.domain.enums import Role, Status
from kotaksaran.domain.errors import KotakSaranError, OcrFailed
from kotaksaran.ocr import engine
from kotaksaran.services import Services
from kotaksaran.services.ocr import CONFIDENT
from kotaksaran.ui.main_window import MainWindow
from kotaksaran.ui.submission_list import SubmissionListPage
from kotaksaran.ui.verify_text import WordSpan
from kotaksaran.ui.verify_workspace import VerifyWorkspacePage
from tests import ocr_pages as P
from tests.conftest import PASSWORD, Office, valid_slip
from tests.gui.records_fixtures import make_ctx

pytestmark = [pytest.mark.gui, P.needs_font, P.needs_tesseract]

SERIF = P.FONT.parent / "DejaVuSerif.ttf"
LETTER = (
    "Kepada Yth. Bapak Lurah Batu Selicin",
    "",
    "Saya ingin melaporkan bahwa jalan di depan",
    "SD Negeri 003 berlubang besar dan sudah tiga",
    "bulan tidak diperbaiki. Motor warga sering jatuh",
    "saat hujan. Mohon segera ditindaklanjuti.",
    "",
    "Nama saya Rina Wulandari, NIK 2171 0545 0890 0003,",
    "telepon 0812-7788-9900.",
    "",
    "Terima kasih.",
)
CLEAR_WORDS = ("Puskesmas", "antrian", "Terima kasih")


def letter(smudge: bool = True) -> Image.Image:
    """A typed letter at 150 dpi; `smudge` smears three places (a wet thumb) so that the
    engine is unsure of a few words there."""
    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(P.FONT), 30)
    for i, line in enumerate(LETTER):
        draw.text((120, 150 + i * 51), line, font=font, fill=20)
    if smudge:
        rng = random.Random(5)
        for x0, x1, line_no in ((560, 760, 3), (330, 480, 4), (700, 900, 5)):
            y0 = 150 + line_no * 51
            box = (x0, y0 - 4, x1, y0 + 40)
            img.paste(img.crop(box).filter(ImageFilter.GaussianBlur(3.2)), box)
            for _ in range(10):
                x, y = rng.randint(x0, x1), rng.randint(y0, y0 + 36)
                draw.line((x, y, x + rng.randint(-30, 30), y + rng.randint(-8, 8)),
                          fill=rng.randint(90, 160), width=3)
    return img


def scrawl() -> Image.Image:
    """'Handwriting': jittered, turned, blurred letters the engine can hardly read, and below
    them a few words written clearly."""
    rng = random.Random(3)
    img = Image.new("L", (1240, 1754), 250)
    font = ImageFont.truetype(str(SERIF), 40)
    text = ("pelayanan di loket sangat lama kami menunggu dari pagi sampai siang petugas "
            "sering tidak ada di tempat mohon diperbaiki supaya warga tidak kecewa lagi "
            "setiap bulan selalu begini")
    x, y = 110, 160
    for word in text.split(" "):
        for ch in word:
            glyph = Image.new("L", (70, 80), 0)
            ImageDraw.Draw(glyph).text((10, 5), ch, font=font, fill=255)
            glyph = glyph.rotate(rng.uniform(-35, 35), resample=Image.Resampling.BICUBIC)
            glyph = glyph.resize((int(70 * rng.uniform(0.7, 1.4)),
                                  int(80 * rng.uniform(0.6, 1.5))))
            glyph = glyph.filter(ImageFilter.GaussianBlur(rng.uniform(1.0, 2.2)))
            img.paste(60, (x, y + rng.randint(-12, 12)), glyph)
            x += int(rng.uniform(18, 34))
        x += 40
        if x > 990:
            x, y = 110 + rng.randint(0, 30), y + 110
    draw = ImageDraw.Draw(img)
    clear = ImageFont.truetype(str(P.FONT), 38)
    for i, word in enumerate(CLEAR_WORDS):
        draw.text((140, y + 160 + i * 90), word, font=clear, fill=10)
    return img


# Each distinct stored page image is read by tesseract once per test run; the result is
# written through the OCR service exactly as a background run writes it.
_READ: dict[str, engine.OcrResult] = {}


def read_pages(svc: Services) -> None:
    for page_id in svc.ocr.pending_pages():
        page_ocr = svc.ocr.page_ocr(page_id)
        assert page_ocr is not None
        view = next(p for p in svc.intake.pages(page_ocr.submission_id) if p.id == page_id)
        if view.blob_sha256 not in _READ:
            image = Image.open(io.BytesIO(svc.pages.image_bytes(view.blob_sha256)))
            _READ[view.blob_sha256] = engine.recognize(image, dpi=view.dpi)
        svc.ocr.store_result(page_id, _READ[view.blob_sha256])


def import_pages(office: Office, tmp_path: Path, *images: tuple[str, Image.Image]) -> list[int]:
    paths = []
    for name, image in images:
        path = tmp_path / name
        image.save(path, dpi=(150, 150))
        paths.append(path)
    report = office.petugas.intake.import_files(paths)
    assert report.ok, report.failed
    read_pages(office.petugas)
    return [f.submission_id for f in report.imported]


def workspace(qtbot: QtBot, services: Services) -> VerifyWorkspacePage:
    page = VerifyWorkspacePage(make_ctx(services))
    qtbot.addWidget(page)
    page.resize(1300, 860)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def span_of(page: VerifyWorkspacePage, word: str) -> WordSpan:
    text = page.form.body.toPlainText()
    return next(s for s in page.highlighter.spans if text[s.start:s.end].strip(".,") == word)


def put_cursor(page: VerifyWorkspacePage, offset: int) -> None:
    cursor = page.form.body.textCursor()
    cursor.setPosition(offset)
    page.form.body.setTextCursor(cursor)


def format_at(page: VerifyWorkspacePage, offset: int) -> QTextCharFormat:
    block = page.form.body.document().findBlock(offset)
    inside = offset - block.position()
    for fr in block.layout().formats():
        if fr.start <= inside < fr.start + fr.length:
            return QTextCharFormat(fr.format)  # a copy: the range list goes away
    return QTextCharFormat()


def read_crop(page: VerifyWorkspacePage, svc: Services, rect: QRectF) -> str:
    """What tesseract reads inside `rect` of the stored page image (independent of the app)."""
    assert page._pages is not None
    sha = page._pages.pages[page.link.page_index].blob_sha256
    image = Image.open(io.BytesIO(svc.pages.image_bytes(sha)))
    crop = image.crop((int(rect.left()), int(rect.top()), int(rect.right()),
                       int(rect.bottom())))
    return engine.recognize(crop, psm=engine.PSM_LINE).text


def test_printed_letter_text_and_page_in_step(office: Office, qtbot: QtBot, tmp_path: Path,
                                              indonesian: None) -> None:
    (sub_id,) = import_pages(office, tmp_path, ("surat.png", letter()))
    svc = office.petugas
    saved = svc.submissions.get(sub_id)
    page = workspace(qtbot, svc)

    # the first slip waiting is open, its body pre-filled from the printed page
    assert page._view is not None and page._view.id == sub_id
    assert saved.body.startswith("Kepada Yth.") and page.form.body.toPlainText() == saved.body
    assert QApplication.focusWidget() is page.form.body
    assert page.image_panel.view.has_image() and not page.no_pages.isVisible()
    # marking the text is not an edit: nothing is waiting to be saved
    assert not page._dirty and svc.submissions.get(sub_id).revision == saved.revision

    # words the engine was unsure of are marked, with a cue other than colour
    unsure = page.highlighter.unsure_spans()
    assert unsure and all(s.word is not None and s.word.conf < CONFIDENT for s in unsure)
    fmt = format_at(page, unsure[0].start)
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert fmt.fontItalic()
    sure = span_of(page, "berlubang")
    assert sure not in unsure
    assert format_at(page, sure.start).underlineStyle() != \
        QTextCharFormat.UnderlineStyle.WaveUnderline
    assert page.highlighter.tooltip_at(unsure[0].start).startswith("Aplikasi ragu")
    assert "kata yang diragukan" in page.legend.unsure_text.text()

    # the word at the text cursor is framed on the page, where the word really is
    put_cursor(page, sure.start + 2)
    rect = page.image_panel.view.selected_rect()
    assert sure.word is not None and rect is not None
    x, y, w, h = sure.word.box
    assert rect.contains(QRectF(x, y, w, h))
    assert rect.width() < 2 * w and rect.height() < 3 * h
    assert "berlubang" in read_crop(page, svc, rect)

    # clicking the page selects the clicked word in the text
    target = span_of(page, "Negeri")
    assert target.word is not None
    tx, ty, tw, th = target.word.box
    view = page.image_panel.view
    at = view.mapFromScene(tx + tw / 2, ty + th / 2)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, QPoint(at.x(), at.y()))
    assert page.form.body.textCursor().selectedText() == "Negeri"

    # zoomed in, a word far down the page is scrolled into view
    view.zoom(4)
    end = span_of(page, "Terima")
    put_cursor(page, end.start)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    framed = view.selected_rect()
    assert framed is not None and shown.contains(framed)

    # a corrected word loses its mark but still points at its place on the page
    first = unsure[0]
    cursor = page.form.body.textCursor()
    cursor.setPosition(first.start)
    cursor.setPosition(first.end, cursor.MoveMode.KeepAnchor)
    cursor.insertText("besar")
    page.link.realign()
    fixed = next(s for s in page.highlighter.spans if s.start == first.start)
    assert fixed.word is first.word and not page.highlighter.is_unsure(fixed)
    assert len(page.highlighter.unsure_spans()) == len(unsure) - 1
    page.flush()
    assert "besar" in svc.submissions.get(sub_id).body


def test_ctrl_enter_verifies_then_opens_the_next_slip(office: Office, qtbot: QtBot,
                                                      tmp_path: Path) -> None:
    first, second = import_pages(office, tmp_path, ("a-surat.png", letter()),
                                 ("b-tulisan.png", scrawl()))
    svc = office.petugas
    page = workspace(qtbot, svc)
    assert page._view is not None and page._view.id == first
    body = page.form.body

    # refused: what is missing is said next to its field, and the slip stays open
    qtbot.keyClick(body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert svc.submissions.get(first).status == Status.DRAFT
    assert page._view.id == first
    for name in ("classification", "title", "event_date", "location"):
        assert page.form._errors[name].isVisible(), name

    # Alt+0 takes every suggestion, each shown with the words that led to it
    panel = page.suggestion_panel
    keys = panel.suggested_keys()
    assert {"classification", "category", "agency"} <= set(keys)
    assert "jalan" in panel.rows["category"][1].text()  # "because of: ... jalan ..."
    suggested = {key: panel.value(key) for key in keys}
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier)
    assert page.form.value("classification") == panel.value("classification")
    assert page.form.value("category_id") == panel.value("category")
    assert page.form.value("agency_id") == panel.value("agency")
    assert page.form.value("title") == panel.value("title")
    assert not panel.accept_all_button.isEnabled()  # everything suggested is in the form
    page.form.event_date.setFocus()
    qtbot.keyClicks(page.form.event_date, "01062026")
    page.form.location.setFocus()
    qtbot.keyClicks(page.form.location, "Depan SD Negeri 003")

    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    done = svc.submissions.get(first)
    assert done.status == Status.VERIFIED
    assert (done.classification, done.category_id, done.agency_id) == (
        suggested["classification"], suggested["category"], suggested["agency"])
    assert done.location == "Depan SD Negeri 003"
    # the next slip is open and the hands stay on the keyboard, in its text
    assert page._view is not None and page._view.id == second
    assert QApplication.focusWidget() is body
    assert page.save_state.text() == f"{done.number} verified"


def test_handwritten_page_leaves_the_text_to_the_petugas(office: Office, qtbot: QtBot,
                                                         tmp_path: Path) -> None:
    (sub_id,) = import_pages(office, tmp_path, ("tulisan.png", scrawl()))
    svc = office.petugas
    assert svc.submissions.get(sub_id).body == ""  # no OCR noise in the body
    page = workspace(qtbot, svc)
    assert page.form.body.toPlainText() == ""
    assert page.image_panel.view.has_image()
    assert "Handwriting" in page.ocr_label.text()
    # no title made of what the engine could not read; the sure words may still classify
    assert "title" not in page.suggestion_panel.suggested_keys()

    # the few confident words are offered, not imposed
    offered = page.offered.words()
    assert page.offered.isVisible() and "Puskesmas" in offered and "antrian" in offered
    sure = {w.text.strip(".,") for w in page._pages.words if w.conf >= CONFIDENT} \
        if page._pages else set()
    assert set(offered) <= sure

    chips = page.offered.chips

    def chip(word: str) -> QListWidgetItem:
        return chips.findItems(word, Qt.MatchFlag.MatchExactly)[0]

    # with the keyboard: Tab from the text reaches the words, Enter inserts one
    body = page.form.body
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is chips
    chips.setCurrentItem(chip("Puskesmas"))
    qtbot.keyClick(chips, Qt.Key.Key_Return)
    assert body.toPlainText() == "Puskesmas" and QApplication.focusWidget() is body
    # with the mouse: a click on a word
    rect = chips.visualItemRect(chip("antrian"))
    QTest.mouseClick(chips.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, rect.center())
    assert body.toPlainText() == "Puskesmas antrian"
    page.flush()
    assert svc.submissions.get(sub_id).body == "Puskesmas antrian"


def test_personal_data_marked_and_the_redacted_page_previewed(office: Office, qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    (sub_id,) = import_pages(office, tmp_path, ("surat.png", letter(smudge=False)))
    page = workspace(qtbot, office.petugas)
    kinds = {m.kind for m in page.highlighter.marks}
    assert {"nik", "phone"} <= kinds
    nik = next(m for m in page.highlighter.marks if m.kind == "nik")
    assert "2171" in page.form.body.toPlainText()[nik.start:nik.end]
    fmt = format_at(page, nik.start)
    assert fmt.fontWeight() >= 600
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert "sent as it is" in page.privacy_note.text()
    page.form.anonim.click()
    assert "anonymous" in page.privacy_note.text()

    # the preview blacks out the NIK and the phone number where they are on the page
    view = page.image_panel.view
    assert view.redaction_count() == 0
    page.image_panel.redact_box.click()
    assert view.redaction_count() > 0
    # drawing boxes by hand is offered only where drawn boxes can be kept apart
    assert page.image_panel.hand_row.isVisible()
    boxes = [QRectF(*b) for b in office.petugas.privacy.redaction_boxes(
        page._pages.pages[0].id)] if page._pages else []
    for word in ("2171", "0812-7788-9900"):
        span = span_of(page, word)
        assert span.word is not None
        x, y, w, h = span.word.box
        assert any(b.contains(QRectF(x, y, w, h)) for b in boxes), word
    page.image_panel.redact_box.click()
    assert view.redaction_count() == 0
    page.flush()
    assert office.petugas.submissions.get(sub_id).anonim


def test_someone_who_may_not_see_the_identity_sees_only_the_redacted_page(
        office: Office, qtbot: QtBot, tmp_path: Path) -> None:
    (sub_id,) = import_pages(office, tmp_path, ("surat.png", letter(smudge=False)))
    office.petugas.submissions.save_draft(sub_id, {"anonim": True})
    office.admin.users.add("petugas2", "Dedi Petugas", Role.PETUGAS, PASSWORD)
    other = office.as_user("petugas2")
    page = workspace(qtbot, other)
    assert page._view is not None and page._view.id == sub_id
    box = page.image_panel.redact_box
    assert box.isChecked() and not box.isEnabled()
    assert page.image_panel.view.has_image() and page.image_panel.view.redaction_count() > 0


def test_possible_duplicate_is_linked_and_back_returns(office: Office, qtbot: QtBot,
                                                      tmp_path: Path) -> None:
    # the same letter twice: once smudged, once clean (a second copy handed in)
    first, second = import_pages(office, tmp_path, ("surat-1.png", letter()),
                                 ("surat-2.png", letter(smudge=False)))
    page = workspace(qtbot, office.petugas)
    assert page._view is not None and page._view.id == first
    other = office.petugas.submissions.get(second)
    assert page.dup_banner.isVisible() and other.number in page.dup_banner.text()
    page.dup_banner.linkActivated.emit(str(second))
    assert page._view.id == second and page.back_button.isVisible()
    page.go_back()
    assert page._view.id == first and not page.back_button.isVisible()


def test_typed_slip_without_pages_and_the_empty_queue(office: Office, qtbot: QtBot) -> None:
    svc = office.petugas
    sub_id = svc.submissions.create(valid_slip()).submission.id
    page = workspace(qtbot, svc)
    assert page._view is not None and page._view.id == sub_id
    assert page.no_pages.isVisible() and not page.image_panel.isVisible()
    page.verify_and_next()
    assert svc.submissions.get(sub_id).status == Status.VERIFIED
    assert page._view is None and page.stack.currentWidget() is page.empty_page
    assert not page.verify_button.isEnabled()
    # a slip typed elsewhere shows up in the queue and opens
    svc.submissions.create(valid_slip(title="Lampu jalan mati"))
    page._reload_queue()
    assert page._view is not None and page.queue_box.count() == 1


def test_navigation_workspace_for_desk_staff_review_list_for_supervisors(
        office: Office, qtbot: QtBot, tmp_path: Path) -> None:
    (sub_id,) = import_pages(office, tmp_path, ("surat.png", letter(smudge=False)))

    def window(services: Services) -> MainWindow:
        w = MainWindow(make_ctx(services))
        qtbot.addWidget(w)
        return w

    desk = window(office.petugas)
    assert desk._nav_items["approval"].isHidden() and not desk._nav_items["review"].isHidden()
    assert isinstance(desk.navigate("review"), VerifyWorkspacePage)
    desk.navigate("home")
    desk.open_submission(sub_id)  # a scanned slip opens beside its page
    assert desk.current_key() == "review"
    typed = office.petugas.submissions.create(valid_slip()).submission.id
    desk.open_submission(typed)
    assert desk.current_key() == "input"

    sup = window(office.supervisor)
    assert not sup._nav_items["approval"].isHidden()
    review = sup.navigate("approval")
    assert isinstance(review, SubmissionListPage)
    assert review.status_filter.currentData() == Status.VERIFIED.value


def test_two_page_slip_strip_keys_and_words_on_the_other_page(office: Office, qtbot: QtBot,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "dua-halaman.tif"
    first, second = letter(smudge=False), scrawl()
    first.save(path, "TIFF", save_all=True, append_images=[second], dpi=(150, 150),
               compression="tiff_deflate")
    report = office.petugas.intake.import_files([path])
    assert report.ok and report.imported[0].pages == 2
    read_pages(office.petugas)
    page = workspace(qtbot, office.petugas)
    strip = page.image_panel.strip
    assert strip.isVisible() and page.image_panel.model.rowCount() == 2
    assert page.link.page_index == 0 and "1" in page.image_panel.caption.text()

    body = page.form.body
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.link.page_index == 1 and strip.currentIndex().row() == 1
    qtbot.keyClick(body, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert page.link.page_index == 0

    # the body holds the first page's text; the second page (handwriting) only offers words
    # until typed. A word of the first page shown while page 2 is up brings page 1 back.
    page.link.show_page(1)
    word = span_of(page, "Negeri")
    put_cursor(page, word.start + 1)
    assert page.link.page_index == 0
    framed = page.image_panel.view.selected_rect()
    assert framed is not None and word.word is not None
    assert framed.contains(QRectF(*word.word.box))

    # one key per suggestion: Alt+1 takes the classification, and says it is used now
    panel = page.suggestion_panel
    assert page.form.value("classification") is None
    qtbot.keyClick(body, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert page.form.value("classification") == panel.value("classification")
    assert "✓" in panel.rows["classification"][2].text()


def test_text_arriving_while_the_slip_is_open_and_reading_again_after_a_failure(
        office: Office, qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "surat.png"
    letter().save(path, dpi=(150, 150))
    report = office.petugas.intake.import_files([path])
    sub_id = report.imported[0].submission_id
    svc = office.petugas
    page = workspace(qtbot, svc)
    assert page._view is not None and page._view.id == sub_id
    assert page.form.body.toPlainText() == "" and "waiting" in page.ocr_label.text()
    assert not page.ocr_button.isVisible()  # the window's background OCR reads it

    # the reading failed (tesseract broke, say): the page says so and offers to read again
    (page_id,) = svc.ocr.pending_pages()
    svc.ocr.store_result(page_id, OcrFailed(file="surat.png", detail="test"))
    page.ctx.bus.submissions_changed.emit([sub_id])
    assert "could not read" in page.ocr_label.text() and page.ocr_button.isVisible()
    page.ocr_button.click()  # the real tesseract, through the OCR service
    assert svc.ocr.page_ocr(page_id).state == "done"  # type: ignore[union-attr]
    # the service filled the empty draft; the open form shows it, marked and linked
    assert page.form.body.toPlainText().startswith("Kepada Yth.")
    assert page.highlighter.unsure_spans() and not page.ocr_button.isVisible()
    assert not page._dirty


def test_handwriting_of_an_anonymous_slip_is_covered_by_hand(office: Office, qtbot: QtBot,
                                                            tmp_path: Path) -> None:
    (sub_id,) = import_pages(office, tmp_path, ("tulisan.png", scrawl()))
    svc = office.petugas
    svc.submissions.save_draft(sub_id, {"anonim": True})
    with pytest.raises(KotakSaranError):
        svc.privacy.outgoing_pages(sub_id)  # nobody has looked at the handwriting yet
    page = workspace(qtbot, svc)
    assert "cover them by hand" in page.privacy_note.text()
    panel = page.image_panel
    panel.redact_box.click()
    assert panel.hand_row.isVisible() and "Not checked" in panel.hand_state.text()
    assert page._pages is not None
    page_id = page._pages.pages[0].id

    # a drag over the page blacks out what it covers
    panel.draw_button.click()
    view = panel.view
    start, end = view.mapFromScene(200, 200), view.mapFromScene(500, 300)
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier, end)
    manual, checked = svc.privacy.manual_redactions(page_id)
    assert checked and len(manual) == 1
    x, y, w, h = manual[0]
    assert abs(x - 200) < 6 and abs(y - 200) < 6 and abs(w - 300) < 8 and abs(h - 100) < 8
    assert tuple(manual[0]) in {tuple(b) for b in svc.privacy.redaction_boxes(page_id)}
    assert view.redaction_count() >= 1 and "1" in panel.hand_state.text()
    (sent,) = svc.privacy.outgoing_pages(sub_id)
    assert sent.redacted

    # a click on the drawn box takes it away; the page is unchecked again
    inside = view.mapFromScene(350, 250)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, inside)
    manual, checked = svc.privacy.manual_redactions(page_id)
    assert not manual and not checked
    with pytest.raises(KotakSaranError):
        svc.privacy.outgoing_pages(sub_id)
    # "nothing to cover" is a person's word for it too
    panel.checked_button.click()
    assert svc.privacy.manual_redactions(page_id)[1]
    assert len(svc.privacy.outgoing_pages(sub_id)) == 1
