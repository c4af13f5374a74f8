<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>OcrStatus</name>
    <message numerus="yes">
        <location filename="../../kotaksaran/ui/ocr_runner.py" line="170" />
        <source>Reading text (OCR): 0 of %n page(s)</source>
        <translation><numerusform>Membaca teks (OCR): 0 dari %n halaman</numerusform></translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/ocr_runner.py" line="171" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/ocr_runner.py" line="172" />
        <source>Stop after the pages being read now; the rest wait</source>
        <translation>Berhenti setelah halaman yang sedang dibaca; sisanya menunggu</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kotaksaran/ui/ocr_runner.py" line="177" />
        <source>Reading text (OCR): %1 of %n page(s)</source>
        <translation><numerusform>Membaca teks (OCR): %1 dari %n halaman</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kotaksaran/ui/ocr_runner.py" line="182" />
        <source>Text read from %n page(s).</source>
        <translation><numerusform>Teks terbaca dari %n halaman.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kotaksaran/ui/ocr_runner.py" line="183" />
        <source>Text read; %n page(s) could not be read.</source>
        <translation><numerusform>Teks terbaca; %n halaman tidak dapat dibaca.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kotaksaran/ui/ocr_runner.py" line="191" />
        <source>OCR paused: %n page(s) waiting.</source>
        <translation><numerusform>OCR dijeda: %n halaman menunggu.</numerusform></translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/ocr_runner.py" line="192" />
        <source>Resume</source>
        <translation>Lanjutkan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/ocr_runner.py" line="193" />
        <source>Read the waiting pages now</source>
        <translation>Baca halaman yang menunggu sekarang</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/ocr_runner.py" line="196" />
        <source>Text recognition is not available.</source>
        <translation>Pengenalan teks (OCR) tidak tersedia.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/ocr_runner.py" line="196" />
        <source>Retry</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/ocr_runner.py" line="204" />
        <source>Stopping after the pages being read now…</source>
        <translation>Berhenti setelah halaman yang sedang dibaca…</translation>
    </message>
</context>
</TS>