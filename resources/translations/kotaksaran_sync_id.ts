<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
    <context>
        <name>SyncBatchModel</name>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" line="41" />
            <source>Started</source>
            <translation>Dimulai</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" line="42" />
            <source>Kind</source>
            <translation>Jenis</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" line="43" />
            <source>Channel</source>
            <translation>Saluran</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" line="44" />
            <source>Target</source>
            <translation>Tujuan</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" line="45" />
            <source>By</source>
            <translation>Oleh</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" line="46" />
            <source>Result</source>
            <translation>Hasil</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>Bundle export</source>
            <translation>Ekspor paket</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>Bundle import</source>
            <translation>Impor paket</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>Push</source>
            <translation>Kirim</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>Received</source>
            <translation>Diterima</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>no records</source>
            <translation>tanpa laporan</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>{n} done</source>
            <translation>{n} selesai</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>{n} quarantined</source>
            <translation>{n} dikarantina</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>{n} retrying</source>
            <translation>{n} dicoba lagi</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>{n} sending</source>
            <translation>{n} sedang dikirim</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>{n} waiting</source>
            <translation>{n} menunggu</translation>
        </message>
    </context>
    <context>
        <name>SyncNames</name>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" line="68" />
            <source>Kotak Saran exchange API</source>
            <translation>API pertukaran Kotak Saran</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" line="69" />
            <source>Open311 GeoReport v2</source>
            <translation>Open311 GeoReport v2</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" line="70" />
            <source>LAPOR! XML stream</source>
            <translation>Aliran XML LAPOR!</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" line="71" />
            <source>File bundle (USB)</source>
            <translation>Paket berkas (USB)</translation>
        </message>
    </context>
    <context>
        <name>SyncQueueModel</name>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" line="33" />
            <source>Number</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" line="34" />
            <source>Title</source>
            <translation>Judul</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" line="35" />
            <source>State</source>
            <translation>Keadaan</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" line="36" />
            <source>Tries</source>
            <translation>Percobaan</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" line="37" />
            <source>Details</source>
            <translation>Keterangan</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" line="38" />
            <source>Updated</source>
            <translation>Diperbarui</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>Accepted upstream; the tracking ID comes with a status pull.</source>
            <translation>Diterima server; nomor pelacakan datang saat status ditarik.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>Approved, waiting</source>
            <translation>Disetujui, menunggu</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>Approved; goes with the next push or bundle.</source>
            <translation>Sudah disetujui; ikut pada pengiriman atau paket berikutnya.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>Being sent now (or the last push stopped here: it is sent again).</source>
            <translation>Sedang dikirim (atau pengiriman terakhir berhenti di sini: akan dikirim lagi).</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>Next try {time}. {reason}</source>
            <translation>Dicoba lagi {time}. {reason}</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>Pending</source>
            <translation>Menunggu</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>Quarantined</source>
            <translation>Dikarantina</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>Registered upstream with tracking ID #{id}.</source>
            <translation>Terdaftar di server dengan nomor pelacakan #{id}.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>Registered</source>
            <translation>Terdaftar</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>Retrying</source>
            <translation>Mencoba lagi</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>Sending</source>
            <translation>Sedang dikirim</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>Sent</source>
            <translation>Terkirim</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue_model.py" />
            <source>Waiting for the next push.</source>
            <translation>Menunggu pengiriman berikutnya.</translation>
        </message>
    </context>
    <context>
        <name>SyncQueuePage</name>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="88" />
            <source>Send queue</source>
            <translation>Antrian Kirim</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="102" />
            <source>Send now</source>
            <translation>Kirim sekarang</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="106" />
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="110" />
            <source>Pull statuses</source>
            <translation>Tarik status</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="113" />
            <source>Retry selected now</source>
            <translation>Kirim ulang yang dipilih</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="116" />
            <source>Export bundle…</source>
            <translation>Ekspor paket…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="119" />
            <source>Import bundle…</source>
            <translation>Impor paket…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="145" />
            <source>Show:</source>
            <translation>Tampilkan:</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="148" />
            <source>Waiting and in progress</source>
            <translation>Menunggu dan sedang diproses</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="148" />
            <source>All</source>
            <translation>Semua</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="149" />
            <source>Quarantined</source>
            <translation>Dikarantina</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="149" />
            <source>Done</source>
            <translation>Selesai</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="167" />
            <source>Queue</source>
            <translation>Antrian</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="170" />
            <source>Batch history</source>
            <translation>Riwayat batch</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="222" />
            <source>Approved, waiting: {waiting}   ·   In the queue: {pending}   ·   Retrying: {retrying}   ·   Quarantined: {quarantined}   ·   Done: {done}</source>
            <translation>Disetujui, menunggu: {waiting}   ·   Dalam antrian: {pending}   ·   Dicoba lagi: {retrying}   ·   Dikarantina: {quarantined}   ·   Selesai: {done}</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="232" />
            <source>(no address set: Settings &gt; Sync)</source>
            <translation>(alamat belum diisi: Pengaturan &gt; Sinkronisasi)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="234" />
            <source>Upstream: {adapter} — {url}</source>
            <translation>Tujuan: {adapter} — {url}</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="236" />
            <source>Last push: {push}   ·   Last pull: {pull}</source>
            <translation>Kirim terakhir: {push}   ·   Tarik status terakhir: {pull}</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="239" />
            <source>No link: tried again on its own.</source>
            <translation>Tidak terhubung: dicoba lagi otomatis.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="244" />
            <source>never</source>
            <translation>belum pernah</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="310" />
            <source>Cancelled. Records not tried stay in the queue.</source>
            <translation>Dibatalkan. Laporan yang belum dicoba tetap di antrian.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="314" />
            <source>No link to the upstream yet; tried again on its own.</source>
            <translation>Belum terhubung ke server; dicoba lagi otomatis.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="321" />
            <source>Trying again on its own later.</source>
            <translation>Nanti dicoba lagi otomatis.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="332" />
            <source>Stopping after the record being sent…</source>
            <translation>Berhenti setelah laporan yang sedang dikirim…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="339" />
            <source>Sending {number} ({done} of {total})…</source>
            <translation>Mengirim {number} ({done} dari {total})…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="350" />
            <source>Sending…</source>
            <translation>Mengirim…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="355" />
            <source>{sent} sent ({registered} with a tracking ID), {failed} to be tried again, {quarantined} quarantined.</source>
            <translation>{sent} terkirim ({registered} dengan nomor pelacakan), {failed} akan dicoba lagi, {quarantined} dikarantina.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="360" />
            <source>Cancelled: the other records stay in the queue.</source>
            <translation>Dibatalkan: laporan lainnya tetap di antrian.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="378" />
            <source>Pulling statuses…</source>
            <translation>Menarik status…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="384" />
            <source>{changes} change(s): {registered} newly registered, {closed} closed, {updated} updated.</source>
            <translation>{changes} perubahan: {registered} baru terdaftar, {closed} selesai, {updated} diperbarui.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="415" />
            <source>Approved slips (to send on)</source>
            <translation>Laporan yang disetujui (untuk diteruskan)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="416" />
            <source>Statuses for unit {unit}</source>
            <translation>Status untuk unit {unit}</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="418" />
            <location filename="../../kotaksaran/ui/sync_queue.py" line="430" />
            <location filename="../../kotaksaran/ui/sync_queue.py" line="450" />
            <location filename="../../kotaksaran/ui/sync_queue.py" line="466" />
            <location filename="../../kotaksaran/ui/sync_queue.py" line="476" />
            <source>Export bundle</source>
            <translation>Ekspor paket</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="419" />
            <source>What goes into the bundle?</source>
            <translation>Apa yang dimasukkan ke paket?</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="431" />
            <source>Kotak Saran bundle (*.ksb)</source>
            <translation>Paket Kotak Saran (*.ksb)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="437" />
            <source>Packing {number} ({done} of {total})…</source>
            <translation>Mengemas {number} ({done} dari {total})…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="446" />
            <location filename="../../kotaksaran/ui/sync_queue.py" line="468" />
            <source>Writing the bundle…</source>
            <translation>Menulis paket…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="462" />
            <source>Status bundle written: {path} — {count} status update(s) for unit {unit}.</source>
            <translation>Paket status tersimpan: {path} — {count} pembaruan status untuk unit {unit}.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="472" />
            <source>Bundle written: {path} — {items} slip(s), {files} page image(s). Copy it to the USB stick and take it to the city desk.</source>
            <translation>Paket tersimpan: {path} — {items} lembar, {files} gambar halaman. Salin ke flashdisk dan bawa ke meja Diskominfo kota.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="482" />
            <location filename="../../kotaksaran/ui/sync_queue.py" line="513" />
            <source>Import bundle</source>
            <translation>Impor paket</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="483" />
            <source>Kotak Saran bundle (*.ksb);;All files (*)</source>
            <translation>Paket Kotak Saran (*.ksb);;Semua berkas (*)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="495" />
            <source>Checking the signature and every file…</source>
            <translation>Memeriksa tanda tangan dan setiap berkas…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="501" />
            <source>Status bundle from {who}: {changes} change(s), {registered} registered, {closed} closed.</source>
            <translation>Paket status dari {who}: {changes} perubahan, {registered} terdaftar, {closed} selesai.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="506" />
            <source>Bundle from {who}: {created} new slip(s), {updated} updated, {repeated} already here.</source>
            <translation>Paket dari {who}: {created} laporan baru, {updated} diperbarui, {repeated} sudah ada.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/sync_queue.py" line="549" />
            <source>Checking the link…</source>
            <translation>Memeriksa sambungan…</translation>
        </message>
    </context>
    <context>
        <name>SyncSettingsTab</name>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="59" />
            <source>Sync</source>
            <translation>Sinkronisasi</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="83" />
            <source>Upstream</source>
            <translation>Tujuan pengiriman</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="90" />
            <source>Way of sending</source>
            <translation>Cara mengirim</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="94" />
            <source>Address (URL)</source>
            <translation>Alamat (URL)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="97" />
            <source>Extra CA certificate (PEM)</source>
            <translation>Sertifikat CA tambahan (PEM)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="98" />
            <source>Certificates (*.pem *.crt)</source>
            <translation>Sertifikat (*.pem *.crt)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="102" />
            <source>Proxy (empty = none)</source>
            <translation>Proxy (kosong = tanpa proxy)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="105" />
            <source> s</source>
            <translation> detik</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="107" />
            <source>Wait for an answer at most</source>
            <translation>Tunggu jawaban paling lama</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="110" />
            <source> min</source>
            <translation> menit</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="111" />
            <source>never</source>
            <translation>tidak pernah</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="113" />
            <source>Try waiting records again every</source>
            <translation>Coba kirim ulang otomatis setiap</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="116" />
            <source>(the built-in mapping)</source>
            <translation>(pemetaan bawaan)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="117" />
            <source>Mapping (*.toml)</source>
            <translation>Pemetaan (*.toml)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="118" />
            <source>Field mapping file</source>
            <translation>Berkas pemetaan kolom</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="121" />
            <source>Save</source>
            <translation>Simpan</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="124" />
            <source>Test the connection</source>
            <translation>Uji sambungan</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="141" />
            <source>Choose…</source>
            <translation>Pilih…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="144" />
            <source>Choose a file</source>
            <translation>Pilih berkas</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="201" />
            <source>Saved.</source>
            <translation>Tersimpan.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="209" />
            <source>Asking the upstream…</source>
            <translation>Menghubungi server…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="217" />
            <source>The upstream answers.</source>
            <translation>Server menjawab.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="218" />
            <source>No answer from the upstream. Check the address, the cable or Wi-Fi, and the proxy.</source>
            <translation>Tidak ada jawaban dari server. Periksa alamat, kabel atau Wi-Fi, dan proxy.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="232" />
            <source>Access token of this unit</source>
            <translation>Token akses unit ini</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="237" />
            <source>Stored</source>
            <translation>Tersimpan</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="241" />
            <source>paste the token given by the upstream admin</source>
            <translation>tempel token dari admin server tujuan</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="242" />
            <source>New token</source>
            <translation>Token baru</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="244" />
            <source>Store token</source>
            <translation>Simpan token</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="247" />
            <location filename="../../kotaksaran/ui/settings_sync.py" line="285" />
            <source>Remove token</source>
            <translation>Hapus token</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="263" />
            <source>No token yet.</source>
            <translation>Belum ada token.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="265" />
            <source>Yes, in the operating system's keyring.</source>
            <translation>Ya, di keyring sistem operasi.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="267" />
            <source>Yes, in a file only this Windows/Linux account can read: {path}</source>
            <translation>Ya, di berkas yang hanya dapat dibaca akun Windows/Linux ini: {path}</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="286" />
            <source>Remove the stored access token? Sending stops until a new one is entered.</source>
            <translation>Hapus token akses yang tersimpan? Pengiriman berhenti sampai token baru diisi.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="297" />
            <source>Signing keys for USB bundles</source>
            <translation>Kunci tanda tangan untuk paket USB</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="305" />
            <location filename="../../kotaksaran/ui/settings_sync.py" line="363" />
            <source>Make key pair</source>
            <translation>Buat pasangan kunci</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="308" />
            <source>Copy public key</source>
            <translation>Salin kunci publik</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="310" />
            <source>Export public key…</source>
            <translation>Ekspor kunci publik…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="317" />
            <source>Units whose bundles are accepted here:</source>
            <translation>Unit yang paketnya diterima di sini:</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="320" />
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="320" />
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="321" />
            <source>Fingerprint</source>
            <translation>Sidik jari</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="322" />
            <source>Trusted since</source>
            <translation>Dipercaya sejak</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="332" />
            <source>Import a .pub file…</source>
            <translation>Impor berkas .pub…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="335" />
            <source>Paste a key…</source>
            <translation>Tempel kunci…</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="338" />
            <location filename="../../kotaksaran/ui/settings_sync.py" line="455" />
            <source>Remove</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="355" />
            <source>This installation's public key (unit {unit}, fingerprint {fp}):
{key}</source>
            <translation>Kunci publik instalasi ini (unit {unit}, sidik jari {fp}):
{key}</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="359" />
            <source>This installation has no key pair yet. Make one before exporting a bundle.</source>
            <translation>Instalasi ini belum punya pasangan kunci. Buat dulu sebelum mengekspor paket.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="362" />
            <location filename="../../kotaksaran/ui/settings_sync.py" line="376" />
            <source>Make a new key pair</source>
            <translation>Buat pasangan kunci baru</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="377" />
            <source>Replace this installation's key pair? Every desk that receives bundles from here must then import the new public key.</source>
            <translation>Ganti pasangan kunci instalasi ini? Setiap meja yang menerima paket dari sini harus mengimpor kunci publik yang baru.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="400" />
            <location filename="../../kotaksaran/ui/settings_sync.py" line="410" />
            <source>Export public key</source>
            <translation>Ekspor kunci publik</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="402" />
            <source>Public key (*.pub)</source>
            <translation>Kunci publik (*.pub)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="411" />
            <source>Saved as {path}. Give it to the other desk and read the fingerprint {fp} to them by phone.</source>
            <translation>Tersimpan sebagai {path}. Serahkan ke meja lain dan bacakan sidik jari {fp} lewat telepon.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="421" />
            <source>Trusted key</source>
            <translation>Kunci tepercaya</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="422" />
            <source>Bundles signed by unit {unit} are accepted from now on. Check the fingerprint {fp} with that desk by phone.</source>
            <translation>Paket yang ditandatangani unit {unit} mulai sekarang diterima. Cocokkan sidik jari {fp} dengan meja itu lewat telepon.</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="427" />
            <source>Import a public key</source>
            <translation>Impor kunci publik</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="429" />
            <source>Public key (*.pub);;All files (*)</source>
            <translation>Kunci publik (*.pub);;Semua berkas (*)</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="442" />
            <source>Paste a key</source>
            <translation>Tempel kunci</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="443" />
            <source>The other unit's public key (one line, KSD1:…):</source>
            <translation>Kunci publik unit lain (satu baris, KSD1:…):</translation>
        </message>
        <message>
            <location filename="../../kotaksaran/ui/settings_sync.py" line="456" />
            <source>Stop accepting bundles signed with this key?</source>
            <translation>Berhenti menerima paket yang ditandatangani dengan kunci ini?</translation>
        </message>
    </context>
</TS>