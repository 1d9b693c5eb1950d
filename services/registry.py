"""Every service of ekinerja, in start order."""

from __future__ import annotations

from services.cetak.module import MODULE as CETAK
from services.penilaian.module import MODULE as PENILAIAN
from services.profil.module import MODULE as PROFIL
from services.shared.server import ServiceModule
from services.skp.module import MODULE as SKP

MODULES: dict[str, ServiceModule] = {m.name: m for m in (PROFIL, SKP, PENILAIAN, CETAK)}
