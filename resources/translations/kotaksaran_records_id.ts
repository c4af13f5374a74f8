<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="30" />
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="31" />
        <source>Saved while typing</source>
        <translation>Disimpan otomatis</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="32" />
        <source>Edited</source>
        <translation>Diubah</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="33" />
        <source>Back to draft</source>
        <translation>Kembali menjadi draf</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="34" />
        <source>Verified</source>
        <translation>Diverifikasi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="35" />
        <source>Returned</source>
        <translation>Dikembalikan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="36" />
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="37" />
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="38" />
        <source>Queued for sending</source>
        <translation>Masuk antrian kirim</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="39" />
        <source>Sent</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="40" />
        <source>Registered upstream</source>
        <translation>Terdaftar di LAPOR!</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="41" />
        <source>Closed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="62" />
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="63" />
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="86" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="88" />
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="101" />
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="110" />
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="110" />
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="110" />
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="111" />
        <source>Changes</source>
        <translation>Perubahan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="122" />
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/audit_view.py" line="139" />
        <source>Note: %1</source>
        <translation>Catatan: %1</translation>
    </message>
    <message>
        <source>Imported from a file or scanner</source>
        <translation>Diimpor dari berkas atau pemindai</translation>
    </message>
    <message>
        <source>Page moved</source>
        <translation>Halaman dipindah</translation>
    </message>
    <message>
        <source>Page rotated</source>
        <translation>Halaman diputar</translation>
    </message>
    <message>
        <source>Page deleted</source>
        <translation>Halaman dihapus</translation>
    </message>
    <message>
        <source>Page restored</source>
        <translation>Halaman dikembalikan</translation>
    </message>
    <message>
        <source>Pages split off</source>
        <translation>Halaman dipisah</translation>
    </message>
    <message>
        <source>Pages merged</source>
        <translation>Halaman digabung</translation>
    </message>
</context>
<context>
    <name>BoxSessionModel</name>
    <message>
        <location filename="../../kotaksaran/ui/box_sessions.py" line="39" />
        <source>Box</source>
        <translation>Kotak</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_sessions.py" line="40" />
        <source>Opened at</source>
        <translation>Dibuka pada</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_sessions.py" line="41" />
        <source>Opened by</source>
        <translation>Dibuka oleh</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_sessions.py" line="42" />
        <source>Witnesses</source>
        <translation>Saksi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_sessions.py" line="43" />
        <source>Found</source>
        <translation>Ditemukan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_sessions.py" line="44" />
        <source>Typed in</source>
        <translation>Diinput</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_sessions.py" line="45" />
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_sessions.py" line="126" />
        <source>Open</source>
        <translation>Terbuka</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_sessions.py" line="128" />
        <location filename="../../kotaksaran/ui/box_sessions.py" line="188" />
        <source>Closed, %1 differ</source>
        <translation>Ditutup, selisih %1</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_sessions.py" line="130" />
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
</context>
<context>
    <name>BoxSessionsPage</name>
    <message>
        <location filename="../../kotaksaran/ui/box_sessions.py" line="144" />
        <source>Box-opening sessions</source>
        <translation>Sesi pembukaan kotak saran</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_sessions.py" line="148" />
        <source>Open a session each time the suggestion box is opened, with the witnesses present and the number of slips found. Type in the slips, then close the session: the numbers are compared.</source>
        <translation>Buka sesi setiap kali kotak saran dibuka, dengan saksi yang hadir dan jumlah lembar yang ditemukan. Input lembarnya, lalu tutup sesi: jumlahnya akan dibandingkan.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_sessions.py" line="155" />
        <source>Open &amp;session…</source>
        <translation>Buka &amp;sesi…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_sessions.py" line="157" />
        <source>&amp;Type in a slip for this session</source>
        <translation>&amp;Input slip untuk sesi ini</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_sessions.py" line="159" />
        <source>&amp;Close session…</source>
        <translation>&amp;Tutup sesi…</translation>
    </message>
</context>
<context>
    <name>CloseSessionDialog</name>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="174" />
        <source>Close the box session</source>
        <translation>Tutup sesi kotak saran</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="186" />
        <source> slips</source>
        <translation> lembar</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="189" />
        <source>Slips &amp;found in the box</source>
        <translation>Lembar &amp;ditemukan di kotak</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="190" />
        <source>%1 slips</source>
        <translation>%1 lembar</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="191" />
        <source>Slips typed in</source>
        <translation>Lembar diinput</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="196" />
        <source>&amp;Note (why the numbers differ)</source>
        <translation>&amp;Catatan (mengapa jumlahnya berbeda)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="208" />
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="224" />
        <source>Close session</source>
        <translation>Tutup sesi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="210" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="223" />
        <source>Every slip found has been typed in.</source>
        <translation>Semua lembar yang ditemukan sudah diinput.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="228" />
        <source>The numbers differ: %1 slips found but only %2 typed in, so %3 are missing. Type in the missing slips first, or correct the count if it was wrong.</source>
        <translation>Jumlahnya berbeda: %1 lembar ditemukan, tetapi baru %2 yang diinput, jadi %3 lembar belum ada. Input dulu lembar yang belum ada, atau perbaiki jumlahnya bila salah hitung.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="232" />
        <source>The numbers differ: %1 slips found but %2 typed in, %3 more than found. Correct the count if it was wrong.</source>
        <translation>Jumlahnya berbeda: %1 lembar ditemukan, tetapi %2 yang diinput, %3 lebih banyak dari yang ditemukan. Perbaiki jumlahnya bila salah hitung.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="236" />
        <source>Close with the difference</source>
        <translation>Tutup dengan selisih</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="244" />
        <source>Write a note on why the numbers differ.</source>
        <translation>Tulis catatan mengapa jumlahnya berbeda.</translation>
    </message>
</context>
<context>
    <name>OpenSessionDialog</name>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="48" />
        <source>Open a box session</source>
        <translation>Buka sesi kotak saran</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="63" />
        <source>&amp;Box</source>
        <translation>&amp;Kotak</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="72" />
        <source>Opened &amp;at</source>
        <translation>&amp;Waktu dibuka</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="75" />
        <source>&amp;Where</source>
        <translation>&amp;Tempat</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="78" />
        <source>Opened &amp;by</source>
        <translation>Dibuka &amp;oleh</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="85" />
        <source>Name, then Enter</source>
        <translation>Nama, lalu Enter</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="87" />
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="90" />
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="100" />
        <source>&amp;Witnesses</source>
        <translation>&amp;Saksi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="104" />
        <source> slips</source>
        <translation> lembar</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="106" />
        <source>Slips &amp;found</source>
        <translation>Lembar &amp;ditemukan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="112" />
        <source>Open session</source>
        <translation>Buka sesi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="114" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/box_session_dialogs.py" line="145" />
        <source>There is no box yet. An admin adds one in Settings.</source>
        <translation>Belum ada kotak saran. Admin dapat menambahkannya di Pengaturan.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../kotaksaran/ui/review.py" line="29" />
        <source>Content unclear</source>
        <translation>Isi tidak jelas</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/review.py" line="30" />
        <source>Location incomplete</source>
        <translation>Lokasi kurang lengkap</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/review.py" line="31" />
        <source>Duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/review.py" line="32" />
        <source>Not a complaint / spam</source>
        <translation>Bukan pengaduan/spam</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/review.py" line="61" />
        <source>Write the reason the petugas will read.</source>
        <translation>Tulis alasan yang akan dibaca petugas.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/review.py" line="64" />
        <source>A reason is required.</source>
        <translation>Alasan wajib diisi.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/review.py" line="71" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>SubmissionEditorPage</name>
    <message>
        <location filename="../../kotaksaran/ui/submission_editor.py" line="91" />
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_editor.py" line="92" />
        <source>Who changed what, and when</source>
        <translation>Siapa mengubah apa, dan kapan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_editor.py" line="116" />
        <source>New slip (Ctrl+N)</source>
        <translation>Laporan baru (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_editor.py" line="118" />
        <source>Save (Ctrl+S)</source>
        <translation>Simpan (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_editor.py" line="120" />
        <source>Verify &amp;&amp; next (Ctrl+Enter)</source>
        <translation>Verifikasi &amp;&amp; berikutnya (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_editor.py" line="241" />
        <source>New slip</source>
        <translation>Laporan baru</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_editor.py" line="249" />
        <source>Returned: %1</source>
        <translation>Dikembalikan: %1</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_editor.py" line="252" />
        <source>Rejected: %1</source>
        <translation>Ditolak: %1</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_editor.py" line="255" />
        <source>Your role can read this slip but not change it.</source>
        <translation>Peran Anda dapat membaca laporan ini tetapi tidak dapat mengubahnya.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_editor.py" line="257" />
        <source>This slip is %1 and can no longer be changed.</source>
        <translation>Laporan ini berstatus %1 dan tidak dapat diubah lagi.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_editor.py" line="260" />
        <source>Verified. Changing the content makes it a draft again, to be verified once more.</source>
        <translation>Sudah diverifikasi. Bila isinya diubah, laporan kembali menjadi draf dan perlu diverifikasi lagi.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_editor.py" line="282" />
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_editor.py" line="285" />
        <source>Saved %1</source>
        <translation>Tersimpan %1</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_editor.py" line="341" />
        <source>Not saved: see the fields in red</source>
        <translation>Belum tersimpan: periksa kolom yang bertanda merah</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_editor.py" line="346" />
        <source>Not saved!</source>
        <translation>Belum tersimpan!</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_editor.py" line="408" />
        <source>Not verified yet: see the fields in red</source>
        <translation>Belum bisa diverifikasi: periksa kolom yang bertanda merah</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_editor.py" line="426" />
        <source>%1 verified</source>
        <translation>%1 terverifikasi</translation>
    </message>
</context>
<context>
    <name>SubmissionForm</name>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="116" />
        <source>Classification</source>
        <translation>Klasifikasi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="120" />
        <source>One line: what is the report about?</source>
        <translation>Satu baris: laporan ini tentang apa?</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="122" />
        <source>&amp;Title</source>
        <translation>&amp;Judul</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="127" />
        <source>Type the slip's text as written.</source>
        <translation>Ketik isi slip sesuai tulisannya.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="131" />
        <source>&amp;Report text</source>
        <translation>&amp;Isi laporan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="134" />
        <source>not filled in</source>
        <translation>belum diisi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="138" />
        <source>Clear</source>
        <translation>Kosongkan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="139" />
        <source>Leave the date empty for now</source>
        <translation>Biarkan tanggal kosong dulu</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="149" />
        <source>&amp;Date of the event</source>
        <translation>&amp;Tanggal kejadian</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="153" />
        <source>Street, RT/RW, place</source>
        <translation>Jalan, RT/RW, tempat</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="165" />
        <location filename="../../kotaksaran/ui/submission_form.py" line="170" />
        <source>Type to search…</source>
        <translation>Ketik untuk mencari…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="155" />
        <source>L&amp;ocation</source>
        <translation>&amp;Lokasi kejadian</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="148" />
        <source>Type e.g. 01062026</source>
        <translation>Ketik mis. 01062026</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="167" />
        <source>A&amp;gency</source>
        <translation>Instansi t&amp;ujuan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="174" />
        <source>Categor&amp;y</source>
        <translation>&amp;Kategori</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="181" />
        <source>Cha&amp;nnel</source>
        <translation>&amp;Saluran</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="185" />
        <source>A slip from the box belongs to a box session.</source>
        <translation>Slip dari kotak saran masuk ke sebuah sesi pembukaan kotak.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="186" />
        <source>Box &amp;session</source>
        <translation>Sesi k&amp;otak saran</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="189" />
        <source>Anonymous</source>
        <translation>Anonim</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="192" />
        <source>The reporter's identity never leaves this office.</source>
        <translation>Identitas pelapor tidak pernah keluar dari kantor ini.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="193" />
        <source>Confidential</source>
        <translation>Rahasia</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="196" />
        <source>The report is not shown to the public.</source>
        <translation>Laporan tidak ditampilkan untuk umum.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="211" />
        <source>Reporter's identity (optional)</source>
        <translation>Identitas pelapor (opsional)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="222" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="223" />
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="224" />
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="225" />
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="226" />
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="233" />
        <source>16 digits</source>
        <translation>16 angka</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="256" />
        <source>— no session —</source>
        <translation>— tanpa sesi —</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="286" />
        <source>— sub-category (optional) —</source>
        <translation>— sub-kategori (opsional) —</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="372" />
        <source>hidden</source>
        <translation>disembunyikan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="376" />
        <source>Hidden: this slip is anonymous or confidential.</source>
        <translation>Disembunyikan: laporan ini anonim atau rahasia.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_form.py" line="394" />
        <source>Closed session #%1</source>
        <translation>Sesi #%1 (ditutup)</translation>
    </message>
</context>
<context>
    <name>SubmissionListPage</name>
    <message>
        <location filename="../../kotaksaran/ui/submission_list.py" line="91" />
        <source>Search title, text or number… (Ctrl+F)</source>
        <translation>Cari judul, isi atau nomor… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_list.py" line="121" />
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_list.py" line="122" />
        <source>Draft &amp; returned</source>
        <translation>Draf &amp; dikembalikan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_list.py" line="126" />
        <source>All channels</source>
        <translation>Semua saluran</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_list.py" line="97" />
        <source>All dates</source>
        <translation>Semua tanggal</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_list.py" line="137" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_list.py" line="138" />
        <source>Channel</source>
        <translation>Saluran</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_list.py" line="139" />
        <source>Box session</source>
        <translation>Sesi kotak</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_list.py" line="181" />
        <source>&amp;Open (Enter)</source>
        <translation>B&amp;uka (Enter)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_list.py" line="185" />
        <source>A&amp;pprove</source>
        <translation>&amp;Setujui</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_list.py" line="186" />
        <source>&amp;Return…</source>
        <translation>&amp;Kembalikan…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_list.py" line="187" />
        <source>Re&amp;ject…</source>
        <translation>T&amp;olak…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_list.py" line="205" />
        <source>All sessions</source>
        <translation>Semua sesi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_list.py" line="296" />
        <source>%1 reports</source>
        <translation>%1 laporan</translation>
    </message>
</context>
<context>
    <name>SubmissionTableModel</name>
    <message>
        <location filename="../../kotaksaran/ui/submission_model.py" line="53" />
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_model.py" line="54" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_model.py" line="55" />
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_model.py" line="57" />
        <source>Classification</source>
        <translation>Klasifikasi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_model.py" line="58" />
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_model.py" line="59" />
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_model.py" line="60" />
        <source>Channel</source>
        <translation>Saluran</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/submission_model.py" line="334" />
        <source>This column cannot be sorted</source>
        <translation>Kolom ini tidak dapat diurutkan</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <location filename="../../kotaksaran/ui/review.py" line="102" />
        <source>Return slip %1</source>
        <translation>Kembalikan laporan %1</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/review.py" line="103" />
        <source>The slip goes back to the petugas, who fixes it and verifies it again. Why?</source>
        <translation>Laporan dikembalikan ke petugas untuk diperbaiki dan diverifikasi lagi. Apa alasannya?</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/review.py" line="105" />
        <source>Return</source>
        <translation>Kembalikan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/review.py" line="108" />
        <source>Reject slip %1</source>
        <translation>Tolak laporan %1</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/review.py" line="109" />
        <source>A rejected slip is kept but never sent. Why is it not a report?</source>
        <translation>Laporan yang ditolak tetap disimpan tetapi tidak pernah dikirim. Mengapa ini bukan laporan?</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/review.py" line="111" />
        <source>Reject</source>
        <translation>Tolak</translation>
    </message>
</context>
</TS>