import pytest

from services.penilaian.domain.predikat import Predikat as P
from services.penilaian.domain.predikat import Rating as R
from services.penilaian.domain.predikat import predikat


@pytest.mark.parametrize(
    ("hasil", "perilaku", "expected"),
    [
        (R.DIATAS, R.DIBAWAH, P.KURANG),
        (R.DIATAS, R.SESUAI, P.BAIK),
        (R.DIATAS, R.DIATAS, P.SANGAT_BAIK),
        (R.SESUAI, R.DIBAWAH, P.KURANG),
        (R.SESUAI, R.SESUAI, P.BAIK),
        (R.SESUAI, R.DIATAS, P.BAIK),
        (R.DIBAWAH, R.DIBAWAH, P.SANGAT_KURANG),
        (R.DIBAWAH, R.SESUAI, P.BUTUH_PERBAIKAN),
        (R.DIBAWAH, R.DIATAS, P.BUTUH_PERBAIKAN),
    ],
)
def test_matriks_predikat(hasil, perilaku, expected):
    assert predikat(hasil, perilaku) is expected


@pytest.mark.parametrize(("hasil", "perilaku"), [(None, R.SESUAI), (R.SESUAI, None), (None, None)])
def test_rating_kosong_tanpa_predikat(hasil, perilaku):
    assert predikat(hasil, perilaku) is None
