"""Synthetic but realistic Indonesian suggestion-box slips for the benchmark database.

Self-contained on purpose: the benchmark database must not change shape when the demo generator
in the app changes. Every choice comes from the caller's `random.Random`, so a seed gives the
same 100,000 slips every time. Vocabulary is varied (topics x places x phrasing) so that a
full-text search hits a realistic share of rows: a topic word a few percent, "jalan" a lot.
"""

from __future__ import annotations

import random

# topic -> (title templates, body sentences about the problem, what the writer asks for)
TOPICS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "jalan": (
        ("Jalan berlubang di {street}", "Perbaikan jalan rusak di {street}",
         "Aspal {street} mengelupas dan berlubang"),
        ("Jalan di {street} berlubang besar sejak musim hujan.",
         "Sudah dua kali pengendara motor jatuh karena lubang di dekat {landmark}.",
         "Lubang jalan tergenang air sehingga tidak terlihat pada malam hari.",
         "Aspal yang ditambal bulan lalu sudah rusak lagi."),
        ("Mohon jalan segera diperbaiki sebelum ada korban.",
         "Kami berharap dinas terkait menambal lubang tersebut."),
    ),
    "lampu": (
        ("Lampu jalan mati di {street}", "Lampu penerangan jalan umum padam di {area}",
         "PJU mati sepanjang {street}"),
        ("Lampu jalan di {street} mati sudah {weeks} minggu.",
         "Jalan menjadi gelap gulita setelah magrib dan rawan begal.",
         "Warga RT {rt} sudah melapor ke ketua RT tetapi lampu belum diganti.",
         "Tiang lampu di depan {landmark} miring dan kabelnya menjuntai."),
        ("Mohon lampu jalan segera diganti.", "Tolong tiang lampu diperiksa petugas PLN."),
    ),
    "sampah": (
        ("Sampah menumpuk di {area}", "Tumpukan sampah di dekat {landmark}",
         "Pengangkutan sampah terlambat di RT {rt}"),
        ("Sampah di TPS dekat {landmark} tidak diangkut selama {days} hari.",
         "Bau busuk tercium sampai ke rumah warga dan banyak lalat.",
         "Truk sampah hanya datang seminggu sekali padahal iuran sudah dibayar.",
         "Warga dari luar RT membuang sampah sembarangan di pinggir jalan."),
        ("Mohon jadwal pengangkutan sampah diperbaiki.",
         "Kami minta dipasang papan larangan membuang sampah."),
    ),
    "drainase": (
        ("Drainase tersumbat di {street}", "Parit mampet menyebabkan banjir di {area}",
         "Saluran air tersumbat dekat {landmark}"),
        ("Parit di sepanjang {street} tersumbat lumpur dan sampah plastik.",
         "Setiap hujan deras air meluap ke jalan dan masuk ke rumah warga.",
         "Banjir setinggi lutut terjadi di RT {rt} minggu lalu.",
         "Gorong-gorong di depan {landmark} ambrol."),
        ("Mohon parit dinormalisasi sebelum musim hujan.",
         "Kami berharap ada gotong royong bersama dinas untuk membersihkan saluran."),
    ),
    "air": (
        ("Air bersih tidak mengalir di {area}", "Air keruh dari pipa di {street}",
         "Gangguan pasokan air di RT {rt}"),
        ("Air tidak mengalir sejak {days} hari di rumah-rumah sekitar {street}.",
         "Kalau mengalir, airnya keruh dan berbau kaporit.",
         "Tagihan air tetap naik walaupun air sering mati.",
         "Pipa bocor di depan {landmark} membuang banyak air."),
        ("Mohon pasokan air bersih dipulihkan.", "Tolong kirim mobil tangki air sementara."),
    ),
    "ktp": (
        ("Pelayanan KTP elektronik lambat", "Antrean rekam e-KTP terlalu panjang",
         "Blanko KTP habis di kantor {area}"),
        ("Saya sudah rekam e-KTP {weeks} minggu lalu tetapi KTP belum jadi.",
         "Petugas mengatakan blanko habis dan tidak tahu kapan datang.",
         "Antrean di loket dukcapil dimulai sejak subuh.",
         "Nomor antrean habis sebelum jam sembilan pagi."),
        ("Mohon ada kejelasan waktu pencetakan KTP.",
         "Kami berharap layanan antrean daring diperbaiki."),
    ),
    "puskesmas": (
        ("Antrean puskesmas terlalu lama", "Pelayanan di puskesmas {area} kurang ramah",
         "Obat habis di puskesmas {area}"),
        ("Pasien menunggu lebih dari tiga jam untuk diperiksa dokter.",
         "Petugas pendaftaran berbicara kasar kepada pasien lansia.",
         "Obat yang diresepkan tidak tersedia dan pasien disuruh membeli di apotek.",
         "Ruang tunggu panas karena kipas angin rusak."),
        ("Mohon jumlah petugas ditambah pada jam sibuk.",
         "Kami berharap pelayanan lebih ramah kepada warga."),
    ),
    "sekolah": (
        ("Pungutan di {school}", "Biaya seragam mahal di {school}",
         "Penerimaan murid baru di {school} tidak transparan"),
        ("Orang tua murid diminta membayar uang pembangunan Rp {amount}.",
         "Tidak ada rincian penggunaan dana yang diberikan kepada komite.",
         "Anak kami tidak diterima padahal rumah kami dekat dengan sekolah.",
         "Pembelian seragam diwajibkan di koperasi sekolah dengan harga tinggi."),
        ("Mohon dinas pendidikan memeriksa pungutan ini.",
         "Kami meminta penjelasan tertulis dari pihak sekolah."),
    ),
    "parkir": (
        ("Parkir liar di {street}", "Juru parkir liar di depan {landmark}",
         "Kendaraan parkir di trotoar {street}"),
        ("Juru parkir tanpa rompi resmi menarik uang Rp {amount} per motor.",
         "Mobil parkir di kedua sisi jalan sehingga macet setiap sore.",
         "Trotoar dipakai untuk parkir sehingga pejalan kaki turun ke jalan."),
        ("Mohon dinas perhubungan menertibkan parkir liar.",
         "Kami minta dipasang rambu dilarang parkir."),
    ),
    "izin": (
        ("Pengurusan izin usaha berbelit", "Surat keterangan domisili lama selesai",
         "Persyaratan surat pengantar tidak jelas"),
        ("Saya mengurus surat keterangan usaha tetapi diminta kembali berkali-kali.",
         "Persyaratan yang diminta petugas berbeda dengan yang ditempel di papan informasi.",
         "Ada oknum yang menawarkan jasa cepat dengan biaya tambahan.",
         "Surat pengantar RT dan RW sudah lengkap tetapi berkas ditolak."),
        ("Mohon persyaratan dibuat jelas dan tertulis.",
         "Kami berharap tidak ada lagi biaya di luar ketentuan."),
    ),
    "bansos": (
        ("Bantuan sosial tidak tepat sasaran di RT {rt}", "Penyaluran bansos di {area}",
         "Nama warga miskin tidak terdaftar bansos"),
        ("Keluarga yang mampu menerima bantuan sementara janda lansia tidak menerima.",
         "Data penerima belum diperbarui sejak tiga tahun lalu.",
         "Pembagian beras dilakukan tanpa pemberitahuan kepada warga.",
         "Ada potongan Rp {amount} saat pencairan bantuan."),
        ("Mohon data penerima bantuan diverifikasi ulang.",
         "Kami minta penyaluran diumumkan secara terbuka."),
    ),
    "taman": (
        ("Usulan taman bermain anak di {area}", "Fasilitas taman {area} rusak",
         "Lapangan olahraga di RT {rt} tidak terawat"),
        ("Anak-anak bermain di jalan karena tidak ada lapangan.",
         "Ayunan dan perosotan di taman sudah berkarat dan berbahaya.",
         "Rumput di lapangan tinggi dan menjadi sarang nyamuk."),
        ("Kami mengusulkan lahan kosong dekat {landmark} dijadikan taman.",
         "Mohon fasilitas taman diperbaiki."),
    ),
    "informasi": (
        ("Permintaan informasi jadwal posyandu", "Informasi syarat pembuatan akta kelahiran",
         "Pertanyaan tentang jadwal vaksinasi di {area}"),
        ("Saya ingin mengetahui jadwal dan tempat posyandu bulan ini.",
         "Apa saja syarat membuat akta kelahiran untuk anak yang lahir di rumah?",
         "Informasi di papan pengumuman kantor sudah kedaluwarsa.",
         "Nomor telepon kantor yang tercantum di situs tidak bisa dihubungi."),
        ("Mohon informasi diumumkan di grup warga.", "Terima kasih atas penjelasannya."),
    ),
    "kebisingan": (
        ("Kebisingan bengkel malam hari di {street}", "Suara musik keras dari kafe di {area}",
         "Gangguan ketertiban di dekat {landmark}"),
        ("Bengkel las beroperasi sampai tengah malam dan suaranya mengganggu warga.",
         "Kafe memutar musik keras hingga pukul dua dini hari.",
         "Sekelompok pemuda balap liar setiap malam minggu."),
        ("Mohon satpol PP menertibkan kegiatan tersebut.",
         "Kami berharap ada patroli rutin pada malam hari."),
    ),
    "pohon": (
        ("Pohon tumbang di {street}", "Pohon rawan tumbang dekat {landmark}",
         "Dahan pohon menimpa kabel listrik di {area}"),
        ("Pohon besar di pinggir {street} condong ke jalan dan akarnya terangkat.",
         "Saat angin kencang dahan patah dan hampir mengenai pengendara.",
         "Ranting pohon menyentuh kabel listrik dan sering menimbulkan percikan api."),
        ("Mohon pohon dipangkas sebelum musim angin.",
         "Tolong dinas terkait menebang pohon yang sudah lapuk."),
    ),
}

STREETS = (
    "Jl. Raja Ali Haji", "Jl. Imam Bonjol", "Jl. Sudirman", "Jl. Ahmad Yani", "Jl. Gajah Mada",
    "Jl. Laksamana Bintan", "Jl. Brigjen Katamso", "Jl. Diponegoro", "Jl. Hang Tuah",
    "Jl. Hang Jebat", "Jl. Duyung", "Jl. Kuda Laut", "Jl. Teuku Umar", "Jl. Yos Sudarso",
    "Jl. Raja Haji Fisabilillah", "Jl. Pemuda", "Jl. Sultan Abdul Rahman", "Jl. Engku Putri",
    "Jl. Letjen Suprapto", "Jl. Pattimura", "Jl. Cendrawasih", "Jl. Merak", "Jl. Kenanga",
    "Jl. Melati", "Jl. Flamboyan",
)
AREAS = (
    "Batu Selicin", "Lubuk Baja Kota", "Kampung Pelita", "Tanjung Uma", "Baloi Indah",
    "Sungai Panas", "Teluk Tering", "Belian", "Baloi Permai", "Taman Baloi", "Tiban Indah",
    "Sekupang", "Tanjung Riau", "Bengkong Laut", "Sadai", "Tanjung Sengkuang", "Seraya",
    "Kibing", "Batu Aji", "Sagulung Kota", "Tembesi", "Mangsang", "Sei Harapan", "Patam Lestari",
)
LANDMARKS = (
    "Masjid Al-Ikhlas", "SD Negeri 003", "pasar", "Puskesmas Lubuk Baja", "gereja",
    "Indomaret", "halte bus", "pos ronda", "balai RW", "lapangan futsal", "SMP Negeri 12",
    "musala Nurul Huda", "warung Bu Yati", "kantor lurah", "simpang empat", "jembatan",
)
SCHOOLS = ("SD Negeri 003", "SD Negeri 017", "SMP Negeri 12", "SMP Negeri 5", "SMA Negeri 1",
           "SMK Negeri 2", "MTs Al-Hidayah", "SD Swasta Harapan")
OPENERS = (
    "Dengan hormat,", "Assalamualaikum, Bapak/Ibu.", "Selamat siang.", "Yth. Bapak Lurah,",
    "Saya warga RT {rt}/RW {rw} ingin menyampaikan keluhan.", "Mohon maaf mengganggu.", "",
    "", "",
)
CLOSERS = ("Terima kasih.", "Atas perhatiannya kami ucapkan terima kasih.", "Wassalam.",
           "Semoga cepat ditanggapi.", "", "")
FIRST = ("Siti", "Budi", "Ahmad", "Dewi", "Rahmat", "Nur", "Agus", "Sri", "Hendra", "Yusuf",
         "Rina", "Fitri", "Dedi", "Wati", "Andi", "Lestari", "Joko", "Putri", "Taufik", "Maria")
LAST = ("Hasibuan", "Siregar", "Nasution", "Saputra", "Wijaya", "Lubis", "Simanjuntak",
        "Pratama", "Hidayat", "Rahman", "Gultom", "Sembiring", "Harahap", "Setiawan", "")


def _fill(tpl: str, slots: dict[str, str]) -> str:
    return tpl.format(**slots) if "{" in tpl else tpl


def slip(rng: random.Random, topic: str | None = None) -> tuple[str, str, str]:
    """(title, body, location) of one slip."""
    topic = topic or rng.choice(tuple(TOPICS))
    titles, facts, asks = TOPICS[topic]
    slots = {
        "street": rng.choice(STREETS), "area": rng.choice(AREAS),
        "landmark": rng.choice(LANDMARKS), "school": rng.choice(SCHOOLS),
        "rt": f"{rng.randint(1, 12):02d}", "rw": f"{rng.randint(1, 8):02d}",
        "days": str(rng.randint(2, 14)), "weeks": str(rng.randint(2, 10)),
        "amount": f"{rng.choice((5, 10, 20, 50, 150, 250, 500, 1500))}.000",
    }
    title = _fill(rng.choice(titles), slots)
    parts = [_fill(rng.choice(OPENERS), slots)]
    parts += [_fill(f, slots) for f in rng.sample(facts, rng.randint(1, len(facts)))]
    parts.append(_fill(rng.choice(asks), slots))
    parts.append(rng.choice(CLOSERS))
    body = " ".join(p for p in parts if p)
    location = f"{slots['street']} RT {slots['rt']}/RW {slots['rw']}, {slots['area']}, Batam"
    return title, body, location


def person(rng: random.Random) -> str:
    return " ".join(p for p in (rng.choice(FIRST), rng.choice(LAST)) if p)
