"""The room reserved for a PDF signature is always even: pyHanko refuses an
odd size, and certificate lengths are odd or even by chance (a CI run drew
an odd one)."""

from types import SimpleNamespace

from services.cetak.pdf.tanda_tangan import _ruang_tanda_tangan


class _Sertifikat:
    def __init__(self, panjang: int) -> None:
        self._panjang = panjang

    def dump(self) -> bytes:
        return b"x" * self._panjang


def test_ruang_selalu_genap():
    for panjang in (700, 701, 1234, 1235):
        signer = SimpleNamespace(signing_cert=_Sertifikat(panjang), cert_registry=[_Sertifikat(511)])
        ruang = _ruang_tanda_tangan(signer)  # type: ignore[arg-type]
        assert ruang % 2 == 0 and ruang >= panjang + 511 + 4096
