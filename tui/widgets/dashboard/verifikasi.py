"""What waits for admin instansi in profil (docs/domain.md#klaim-pimpinan,
#plt-dan-plh): Klaim Pimpinan that rest on a unit or jabatan the pegawai set
himself, and pegawai's requests for a PLT/PLH assignment. Neither grants
anything until decided; Enter opens the decision."""

from __future__ import annotations

from ekinerja.profil.v1 import profil_pb2 as pb
from rich.text import Text

from tui import format as fmt
from tui.widgets.buka import BukaPutuskanKlaim, BukaPutuskanPenugasan
from tui.widgets.dashboard.panel import PanelDasbor


class KlaimMenunggu(PanelDasbor[pb.Klaim]):
    JUDUL = "Klaim Pimpinan Menunggu Verifikasi"
    KOLOM = ("Pegawai", "Jabatan", "Unit Kerja")

    def tampilkan(self, daftar: list[pb.Klaim], jumlah: int) -> None:
        lebih = f" ({len(daftar)} terbaru ditampilkan)" if jumlah > len(daftar) else ""
        self.isi(
            daftar,
            ((Text(k.pegawai.nama), Text(k.jabatan), Text(k.unor.nama)) for k in daftar),
            f"{jumlah} klaim menunggu verifikasi{lebih}. Klaim belum memberi hak apa pun sampai disetujui. "
            "Enter: setujui atau tolak."
            if daftar
            else "Tidak ada klaim pimpinan yang menunggu verifikasi.",
        )

    def buka(self, indeks: int, baris: pb.Klaim) -> None:
        self.post_message(BukaPutuskanKlaim(baris, self._diputus))

    def _diputus(self, hasil: object) -> None:
        # The decided Klaim; None when the dialog was left, "usang" when another decided it first.
        if isinstance(hasil, pb.Klaim):
            keputusan = "disetujui" if hasil.status == pb.STATUS_KLAIM_DISETUJUI else "ditolak"
            self.notify(f"Klaim {hasil.pegawai.nama} atas {hasil.unor.nama} {keputusan}.", markup=False)
        self.muat_ulang()


class PermintaanPenugasan(PanelDasbor[pb.Penugasan]):
    JUDUL = "Permintaan PLT/PLH"
    KOLOM = ("Pegawai", "Periode", "Jabatan")

    def tampilkan(self, daftar: list[pb.Penugasan]) -> None:
        self.isi(
            daftar,
            ((Text(t.nama), fmt.periode(t.tanggal_mulai, t.tanggal_selesai), Text(t.jabatan)) for t in daftar),
            f"{len(daftar)} permintaan menunggu didaftarkan. Enter: daftarkan atau tolak."
            if daftar
            else "Tidak ada permintaan PLT/PLH yang menunggu.",
        )

    def buka(self, indeks: int, baris: pb.Penugasan) -> None:
        self.post_message(BukaPutuskanPenugasan(baris, self._diputus))

    def _diputus(self, hasil: object) -> None:
        if isinstance(hasil, pb.Penugasan):
            keputusan = "didaftarkan" if hasil.status == pb.STATUS_PENUGASAN_BERLAKU else "ditolak"
            self.notify(f"Permintaan {hasil.nama} sebagai {hasil.jabatan} {keputusan}.", markup=False)
        self.muat_ulang()
