<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AccountTab</name>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="223" />
        <source>My account</source>
        <translation>Akun saya</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="225" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="226" />
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="227" />
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="228" />
        <source>Change password…</source>
        <translation>Ganti kata sandi…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="238" />
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
</context>
<context>
    <name>AgenciesTab</name>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="71" />
        <source>Filter by name…</source>
        <translation>Saring menurut nama…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="74" />
        <source>Show inactive</source>
        <translation>Tampilkan yang nonaktif</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="79" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="79" />
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="80" />
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="99" />
        <source>Add agency…</source>
        <translation>Tambah instansi…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="101" />
        <source>Rename / edit…</source>
        <translation>Ubah nama / sunting…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="103" />
        <location filename="../../kotaksaran/ui/settings_reference.py" line="144" />
        <source>Deactivate</source>
        <translation>Nonaktifkan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="125" />
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="125" />
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="143" />
        <source>Activate</source>
        <translation>Aktifkan</translation>
    </message>
</context>
<context>
    <name>AgencyDialog</name>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="40" />
        <source>Add agency</source>
        <translation>Tambah instansi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="40" />
        <source>Edit agency</source>
        <translation>Sunting instansi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="49" />
        <source>Active (can be chosen on a slip)</source>
        <translation>Aktif (dapat dipilih pada slip)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="51" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="52" />
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../kotaksaran/ui/app.py" line="160" />
        <source>Preparing demo data…</source>
        <translation>Menyiapkan data demo…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/app.py" line="305" />
        <source>This version cannot create demo data (the demo generator is missing). Start without --demo to set up a real office.</source>
        <translation>Versi ini belum dapat membuat data demo (pembuat data demo tidak ada). Jalankan tanpa --demo untuk menyiapkan kantor sungguhan.</translation>
    </message>
</context>
<context>
    <name>BoxDialog</name>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="40" />
        <source>Add box</source>
        <translation>Tambah kotak</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="40" />
        <source>Edit box</source>
        <translation>Sunting kotak</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="46" />
        <source>e.g. K2</source>
        <translation>mis. K2</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="49" />
        <source>e.g. Lobi pelayanan lantai 1</source>
        <translation>mis. Lobi pelayanan lantai 1</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="50" />
        <source>In use</source>
        <translation>Dipakai</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="52" />
        <source>Default box for new sessions</source>
        <translation>Kotak utama untuk sesi baru</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="54" />
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="55" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="56" />
        <source>Location</source>
        <translation>Lokasi</translation>
    </message>
</context>
<context>
    <name>CategoriesTab</name>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="208" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="208" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="214" />
        <source>Add top-level…</source>
        <translation>Tambah kategori utama…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="216" />
        <source>Add sub-category…</source>
        <translation>Tambah subkategori…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="218" />
        <source>Rename…</source>
        <translation>Ubah nama…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="220" />
        <location filename="../../kotaksaran/ui/settings_reference.py" line="273" />
        <source>Deactivate</source>
        <translation>Nonaktifkan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="246" />
        <source>inactive</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="272" />
        <source>Activate</source>
        <translation>Aktifkan</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="176" />
        <source>Rename category</source>
        <translation>Ubah nama kategori</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="178" />
        <source>New sub-category of %1</source>
        <translation>Subkategori baru dari %1</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="180" />
        <source>New top-level category</source>
        <translation>Kategori utama baru</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_reference.py" line="186" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="99" />
        <source>Change password</source>
        <translation>Ganti kata sandi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="100" />
        <source>Reset password of %1</source>
        <translation>Atur ulang kata sandi %1</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="109" />
        <source>Current password</source>
        <translation>Kata sandi sekarang</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="110" />
        <source>New password</source>
        <translation>Kata sandi baru</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="111" />
        <source>Repeat new password</source>
        <translation>Ulangi kata sandi baru</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="115" />
        <source>The two passwords are not the same.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="123" />
        <source>The current password is not right.</source>
        <translation>Kata sandi sekarang tidak benar.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="127" />
        <source>The password was changed.</source>
        <translation>Kata sandi sudah diganti.</translation>
    </message>
</context>
<context>
    <name>DayOffDialog</name>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="57" />
        <source>Add day off</source>
        <translation>Tambah hari libur</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="64" />
        <source>e.g. Cuti bersama Idul Fitri</source>
        <translation>mis. Cuti bersama Idul Fitri</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="66" />
        <source>Cuti bersama (collective leave)</source>
        <translation>Cuti bersama</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="68" />
        <source>Local day off of this office</source>
        <translation>Hari libur lokal kantor ini</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="69" />
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="70" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="71" />
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
</context>
<context>
    <name>DaysOffTab</name>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="88" />
        <source>Year</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="97" />
        <source>National holidays and cuti bersama (built in)</source>
        <translation>Hari libur nasional dan cuti bersama (bawaan)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="99" />
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="111" />
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="99" />
        <source>Holiday</source>
        <translation>Hari libur</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="104" />
        <source>Days off added by this office</source>
        <translation>Hari libur yang ditambahkan kantor ini</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="107" />
        <source>Add cuti bersama that the government announces later, and local days off. They count in deadlines (working days).</source>
        <translation>Tambahkan cuti bersama yang diumumkan pemerintah belakangan, serta hari libur lokal. Hari-hari ini diperhitungkan dalam tenggat (hari kerja).</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="111" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="111" />
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="115" />
        <source>Add day off…</source>
        <translation>Tambah hari libur…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="117" />
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="146" />
        <source>Cuti bersama</source>
        <translation>Cuti bersama</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="147" />
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="164" />
        <source>Remove day off</source>
        <translation>Hapus hari libur</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_calendar.py" line="165" />
        <source>Remove the day off on %1?</source>
        <translation>Hapus hari libur pada %1?</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../kotaksaran/ui/home.py" line="38" />
        <source>Good morning</source>
        <translation>Selamat pagi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/home.py" line="40" />
        <source>Good afternoon</source>
        <translation>Selamat siang</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/home.py" line="42" />
        <source>Good late afternoon</source>
        <translation>Selamat sore</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/home.py" line="43" />
        <source>Good evening</source>
        <translation>Selamat malam</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/home.py" line="102" />
        <source>New slip (Ctrl+N)</source>
        <translation>Slip baru (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/home.py" line="107" />
        <source>Open a suggestion box session</source>
        <translation>Buka sesi kotak saran</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/home.py" line="111" />
        <location filename="../../kotaksaran/ui/home.py" line="192" />
        <source>Verify</source>
        <translation>Verifikasi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/home.py" line="122" />
        <source>Slips by status</source>
        <translation>Slip menurut status</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/home.py" line="134" />
        <source>Open suggestion box sessions</source>
        <translation>Sesi kotak saran yang sedang dibuka</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/home.py" line="145" />
        <source>No box is being processed right now. When you empty a suggestion box, open a session first so that every slip is counted.</source>
        <translation>Tidak ada kotak yang sedang diproses. Saat mengosongkan kotak saran, buka sesi terlebih dahulu agar setiap slip tercatat.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kotaksaran/ui/home.py" line="187" />
        <source>Total slips: %n</source>
        <translation>
            <numerusform>Jumlah slip: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kotaksaran/ui/home.py" line="190" />
        <source>Verify (%n waiting for review)</source>
        <translation>
            <numerusform>Verifikasi (%n menunggu pemeriksaan)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/home.py" line="199" />
        <source>%1 — opened %2 by %3 · %4 of %5 slips entered</source>
        <translation>%1 — dibuka %2 oleh %3 · %4 dari %5 slip sudah diinput</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../kotaksaran/ui/idle_lock.py" line="95" />
        <source>The window was locked because nobody used it for a while. Type your password to continue, or sign in as another user.</source>
        <translation>Layar dikunci karena tidak dipakai beberapa saat. Ketik kata sandi Anda untuk melanjutkan, atau masuk sebagai pengguna lain.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../kotaksaran/ui/login.py" line="236" />
        <source>Sign in — Kotak Saran Digital</source>
        <translation>Masuk — Kotak Saran Digital</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <location filename="../../kotaksaran/ui/login.py" line="125" />
        <source>Kotak Saran Digital</source>
        <translation>Kotak Saran Digital</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/login.py" line="135" />
        <source>DEMO MODE — practice data, not real reports</source>
        <translation>MODE DEMO — data latihan, bukan laporan sungguhan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/login.py" line="153" />
        <source>&amp;Username</source>
        <translation>&amp;Nama pengguna</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/login.py" line="154" />
        <source>&amp;Password</source>
        <translation>&amp;Kata sandi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/login.py" line="166" />
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/login.py" line="179" />
        <source>Demo accounts (click to fill in):</source>
        <translation>Akun demo (klik untuk mengisi):</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/login.py" line="207" />
        <source>Type your username.</source>
        <translation>Ketik nama pengguna Anda.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kotaksaran/ui/navigation.py" line="71" />
        <source>Home</source>
        <translation>Beranda</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/navigation.py" line="72" />
        <source>Suggestion boxes</source>
        <translation>Kotak Saran</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/navigation.py" line="73" />
        <source>Input</source>
        <translation>Input</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/navigation.py" line="74" />
        <source>Verification</source>
        <translation>Verifikasi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/navigation.py" line="75" />
        <source>All slips</source>
        <translation>Semua Laporan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/navigation.py" line="76" />
        <source>Send queue</source>
        <translation>Antrian Kirim</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/navigation.py" line="77" />
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/navigation.py" line="78" />
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/main_window.py" line="117" />
        <source>DEMO MODE</source>
        <translation>MODE DEMO</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/main_window.py" line="123" />
        <source>This data folder holds practice data, not real reports.</source>
        <translation>Folder data ini berisi data latihan, bukan laporan sungguhan.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/main_window.py" line="132" />
        <source>&amp;Account</source>
        <translation>&amp;Akun</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/main_window.py" line="133" />
        <source>Change password…</source>
        <translation>Ganti kata sandi…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/main_window.py" line="135" />
        <source>Lock screen</source>
        <translation>Kunci layar</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/main_window.py" line="138" />
        <source>Sign out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/main_window.py" line="140" />
        <source>Quit</source>
        <translation>Tutup aplikasi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/main_window.py" line="148" />
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/main_window.py" line="159" />
        <source>&amp;Help</source>
        <translation>Ba&amp;ntuan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/main_window.py" line="160" />
        <location filename="../../kotaksaran/ui/main_window.py" line="352" />
        <source>About Kotak Saran Digital</source>
        <translation>Tentang Kotak Saran Digital</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/main_window.py" line="164" />
        <source>New slip</source>
        <translation>Slip baru</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/main_window.py" line="167" />
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/main_window.py" line="254" />
        <location filename="../../kotaksaran/ui/main_window.py" line="272" />
        <location filename="../../kotaksaran/ui/main_window.py" line="278" />
        <source>Not available yet — this feature arrives in the next version.</source>
        <translation>Belum tersedia — fitur ini hadir pada versi berikutnya.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/main_window.py" line="354" />
        <source>&lt;b&gt;Kotak Saran Digital&lt;/b&gt; %1&lt;br&gt;&lt;br&gt;Turns the paper slips of a suggestion box into verified reports for SP4N-LAPOR!. Works offline.</source>
        <translation>&lt;b&gt;Kotak Saran Digital&lt;/b&gt; %1&lt;br&gt;&lt;br&gt;Mengubah slip kertas dari kotak saran menjadi laporan terverifikasi untuk SP4N-LAPOR!. Bekerja tanpa internet.</translation>
    </message>
</context>
<context>
    <name>PreferencesTab</name>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="45" />
        <source>A supervisor may approve a slip they typed (one-person office)</source>
        <translation>Supervisor boleh menyetujui slip yang diketiknya sendiri (kantor satu orang)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="48" />
        <source>Lock the window after this many idle minutes (0 = never)</source>
        <translation>Kunci layar setelah sekian menit tidak dipakai (0 = tidak pernah)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="51" />
        <source>Save a draft this many seconds after the last keystroke</source>
        <translation>Simpan draf sekian detik setelah ketikan terakhir</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="54" />
        <source>Language of the window</source>
        <translation>Bahasa tampilan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="55" />
        <source>Wrong passwords in a row before an account locks</source>
        <translation>Jumlah salah kata sandi berturut-turut sebelum akun terkunci</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="58" />
        <source>Minutes a locked account stays locked</source>
        <translation>Lama akun terkunci (menit)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="61" />
        <source>Shortest password accepted</source>
        <translation>Panjang kata sandi minimum</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="64" />
        <source>Desk code in local numbers (offices with several desks)</source>
        <translation>Kode meja dalam nomor lokal (kantor dengan beberapa meja)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="67" />
        <source>Prefix of local numbers</source>
        <translation>Awalan nomor lokal</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="68" />
        <source>Working days to the initial response</source>
        <translation>Hari kerja sampai respon awal</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="71" />
        <source>Working days to the follow-up</source>
        <translation>Hari kerja sampai tindak lanjut</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="74" />
        <source>Working days after a follow-up without reply before closing</source>
        <translation>Hari kerja setelah tindak lanjut tanpa tanggapan sebelum ditutup</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="77" />
        <source>Working days after which Ombudsman RI takes over</source>
        <translation>Hari kerja sebelum diambil alih Ombudsman RI</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="80" />
        <source>Count the government's cuti bersama as days off</source>
        <translation>Hitung cuti bersama pemerintah sebagai hari libur</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="83" />
        <source>This data folder holds demo data</source>
        <translation>Folder data ini berisi data demo</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="108" />
        <source>Save preferences</source>
        <translation>Simpan preferensi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="127" />
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="132" />
        <source>Window</source>
        <translation>Tampilan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="133" />
        <source>Sign-in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="135" />
        <source>Review</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="136" />
        <source>Local numbers</source>
        <translation>Nomor lokal</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="137" />
        <source>Deadlines (working days)</source>
        <translation>Tenggat (hari kerja)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="140" />
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="207" />
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="209" />
        <source>The language applies the next time you sign in.</source>
        <translation>Bahasa berlaku saat Anda masuk lagi.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="210" />
        <source>Preferences</source>
        <translation>Preferensi</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location filename="../../kotaksaran/ui/app.py" line="45" />
        <source>Show Details...</source>
        <translation>Tampilkan rincian...</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/app.py" line="46" />
        <source>Hide Details...</source>
        <translation>Sembunyikan rincian...</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/app.py" line="47" />
        <location filename="../../kotaksaran/ui/errors.py" line="21" />
        <location filename="../../kotaksaran/ui/errors.py" line="31" />
        <source>Kotak Saran Digital</source>
        <translation>Kotak Saran Digital</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/app.py" line="48" />
        <location filename="../../kotaksaran/ui/errors.py" line="33" />
        <source>Something went wrong inside the program. What you saved is safe. Please tell the admin; the details are in the log.</source>
        <translation>Terjadi kesalahan di dalam program. Data yang sudah tersimpan aman. Mohon beri tahu admin; rinciannya ada di log.</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../kotaksaran/ui/app.py" line="36" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/app.py" line="37" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/app.py" line="38" />
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/app.py" line="39" />
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/app.py" line="40" />
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/app.py" line="41" />
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/app.py" line="42" />
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/app.py" line="43" />
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/app.py" line="44" />
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../kotaksaran/ui/settings_common.py" line="101" />
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_common.py" line="103" />
        <source>No</source>
        <translation>Tidak</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="261" />
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="279" />
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="280" />
        <source>Users</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="281" />
        <source>Agencies</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="282" />
        <source>Categories</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="283" />
        <source>Days off</source>
        <translation>Hari libur</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="284" />
        <source>Preferences</source>
        <translation>Preferensi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_page.py" line="287" />
        <source>My account</source>
        <translation>Akun saya</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="118" />
        <source>Kotak Saran Digital — first start</source>
        <translation>Kotak Saran Digital — persiapan awal</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="124" />
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Kembali</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="125" />
        <source>&amp;Next &gt;</source>
        <translation>&amp;Lanjut &gt;</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="126" />
        <source>&amp;Finish</source>
        <translation>&amp;Selesai</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="127" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="137" />
        <source>Your office</source>
        <translation>Kantor Anda</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="138" />
        <source>Welcome! This computer keeps its data in %1. First tell the program which office uses it.</source>
        <translation>Selamat datang! Komputer ini menyimpan datanya di %1. Pertama, beri tahu program kantor mana yang memakainya.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="143" />
        <source>e.g. KLBS (capital letters and digits)</source>
        <translation>mis. KLBS (huruf kapital dan angka)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="147" />
        <source>e.g. Kelurahan Batu Selicin</source>
        <translation>mis. Kelurahan Batu Selicin</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="153" />
        <source>(no logo)</source>
        <translation>(tanpa logo)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="155" />
        <source>Choose logo…</source>
        <translation>Pilih logo…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="160" />
        <source>Unit code</source>
        <translation>Kode unit</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="161" />
        <source>Unit name</source>
        <translation>Nama unit</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="162" />
        <source>Unit type</source>
        <translation>Jenis unit</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="163" />
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="164" />
        <source>Logo (optional)</source>
        <translation>Logo (boleh kosong)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="166" />
        <source>Suggestion box and time</source>
        <translation>Kotak saran dan waktu</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="167" />
        <source>The box that stands in your office. More boxes can be added later in Settings.</source>
        <translation>Kotak yang ada di kantor Anda. Kotak lain dapat ditambahkan nanti di Pengaturan.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="169" />
        <source>Suggestion box</source>
        <translation>Kotak Saran</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="172" />
        <source>e.g. Lobi pelayanan lantai 1</source>
        <translation>mis. Lobi pelayanan lantai 1</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="174" />
        <source>Box name</source>
        <translation>Nama kotak</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="175" />
        <source>Where the box stands</source>
        <translation>Letak kotak</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="176" />
        <source>Time zone</source>
        <translation>Zona waktu</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="178" />
        <source>Administrator account</source>
        <translation>Akun administrator</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="179" />
        <source>The admin manages users, the unit profile, agencies and categories. Write the password down and keep it somewhere safe.</source>
        <translation>Admin mengelola pengguna, profil unit, instansi dan kategori. Catat kata sandinya dan simpan di tempat yang aman.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="184" />
        <source>e.g. admin</source>
        <translation>mis. admin</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="193" />
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="194" />
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="195" />
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="196" />
        <source>Repeat password</source>
        <translation>Ulangi kata sandi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="205" />
        <source>Choose logo</source>
        <translation>Pilih logo</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="214" />
        <source>That file is not a picture the program can read (use PNG or JPG).</source>
        <translation>Berkas itu bukan gambar yang dapat dibaca program (gunakan PNG atau JPG).</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="226" />
        <source>This field is required.</source>
        <translation>Kolom ini wajib diisi.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="256" />
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Gunakan paling sedikit %n karakter.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/setup_wizard.py" line="259" />
        <source>The two passwords are not the same.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
</context>
<context>
    <name>UnitTab</name>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="85" />
        <source>Unit profile</source>
        <translation>Profil unit</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="89" />
        <source>The code is part of every local number and cannot change once slips exist.</source>
        <translation>Kode ini menjadi bagian setiap nomor lokal dan tidak dapat diubah setelah ada slip.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="103" />
        <source>Choose logo…</source>
        <translation>Pilih logo…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="109" />
        <location filename="../../kotaksaran/ui/settings_unit.py" line="128" />
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="110" />
        <location filename="../../kotaksaran/ui/settings_unit.py" line="128" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="112" />
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="113" />
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="114" />
        <source>Time zone</source>
        <translation>Zona waktu</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="115" />
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="118" />
        <source>Save profile</source>
        <translation>Simpan profil</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="124" />
        <source>Suggestion boxes</source>
        <translation>Kotak Saran</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="129" />
        <source>Location</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="129" />
        <source>Default</source>
        <translation>Utama</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="130" />
        <source>In use</source>
        <translation>Dipakai</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="139" />
        <source>Add box…</source>
        <translation>Tambah kotak…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="141" />
        <source>Edit…</source>
        <translation>Sunting…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="176" />
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="181" />
        <source>Choose logo</source>
        <translation>Pilih logo</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_unit.py" line="188" />
        <source>That file is not a picture the program can read (use PNG or JPG).</source>
        <translation>Berkas itu bukan gambar yang dapat dibaca program (gunakan PNG atau JPG).</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="53" />
        <source>Add user</source>
        <translation>Tambah pengguna</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="53" />
        <source>Edit user</source>
        <translation>Sunting pengguna</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="61" />
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="62" />
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="63" />
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="66" />
        <source>Account is active (may sign in)</source>
        <translation>Akun aktif (boleh masuk)</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="68" />
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="69" />
        <source>Repeat password</source>
        <translation>Ulangi kata sandi</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="79" />
        <source>The two passwords are not the same.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="87" />
        <source>You cannot take away your own admin rights or deactivate yourself.</source>
        <translation>Anda tidak dapat mencabut hak admin Anda sendiri atau menonaktifkan diri sendiri.</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="141" />
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="141" />
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="141" />
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="141" />
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="142" />
        <source>Locked until</source>
        <translation>Terkunci sampai</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="142" />
        <source>Last sign-in</source>
        <translation>Terakhir masuk</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="151" />
        <source>Add user…</source>
        <translation>Tambah pengguna…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="153" />
        <source>Edit…</source>
        <translation>Sunting…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="155" />
        <source>Reset password…</source>
        <translation>Atur ulang kata sandi…</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="157" />
        <location filename="../../kotaksaran/ui/settings_users.py" line="231" />
        <source>Unlock</source>
        <translation>Buka kunci</translation>
    </message>
    <message>
        <location filename="../../kotaksaran/ui/settings_users.py" line="232" />
        <source>%1 can sign in again.</source>
        <translation>%1 dapat masuk lagi.</translation>
    </message>
</context>
</TS>