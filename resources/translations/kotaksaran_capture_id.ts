<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
    <context>
        <name>CapturePage</name>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="86" />
            <source>Box session:</source>
            <translation>Sesi kotak:</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="91" />
            <source>Scan</source>
            <translation>Pindai</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="93" />
            <source>Import files…</source>
            <translation>Impor berkas…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="99" />
            <location filename="../../kotaksaran/ui/capture.py" line="107" />
            <source>Undo</source>
            <translation>Urungkan</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="101" />
            <location filename="../../kotaksaran/ui/capture.py" line="109" />
            <source>Redo</source>
            <translation>Ulangi</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="118" />
            <source>Drop image files, PDFs or folders here to import them.</source>
            <translation>Seret berkas gambar, PDF atau folder ke sini untuk mengimpornya.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="124" />
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="145" />
            <source>No slips in this session yet. Scan or import them.</source>
            <translation>Belum ada lembar di sesi ini. Pindai atau impor lembarnya.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="157" />
            <source>Move left</source>
            <translation>Geser ke kiri</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="159" />
            <source>Move right</source>
            <translation>Geser ke kanan</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="161" />
            <source>Split here</source>
            <translation>Pisah di sini</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="162" />
            <source>This page and the ones after it become a new slip</source>
            <translation>Halaman ini dan sesudahnya menjadi lembar baru</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="164" />
            <source>Merge with previous</source>
            <translation>Gabung dengan sebelumnya</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="165" />
            <source>Add the pages of this slip to the slip before it</source>
            <translation>Tambahkan halaman lembar ini ke lembar sebelumnya</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="167" />
            <location filename="../../kotaksaran/ui/capture.py" line="382" />
            <source>Delete page</source>
            <translation>Hapus halaman</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="169" />
            <source>Open in Input</source>
            <translation>Buka di Input</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="194" />
            <source>Scan &amp; import</source>
            <translation>Pindai &amp; Impor</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="222" />
            <source>Today's session (opened at the first import)</source>
            <translation>Sesi hari ini (dibuka saat impor pertama)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="310" />
            <source>%1, page %2 of %3</source>
            <translation>%1, halaman %2 dari %3</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="365" />
            <source>Rotate page</source>
            <translation>Putar halaman</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="375" />
            <source>Move page</source>
            <translation>Pindahkan halaman</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="389" />
            <source>Split slip</source>
            <translation>Pisah lembar</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="401" />
            <source>Merge slips</source>
            <translation>Gabung lembar</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="412" />
            <source>Import files</source>
            <translation>Impor berkas</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="413" />
            <source>Images and PDF</source>
            <translation>Gambar dan PDF</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="414" />
            <source>All files</source>
            <translation>Semua berkas</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="456" />
            <source>Stopping after the current file…</source>
            <translation>Berhenti setelah berkas ini selesai…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="462" />
            <source>Importing %1 (%2 of %3)</source>
            <translation>Mengimpor %1 (%2 dari %3)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="503" />
            <source>%1 file(s) imported (%2 page(s)), %3 not imported.</source>
            <translation>%1 berkas diimpor (%2 halaman), %3 tidak diimpor.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="508" />
            <source>%1 may repeat a slip already imported (marked in orange).</source>
            <translation>%1 mungkin mengulang lembar yang sudah diimpor (ditandai oranye).</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../kotaksaran/ui/capture.py" line="56" />
            <source>Scan &amp; import</source>
            <translation>Pindai &amp; Impor</translation>
        </message>
    </context>
    <context>
        <name>PageThumbModel</name>
        <message>
            <location filename="../../kotaksaran/ui/thumbnails.py" line="134" />
            <source>Page %1</source>
            <translation>Halaman %1</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/thumbnails.py" line="136" />
            <source>blank</source>
            <translation>kosong</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/thumbnails.py" line="142" />
            <source>image missing</source>
            <translation>gambar hilang</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/thumbnails.py" line="150" />
            <source>Possible duplicate of %1</source>
            <translation>Mungkin duplikat %1</translation>
        </message>
    </context>
    <context>
        <name>PageViewer</name>
        <message>
            <location filename="../../kotaksaran/ui/page_viewer.py" line="102" />
            <source>Zoom in</source>
            <translation>Perbesar</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/page_viewer.py" line="103" />
            <source>Zoom out</source>
            <translation>Perkecil</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/page_viewer.py" line="104" />
            <source>Fit</source>
            <translation>Pas layar</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/page_viewer.py" line="105" />
            <source>Rotate left</source>
            <translation>Putar ke kiri</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/page_viewer.py" line="106" />
            <source>Rotate right</source>
            <translation>Putar ke kanan</translation>
        </message>
    </context>
    <context>
        <name>ScanDialog</name>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="34" />
            <location filename="../../kotaksaran/ui/capture_scan.py" line="58" />
            <location filename="../../kotaksaran/ui/capture_scan.py" line="114" />
            <source>Scan</source>
            <translation>Pindai</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="36" />
            <location filename="../../kotaksaran/ui/capture_scan.py" line="87" />
            <source>Looking for scanners…</source>
            <translation>Mencari pemindai…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="45" />
            <source>Grayscale</source>
            <translation>Abu-abu</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="46" />
            <location filename="../../kotaksaran/ui/capture_scan.py" line="54" />
            <source>Colour</source>
            <translation>Warna</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="47" />
            <source>Black and white</source>
            <translation>Hitam putih</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="49" />
            <source>Flatbed (one page)</source>
            <translation>Flatbed (satu halaman)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="50" />
            <source>Document feeder (all pages)</source>
            <translation>Pengumpan dokumen/ADF (semua halaman)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="52" />
            <source>Scanner</source>
            <translation>Pemindai</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="53" />
            <source>Resolution</source>
            <translation>Resolusi</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="55" />
            <source>Source</source>
            <translation>Sumber</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="89" />
            <source>Put the slips in the scanner, then press Scan.</source>
            <translation>Masukkan lembar ke pemindai, lalu tekan Pindai.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="94" />
            <source>No scanner detected — use Import files</source>
            <translation>Tidak ada pemindai terdeteksi — gunakan Impor berkas</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="112" />
            <source>Scanning…</source>
            <translation>Memindai…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="113" />
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/capture_scan.py" line="137" />
            <source>Scanning page %1…</source>
            <translation>Memindai halaman %1…</translation>
        </message>
    </context>
    <context>
        <name>SlipGroup</name>
        <message>
            <location filename="../../kotaksaran/ui/capture_slips.py" line="63" />
            <source>Possible duplicate of %1</source>
            <translation>Mungkin duplikat %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../kotaksaran/ui/capture_slips.py" line="70" />
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n halaman</numerusform>
            </translation>
        </message>
        <message>
        <source>Typed in, no page images</source>
        <translation>Diketik, tanpa gambar halaman</translation>
    </message>
</context>
    <context>
        <name>WatchFolderRunner</name>
        <message>
            <location filename="../../kotaksaran/ui/capture_watch.py" line="81" />
            <source>Imported from the watch folder: %1</source>
            <translation>Diimpor dari folder pantauan: %1</translation>
        </message>
    </context>
</TS>