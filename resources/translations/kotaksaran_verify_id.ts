<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="52" />
        <source>Review</source>
        <translation>Persetujuan</translation>
    </message>
</context>
<context>
    <name>MarkLegend</name>
    <message>
        <location filename="../../kotaksaran/ui/verify_assist.py" line="260" />
        <source>word</source>
        <translation>kata</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_assist.py" line="267" />
        <source>Click a word to see it on the page.</source>
        <translation>Klik sebuah kata untuk melihatnya di halaman.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kotaksaran/ui/verify_assist.py" line="277" />
        <source>%n word(s) the app was unsure of</source>
        <translation><numerusform>%n kata yang diragukan aplikasi</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kotaksaran/ui/verify_assist.py" line="278" />
        <source>personal data (%n)</source>
        <translation><numerusform>data pribadi (%n)</numerusform></translation>
    </message>
</context>
<context>
    <name>OfferedWords</name>
    <message>
        <location filename="../../kotaksaran/ui/verify_assist.py" line="194" />
        <source>Words the app could read on the page — click to insert:</source>
        <translation>Kata yang terbaca aplikasi di halaman — klik untuk menyisipkan:</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_assist.py" line="196" />
        <source>Insert all</source>
        <translation>Sisipkan semua</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_assist.py" line="226" />
        <source>Insert “%1” at the text cursor</source>
        <translation>Sisipkan “%1” di posisi kursor teks</translation>
    </message>
</context>
<context>
    <name>PageTextLink</name>
    <message>
        <location filename="../../kotaksaran/ui/verify_link.py" line="107" />
        <source>Page %1 of %2</source>
        <translation>Halaman %1 dari %2</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_link.py" line="180" />
        <source>Nothing on this page needs blacking out.</source>
        <translation>Tidak ada yang perlu dihitamkan di halaman ini.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_link.py" line="261" />
        <source>“%1” is not in the text (the app was %2% sure of it).</source>
        <translation>“%1” tidak ada di teks (aplikasi %2% yakin dengan kata ini).</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <location filename="../../kotaksaran/ui/verify_assist.py" line="68" />
        <source>Classification</source>
        <translation>Klasifikasi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_assist.py" line="69" />
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_assist.py" line="70" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_assist.py" line="71" />
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_assist.py" line="77" />
        <source>Suggestions</source>
        <translation>Saran aplikasi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_assist.py" line="79" />
        <source>Accept all (Alt+0)</source>
        <translation>Terima semua saran (Alt+0)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_assist.py" line="86" />
        <source>No suggestions yet: they come from the text.</source>
        <translation>Belum ada saran: saran muncul dari isi teks.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_assist.py" line="100" />
        <location filename="../../kotaksaran/ui/verify_assist.py" line="163" />
        <source>Accept</source>
        <translation>Terima</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_assist.py" line="149" />
        <source>because of: %1</source>
        <translation>karena kata: %1</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_assist.py" line="124" />
        <source>Confidence %1%</source>
        <translation>Keyakinan %1%</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_assist.py" line="163" />
        <source>Used</source>
        <translation>Dipakai</translation>
    </message>
</context>
<context>
    <name>VerifyImagePanel</name>
    <message>
        <location filename="../../kotaksaran/ui/verify_image.py" line="240" />
        <source>Zoom out (Ctrl+−)</source>
        <translation>Perkecil (Ctrl+−)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_image.py" line="243" />
        <source>Zoom in (Ctrl++)</source>
        <translation>Perbesar (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_image.py" line="245" />
        <source>Fit</source>
        <translation>Pas layar</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_image.py" line="246" />
        <source>The page's width (Ctrl+0)</source>
        <translation>Selebar halaman (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_image.py" line="250" />
        <source>Preview redacted</source>
        <translation>Pratinjau tersamar</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_image.py" line="252" />
        <source>Shows the page with personal data blacked out, as it is sent for an anonymous or confidential slip. The original stays in this office.</source>
        <translation>Menampilkan halaman dengan data pribadi dihitamkan, seperti yang dikirim untuk laporan anonim atau rahasia. Aslinya tetap di kantor ini.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_image.py" line="270" />
        <source>Cover by hand</source>
        <translation>Tutupi dengan tangan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_image.py" line="272" />
        <source>Drag over the page to black out a part; click a box with a blue edge to remove it. Dragging moves the page again when this is off.</source>
        <translation>Seret di atas halaman untuk menghitamkan suatu bagian; klik kotak bertepi biru untuk menghapusnya. Bila ini dimatikan, menyeret kembali menggeser halaman.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_image.py" line="276" />
        <source>Nothing (more) to cover</source>
        <translation>Tidak ada (lagi) yang perlu ditutup</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_image.py" line="278" />
        <source>Record that you looked at this page and everything personal is covered.</source>
        <translation>Catat bahwa Anda sudah memeriksa halaman ini dan semua data pribadi sudah tertutup.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_image.py" line="304" />
        <source>Not checked by hand yet.</source>
        <translation>Belum diperiksa dengan tangan.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kotaksaran/ui/verify_image.py" line="306" />
        <source>Checked by hand; %n box(es) drawn.</source>
        <translation><numerusform>Sudah diperiksa; %n kotak digambar.</numerusform></translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_image.py" line="308" />
        <source>Checked by hand: nothing to cover.</source>
        <translation>Sudah diperiksa: tidak ada yang perlu ditutup.</translation>
    </message>
</context>
<context>
    <name>VerifyNotes</name>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="24" />
        <source>The app could not read the text of %n page(s). Read again, or type the text from the image.</source>
        <translation>Aplikasi tidak dapat membaca teks %n halaman. Baca ulang, atau ketik teksnya dari gambar.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="28" />
        <source>The text of %n page(s) is waiting to be read; this happens in the background (see the status bar).</source>
        <translation>Teks %n halaman menunggu dibaca; ini berjalan di latar belakang (lihat bilah status).</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="32" />
        <source>The page is blank.</source>
        <translation>Halaman ini kosong.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="38" />
        <source>Handwriting: the app could hardly read it. Compare the text with the page.</source>
        <translation>Tulisan tangan: aplikasi hampir tidak bisa membacanya. Cocokkan teks dengan halaman.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="41" />
        <source>Handwriting: the app could hardly read it, so the text is left for you to type from the page.</source>
        <translation>Tulisan tangan: aplikasi hampir tidak bisa membacanya, jadi isi laporan dibiarkan kosong untuk Anda ketik dari halaman.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="45" />
        <source>Text read from the page, every word with confidence.</source>
        <translation>Teks dibaca dari halaman, semua katanya terbaca dengan yakin.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="48" />
        <source>Text read from the page; %1% of its words with confidence. Check the marked words.</source>
        <translation>Teks dibaca dari halaman; %1% katanya terbaca dengan yakin. Periksa kata yang ditandai.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="56" />
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="57" />
        <source>phone number</source>
        <translation>nomor telepon</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="58" />
        <source>email address</source>
        <translation>alamat email</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="59" />
        <source>name</source>
        <translation>nama</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="67" />
        <source>Handwriting: the app cannot find a NIK or phone number on it by itself. Tick Preview redacted, then cover them by hand or confirm there is nothing to cover; until then the slip cannot be sent.</source>
        <translation>Tulisan tangan: aplikasi tidak dapat menemukan NIK atau nomor telepon di dalamnya sendiri. Centang Pratinjau tersamar, lalu tutupi dengan tangan atau nyatakan tidak ada yang perlu ditutup; sebelum itu laporan ini belum dapat dikirim.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="77" />
        <source>the text</source>
        <translation>isi laporan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="79" />
        <source>the title</source>
        <translation>judul</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="81" />
        <source>the page image</source>
        <translation>gambar halaman</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="82" />
        <source>Personal data in %1: %2.</source>
        <translation>Data pribadi di %1: %2.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="83" />
        <source> and </source>
        <translation> dan </translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="86" />
        <source>This slip is anonymous: it is masked in the text and blacked out on the pages that leave the office.</source>
        <translation>Laporan ini anonim: data itu disamarkan di teks dan dihitamkan di halaman yang keluar dari kantor.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="89" />
        <source>This slip is confidential: it is masked in the text and blacked out on the pages that leave the office.</source>
        <translation>Laporan ini rahasia: data itu disamarkan di teks dan dihitamkan di halaman yang keluar dari kantor.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="92" />
        <source>It is sent as it is. Tick Anonymous or Confidential if the reporter asked to keep it private.</source>
        <translation>Data itu dikirim apa adanya. Centang Anonim atau Rahasia bila pelapor meminta datanya dirahasiakan.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="99" />
        <source>the same file</source>
        <translation>berkas yang sama</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="100" />
        <source>a very similar page image</source>
        <translation>gambar halaman yang sangat mirip</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="101" />
        <source>nearly the same text</source>
        <translation>teks yang hampir sama</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="114" />
        <source>%1 “%2” — %3 (%4)</source>
        <translation>%1 “%2” — %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="115" />
        <source>%1 — %3 (%4)</source>
        <translation>%1 — %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="119" />
        <source>This slip may already be in the database:</source>
        <translation>Laporan ini mungkin sudah ada di basis data:</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="123" />
        <source>(and %n more)</source>
        <translation>(dan %n lagi)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_notes.py" line="124" />
        <source>Click a number to open that slip; Back returns here.</source>
        <translation>Klik nomornya untuk membuka laporan itu; tombol Kembali membawa Anda ke sini lagi.</translation>
    </message>
</context>
<context>
    <name>VerifyQueue</name>
    <message>
        <location filename="../../kotaksaran/ui/verify_assist.py" line="305" />
        <source>Slips waiting for verification, oldest first</source>
        <translation>Laporan yang menunggu verifikasi, yang terlama lebih dulu</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_assist.py" line="324" />
        <source>(no title yet)</source>
        <translation>(belum berjudul)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kotaksaran/ui/verify_assist.py" line="328" />
        <source>%n waiting:</source>
        <translation><numerusform>%n menunggu:</numerusform></translation>
    </message>
</context>
<context>
    <name>VerifyWorkspacePage</name>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="103" />
        <source>Nothing is waiting for verification. New slips appear here as they are scanned or typed.</source>
        <translation>Tidak ada laporan yang menunggu verifikasi. Laporan baru muncul di sini begitu dipindai atau diketik.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="119" />
        <source>The app was unsure of this word (%1% sure): compare it with the page.</source>
        <translation>Aplikasi ragu dengan kata ini (%1% yakin): cocokkan dengan halaman.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="121" />
        <source>Personal data: NIK</source>
        <translation>Data pribadi: NIK</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="122" />
        <source>Personal data: phone number</source>
        <translation>Data pribadi: nomor telepon</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="123" />
        <source>Personal data: email address</source>
        <translation>Data pribadi: alamat email</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="124" />
        <source>Personal data: a name</source>
        <translation>Data pribadi: nama</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="144" />
        <source>◀ Back (Alt+Left)</source>
        <translation>◀ Kembali (Alt+Kiri)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="153" />
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="154" />
        <source>Who changed what, and when</source>
        <translation>Siapa mengubah apa, dan kapan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="158" />
        <source>Receipt…</source>
        <translation>Tanda terima…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="159" />
        <source>Print the receipt for the person who handed in this slip</source>
        <translation>Cetak tanda terima untuk orang yang menyerahkan laporan ini</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="185" />
        <source>This slip has no page image: it was typed.</source>
        <translation>Laporan ini tidak punya gambar halaman: laporan ini diketik.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="197" />
        <source>Read again</source>
        <translation>Baca ulang</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="251" />
        <source>Ctrl+Enter verify &amp; next · Ctrl+S save · Alt+1…4 accept a suggestion, Alt+0 all · Ctrl+PgDn/PgUp page · Ctrl +/−/0 zoom · Alt+Right skip</source>
        <translation>Ctrl+Enter verifikasi &amp; berikutnya · Ctrl+S simpan · Alt+1…4 terima saran, Alt+0 semua · Ctrl+PgDn/PgUp halaman · Ctrl +/−/0 zoom · Alt+Kanan lewati</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="257" />
        <source>Tab moves through the fields; the text field keeps the keyboard while you type.
Click a word in the text to see it on the page; click the page to find the word in the text.
Wavy orange underline: the app was unsure of the word. Blue underline, bold: personal data.</source>
        <translation>Tab berpindah antar isian; kolom isi laporan tetap memegang papan ketik selama Anda mengetik.
Klik kata di teks untuk melihatnya di halaman; klik halaman untuk menemukan katanya di teks.
Garis bawah bergelombang oranye, miring: aplikasi ragu dengan kata itu. Garis bawah biru, tebal: data pribadi.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="263" />
        <source>Skip</source>
        <translation>Lewati</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="264" />
        <source>Leave this slip for later and open the next one (Alt+Right)</source>
        <translation>Tinggalkan laporan ini untuk nanti dan buka yang berikutnya (Alt+Kanan)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="267" />
        <source>Save (Ctrl+S)</source>
        <translation>Simpan (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="269" />
        <source>Verify &amp;&amp; next (Ctrl+Enter)</source>
        <translation>Verifikasi &amp;&amp; berikutnya (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="388" />
        <source>Verification</source>
        <translation>Verifikasi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/verify_workspace.py" line="589" />
        <source>Reading the text of the page…</source>
        <translation>Membaca teks halaman…</translation>
    </message>
</context>
</TS>