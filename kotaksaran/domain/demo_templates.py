"""Slip templates for the demo corpus: the kinds of places, the title and body texts per
category, and the opening, closing, identity and informal-spelling variants (data only)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Classification = Literal["pengaduan", "aspirasi", "permintaan_informasi"]
PENGADUAN: Classification = "pengaduan"
ASPIRASI: Classification = "aspirasi"
PERMINTAAN_INFORMASI: Classification = "permintaan_informasi"
CLASSIFICATIONS: tuple[Classification, ...] = (PENGADUAN, ASPIRASI, PERMINTAAN_INFORMASI)

# --- Slip templates -----------------------------------------------------------------------

# Where the event happened, by kind of place. Filled with the same slots as the body.
_AT_STREET = "{jalan} RT {rt}/RW {rw}, Kel. {kelurahan}, Kec. {kecamatan}"
_AT_LANDMARK = "{jalan}, dekat {landmark}, Kel. {kelurahan}, Kec. {kecamatan}"
_AT_JUNCTION = "{simpang}, Kel. {kelurahan}, Kec. {kecamatan}"
_AT_HOUSING = "{perumahan} {blok} No. {no}, RT {rt}/RW {rw}, Kel. {kelurahan}"
_AT_HOUSING_AREA = "{perumahan}, RW {rw}, Kel. {kelurahan}, Kec. {kecamatan}"
_AT_PUSKESMAS = "{puskesmas}, Kec. {kecamatan}"
_AT_SCHOOL = "{sekolah}, Kel. {kelurahan}, Kec. {kecamatan}"
_AT_KELURAHAN = "Kantor Lurah {kelurahan}, Kec. {kecamatan}"
_AT_CAPIL = "{kantor_capil}"
_AT_MARKET = "{pasar}, Kec. {kecamatan}"
_AT_RSUD = "RSUD Embung Fatimah, Batu Aji"
_AT_TPU = "TPU Sei Temiang, Kota Batam"
_AT_INDUSTRY = "Kawasan Industri Batamindo, Muka Kuning, Kec. Sei Beduk"
_AT_COAST = "Kampung Tua Tanjung Uma, Kec. Lubuk Baja"
_AT_CITY = "Kota Batam"
_AT_HOME_KELURAHAN = "Kel. {kelurahan}, Kec. {kecamatan}"


@dataclass(frozen=True)
class _Template:
    category: str
    classification: Classification
    place: str
    title: str
    body: str  # two or three sentences
    sensitive: bool = False  # more often anonymous or confidential


def _p(cat: str, place: str, title: str, body: str, sensitive: bool = False) -> _Template:
    return _Template(cat, PENGADUAN, place, title, body, sensitive)


def _a(cat: str, place: str, title: str, body: str) -> _Template:
    return _Template(cat, ASPIRASI, place, title, body)


def _i(cat: str, place: str, title: str, body: str) -> _Template:
    return _Template(cat, PERMINTAAN_INFORMASI, place, title, body)


_TEMPLATES: tuple[_Template, ...] = (
    # Pekerjaan umum
    _p(
        "jalan-berlubang",
        _AT_LANDMARK,
        "Jalan berlubang di {jalan} membahayakan pengendara",
        "Jalan di {jalan} depan {landmark} berlubang besar dan makin lama makin dalam. "
        "Kalau hujan lubangnya tertutup air sehingga pengendara motor tidak bisa melihat. "
        "Sudah {kali} ada pengendara yang jatuh di situ.",
    ),
    _p(
        "jalan-berlubang",
        _AT_HOUSING_AREA,
        "Jalan masuk {perumahan} rusak parah",
        "Aspal jalan masuk {perumahan} rusak parah, banyak lubang dan kerikil lepas. "
        "Mobil sampah dan ambulans susah masuk. "
        "Kami warga RT {rt}/RW {rw} sudah gotong royong menimbun pakai puing tapi rusak lagi.",
    ),
    _p(
        "jalan-berlubang",
        _AT_STREET,
        "Bekas galian pipa di {jalan} amblas",
        "Ada galian pipa di {jalan} yang ditutup asal-asalan sehingga jalan jadi bergelombang. "
        "{Lamanya} bekas galian itu amblas dan membentuk lubang. "
        "Mohon dicek siapa yang bertanggung jawab memperbaikinya.",
    ),
    _p(
        "jalan-berlubang",
        _AT_HOUSING,
        "Mohon perbaikan jalan di {perumahan}",
        "Pak tolong jalan di {perumahan} {blok} itu diperbaiki. "
        "Lubangnya sudah kayak kolam kalau hujan. "
        "Anak-anak sekolah lewat situ tiap pagi.",
    ),
    _a(
        "jalan-berlubang",
        _AT_HOUSING_AREA,
        "Usulan semenisasi jalan lingkungan RT {rt}/RW {rw}",
        "Kami mengusulkan agar jalan lingkungan di RT {rt}/RW {rw} {perumahan} disemenisasi "
        "melalui musrenbang tahun depan. "
        "Jalan tersebut masih tanah merah dan becek saat musim hujan.",
    ),
    _p(
        "penerangan-jalan",
        _AT_LANDMARK,
        "Lampu jalan mati di {jalan}",
        "Lampu jalan di sepanjang {jalan} dekat {landmark} mati semua {lamanya}. "
        "Malam hari jalan sangat gelap dan sudah ada kejadian jambret di situ. "
        "Kami minta lampunya segera diperbaiki.",
    ),
    _p(
        "penerangan-jalan",
        _AT_HOUSING_AREA,
        "Tidak ada penerangan jalan menuju {perumahan}",
        "Jalan menuju {perumahan} gelap total waktu malam karena tidak ada lampu penerangan. "
        "Ibu-ibu yang pulang kerja shift malam merasa takut lewat. "
        "Mohon dipasang lampu jalan.",
    ),
    _p(
        "lampu-pju",
        _AT_HOUSING,
        "Tiang PJU miring dan kabel menjuntai di {perumahan}",
        "Tiang PJU di depan rumah {blok} No. {no} {perumahan} miring dan hampir roboh setelah "
        "ditabrak truk. "
        "Kabelnya juga menjuntai ke bawah. "
        "Takut kena anak-anak yang main di situ.",
    ),
    _p(
        "lampu-pju",
        _AT_JUNCTION,
        "Lampu PJU kedip-kedip di {simpang}",
        "Lampu PJU di {simpang} hidup mati kedip-kedip {lamanya}. "
        "Kadang menyala siang hari dan mati waktu malam. "
        "Mohon petugas datang memeriksa.",
    ),
    _p(
        "drainase",
        _AT_STREET,
        "Parit tersumbat di RT {rt}/RW {rw} {kelurahan}",
        "Parit di depan rumah warga RT {rt}/RW {rw} {jalan} tersumbat sampah dan lumpur. "
        "Setiap hujan deras air meluap ke jalan dan masuk ke rumah. "
        "Sudah kami laporkan ke RT tapi belum ada tindakan.",
    ),
    _p(
        "drainase",
        _AT_LANDMARK,
        "Gorong-gorong ambrol di {jalan}",
        "Gorong-gorong di {jalan} dekat {landmark} ambrol sehingga air tidak bisa mengalir. "
        "Airnya menggenang dan bau, jadi sarang nyamuk. "
        "Mohon segera diperbaiki sebelum musim hujan.",
    ),
    _a(
        "drainase",
        _AT_HOUSING_AREA,
        "Usulan pembangunan drainase di {perumahan}",
        "Kami warga {perumahan} mengusulkan pembangunan parit baru di sisi kiri jalan utama. "
        "Parit lama terlalu kecil dan tidak sanggup menampung air dari perumahan di atasnya.",
    ),
    _p(
        "drainase",
        _AT_HOUSING,
        "Got mampet di {perumahan} {blok}",
        "Got depan rumah saya di {blok} sudah lama tidak dikorek, {lamanya} airnya tidak jalan. "
        "Airnya hitam dan bau sekali apalagi siang hari. "
        "Tolong ya pak dikirim petugas.",
    ),
    _p(
        "trotoar",
        _AT_STREET,
        "Trotoar berlubang di {jalan}",
        "Trotoar di {jalan} banyak yang berlubang dan penutup paritnya hilang. "
        "Pejalan kaki terpaksa turun ke badan jalan. "
        "{Kapan} ada ibu-ibu yang terperosok ke lubang itu.",
    ),
    _p(
        "trotoar",
        _AT_LANDMARK,
        "Trotoar di depan {landmark} tidak bisa dilalui",
        "Trotoar di depan {landmark} dipakai untuk parkir motor dan jualan. "
        "Pejalan kaki, termasuk pengguna kursi roda, tidak bisa lewat. "
        "Mohon ditertibkan.",
    ),
    _p(
        "taman",
        _AT_HOUSING_AREA,
        "Taman bermain di {perumahan} tidak terawat",
        "Taman bermain di {perumahan} tidak terawat, rumput sudah setinggi lutut dan ayunannya "
        "patah. "
        "Anak-anak tidak bisa bermain di sana lagi. "
        "Mohon dibersihkan dan alat bermainnya diperbaiki.",
    ),
    _a(
        "taman",
        _AT_HOUSING_AREA,
        "Usulan taman warga di lahan fasum RW {rw}",
        "Saya mengusulkan agar lahan kosong fasum di RW {rw} {kelurahan} dijadikan taman kecil. "
        "Di sekitar sini tidak ada ruang terbuka untuk anak-anak bermain dan lansia berolahraga.",
    ),
    _p(
        "halte",
        _AT_LANDMARK,
        "Halte rusak di {jalan}",
        "Halte di {jalan} depan {landmark} atapnya bocor dan bangkunya sudah rusak. "
        "Kalau hujan penumpang basah semua. "
        "Mohon diperbaiki.",
    ),
    _p(
        "pemakaman-umum",
        _AT_TPU,
        "Biaya penggalian makam tanpa kuitansi",
        "Waktu mengurus pemakaman keluarga saya di TPU Sei Temiang, kami diminta membayar "
        "{uang} untuk penggalian tanpa kuitansi. "
        "Kami tidak tahu apakah biaya itu resmi atau tidak.",
    ),
    _i(
        "pemakaman-umum",
        _AT_CITY,
        "Prosedur dan biaya lahan makam di TPU",
        "Saya ingin bertanya bagaimana prosedur memesan lahan makam di TPU untuk orang tua saya. "
        "Apakah ada biayanya dan ke kantor mana kami harus mengurus?",
    ),
    _i(
        "perizinan-bangunan",
        _AT_HOUSING,
        "Syarat mengurus PBG untuk renovasi rumah",
        "Saya mau merenovasi rumah dan menambah lantai dua di {perumahan}. "
        "Apakah perlu mengurus PBG dan berapa lama prosesnya? "
        "Persyaratannya apa saja?",
    ),
    # Lingkungan hidup
    _p(
        "pengelolaan-sampah",
        _AT_LANDMARK,
        "Sampah tidak diangkut di TPS {jalan}",
        "Sampah di TPS {jalan} dekat {landmark} {lamanya} tidak diangkut. "
        "Tumpukannya sampai meluber ke badan jalan dan baunya menyengat. "
        "Warga sekitar juga mulai terganggu lalat.",
    ),
    _p(
        "pengelolaan-sampah",
        _AT_HOUSING_AREA,
        "Pengangkutan sampah di {perumahan} tidak rutin",
        "Truk sampah hanya datang seminggu sekali ke {perumahan}, padahal kami membayar iuran "
        "sampah {uang_kecil} setiap bulan. "
        "Sampah rumah tangga menumpuk di depan rumah dan diacak-acak kucing.",
    ),
    _p(
        "pengelolaan-sampah",
        _AT_LANDMARK,
        "TPS liar di lahan kosong dekat {landmark}",
        "Ada orang yang membuang sampah sembarangan di lahan kosong dekat {landmark} setiap malam. "
        "Sekarang sudah jadi TPS liar dan kadang dibakar. "
        "Asapnya masuk ke rumah warga RT {rt}.",
    ),
    _p(
        "pengelolaan-sampah",
        _AT_HOUSING,
        "Sampah menumpuk di {perumahan}",
        "sampah di ujung gang {blok} {perumahan} numpuk pak, bau sekali. "
        "{lamanya} tidak diangkut. "
        "tolong lah.",
    ),
    _a(
        "pengelolaan-sampah",
        _AT_HOME_KELURAHAN,
        "Usulan bak sampah terpilah per RW di {kelurahan}",
        "Kami mengusulkan agar setiap RW di {kelurahan} diberi bak sampah terpilah dan jadwal "
        "angkut yang jelas. "
        "Banyak warga yang mau memilah sampah tapi akhirnya dicampur lagi oleh petugas.",
    ),
    _i(
        "pengelolaan-sampah",
        _AT_HOME_KELURAHAN,
        "Besaran iuran sampah rumah tangga",
        "Berapa sebenarnya iuran sampah resmi untuk rumah tangga di Kota Batam? "
        "Di tempat kami ditarik {uang_kecil} per bulan oleh pengurus RT. "
        "Apakah ada dasar aturannya?",
    ),
    _p(
        "pencemaran",
        _AT_STREET,
        "Limbah cucian mobil dibuang ke parit di {jalan}",
        "Limbah dari usaha cuci mobil di {jalan} dibuang langsung ke parit. "
        "Airnya berbusa dan berminyak sampai ke depan rumah warga. "
        "{Lamanya} baunya makin parah.",
    ),
    _p(
        "pencemaran",
        _AT_HOME_KELURAHAN,
        "Asap hitam pabrik mengganggu warga {kelurahan}",
        "Ada pabrik di dekat {kelurahan} yang mengeluarkan asap hitam pada {waktu} hari. "
        "Warga banyak yang batuk dan jemuran jadi kotor. "
        "Mohon dilakukan pengecekan.",
    ),
    _p(
        "pencemaran",
        _AT_HOUSING_AREA,
        "Debu dan lumpur dari cut and fill dekat {perumahan}",
        "Kegiatan cut and fill di bukit dekat {perumahan} membuat debu beterbangan saat kemarau "
        "dan lumpur saat hujan. "
        "Lumpurnya masuk ke parit dan jalan perumahan. "
        "Kami minta izinnya diperiksa.",
    ),
    _p(
        "banjir",
        _AT_LANDMARK,
        "Banjir di {jalan} setiap hujan deras",
        "Setiap hujan deras lebih dari satu jam, {jalan} depan {landmark} banjir {tinggi_air}. "
        "Motor banyak yang mogok dan air masuk ke ruko. "
        "Kejadian terakhir {kapan}.",
    ),
    _p(
        "banjir",
        _AT_HOUSING,
        "Banjir masuk rumah warga {perumahan}",
        "Rumah kami di {perumahan} {blok} kebanjiran lagi {kapan} setinggi {tinggi_air}. "
        "Airnya datang dari bukit gundul di belakang perumahan. "
        "Sudah {kali} kejadian tahun ini dan barang-barang warga banyak yang rusak.",
    ),
    _p(
        "sanitasi",
        _AT_HOUSING,
        "Septic tank bocor di {perumahan} {blok}",
        "Septic tank di rumah kosong sebelah rumah saya di {blok} bocor dan rembesannya masuk ke "
        "halaman. "
        "Baunya sangat tidak sedap dan kami khawatir mencemari sumur. "
        "Pemilik rumah tidak bisa dihubungi.",
    ),
    _p(
        "sanitasi",
        _AT_MARKET,
        "WC umum {pasar} rusak dan jorok",
        "WC umum di {pasar} rusak dan tidak ada airnya. "
        "Pedagang dan pembeli terpaksa buang air di belakang los. "
        "Kondisinya sangat jorok.",
    ),
    _p(
        "pohon-rawan-tumbang",
        _AT_LANDMARK,
        "Pohon rawan tumbang di {jalan}",
        "Ada pohon angsana besar di {jalan} dekat {landmark} yang dahannya sudah rapuh dan "
        "menjulur ke kabel listrik. "
        "Kalau angin kencang dahannya berjatuhan. "
        "Mohon dipangkas sebelum menimpa orang.",
    ),
    # Perhubungan
    _p(
        "parkir-liar",
        _AT_LANDMARK,
        "Juru parkir liar di depan {landmark}",
        "Di depan {landmark} banyak juru parkir liar yang meminta {uang_kecil} tanpa karcis. "
        "Kalau tidak dikasih, jukirnya marah-marah. "
        "Parkirnya juga sampai memakan setengah badan jalan.",
    ),
    _p(
        "parkir-liar",
        _AT_STREET,
        "Truk parkir sembarangan di {jalan}",
        "Truk dan kontainer parkir di sepanjang {jalan} pada {waktu} hari sampai menutupi satu "
        "lajur. "
        "Jalan jadi macet dan rawan kecelakaan karena penerangan kurang. "
        "Mohon ditertibkan oleh Dishub.",
    ),
    _p(
        "parkir-liar",
        _AT_LANDMARK,
        "Parkir liar di minimarket dekat {landmark}",
        "tukang parkir di minimarket dekat {landmark} narik {uang_kecil} padahal tulisannya "
        "parkir gratis. "
        "Pas ditanya karcis malah marah. "
        "Tolong ditertibkan pak.",
    ),
    _p(
        "transportasi",
        _AT_STREET,
        "Jadwal bus Trans Batam di {jalan} tidak menentu",
        "Bus Trans Batam yang lewat {jalan} sering tidak sesuai jadwal, kadang lebih dari satu jam "
        "baru datang. "
        "Anak sekolah dan pekerja jadi terlambat. "
        "Mohon armadanya ditambah.",
    ),
    _p(
        "transportasi",
        _AT_SCHOOL,
        "Sopir angkutan ugal-ugalan di {jalan}",
        "Sopir angkutan yang lewat {jalan} sering ugal-ugalan dan menaikkan penumpang di tengah "
        "jalan. "
        "{Kapan} hampir menabrak anak sekolah di depan {sekolah}.",
    ),
    _a(
        "transportasi",
        _AT_HOME_KELURAHAN,
        "Usulan perpanjangan rute Trans Batam ke {kelurahan}",
        "Kami mengusulkan rute bus Trans Batam diperpanjang sampai ke {kelurahan}. "
        "Banyak warga yang bekerja di kawasan industri harus naik ojek dua kali dengan biaya "
        "mahal setiap hari.",
    ),
    _i(
        "transportasi",
        _AT_CITY,
        "Jadwal, rute dan tarif pelajar Trans Batam",
        "Saya ingin menanyakan jadwal dan rute terbaru bus Trans Batam dari {kelurahan} ke "
        "Batam Centre. "
        "Apakah ada tarif khusus untuk pelajar dan lansia?",
    ),
    _p(
        "lampu-lalu-lintas",
        _AT_JUNCTION,
        "Lampu lalu lintas mati di {simpang}",
        "Lampu lalu lintas di {simpang} mati {lamanya}. "
        "Kendaraan saling serobot terutama pada jam pulang kerja. "
        "Sudah ada kecelakaan kecil di situ.",
    ),
    _a(
        "lampu-lalu-lintas",
        _AT_SCHOOL,
        "Usulan zebra cross di depan {sekolah}",
        "Mohon dibuatkan zebra cross dan rambu hati-hati di depan {sekolah}. "
        "Kendaraan melaju kencang dan anak-anak kesulitan menyeberang saat pulang sekolah.",
    ),
    # Kependudukan
    _p(
        "ktp",
        _AT_CAPIL,
        "KTP elektronik belum dicetak setelah {lama_bulan}",
        "Saya sudah rekam KTP elektronik di {kantor_capil} {lama_bulan} yang lalu tapi sampai "
        "sekarang belum dicetak dengan alasan blangko habis. "
        "Setiap datang disuruh kembali minggu depan. "
        "Saya butuh KTP untuk melamar kerja.",
    ),
    _p(
        "ktp",
        _AT_CAPIL,
        "Nomor antrean layanan KTP habis sejak pagi",
        "Antrean di {kantor_capil} sangat panjang, saya datang {jam_pagi} tapi nomor antrean "
        "sudah habis. "
        "Petugas bilang kuotanya hanya sedikit per hari. "
        "Mohon ditambah loket atau dibuka layanan online yang benar-benar jalan.",
    ),
    _i(
        "ktp",
        _AT_CITY,
        "Syarat cetak ulang KTP yang hilang",
        "KTP saya hilang waktu di pelabuhan. "
        "Apa saja syarat untuk mencetak ulang KTP dan apakah harus ada surat kehilangan dari "
        "polisi? "
        "Apakah bisa diurus di kantor kecamatan saja?",
    ),
    _p(
        "kk",
        _AT_CAPIL,
        "Kesalahan data anak di KK baru",
        "Saya mengurus pecah KK di {kantor_capil} tapi tanggal lahir {anak} salah tulis. "
        "Sudah {kali} bolak-balik untuk perbaikan tetap belum selesai. "
        "Padahal KK itu dibutuhkan untuk pendaftaran sekolah.",
    ),
    _i(
        "kk",
        _AT_CITY,
        "Cara menambah anggota keluarga di KK",
        "Bagaimana cara menambahkan anggota keluarga baru di KK? "
        "Apakah bisa lewat aplikasi atau harus datang langsung ke Disdukcapil?",
    ),
    _p(
        "akta-kelahiran",
        _AT_CAPIL,
        "Akta kelahiran belum selesai meski berkas lengkap",
        "Akta kelahiran {anak} yang lahir di {puskesmas} belum juga selesai padahal berkas "
        "sudah lengkap. "
        "Petugas meminta kami datang lagi dengan alasan sistem sedang gangguan.",
    ),
    _i(
        "akta-kelahiran",
        _AT_CITY,
        "Mengurus akta kelahiran yang terlambat",
        "Anak saya sudah berumur 5 tahun tapi belum punya akta kelahiran karena dulu lahir di "
        "rumah. "
        "Bagaimana cara mengurusnya dan apakah perlu penetapan pengadilan?",
    ),
    _i(
        "akta-kematian",
        _AT_CITY,
        "Syarat membuat akta kematian",
        "Orang tua saya meninggal dunia {kapan}. "
        "Dokumen apa saja yang diperlukan untuk membuat akta kematian dan apakah dikenakan biaya?",
    ),
    _p(
        "pindah-domisili",
        _AT_KELURAHAN,
        "Pengurusan pindah datang tertunda karena pengantar RT",
        "Saya pindah dari Medan ke {kelurahan} dan sudah mengurus surat pindah datang. "
        "Di kelurahan diminta surat pengantar RT, tapi ketua RT-nya sedang ke luar kota sehingga "
        "pengurusan tertunda {lamanya}. "
        "Mohon ada jalan keluarnya.",
    ),
    _i(
        "pindah-domisili",
        _AT_CITY,
        "Prosedur pindah domisili dalam Kota Batam",
        "Saya ingin menanyakan apakah pindah domisili dari {kelurahan} ke kecamatan lain di Batam "
        "perlu surat pindah atau cukup ubah alamat di KK. "
        "Berapa lama prosesnya?",
    ),
    # Energi dan sumber daya alam
    _p(
        "air-minum",
        _AT_HOUSING_AREA,
        "Air mati di {perumahan} {lamanya}",
        "Air di {perumahan} mati total {lamanya}, kalaupun mengalir hanya tengah malam dan "
        "kecil sekali. "
        "Kami terpaksa membeli air tangki {uang} per tandon. "
        "Tolong diberi kepastian jadwal suplai.",
    ),
    _p(
        "air-minum",
        _AT_LANDMARK,
        "Pipa air bocor di {jalan}",
        "Pipa air bocor di {jalan} dekat {landmark} dan airnya terbuang ke parit {lamanya}. "
        "Sementara itu rumah kami di {perumahan} tidak dapat air.",
    ),
    _p(
        "air-minum",
        _AT_HOUSING,
        "Tagihan air melonjak, meteran diduga rusak",
        "Tagihan air bulan ini naik hampir tiga kali lipat padahal pemakaian kami biasa saja. "
        "Meteran air di rumah saya {blok} {perumahan} sepertinya rusak. "
        "Mohon dicek dan tagihannya dikoreksi.",
    ),
    _p(
        "air-minum",
        _AT_HOUSING,
        "Air keruh dan berbau di {perumahan}",
        "air di rumah kami keruh kekuningan dan berbau kaporit kuat {lamanya}. "
        "tidak berani dipakai masak, mandi pun gatal-gatal. "
        "mohon dicek kualitas airnya.",
    ),
    _p(
        "pemadaman-listrik",
        _AT_HOUSING_AREA,
        "Pemadaman listrik berulang di {perumahan}",
        "Listrik di {perumahan} padam hampir setiap {waktu} {lamanya}, biasanya 2 sampai 3 jam "
        "tanpa pemberitahuan. "
        "Barang elektronik warga banyak yang rusak karena listrik naik turun.",
    ),
    _p(
        "pemadaman-listrik",
        _AT_LANDMARK,
        "Kabel listrik putus menjuntai di {jalan}",
        "Kabel listrik di {jalan} dekat {landmark} putus setelah hujan angin {kapan} dan "
        "menjuntai ke jalan. "
        "Sudah dilaporkan lewat telepon tapi belum ada petugas datang. "
        "Sangat berbahaya untuk pengendara.",
    ),
    _p(
        "bbm-elpiji",
        _AT_HOME_KELURAHAN,
        "Elpiji 3 kg langka dan dijual di atas HET",
        "Gas elpiji 3 kg di pangkalan sekitar {kelurahan} sering kosong, kalaupun ada dijual "
        "{uang_gas} per tabung. "
        "Pangkalan lebih mengutamakan pengecer yang datang pakai mobil.",
    ),
    _p(
        "bbm-elpiji",
        _AT_STREET,
        "Antrean solar di SPBU {jalan} sampai menutup jalan",
        "Antrean BBM solar di SPBU {jalan} sangat panjang sampai menutup jalan. "
        "Banyak jeriken diisi padahal ada larangan. "
        "Kami curiga ada penimbunan.",
    ),
    # Politik dan hukum
    _p(
        "pungutan-liar",
        _AT_KELURAHAN,
        "Dugaan pungli pengurusan surat di Kelurahan {kelurahan}",
        "Saat mengurus surat pengantar di kantor kelurahan {kelurahan}, saya diminta membayar "
        "{uang} oleh oknum petugas supaya cepat selesai. "
        "Kalau tidak bayar katanya harus menunggu seminggu. "
        "Setahu saya layanan ini seharusnya gratis.",
        sensitive=True,
    ),
    _p(
        "pungutan-liar",
        _AT_MARKET,
        "Pungutan uang keamanan dari pedagang {pasar}",
        "Ada oknum yang mengaku petugas dan menarik uang keamanan {uang_kecil} per malam dari "
        "pedagang di {pasar}. "
        "Tidak ada kuitansi dan tidak jelas uangnya untuk apa.",
        sensitive=True,
    ),
    _p(
        "pungutan-liar",
        _AT_HOME_KELURAHAN,
        "Pungutan uang administrasi pendaftaran bantuan",
        "Waktu pendaftaran bantuan, pengurus lingkungan meminta {uang} per KK sebagai uang "
        "administrasi. "
        "Warga yang tidak bayar tidak didaftarkan. "
        "Mohon diusut.",
        sensitive=True,
    ),
    _p(
        "penyalahgunaan-wewenang",
        _AT_CAPIL,
        "Petugas layanan bersikap kasar kepada warga lansia",
        "Petugas pelayanan di {kantor_capil} membentak warga lansia yang salah mengisi formulir. "
        "Pelayanannya sangat tidak ramah dan terkesan mempersulit. "
        "Kami berharap ada pembinaan untuk petugas tersebut.",
    ),
    _p(
        "penyalahgunaan-wewenang",
        _AT_HOME_KELURAHAN,
        "Dugaan pilih kasih pendataan bantuan di RT {rt}",
        "Ketua RT kami hanya mendaftarkan keluarganya sendiri untuk bantuan dan pembagian sembako. "
        "Warga yang benar-benar miskin di RT {rt} tidak pernah didata. "
        "Kami sudah menegur tapi tidak ditanggapi.",
        sensitive=True,
    ),
    # Kesehatan
    _p(
        "pelayanan-puskesmas",
        _AT_PUSKESMAS,
        "Dokter terlambat dan antrean lama di {puskesmas}",
        "Saya membawa {anak} berobat ke {puskesmas} {jam_pagi} tapi baru dilayani jam 11 karena "
        "dokternya belum datang. "
        "Ruang tunggu penuh dan tidak ada kipas angin. "
        "Mohon jam pelayanan dipatuhi.",
    ),
    _p(
        "pelayanan-puskesmas",
        _AT_PUSKESMAS,
        "Stok obat hipertensi kosong di {puskesmas}",
        "Obat darah tinggi untuk ibu saya di {puskesmas} kosong {lamanya}. "
        "Kami disuruh beli sendiri di apotek luar. "
        "Padahal kami peserta BPJS.",
    ),
    _p(
        "pelayanan-puskesmas",
        _AT_PUSKESMAS,
        "Petugas pendaftaran {puskesmas} tidak ramah",
        "Petugas pendaftaran di {puskesmas} sibuk main HP dan tidak memperhatikan pasien. "
        "Waktu ditanya malah menjawab ketus. "
        "Saya harap pelayanannya diperbaiki.",
    ),
    _a(
        "pelayanan-puskesmas",
        _AT_PUSKESMAS,
        "Usulan layanan sore di {puskesmas}",
        "Kami mengusulkan agar {puskesmas} membuka layanan sore hari. "
        "Banyak warga yang bekerja di pabrik sampai sore sehingga tidak bisa berobat pagi.",
    ),
    _a(
        "pelayanan-puskesmas",
        _AT_PUSKESMAS,
        "Apresiasi pelayanan persalinan di {puskesmas}",
        "Saya ingin berterima kasih kepada bidan dan perawat di {puskesmas} yang sudah melayani "
        "persalinan istri saya dengan sangat baik. "
        "Pelayanannya cepat dan ramah. "
        "Semoga dipertahankan.",
    ),
    _p(
        "bpjs-kesehatan",
        _AT_PUSKESMAS,
        "Kartu BPJS PBI nonaktif tanpa pemberitahuan",
        "Kartu BPJS PBI saya tiba-tiba nonaktif waktu mau berobat di {puskesmas}. "
        "Saya tidak pernah diberi tahu sebelumnya. "
        "Sekarang saya harus bayar sendiri padahal tidak punya uang.",
    ),
    _i(
        "bpjs-kesehatan",
        _AT_CITY,
        "Cara pindah faskes BPJS Kesehatan",
        "Bagaimana cara pindah faskes BPJS dari klinik ke {puskesmas} yang lebih dekat rumah? "
        "Apakah bisa lewat aplikasi Mobile JKN?",
    ),
    _p(
        "pelayanan-rumah-sakit",
        _AT_RSUD,
        "Pasien menunggu lama di lorong IGD RSUD",
        "Ayah saya dibawa ke IGD RSUD Embung Fatimah {kapan} tapi harus menunggu di lorong lebih "
        "dari {lama} karena kamar penuh. "
        "Petugas tidak memberi penjelasan apa-apa kepada keluarga.",
    ),
    _p(
        "demam-berdarah",
        _AT_STREET,
        "Kasus DBD di RT {rt}/RW {rw}, mohon fogging",
        "Sudah ada {jumlah_kasus} warga RT {rt}/RW {rw} yang dirawat karena demam berdarah. "
        "Kami minta dilakukan fogging dan pembagian abate di lingkungan kami.",
    ),
    # Sosial
    _p(
        "bansos",
        _AT_HOME_KELURAHAN,
        "Bansos tidak tepat sasaran di RT {rt}",
        "Saya janda dengan tiga anak dan tidak punya pekerjaan tetap, tapi tidak pernah menerima "
        "bansos apa pun. "
        "Tetangga saya yang punya mobil malah dapat bantuan sembako setiap bulan.",
    ),
    _p(
        "bansos",
        _AT_KELURAHAN,
        "Beras bantuan berkutu di Kelurahan {kelurahan}",
        "Beras bantuan yang dibagikan di kantor kelurahan {kelurahan} {kapan} berkutu dan berbau "
        "apek. "
        "Banyak warga yang tidak bisa memakainya.",
    ),
    _p(
        "dtks",
        _AT_KELURAHAN,
        "Usulan DTKS belum diproses",
        "Saya sudah mengajukan usulan masuk DTKS lewat kelurahan {lama_bulan} yang lalu tapi "
        "sampai sekarang belum ada kabar. "
        "Waktu dicek di aplikasi, nama saya tidak ditemukan.",
    ),
    _i(
        "dtks",
        _AT_CITY,
        "Cara cek dan daftar DTKS",
        "Bagaimana cara mengecek apakah keluarga kami terdaftar di DTKS? "
        "Kalau tidak terdaftar, ke mana kami harus mendaftar?",
    ),
    _p(
        "pkh",
        _AT_HOME_KELURAHAN,
        "Bantuan PKH tidak cair sejak {bulan}",
        "Bantuan PKH saya tidak cair sejak bulan {bulan}, padahal kartu KKS masih aktif. "
        "Pendamping PKH susah dihubungi.",
    ),
    _p(
        "orang-terlantar",
        _AT_LANDMARK,
        "Warga diduga ODGJ terlantar di dekat {landmark}",
        "Ada seorang bapak yang diduga ODGJ tidur di emperan ruko dekat {landmark} {lamanya}. "
        "Kadang dia mengamuk dan melempar batu ke kendaraan. "
        "Mohon dibantu dibawa ke panti atau rumah sakit.",
    ),
    # Pendidikan
    _p(
        "zonasi-ppdb",
        _AT_SCHOOL,
        "Tidak diterima jalur zonasi padahal dekat sekolah",
        "Rumah kami hanya sekitar 500 meter dari {sekolah} tapi {anak} tidak diterima lewat jalur "
        "zonasi. "
        "Sementara ada siswa yang rumahnya jauh malah diterima. "
        "Kami minta hasil seleksi dibuka secara transparan.",
    ),
    _i(
        "zonasi-ppdb",
        _AT_CITY,
        "Jadwal dan syarat pendaftaran SMP jalur domisili",
        "Kapan jadwal pendaftaran SPMB tingkat SMP di Kota Batam tahun ini? "
        "Dokumen apa saja yang perlu disiapkan untuk jalur domisili?",
    ),
    _p(
        "pungutan-sekolah",
        _AT_SCHOOL,
        "Kewajiban beli seragam dan LKS di {sekolah}",
        "Sekolah {anak} di {sekolah} mewajibkan pembelian seragam dan LKS senilai {uang} di "
        "koperasi sekolah. "
        "Kalau tidak beli, anak ditegur di depan kelas. "
        "Bukankah sekolah negeri dilarang memungut biaya seperti itu?",
        sensitive=True,
    ),
    _p(
        "sarana-sekolah",
        _AT_SCHOOL,
        "Atap ruang kelas {sekolah} bocor",
        "Atap ruang kelas di {sekolah} bocor di beberapa titik dan plafonnya mulai jatuh. "
        "Kami mohon ada rehab ruang kelas sebelum ada murid yang celaka.",
    ),
    _p(
        "kekerasan-satuan-pendidikan",
        _AT_SCHOOL,
        "Perundungan siswa di {sekolah}",
        "{Anak} yang bersekolah di {sekolah} sering dipalak dan dipukul oleh kakak kelasnya. "
        "Sudah kami laporkan ke wali kelas tapi tidak ada tindakan. "
        "Sekarang dia takut pergi ke sekolah.",
        sensitive=True,
    ),
    _p(
        "makan-bergizi-gratis",
        _AT_SCHOOL,
        "Makanan MBG basi di {sekolah}",
        "Makanan program MBG yang dibagikan di {sekolah} {kapan} basi dan beberapa murid mengeluh "
        "sakit perut. "
        "Porsinya juga tidak sesuai dengan yang dijanjikan.",
    ),
    # Ketenteraman dan ketertiban
    _p(
        "pedagang-kaki-lima",
        _AT_LANDMARK,
        "PKL berjualan di badan jalan depan {landmark}",
        "Pedagang kaki lima di depan {landmark} berjualan sampai ke badan jalan setiap {waktu}. "
        "Lalu lintas macet dan sampahnya ditinggal begitu saja.",
    ),
    _a(
        "pedagang-kaki-lima",
        _AT_HOME_KELURAHAN,
        "Usulan lokasi resmi untuk PKL di {kelurahan}",
        "Kami para pedagang kecil di {kelurahan} berharap pemerintah menyediakan lokasi berjualan "
        "yang resmi dan terjangkau. "
        "Kami tidak keberatan ditertibkan asal ada tempat pengganti.",
    ),
    _p(
        "gangguan-ketertiban",
        _AT_STREET,
        "Balap liar setiap malam minggu di {jalan}",
        "Setiap malam minggu ada balap liar di {jalan} mulai jam 1 sampai jam 4 pagi. "
        "Suara knalpot brong sangat mengganggu warga dan bayi-bayi tidak bisa tidur.",
    ),
    _p(
        "gangguan-ketertiban",
        _AT_HOUSING_AREA,
        "Karaoke bising sampai subuh dekat {perumahan}",
        "Tempat karaoke di dekat {perumahan} buka sampai subuh dan suaranya terdengar sampai ke "
        "rumah warga. "
        "Sering ada orang mabuk berkelahi di depannya.",
    ),
    _p(
        "bangunan-liar",
        _AT_HOUSING_AREA,
        "Bangunan liar di lahan fasum {perumahan}",
        "Ada bangunan liar yang didirikan di atas lahan fasum RW {rw} {perumahan} {lamanya}. "
        "Lahan itu seharusnya untuk taman dan tempat bermain anak.",
    ),
    # Ketenagakerjaan
    _p(
        "upah-thr",
        _AT_INDUSTRY,
        "Gaji di bawah UMK dan lembur tidak dibayar",
        "Perusahaan tempat saya bekerja di kawasan industri Muka Kuning membayar gaji di bawah UMK "
        "Batam dan lembur tidak pernah dihitung. "
        "Kalau protes kami diancam tidak diperpanjang kontraknya.",
        sensitive=True,
    ),
    _p(
        "upah-thr",
        _AT_CITY,
        "THR belum dibayar oleh perusahaan",
        "THR tahun ini belum dibayarkan oleh perusahaan tempat saya bekerja padahal sudah lewat "
        "hari raya. "
        "Alasan perusahaan karena sedang rugi.",
        sensitive=True,
    ),
    _p(
        "phk-hubungan-industrial",
        _AT_INDUSTRY,
        "PHK sepihak tanpa pesangon",
        "Saya di-PHK sepihak setelah bekerja lima tahun tanpa pesangon. "
        "Perusahaan hanya memberi surat pemberhentian dan menyuruh saya tidak datang lagi. "
        "Iuran BPJS Ketenagakerjaan saya juga ternyata tidak dibayarkan.",
    ),
    _i(
        "pencari-kerja",
        _AT_CITY,
        "Cara membuat kartu kuning AK1 online",
        "Bagaimana cara membuat kartu kuning (AK1) secara online? "
        "Apakah masih diperlukan untuk melamar kerja di perusahaan di Batam?",
    ),
    _p(
        "pencari-kerja",
        _AT_HOME_KELURAHAN,
        "Penipuan calo tenaga kerja di {kelurahan}",
        "Ada calo yang menjanjikan pekerjaan di pabrik dengan meminta uang {uang_besar}. "
        "Setelah dibayar, orangnya menghilang dan tidak bisa dihubungi. "
        "Korbannya sudah banyak di {kelurahan}.",
    ),
    # Ekonomi
    _i(
        "pajak-retribusi-daerah",
        _AT_HOUSING,
        "SPPT PBB belum diterima",
        "SPPT PBB rumah saya tahun ini belum sampai. "
        "Bagaimana cara mengecek tagihan PBB dan membayarnya secara online?",
    ),
    _a(
        "umkm-koperasi",
        _AT_HOME_KELURAHAN,
        "Usulan pelatihan kemasan dan pemasaran UMKM",
        "Kami ibu-ibu PKK di {kelurahan} berharap ada pelatihan pengemasan dan pemasaran online "
        "untuk produk kue rumahan. "
        "Banyak produk warga yang enak tapi tidak laku karena kemasannya seadanya.",
    ),
    _p(
        "pinjaman-online",
        _AT_CITY,
        "Teror penagihan pinjaman online",
        "Saya diteror penagih pinjaman online yang menyebarkan data saya ke semua kontak di HP. "
        "Mereka juga mengancam akan datang ke rumah. "
        "Padahal utang saya sudah saya cicil.",
        sensitive=True,
    ),
    # Other roots
    _p(
        "evakuasi-hewan-liar",
        _AT_HOUSING,
        "Ular sanca masuk permukiman {perumahan}",
        "Ada ular sanca besar masuk ke kandang ayam warga di {perumahan} {blok} {kapan}. "
        "Warga takut karena banyak anak kecil di sekitar. "
        "Mohon dibantu evakuasi.",
    ),
    _p(
        "evakuasi-hewan-liar",
        _AT_SCHOOL,
        "Sarang tawon di depan {sekolah}",
        "Ada sarang tawon besar di pohon depan {sekolah}. "
        "Sudah ada dua murid yang tersengat. "
        "Mohon segera dibantu dimusnahkan.",
    ),
    _a(
        "kesetaraan-gender-inklusif",
        _AT_KELURAHAN,
        "Usulan ramp kursi roda di kantor pelayanan",
        "Kantor pelayanan di {kelurahan} belum punya jalur landai untuk kursi roda. "
        "Ayah saya yang lumpuh harus digendong naik tangga setiap mengurus dokumen. "
        "Mohon dibuatkan ramp dan kursi tunggu prioritas.",
    ),
    _p(
        "p4gn",
        _AT_LANDMARK,
        "Dugaan transaksi narkoba di rumah kontrakan",
        "Di rumah kontrakan dekat {landmark} sering ada orang keluar masuk tengah malam dan kami "
        "curiga ada transaksi narkoba. "
        "Kami takut melapor langsung ke RT. "
        "Mohon identitas kami dirahasiakan.",
        sensitive=True,
    ),
    _a(
        "sinyal-internet",
        _AT_HOUSING_AREA,
        "Usulan wifi publik di balai RW {perumahan}",
        "Sinyal internet di {perumahan} sangat lemah sehingga anak-anak susah mengerjakan tugas "
        "sekolah daring. "
        "Kami berharap ada wifi publik di balai RW.",
    ),
    _p(
        "aplikasi-pemerintah",
        _AT_CITY,
        "Aplikasi layanan adminduk online sering error",
        "Aplikasi layanan online adminduk sering error waktu mengunggah dokumen. "
        "Sudah {kali} mencoba tapi selalu gagal di tahap akhir. "
        "Akhirnya tetap harus datang ke kantor.",
    ),
    _i(
        "sp4n-lapor",
        _AT_CITY,
        "Cara mengecek status laporan",
        "Saya pernah melapor lewat kotak saran ini {lama_bulan} yang lalu tapi tidak tahu "
        "perkembangannya. "
        "Bagaimana cara mengecek status laporan saya di LAPOR?",
    ),
    _a(
        "perairan",
        _AT_COAST,
        "Usulan perbaikan pelantar kampung nelayan",
        "Pelantar kayu di kampung nelayan kami sudah lapuk dan banyak papan yang patah. "
        "Kami para nelayan mengusulkan pelantar diganti dengan beton.",
    ),
    _p(
        "perlindungan-konsumen",
        _AT_STREET,
        "Produk kedaluwarsa dijual di minimarket {jalan}",
        "Minimarket di {jalan} masih menjual roti dan susu yang sudah lewat tanggal kedaluwarsa. "
        "Waktu saya komplain, kasirnya hanya bilang nanti dilaporkan ke atasan.",
    ),
    _a(
        "sp4n-lapor",
        _AT_KELURAHAN,
        "Tindak lanjut kotak saran diumumkan di papan pengumuman",
        "Kotak saran ini sangat membantu bagi kami yang tidak punya HP. "
        "Mohon setiap saran yang masuk diumumkan tindak lanjutnya di papan pengumuman kantor.",
    ),
    _i(
        "pelindungan-wni",
        _AT_CITY,
        "Meminta bantuan untuk pekerja migran di Malaysia",
        "Adik saya bekerja di Malaysia lewat agen tapi sudah tiga bulan tidak bisa dihubungi dan "
        "paspornya ditahan majikan. "
        "Ke mana kami harus melapor untuk meminta bantuan?",
    ),
    _a(
        "rumah-ibadah",
        _AT_HOUSING_AREA,
        "Usulan bantuan renovasi musala di {perumahan}",
        "Musala di {perumahan} sudah tidak muat menampung jemaah saat salat Jumat dan tarawih. "
        "Kami mengusulkan ada bantuan hibah untuk perluasan musala tersebut.",
    ),
    _a(
        "sarana-sekolah",
        _AT_HOME_KELURAHAN,
        "Usulan pembangunan SD negeri baru di {kelurahan}",
        "Di {kelurahan} hanya ada satu SD negeri sehingga setiap tahun banyak anak tidak "
        "tertampung. "
        "Kami mengusulkan pembangunan sekolah baru atau penambahan ruang kelas.",
    ),
    _a(
        "demam-berdarah",
        _AT_HOME_KELURAHAN,
        "Usulan jumantik dan gerakan PSN rutin",
        "Kami mengusulkan agar kader jumantik di {kelurahan} diaktifkan lagi dan ada gerakan "
        "PSN setiap Jumat. "
        "Kasus demam berdarah di lingkungan kami selalu naik tiap musim hujan.",
    ),
    _i(
        "bansos",
        _AT_CITY,
        "Jadwal pencairan bantuan sembako",
        "Kapan jadwal pencairan bantuan sembako bulan ini? "
        "Saya lansia dan tidak bisa mengecek sendiri lewat aplikasi.",
    ),
    _i(
        "air-minum",
        _AT_HOUSING,
        "Prosedur pasang sambungan air baru",
        "Saya baru menempati rumah di {perumahan} dan belum ada sambungan air. "
        "Bagaimana prosedur dan biaya pemasangan sambungan air baru?",
    ),
)

# --- Framing sentences --------------------------------------------------------------------

_OPENINGS: dict[Classification, tuple[str, ...]] = {
    PENGADUAN: (
        "Dengan hormat, bersama ini saya ingin menyampaikan keluhan.",
        "Assalamualaikum Bapak/Ibu.",
        "Selamat pagi Bapak/Ibu petugas.",
        "Kepada Yth. Bapak Lurah {kelurahan}.",
        "Mohon maaf sebelumnya pak, saya mau mengadu.",
    ),
    ASPIRASI: (
        "Dengan hormat, izinkan kami menyampaikan usulan.",
        "Assalamualaikum Bapak/Ibu.",
        "Salam sejahtera untuk kita semua.",
    ),
    PERMINTAAN_INFORMASI: (
        "Dengan hormat, saya ingin meminta informasi.",
        "Selamat siang Bapak/Ibu.",
        "Permisi pak, saya mau bertanya.",
    ),
}
_CLOSINGS: dict[Classification, tuple[str, ...]] = {
    PENGADUAN: (
        "Mohon segera ditindaklanjuti, terima kasih.",
        "Atas perhatian Bapak/Ibu kami ucapkan terima kasih.",
        "Tolong lah pak diperhatikan, kasihan warga.",
        "Kami tunggu tindak lanjutnya.",
        "Terima kasih.",
    ),
    ASPIRASI: (
        "Semoga usulan ini dapat dipertimbangkan, terima kasih.",
        "Terima kasih atas perhatiannya.",
    ),
    PERMINTAAN_INFORMASI: (
        "Mohon informasinya, terima kasih.",
        "Terima kasih atas jawabannya.",
    ),
}

# Sentences carrying personal data inline; a later feature must find and mask them.
_IDENTITY_SENTENCES: tuple[str, ...] = (
    "Nama saya {nama}, NIK {nik}, hp {hp}.",
    "Saya {nama} warga RT {rt}/RW {rw}, bisa dihubungi di {hp}.",
    "Untuk konfirmasi silakan hubungi saya di nomor {hp} (WA).",
    "Pelapor: {nama}, NIK {nik}.",
    "Saya {nama} dengan NIK {nik}, tinggal di {alamat}.",
    "Kalau perlu data tambahan bisa email ke {email} atau telepon {hp}.",
    "Hormat saya, {nama} (HP {hp}).",
)

# Informal spellings as found on handwritten slips.
_INFORMAL: dict[str, tuple[str, ...]] = {
    "tidak": ("tdk", "gak", "nggak"),
    "yang": ("yg",),
    "sudah": ("sdh", "udah"),
    "dengan": ("dgn",),
    "karena": ("krn", "karna"),
    "tolong": ("tlg",),
    "sampai": ("sampe", "smp"),
    "juga": ("jg",),
    "untuk": ("utk",),
    "sangat": ("sgt",),
    "banyak": ("byk",),
    "belum": ("blm",),
    "saja": ("aja",),
    "padahal": ("pdhl",),
    "sekarang": ("skrg",),
    "bagaimana": ("gimana", "bgmn"),
}
