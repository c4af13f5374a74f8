"""Hand-written slips for the duplicate benchmark: several topics, and on each topic three
letters by different writers, worded independently (not from the demo generator's templates).

Two letters of one topic are the hard negatives of `bench_duplicates.py` (same complaint, same
words such as "lampu", "gelap", "RT", but another letter); each letter is also the source of the
positive pairs (retyped with small edits, rescanned and read by OCR). Data only.
"""

from __future__ import annotations

# topic -> letters (each one slip's body as its writer put it)
LETTERS: dict[str, tuple[str, ...]] = {
    "lampu_jalan": (
        "Yth. Bapak Lurah, lampu penerangan di sepanjang Jl. Teuku Umar dekat gang Mawar "
        "sudah padam hampir sebulan. Anak-anak yang pulang mengaji harus lewat dalam gelap "
        "dan minggu lalu ada tetangga yang dijambret di situ. Kami mohon lampunya segera "
        "diganti. Hormat kami, warga RT 04.",
        "Saya mau melaporkan PJU di depan Masjid Nurul Iman, Tiban Indah, yang mati total "
        "sejak awal bulan. Sudah dua kali saya telepon ke kantor kelurahan tapi belum ada "
        "petugas yang datang memeriksa. Jalan itu ramai dipakai jamaah subuh.",
        "Tiang lampu di simpang Perumahan Griya Batu Aji Asri miring dan bohlamnya pecah "
        "karena tertabrak truk pasir. Kalau malam jalanan gelap sekali dan rawan kecelakaan. "
        "Tolong dinas terkait memperbaiki tiang sekaligus mengganti lampunya.",
    ),
    "sampah": (
        "Bak sampah di ujung Jl. Raden Patah sudah lima hari tidak diangkut. Baunya sampai "
        "ke warung-warung makan di sekitarnya dan banyak lalat. Kami sudah bayar retribusi "
        "tiap bulan, jadi mohon jadwal truk sampah diperbaiki.",
        "Di lahan kosong belakang ruko Nagoya ada orang yang membuang sampah rumah tangga dan "
        "puing bangunan setiap malam. Tumpukannya makin tinggi dan kadang dibakar sehingga "
        "asapnya masuk ke rumah kami. Mohon dipasang papan larangan dan ditertibkan.",
        "Assalamualaikum. Kami warga Bengkong Laut mengeluhkan petugas kebersihan yang "
        "hanya mengambil sampah seminggu sekali, padahal dulu dua kali. Sampah plastik "
        "berserakan dibongkar kucing dan anjing. Harap ditambah jadwal pengangkutannya.",
    ),
    "jalan_rusak": (
        "Jalan masuk ke Perumahan Bida Asri 3 rusak parah, lubangnya sedalam lutut dan penuh "
        "air kalau hujan. Sudah banyak pengendara motor terjatuh, termasuk ibu yang membawa "
        "anak sekolah. Kami minta jalan ini diaspal ulang, bukan hanya ditimbun tanah.",
        "Dengan hormat, aspal di Jl. Brigjen Katamso depan pabrik garmen mengelupas sepanjang "
        "kurang lebih dua ratus meter. Truk kontainer yang lewat membuat kerusakannya makin "
        "lebar. Mohon perhatian Dinas Bina Marga untuk menambal jalan tersebut.",
        "Pak, jalan semenisasi di gang kami RT 07 RW 02 Sagulung sudah retak dan amblas di "
        "tengah. Mobil ambulans pun susah masuk waktu ada warga yang sakit kemarin. Tolong "
        "dibantu perbaikan lewat dana kelurahan.",
    ),
    "air_bersih": (
        "Air PDAM di Blok C Perumahan Marina City mati setiap hari dari jam enam pagi sampai "
        "sore. Kami terpaksa membeli air tangki dengan harga mahal. Tagihan bulanan tetap "
        "penuh padahal airnya tidak mengalir. Mohon penjelasan dan perbaikan.",
        "Sudah tiga minggu air keran di rumah kami keruh dan berbau seperti lumpur. Anak saya "
        "gatal-gatal setelah mandi. Apakah ada perbaikan pipa di daerah Sei Panas? Kami "
        "berharap kualitas air segera diperiksa.",
        "Pipa air bersih bocor di depan SD Negeri 012 Batu Ampar dan airnya mengalir ke jalan "
        "sejak Senin. Sayang sekali airnya terbuang sementara banyak rumah di atas bukit "
        "tidak kebagian. Tolong petugas segera menutup kebocoran itu.",
    ),
    "puskesmas": (
        "Pelayanan di Puskesmas Sekupang sangat lambat. Saya datang jam tujuh pagi mengambil "
        "nomor antrean dan baru dipanggil jam sebelas. Dokternya hanya satu orang, sedangkan "
        "pasiennya puluhan. Semoga bisa ditambah tenaga medis.",
        "Saya kecewa dengan petugas loket di Puskesmas Lubuk Baja yang membentak ibu-ibu "
        "lansia karena salah membawa kartu BPJS. Seharusnya petugas melayani dengan sopan dan "
        "sabar. Mohon petugas tersebut diberi teguran.",
        "Obat untuk penyakit darah tinggi sering kosong di apotek puskesmas, jadi kami disuruh "
        "membeli sendiri di luar. Untuk warga kurang mampu ini berat sekali. Tolong stok obat "
        "rutin diperhatikan.",
    ),
    "ktp_kk": (
        "Saya sudah merekam KTP elektronik sejak bulan Maret di kantor kecamatan tetapi sampai "
        "sekarang belum jadi. Tiap kali ditanya jawabannya blangko habis. Saya perlu KTP "
        "untuk mendaftar kerja di kawasan industri.",
        "Pengurusan kartu keluarga untuk pindah datang dari Medan memakan waktu hampir dua "
        "bulan. Petugas Disdukcapil meminta berkas yang sama berulang kali. Kami mohon "
        "prosedurnya dibuat jelas dan ditempel di papan informasi.",
        "Ada calo di depan kantor Disdukcapil Batam Center yang menawarkan pembuatan akta dan "
        "KTP cepat dengan bayaran tiga ratus ribu. Kalau lewat jalur resmi lama sekali. Mohon "
        "calo ini ditertibkan dan pelayanan resmi dipercepat.",
    ),
    "sekolah": (
        "Atap kelas lima di SD Negeri 007 Batu Aji bocor di banyak titik. Kalau hujan murid "
        "dipindahkan ke musala dan belajar sambil duduk di lantai. Kami orang tua murid "
        "berharap ada perbaikan sebelum tahun ajaran baru.",
        "Pihak sekolah meminta uang seragam dan buku sebesar satu juta dua ratus ribu kepada "
        "siswa baru, padahal katanya sekolah negeri gratis. Banyak orang tua yang keberatan "
        "tapi takut anaknya dipersulit. Mohon dicek ke sekolah tersebut.",
        "Toilet di SMP Negeri 21 tidak ada airnya dan pintunya rusak, anak perempuan kami "
        "jadi malu dan menahan buang air seharian. Kebersihan sekolah perlu diperhatikan "
        "oleh dinas pendidikan.",
    ),
    "banjir": (
        "Setiap hujan lebat lebih dari satu jam, air setinggi betis masuk ke rumah-rumah di "
        "RT 03 Kampung Aceh. Parit utama dangkal karena penuh sedimen dan tidak pernah "
        "dikeruk. Mohon normalisasi parit sebelum musim hujan puncak.",
        "Gorong-gorong di bawah Jl. Ahmad Yani tersumbat kayu dan plastik, sehingga jalan "
        "depan ruko tergenang tiap sore hujan. Motor banyak yang mogok kena air. Tolong "
        "dibersihkan oleh petugas.",
        "Pembangunan perumahan baru di atas bukit membuat tanah merah turun ke permukiman kami "
        "saat hujan. Rumah saya dua kali kemasukan lumpur bulan ini. Kami minta pengembang "
        "membuat saluran dan kolam penampung air.",
    ),
    "parkir_liar": (
        "Di depan minimarket dekat Simpang Jam ada juru parkir yang menarik dua ribu rupiah "
        "tanpa memberi karcis, padahal tempat itu ada tulisan parkir gratis. Kalau tidak "
        "dibayar, ia marah-marah. Mohon ditertibkan.",
        "Bahu jalan di sekitar Pasar Tos 3000 dipakai parkir mobil bak terbuka sampai dua "
        "lapis, angkot tidak bisa lewat dan macet panjang tiap pagi. Perlu petugas Dishub "
        "berjaga di jam sibuk.",
        "Tukang parkir di rumah makan Jl. Gajah Mada meminta lima ribu untuk sepeda motor. "
        "Saya tanya resminya berapa, dia tidak bisa menjawab. Apakah tarif itu sesuai "
        "peraturan daerah?",
    ),
    "bansos": (
        "Ibu saya janda berusia tujuh puluh tahun dan tidak lagi menerima bantuan PKH sejak "
        "tahun lalu, padahal keadaannya tidak berubah. Sementara ada tetangga yang punya mobil "
        "justru masih terdaftar. Mohon data penerima diperiksa ulang.",
        "Bagaimana cara mendaftarkan keluarga kami sebagai penerima bantuan sembako? Suami "
        "saya kena PHK dan sekarang bekerja serabutan. Kami sudah punya surat keterangan "
        "tidak mampu dari RT.",
        "Pembagian beras bantuan di RW 05 kemarin tidak adil. Yang dapat kebanyakan keluarga "
        "pengurus RT, warga yang benar-benar susah malah tidak kebagian. Tolong pembagian "
        "berikutnya diawasi dan daftarnya diumumkan.",
    ),
    "pungli": (
        "Untuk mengurus surat pengantar SKCK di kelurahan saya dimintai uang administrasi "
        "lima puluh ribu tanpa kuitansi. Setahu saya surat itu gratis. Saya harap oknum "
        "tersebut ditindak.",
        "Oknum petugas di pelabuhan Sekupang meminta uang tambahan kepada penumpang yang "
        "membawa barang lebih dari dua koli. Tidak ada tanda terima resmi. Kejadian ini "
        "hampir setiap hari.",
        "Waktu mengurus izin usaha mikro saya diminta membayar jasa percepatan oleh seseorang "
        "yang mengaku staf kantor. Saya tidak mau, akhirnya berkas saya tertahan berminggu-"
        "minggu. Mohon diusut.",
    ),
    "kebisingan": (
        "Bengkel las di samping rumah saya bekerja sampai jam dua belas malam dengan suara "
        "gerinda yang sangat bising. Bayi kami tidak bisa tidur. Sudah kami tegur baik-baik "
        "tapi tidak diindahkan.",
        "Kafe di ruko Jodoh memutar musik keras setiap malam Minggu sampai subuh. Warga "
        "perumahan di belakangnya terganggu dan beberapa lansia jatuh sakit. Kami minta izin "
        "kafe itu ditinjau.",
        "Pembangunan gedung di sebelah kompleks kami memakai alat pancang dari pagi buta "
        "sampai larut malam, dinding rumah sampai retak. Mohon jam kerja proyek diatur.",
    ),
    "angkutan": (
        "Bus Trans Batam koridor Batu Aji ke Batam Center sering terlambat hampir satu jam dan "
        "haltenya tidak ada jadwal. Pekerja pabrik jadi terlambat masuk kerja. Mohon armada "
        "ditambah pada jam berangkat kerja.",
        "Sopir angkot jurusan Tanjung Uncang suka menaikkan tarif sesukanya ketika hujan, "
        "dari lima ribu menjadi sepuluh ribu. Penumpang tidak berani protes. Mohon Dishub "
        "mengawasi.",
        "Halte di depan kampus Politeknik atapnya sudah runtuh dan bangkunya hilang, penumpang "
        "berteduh di bawah pohon. Tolong halte itu diperbaiki.",
    ),
    "anjing_liar": (
        "Banyak anjing liar berkeliaran di taman bermain Perumahan Cipta Asri dan mengejar "
        "anak-anak. Minggu lalu seorang anak digigit dan harus disuntik rabies. Kami mohon "
        "ada penertiban hewan liar.",
        "Tetangga kami memelihara lebih dari dua puluh ekor kucing dan anjing di rumah "
        "kontrakan kecil. Kotorannya dibiarkan sehingga bau menyengat sampai ke jalan. Mohon "
        "dinas terkait meninjau.",
        "Sapi dan kambing milik warga dilepas begitu saja dan sering masuk ke jalan raya dekat "
        "bundaran Sei Beduk. Pengendara hampir menabrak di malam hari. Pemiliknya harus "
        "ditegur.",
    ),
    "informasi_izin": (
        "Saya ingin membuka warung makan kecil di rumah. Izin apa saja yang harus saya urus "
        "dan di kantor mana? Apakah bisa daring? Terima kasih atas informasinya.",
        "Mohon informasi syarat pengurusan IMB atau PBG untuk rumah tinggal dua lantai di "
        "Batam Kota, berapa lama prosesnya dan berapa biaya resminya.",
        "Kapan dibuka pendaftaran pelatihan kerja gratis di BLK tahun ini? Anak saya lulusan "
        "SMK ingin ikut kelas las dan listrik. Syaratnya apa saja?",
    ),
}

# Short, generic slips: many people write exactly these, so they are never text duplicates.
GENERIC_SHORT: tuple[str, ...] = (
    "Terima kasih atas pelayanannya.",
    "Pelayanan sudah bagus, pertahankan.",
    "Mohon ditindaklanjuti.",
    "Petugas ramah dan cepat.",
    "Antrean terlalu lama.",
    "Toilet kotor, mohon dibersihkan.",
)
