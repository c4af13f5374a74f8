"""Word lists for the suggestion tokeniser (data only): informal spellings, stop words, common
Indonesian roots that guide the affix stripper, and the cue words of each klasifikasi."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Informal spellings and abbreviations as people write them on paper, to the standard word.
INFORMAL: dict[str, str] = {
    "tdk": "tidak", "tak": "tidak", "gak": "tidak", "ga": "tidak", "gk": "tidak",
    "nggak": "tidak", "ngga": "tidak", "enggak": "tidak", "kagak": "tidak", "ndak": "tidak",
    "yg": "yang", "sdh": "sudah", "udh": "sudah", "udah": "sudah", "dah": "sudah",
    "dgn": "dengan", "dg": "dengan", "krn": "karena", "karna": "karena", "krna": "karena",
    "tlg": "tolong", "tolomg": "tolong", "mhn": "mohon", "utk": "untuk", "blm": "belum",
    "blom": "belum", "skrg": "sekarang", "skrang": "sekarang", "bgmn": "bagaimana",
    "gimana": "bagaimana", "gmn": "bagaimana", "gmana": "bagaimana", "cemana": "bagaimana",
    "jln": "jalan", "jl": "jalan", "jalanan": "jalan", "kmrn": "kemarin",
    "kemaren": "kemarin", "org": "orang", "sy": "saya", "sya": "saya", "aq": "aku",
    "kl": "kalau", "klo": "kalau", "kalo": "kalau", "dr": "dari", "dri": "dari",
    "dpt": "dapat", "bs": "bisa", "bisa2": "bisa", "lg": "lagi", "sm": "sama", "trs": "terus",
    "pdhl": "padahal", "sampe": "sampai", "smp": "sampai", "smpe": "sampai", "jg": "juga",
    "byk": "banyak", "sgt": "sangat", "aja": "saja", "tp": "tapi", "pd": "pada",
    "msh": "masih", "hrs": "harus", "lbh": "lebih", "dmn": "dimana", "dmana": "dimana",
    "thn": "tahun", "bln": "bulan", "hr": "hari", "mgg": "minggu", "jd": "jadi",
    "ttg": "tentang", "bpk": "bapak", "ibu2": "ibu", "bapak2": "bapak", "kek": "seperti",
    "kayak": "seperti", "kaya": "seperti", "ky": "seperti", "nih": "ini", "tuh": "itu",
    "gitu": "begitu", "gini": "begini", "mau": "mau", "nak": "mau", "pengen": "ingin",
    "pingin": "ingin", "ujan": "hujan", "lobang": "lubang", "lobangnya": "lubang",
    "bolong": "lubang", "akte": "akta", "apotik": "apotek", "antri": "antre",
    "antrian": "antrean", "nyebrang": "menyeberang", "supir": "sopir", "bis": "bus",
    "smpah": "sampah", "sampa": "sampah", "listrk": "listrik", "ktp-el": "ektp",
    "e-ktp": "ektp", "ektp": "ektp", "wifi": "wifi", "wi-fi": "wifi", "hp": "hp",
    "pam": "pdam", "kwitansi": "kuitansi", "ancur": "hancur", "rusak2": "rusak",
    "nyala": "menyala", "mati2": "mati", "kena": "kena", "gaji2": "gaji", "dok": "dokter",
    "puskesmas2": "puskesmas", "rt2": "rt", "pungli2": "pungli", "fogging": "fogging",
    "diasapi": "fogging", "pengasapan": "fogging", "gas3kg": "elpiji", "lpg": "elpiji",
}

# Function words and fillers; they carry no topic.
STOP_COMMON = _words("""
    yang dan di ke dari itu ini ada untuk dengan pada oleh sebagai dalam tentang terhadap
    hingga sampai atau serta bahwa adalah ialah yaitu para pun lah kah tah nya si sang
    saya kami kita aku kamu anda engkau dia ia mereka beliau kalian awak kami-kami
    sudah telah akan sedang masih juga saja lagi sangat sekali amat paling lebih kurang
    tapi tetapi namun melainkan sedangkan padahal karena sebab jadi maka sehingga agar supaya
    kalau jika bila apabila ketika saat waktu sewaktu selama sejak sesudah setelah sebelum
    lalu kemudian terus pernah baru lama begitu begini seperti sama bagai bagaikan
    bisa dapat harus mesti perlu boleh mau ingin hendak
    pak bapak ibu bu bpk mas mbak kak bang abang adik dik nek kek om tante yth kepada kpd
    hormat salam assalamualaikum waalaikumsalam wr wb selamat pagi siang sore malam permisi
    ya iya tidak bukan jangan belum sih dong deh kok kan lho loh nah toh ah eh wah
    semua setiap tiap banyak sedikit beberapa segala seluruh masing ber
    hari jam menit detik bulan tahun minggu kemarin besok tadi nanti sekarang kini dulu
    sini situ sana mana apa siapa kapan berapa bagaimana mengapa kenapa dimana kemana
    apakah adakah bagaimanakah
    orang hal cara buat bikin ambil kasih kasi beri tolong mohon minta terima makasih
    maaf mohon-mohon demikian tersebut hanya cuma cuman pula lain lainnya dll dsb dst
    satu dua tiga empat lima enam tujuh delapan sembilan sepuluh ratus ribu juta rb jt
    rp nomor no nya-nya tetap masa sendiri bersama antara per tanpa
""")

# Words kept for klasifikasi (questions, requests, negation) but not for topics.
QUESTION_WORDS = _words("""
    apa apakah siapa kapan berapa bagaimana mengapa kenapa dimana kemana mana adakah
    bagaimanakah bolehkah bisakah
""")

# Generic words for the names of agencies ("Dinas ... Kota Batam").
AGENCY_NAME_STOP = _words("""
    dinas badan kantor kota batam kabupaten provinsi kepulauan riau kepri daerah pt cabang
    satuan balai perwakilan republik indonesia regional dan serta layanan pelayanan
""")

# Common roots of public-service Indonesian; the affix stripper prefers a candidate listed
# here (so "perbaikan" -> "baik", "pemakaman" -> "makam", "memakai" -> "pakai").
ROOTS = _words("""
    ada adu air ajar aju akhir aku alam alih alir aman ambil ampun anak angkut angin antar
    antre anyam apung asap asli atap atur awas ayun baca bagi baik bakar balik bantu banjir
    bangun banyak bayar bebas beda bekas beli benah benar bentuk berat beres berhenti
    bersih besar betul biaya bicara bina bising bocor bohong buang buat bubar buka bukti
    bunuh buruk butuh cabut cair cakup campur cantum cari catat cek cegah cemar cepat cetak
    cicil cinta coba copot cor curi daftar dapat darat data datang dengar dekat dengar didik
    diam dorong duduk dukung edar ekor empat endap gali ganggu ganti garap gelap genang
    gerak gigit gratis guna gusur hadap hadir hambat hancur hapus harap hasil hidup hilang
    hitung hubung hujan huni ikut ingat inap isi izin jadi jaga jalan jamin jangkau jangkit
    jatuh jawab jebol jemput jual kacau kali kantor keluh keluar kenal kerja keruk kirim
    kumpul kuras kurang laku lambat lancar langgar lapor latih lawan layan lebar lepas
    letak lewat libat lihat lindung lingkung lintas lubang lulus lurah luap madu main
    makam makan malas maling mampu manfaat marah masuk mati minum mudah muntah musnah naik
    nikah nilai obat olah ongkos operasi padam pakai paksa panas pangkas pantau pasang
    pecah pegang pelihara penuh pergi periksa perintah pikir pilih pindah pinjam pukul
    pulang pungut punya putus rampas rawat rekam rendam resah retak robek roboh rubuh
    rugi rumah rusak sakit salur sambung sampah sangkut sapu saring sebar sedia sekolah
    selesai semprot sempit serah sewa siap siar sidak simpan singgah sita sopir sumbang
    susah suruh tahan tambal tambah tampung tanam tanda tangan tangan tangkap tanggap
    tanggung tanya tarik tata tawar tebang tebus tegur telantar temu tempat tempel
    tentu terang terbang terima terlantar tiba timbun tindak tinggal tipu tolak tolong
    tonton tulis tumbang tunggak tunggu tunjuk turun tutup ubah ukur ulang umum undang
    untung urus usul usir wajib warga
    akta aspal atur bina campak cuci curang dukung edar gadai guru jual kebun kelola
    lahir layan lengkap luka obat pasar pegawai peran pesan petik pupuk razia ronda sapi
    semen sewa siksa tagih tanah tarif terang tiket timbang ukur upah usaha
    nyala beri minta tabrak timpa tuju milik pilah keluarga kendara berani kembali sehat
    penduduk tumpuk tani ternak ikan laut kapal sewa dagang tugas jemur tertib sumbat
    hormat lamar pesan kecewa kelompok kepala keras kering kecil kebun kertas ketua kereta
    periksa pelihara perlu pergi peduli perintah pikir pinjam pasti sakit tampung
""")

# Words never stemmed: agency short names and words whose stem would mean something else.
KEEP = _words("""
    dishub disdukcapil dukcapil dinkes disdik dinsos diskominfo disnaker disperindag
    disperkimtan dispenda bapenda bappeda inspektorat perusahaan pelantar pertalite permai
    pesangon pedestrian perumahan pemerintah kependudukan pendidikan kebudayaan sebaiknya
    percuma
""")

# Cue words of each klasifikasi (before stemming); "?" stands for a question mark.
CLASSIFICATION_CUES: dict[str, tuple[str, ...]] = {
    "pengaduan": (
        "rusak", "tidak", "belum", "kecewa", "keluhan", "mengeluh", "mengadu", "adukan",
        "melaporkan", "parah", "mati", "bocor", "macet", "kotor", "bau", "bahaya",
        "berbahaya", "takut", "resah", "mengganggu", "ditolak", "lambat", "lama", "kasar",
        "pungutan", "dipersulit", "terlantar", "hilang", "korban", "celaka", "jatuh", "sakit",
        "penipuan", "ancam", "marah", "susah", "sulit", "mahal", "kurang", "habis", "kosong",
        "salah", "dipotong", "ditahan", "terganggu", "tidak ada", "sudah lama", "percuma",
        "dibiarkan", "mengabaikan", "tidak ditanggapi",
    ),
    "aspirasi": (
        "usul", "usulan", "mengusulkan", "saran", "menyarankan", "berharap", "harapan",
        "semoga", "sebaiknya", "dibangun", "dibuatkan", "diadakan",
        "ditambah", "penambahan", "dipasang", "pengembangan", "meningkatkan", "perlu",
        "apresiasi", "terima kasih", "pertahankan", "ide", "gagasan", "program", "mendukung",
        "dihidupkan", "disediakan", "sediakan",
    ),
    "permintaan_informasi": (
        "?", "tanya", "bertanya", "menanyakan", "informasi", "info", "bagaimana", "cara",
        "caranya", "syarat", "persyaratan", "prosedur", "apakah", "kapan", "berapa",
        "dimana", "kemana", "ke mana", "di mana", "siapa", "jadwal", "biaya", "berhak",
        "boleh", "bisa", "mengurus", "diurus", "dokumen", "apa saja", "numpang tanya",
        "mohon informasi", "mohon info",
    ),
}

# Short forms written in capitals in a title.
ACRONYMS = _words("""
    rt rw ktp kk kia pju pdam pln bpjs kis pbi sd smp sma smk sdn smpn sman tps tpu dbd igd
    ugd rsud rs umkm pkl pbb pkh dtks blt bbm spbu kua odgj asn pns thr umk phk jht kip pip
    ppdb spmb mbg wa hp atm otp imb pbg nib bphtb sppt kb kpm kks bpnt pkk tk paud ojk
""")
