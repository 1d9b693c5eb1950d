"""What the call groups (backend_skp.py, backend_penilaian.py,
backend_cetak.py, backend_helpdesk.py) use of `Backend` (tui/backend.py):
declared once, for mypy; `Backend` defines them all."""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from ekinerja.cetak.v1 import cetak_pb2_grpc
    from ekinerja.penilaian.v1 import penilaian_pb2_grpc
    from ekinerja.profil.v1 import auth_pb2_grpc, profil_pb2_grpc
    from ekinerja.skp.v1 import skp_pb2_grpc

T = TypeVar("T")


class Panggilan:
    if TYPE_CHECKING:

        @property
        def nip(self) -> str: ...

        @property
        def auth(self) -> auth_pb2_grpc.AuthServiceAsyncStub: ...

        @property
        def profil(self) -> profil_pb2_grpc.ProfilServiceAsyncStub: ...

        @property
        def skp(self) -> skp_pb2_grpc.SkpServiceAsyncStub: ...

        @property
        def penilaian(self) -> penilaian_pb2_grpc.PenilaianServiceAsyncStub: ...

        @property
        def cetak(self) -> cetak_pb2_grpc.CetakServiceAsyncStub: ...

        async def _call(
            self,
            method: Callable[..., Awaitable[T]],
            request: Any,
            auth: bool = True,
            tambahan: tuple[tuple[str, str], ...] = (),
            aliran: Callable[[], AsyncIterator[Any]] | None = None,
        ) -> T: ...

        def _aliran(self, method: Callable[..., Any], request: Any, auth: bool = True) -> AsyncGenerator[Any, None]: ...
