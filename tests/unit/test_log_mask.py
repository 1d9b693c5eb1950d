from services.shared.logging import mask


def test_nip_dan_email_disamarkan_di_log():
    pesan = "Pegawai dengan NIP 196903232002121009 tidak ditemukan; email sutikno@madiunkab.go.id"
    assert mask(pesan) == "Pegawai dengan NIP 1969**********1009 tidak ditemukan; email ***@madiunkab.go.id"
    assert mask("tanpa data pribadi") == "tanpa data pribadi"
