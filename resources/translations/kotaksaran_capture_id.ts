<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
    <context>
        <name>CapturePage</name>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="176" />
            <source>Box session:</source>
            <translation>Sesi kotak:</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="181" />
            <location filename="../../kotaksaran/ui/capture.py" line="627" />
            <source>Scan</source>
            <translation>Pindai</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="183" />
            <source>Import files…</source>
            <translation>Impor berkas…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="189" />
            <location filename="../../kotaksaran/ui/capture.py" line="197" />
            <source>Undo</source>
            <translation>Urungkan</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="191" />
            <location filename="../../kotaksaran/ui/capture.py" line="199" />
            <source>Redo</source>
            <translation>Ulangi</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="208" />
            <source>Drop image files, PDFs or folders here to import them.</source>
            <translation>Seret berkas gambar, PDF atau folder ke sini untuk mengimpornya.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="214" />
            <location filename="../../kotaksaran/ui/capture.py" line="626" />
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="235" />
            <source>No slips in this session yet. Scan or import them.</source>
            <translation>Belum ada lembar di sesi ini. Pindai atau impor lembarnya.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="247" />
            <source>Move left</source>
            <translation>Geser ke kiri</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="249" />
            <source>Move right</source>
            <translation>Geser ke kanan</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="251" />
            <source>Split here</source>
            <translation>Pisah di sini</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="252" />
            <source>This page and the ones after it become a new slip</source>
            <translation>Halaman ini dan sesudahnya menjadi lembar baru</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="254" />
            <source>Merge with previous</source>
            <translation>Gabung dengan sebelumnya</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="255" />
            <source>Add the pages of this slip to the slip before it</source>
            <translation>Tambahkan halaman lembar ini ke lembar sebelumnya</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="257" />
            <location filename="../../kotaksaran/ui/capture.py" line="467" />
            <source>Delete page</source>
            <translation>Hapus halaman</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="259" />
            <source>Open in Input</source>
            <translation>Buka di Input</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="279" />
            <source>Scan &amp; import</source>
            <translation>Pindai &amp; Impor</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="307" />
            <source>Today's session (opened at the first import)</source>
            <translation>Sesi hari ini (dibuka saat impor pertama)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="395" />
            <source>%1, page %2 of %3</source>
            <translation>%1, halaman %2 dari %3</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="450" />
            <source>Rotate page</source>
            <translation>Putar halaman</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="460" />
            <source>Move page</source>
            <translation>Pindahkan halaman</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="474" />
            <source>Split slip</source>
            <translation>Pisah lembar</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="486" />
            <source>Merge slips</source>
            <translation>Gabung lembar</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="497" />
            <source>Import files</source>
            <translation>Impor berkas</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="498" />
            <source>Images and PDF</source>
            <translation>Gambar dan PDF</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="499" />
            <source>All files</source>
            <translation>Semua berkas</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="541" />
            <source>Stopping after the current file…</source>
            <translation>Berhenti setelah berkas ini selesai…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="547" />
            <source>Importing %1 (%2 of %3)</source>
            <translation>Mengimpor %1 (%2 dari %3)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="588" />
            <source>%1 file(s) imported (%2 page(s)), %3 not imported.</source>
            <translation>%1 berkas diimpor (%2 halaman), %3 tidak diimpor.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="593" />
            <source>%1 may repeat a slip already imported (marked in orange).</source>
            <translation>%1 mungkin mengulang lembar yang sudah diimpor (ditandai oranye).</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="626" />
            <source>Scanning…</source>
            <translation>Memindai…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="644" />
            <source>Scanning page %1…</source>
            <translation>Memindai halaman %1…</translation>
        </message>
    </context>
    <context>
        <name>PageThumbModel</name>
        <message>
            <location filename="../../kotaksaran/ui/thumbnails.py" line="133" />
            <source>Page %1</source>
            <translation>Halaman %1</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/thumbnails.py" line="135" />
            <source>blank</source>
            <translation>kosong</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/thumbnails.py" line="141" />
            <source>image missing</source>
            <translation>gambar hilang</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/thumbnails.py" line="149" />
            <source>Possible duplicate of %1</source>
            <translation>Mungkin duplikat %1</translation>
        </message>
    </context>
    <context>
        <name>PageViewer</name>
        <message>
            <location filename="../../kotaksaran/ui/page_viewer.py" line="88" />
            <source>Zoom in</source>
            <translation>Perbesar</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/page_viewer.py" line="89" />
            <source>Zoom out</source>
            <translation>Perkecil</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/page_viewer.py" line="90" />
            <source>Fit</source>
            <translation>Pas layar</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/page_viewer.py" line="91" />
            <source>Rotate left</source>
            <translation>Putar ke kiri</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/page_viewer.py" line="92" />
            <source>Rotate right</source>
            <translation>Putar ke kanan</translation>
        </message>
    </context>
    <context>
        <name>ScanDialog</name>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="28" />
            <location filename="../../kotaksaran/ui/capture_scan.py" line="52" />
            <source>Scan</source>
            <translation>Pindai</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="30" />
            <location filename="../../kotaksaran/ui/capture_scan.py" line="81" />
            <source>Looking for scanners…</source>
            <translation>Mencari pemindai…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="39" />
            <source>Grayscale</source>
            <translation>Abu-abu</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="40" />
            <location filename="../../kotaksaran/ui/capture_scan.py" line="48" />
            <source>Colour</source>
            <translation>Warna</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="41" />
            <source>Black and white</source>
            <translation>Hitam putih</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="43" />
            <source>Flatbed (one page)</source>
            <translation>Flatbed (satu halaman)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="44" />
            <source>Document feeder (all pages)</source>
            <translation>Pengumpan dokumen/ADF (semua halaman)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="46" />
            <source>Scanner</source>
            <translation>Pemindai</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="47" />
            <source>Resolution</source>
            <translation>Resolusi</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="49" />
            <source>Source</source>
            <translation>Sumber</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="83" />
            <source>Put the slips in the scanner, then press Scan.</source>
            <translation>Masukkan lembar ke pemindai, lalu tekan Pindai.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="88" />
            <source>No scanner detected — use Import files</source>
            <translation>Tidak ada pemindai terdeteksi — gunakan Impor berkas</translation>
        </message>
    </context>
    <context>
        <name>SlipGroup</name>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="101" />
            <source>Possible duplicate of %1</source>
            <translation>Mungkin duplikat %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../kotaksaran/ui/capture.py" line="108" />
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n halaman</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../kotaksaran/ui/navigation.py" line="78" />
            <source>Scan &amp; import</source>
            <translation>Pindai &amp; Impor</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/main_window.py" line="453" />
            <source>Imported from the watch folder: %1</source>
            <translation>Diimpor dari folder pantauan: %1</translation>
        </message>
    </context>
</TS>