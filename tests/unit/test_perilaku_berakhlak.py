"""The seven BerAKHLAK values with their uraian word for word as the manual
prints them (Detail SKP; docs/domain.md#perilaku-kerja): skp serves these and cetak
prints them, so a shortened word here is a shortened word on every SKP."""

from services.skp.domain.perilaku import BERAKHLAK


def test_uraian_seperti_buku_panduan():
    uraian = {p.kode: p.uraian for p in BERAKHLAK}
    assert uraian["LOYAL"] == (
        "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia pada NKRI "
        "serta pemerintahan yang sah",
        "Menjaga nama baik sesama ASN, Pimpinan, Instansi dan Negara",
        "Menjaga rahasia jabatan dan negara",
    )
    assert uraian["KOLABORATIF"][2] == "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama"
    assert uraian["BERORIENTASI_PELAYANAN"] == (
        "Memahami dan memenuhi kebutuhan masyarakat",
        "Ramah, cekatan, solutif, dan dapat diandalkan",
        "Melakukan perbaikan tiada henti",
    )
    assert uraian["ADAPTIF"] == (
        "Cepat menyesuaikan diri menghadapi perubahan",
        "Terus berinovasi dan mengembangkan kreativitas",
        "Bertindak proaktif",
    )
    assert [p.nama for p in BERAKHLAK] == [
        "Berorientasi Pelayanan",
        "Akuntabel",
        "Kompeten",
        "Harmonis",
        "Loyal",
        "Adaptif",
        "Kolaboratif",
    ]
