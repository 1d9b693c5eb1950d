from services.shared.logging import mask


def test_nip_dan_email_disamarkan_di_log():
    pesan = "Pegawai dengan NIP 196903232002121009 tidak ditemukan; email sutikno@madiunkab.go.id"
    assert mask(pesan) == "Pegawai dengan NIP 1969**********1009 tidak ditemukan; email ***@madiunkab.go.id"
    assert mask("tanpa data pribadi") == "tanpa data pribadi"


def test_alamat_klien_hanya_sejauh_jaringannya():
    from services.shared.logging import mask_alamat

    assert mask_alamat("10.20.30.40") == "10.20.30.*"
    assert mask_alamat("2001:db8:1:2::5") == "2001:db8:1::/48"
    assert mask_alamat("bukan-alamat") == "***" and mask_alamat("") == ""
