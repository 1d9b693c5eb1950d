"""Values per field name, from the fixture world: `good` ones a correct
client would send, so that a request gets past the first check and the one
nasty value in it meets the code behind; and `bad` ones that are nearly
right (a name one character short, a NIP with Arabic-Indic digits, ...).
Generic nasty values (nasty.py) and random ones are added by strategies.py."""

from __future__ import annotations

from typing import NamedTuple

from tests import data
from tests.fuzz import nasty
from tests.fuzz.world import TAHUN, World, ssh_key


class Seeds(NamedTuple):
    good: list
    bad: list


# Which kinds of resource name a field holds, by field name; "name" and
# "parent" hold the kind their message is about (_kinds).
_KINDS = {
    "skp": ["skp"],
    "rhk": ["rhk"],
    "rhk_atasan": ["rhk"],
    "diwarisi_dari": ["skp"],
    "indikator": ["indikator"],
    "penilaian": ["penilaian"],
    "sumber": ["skp", "penilaian"],
    "tentang": ["rhk", "perilaku"],
    "unor_plt": ["unor"],
    "sasaran": ["skp", "rhk", "pegawai", "penilaian"],
}
_NAME_FIELDS = {"name", "parent", *_KINDS}
# The collection a resource's `parent` names, by the resource's kind.
_PARENT = {
    "skp": ["pegawai"],
    "rhk": ["skp"],
    "indikator": ["rhk"],
    "pegawai": ["unor"],
    "penugasan": ["pegawai", "unor"],
    "rencana-aksi": ["penilaian"],
    "bukti-dukung": ["penilaian"],
    "feedback": ["penilaian"],
    "realisasi": ["penilaian"],
}


def _kinds(field: str, message: str, w: World) -> list[str]:
    """The kinds of name a field most likely takes: by its own name ("rhk"),
    else by the kinds its message is named after (Get*Pegawai*Request.name,
    Create*Rhk*Request.parent -> skp), else by its package (ekinerja.skp.v1
    -> skp). Empty: any kind."""
    if field in _KINDS:
        return _KINDS[field]
    package, _, short = message.rpartition(".")
    for text in (short.lower(), package):
        named = [k for k in [*w.names, "realisasi"] if k.replace("-", "") in text]
        if field == "parent":
            named = [p for k in named for p in _PARENT.get(k, [])]
        if named:
            return named
    return []


_NIPS = [nip for nip, *_ in data.PEGAWAI]
_USERNAMES = ["admin.madiun", "helpdesk.bkpsdm", "layanan.siasn", "admin.ngawi", "gerbang.ssh"]


def almost(name: str) -> list[str]:
    """Names one slip away from a real one."""
    head, _, last = name.rpartition("/")
    return [
        name[:-1],
        name + "0",
        name.upper(),
        f" {name}",
        f"{name}\n",
        f"{name}/",
        f"{name}/x",
        name.replace("/", "//"),
        f"{head}/../{last}",
        f"{head}/{last}\x00",
        f"{head}/%2e%2e",
        f"{head}/{last}'--",
        name.replace("/", "\\"),
    ]


_BAD_NAMES = [
    "skp/" + "a" * 31,
    "skp/" + "g" * 32,
    "skp/" + "A" * 32,
    "pegawai/../x",
    "pegawai/",
    "pegawai",
    "/",
    "skp//rhk/",
    "penilaian/x/periode/tw9",
    "penilaian//periode/tw1",
    "unor/*",
    "cetak/" + "0" * 32,
    "rhk/" + "1" * 32,
    "pegawai/" + "1" * 18,
    "pegawai/" + nasty.NIP_ARAB,
    "skp/" + "0" * 32 + "/rhk/" + "0" * 32 + "/indikator/",
]


def strings(field: str, w: World, message: str = "") -> Seeds:
    """Seeds for the string field `field` of the message `message` (full name)."""
    f = field.lower()
    if f in _NAME_FIELDS:
        real = [x for k in _kinds(f, message, w) for x in w.names.get(k, [])] or w.all_names()
        # Now and then a real name of another kind: the wrong collection.
        return Seeds(real, [bad for x in real[::3] for bad in almost(x)] + _BAD_NAMES + w.all_names()[::4])
    if f == "request_id":
        # A request_id used twice replays the first answer, or is refused
        # for another method: valid, but no longer "good".
        return Seeds([""], ["kurang", "a" * 65, "spasi di dalam!", "fuzz-req-0001", "fuzz-req-0001\x00"])
    if f in {"nip", "atas_nama", "pegawai_nip", "penulis_nip", "aktor_nip"}:
        return Seeds(
            _NIPS,
            [
                data.SUTIKNO[:-1],
                data.SUTIKNO + "0",
                nasty.NIP_ARAB,
                nasty.NIP_LEBAR,
                "0" * 18,
                "196913322002121009",
                "1" * 18,
            ],
        )
    if f in {"aktor", "username"}:
        return Seeds(_USERNAMES + _NIPS[:3], ["ADMIN.MADIUN", "a" * 65, "admin madiun"])
    if f.endswith("_id") or f == "id":
        return Seeds(w.ids, ["0" * 32, "g" * 32, data.BIDANG.upper(), data.BIDANG[:-1], f"unor/{data.BIDANG}"])
    if f == "etag":
        # Mostly none: most etags of the world are stale or another resource's (ABORTED).
        return Seeds([""] * len(w.etags) + w.etags, ['W/"0"', "0", "x" * 200])
    if f in {"page_token", "next_page_token"}:
        # Mostly none: a real token only fits the query that issued it.
        return Seeds([""] * len(w.page_tokens) + w.page_tokens, w.bent_tokens)
    if f == "kode":
        return Seeds(
            ["BERORIENTASI_PELAYANAN", "AKUNTABEL", "KOLABORATIF", "12345678"],
            ["akuntabel", "00000000", "1234567", "١٢٣٤٥٦٧٨", "RENCANA_SKP"],
        )
    if "password" in f:
        return Seeds([data.PASSWORD, "Rahasia-baru-2024"], ["pendek", data.PASSWORD * 50])
    if f == "email":
        return Seeds(
            [data.email_of(data.SUTIKNO), data.email_of(data.ENDANG).upper()],
            ["bukan-email", "a@b", "@contoh.go.id", "x@" + "a" * 300 + ".id", "<script>@contoh.go.id", "a@b\n.id"],
        )
    if f == "tautan":
        return Seeds(
            ["https://drive.google.com/file/d/1", "http://contoh.id/a?b=1"],
            [
                "javascript:alert(1)",
                "file:///etc/passwd",
                "https://",
                "ftp://contoh.id/x",
                "https://" + "a" * 3000 + ".id",
                "https://contoh.id/\x00",
                "http://[::1",
                "https://a b",
            ],
        )
    if f in {"target", "realisasi"}:
        return Seeds(
            ["12 bulan", "100 %", "3 laporan", "0 dokumen"],
            [
                "-1 bulan",
                "1e400 bulan",
                "nan %",
                "inf bulan",
                "12",
                "bulan",
                "12,5 laporan",
                "١٢ bulan",
                "9" * 400 + " bulan",
                "1_000 bulan",
                "0x10 bulan",
                "1e-400 %",
            ],
        )
    if f == "periode":
        return Seeds(["tw1", "tw2", "tw4", "akhir"], ["TW1", "tw0", "tw5", "awal"])
    if f == "query":
        return Seeds(["SU", "sut", "1969", "19690323", "endang sumarsih"], ["%", "_", "\\", "' OR 1=1 --", "%%"])
    if f in {"lokasi", "lokasi_pegawai", "lokasi_penilai"}:
        return Seeds(["MADIUN", "Madiun", "", "Kab. Madiun, Jawa Timur"], [])
    if f.startswith("anchor"):
        # Different per signer: two equal anchors are refused.
        good = ["^", "#", ""] if f.endswith("pegawai") else ["$", "~", ""]
        return Seeds(good, ["^", "$", "^^", "SUTIKNO", "MADIUN", "a", "@", " ", "^\n"])
    if f == "kunci_publik":
        key = ssh_key()
        return Seeds(
            [key, key + " komentar"],
            [
                key[:40],
                "ssh-rsa AAAAB3NzaC1yc2E",
                "ssh-dss AAAA",
                "ssh-ed25519 !!!",
                "ssh-ed25519 " + nasty.b64(b"x" * 40),
                "ecdsa-sha2-nistp256 " + "A" * 20000,
            ],
        )
    if f == "golongan_ruang":
        return Seeds(["III/c", "II/a", "IV/e", "IX"], ["V/a", "iii/c", "III / c", "XVIII"])
    if f == "jabatan":
        return Seeds(["PENGADMINISTRASI KEPEGAWAIAN", "Kepala BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI"], [])
    return Seeds(w.texts + ["Perbaikan data oleh helpdesk"], [])


def ints(field: str) -> Seeds:
    f = field.lower()
    if f == "tahun":
        return Seeds([TAHUN, TAHUN - 1, TAHUN + 1], [2023, 0, 1, 1899, 9999, 10000])
    if f == "page_size":
        return Seeds([0, 1, 2, 50], [500, 501, 1000, 1001, -1])
    if f in {"urutan", "nomor"}:
        return Seeds([1, 2, 3], [0, 100, -1])
    return Seeds([0, 1, 2, 3], [-1])


BOUNDARY_INTS_32 = [-1, -(2**31), 2**31 - 1, 2**31 - 2, 65536, -65536]
BOUNDARY_INTS_64 = [-(2**63), 2**63 - 1, 2**53 + 1, -(2**53) - 1]
