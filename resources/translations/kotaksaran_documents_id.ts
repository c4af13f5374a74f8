<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Paper:</source>
        <translation>Kertas:</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Perkecil</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Perbesar</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Simpan sebagai PDF…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Cetak…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>The document could not be made.</source>
        <translation>Dokumen tidak dapat dibuat.</translation>
    </message>
    <message>
        <source>This is a reprint: it will be marked SALINAN (copy).</source>
        <translation>Ini cetak ulang: dokumen akan bertanda SALINAN.</translation>
    </message>
    <message>
        <source>Original: the first print of this document.</source>
        <translation>Asli: cetakan pertama dokumen ini.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Cetak</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Simpan sebagai PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Receipt {number}</source>
        <translation>Tanda terima {number}</translation>
    </message>
    <message>
        <source>Minutes of box opening, session {session}</source>
        <translation>Berita acara pembukaan kotak, sesi {session}</translation>
    </message>
    <message>
        <source>Attach the signed scan…</source>
        <translation>Lampirkan pindaian bertanda tangan…</translation>
    </message>
    <message>
        <source>After signing, scan the paper and keep the scan with this box session</source>
        <translation>Setelah ditandatangani, pindai kertasnya dan simpan pindaiannya bersama sesi kotak ini</translation>
    </message>
    <message>
        <source>Scan of the signed minutes</source>
        <translation>Pindaian berita acara bertanda tangan</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>Pindaian (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <source>Scan attached</source>
        <translation>Pindaian dilampirkan</translation>
    </message>
    <message>
        <source>The scan {file} is kept with this box session.</source>
        <translation>Pindaian {file} disimpan bersama sesi kotak ini.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>Laporan bulanan</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Bulan:</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>Pratinjau dan cetak…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Ekspor XLSX…</translation>
    </message>
    <message>
        <source>Reports received</source>
        <translation>Laporan diterima</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Completion ratio</source>
        <translation>Rasio penyelesaian</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Terlambat</translation>
    </message>
    <message>
        <source>Working days to initial response (average)</source>
        <translation>Hari kerja sampai respon awal (rata-rata)</translation>
    </message>
    <message>
        <source>Working days to follow-up (average)</source>
        <translation>Hari kerja sampai tindak lanjut (rata-rata)</translation>
    </message>
    <message>
        <source>No status history has come back from LAPOR! for this month yet, so the working-day averages are not known.</source>
        <translation>Belum ada riwayat status dari LAPOR! untuk bulan ini, sehingga rata-rata hari kerja belum diketahui.</translation>
    </message>
    <message>
        <source>Monthly report %1</source>
        <translation>Laporan bulanan %1</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the figures</source>
        <translation>Ekspor angka</translation>
    </message>
    <message>
        <source>Status board for the notice board</source>
        <translation>Papan status untuk papan pengumuman</translation>
    </message>
    <message>
        <source>Receipt numbers and LAPOR! tracking numbers with their status. It shows no names or other personal data.</source>
        <translation>Nomor tanda terima dan nomor pelacakan LAPOR! beserta statusnya. Tidak memuat nama atau data pribadi lainnya.</translation>
    </message>
    <message>
        <source>Reports received since:</source>
        <translation>Laporan yang diterima sejak:</translation>
    </message>
    <message>
        <source>Show titles (never those of confidential reports)</source>
        <translation>Tampilkan judul (judul laporan rahasia tidak pernah)</translation>
    </message>
    <message>
        <source>Status board</source>
        <translation>Papan status</translation>
    </message>
    <message>
        <source>Manifest of a sync batch</source>
        <translation>Manifes kiriman sinkronisasi</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>Batch:</translation>
    </message>
    <message>
        <source>Batch %1 — %2, %3 reports</source>
        <translation>Batch %1 — %2, %3 laporan</translation>
    </message>
    <message>
        <source>No batch has been sent yet</source>
        <translation>Belum ada batch yang dikirim</translation>
    </message>
    <message>
        <source>Manifest of batch %1</source>
        <translation>Manifes batch %1</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Printed or saved as PDF</source>
        <translation>Dicetak atau disimpan sebagai PDF</translation>
    </message>
</context>
<context>
    <name>SubmissionEditorPage</name>
    <message>
        <source>Print receipt…</source>
        <translation>Cetak tanda terima…</translation>
    </message>
    <message>
        <source>Tanda terima for the person who handed in the slip (A6 or a receipt roll)</source>
        <translation>Tanda terima untuk orang yang menyerahkan lembar saran (A6 atau gulungan struk)</translation>
    </message>
</context>
<context>
    <name>BoxSessionsPage</name>
    <message>
        <source>Print &amp;minutes…</source>
        <translation>Cetak &amp;berita acara…</translation>
    </message>
    <message>
        <source>Berita acara pembukaan kotak saran, with signature lines; attach the signed scan there</source>
        <translation>Berita acara pembukaan kotak saran dengan tempat tanda tangan; lampirkan pindaian yang sudah ditandatangani di sana</translation>
    </message>
</context>
</TS>
