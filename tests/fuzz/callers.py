"""Who calls: nobody, forged or broken tokens, and the signed-in accounts of the
fixture world. A fuzzed Logout ends a session and a fuzzed UbahPassword may
change a password, so a caller signs in again (with the password it has now)
when its session was ended."""

from __future__ import annotations

import grpc

from tests import data

# Signed in (as tests/data.py names them) or not.
CALLERS: dict[str, dict[str, str]] = {
    "anonim": {},
    "pegawai": {"nip": data.SUTIKNO},
    "penilai": {"nip": data.ENDANG},  # SUTIKNO's atasan
    "helpdesk": {"username": "helpdesk.bkpsdm"},
    "admin": {"username": "admin.madiun"},
    "layanan": {"username": "layanan.siasn"},
    "gerbang": {"username": "gerbang.ssh"},  # the SSH gateway's account
}
# Authorization headers that must all end UNAUTHENTICATED: a JWT signed by
# nobody, one with alg "none", an empty one, a huge one, another scheme.
BAD_AUTH = {
    "token_palsu": "Bearer eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4In0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    "token_none": "Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4Iiwic2lkIjoieCJ9.",
    "token_kosong": "Bearer ",
    "token_raksasa": "Bearer " + "A" * 6000,  # under gRPC's 8 KiB of metadata: reaches the verifier
    "basic": "Basic YWRtaW4ubWFkaXVuOnJhaGFzaWE=",
}


class Callers:
    signed_in = [n for n in CALLERS if CALLERS[n]]
    # Signed-in callers reach past authentication, so they are drawn more
    # often; hypothesis shrinks towards the first, the pegawai.
    weighted = [*signed_in * 3, "anonim", *BAD_AUTH]

    def __init__(self, client) -> None:  # type: ignore[no-untyped-def]
        self._client = client
        self._metadata: dict[str, tuple[tuple[str, str], ...]] = {}
        self._passwords = {who: data.PASSWORD for who in CALLERS}
        self.logins = 0  # logins made (each changes the database)

    async def metadata(self, who: str) -> tuple[tuple[str, str], ...]:
        if who == "anonim":
            return ()
        if who in BAD_AUTH:
            return (("authorization", BAD_AUTH[who]),)
        if who not in self._metadata:
            try:
                self._metadata[who] = await self._client.login(**CALLERS[who], password=self._passwords[who])
                self.logins += 1
            except grpc.aio.AioRpcError:
                # Locked out by fuzzed Logins (RESOURCE_EXHAUSTED): call with the ended session.
                return self._metadata.get(f"{who}:lama", ())
        return self._metadata[who]

    def forget(self, who: str) -> None:
        """The caller's session ended: sign in again before their next call."""
        if who in self._metadata:
            self._metadata[f"{who}:lama"] = self._metadata.pop(who)

    def after_ok(self, who: str, method: str, request: object) -> None:
        """Keeps the caller usable after a call that changed their session or password."""
        if method.startswith("Logout"):
            self.forget(who)
        elif method == "UbahPassword":
            self._passwords[who] = request.password_baru  # type: ignore[attr-defined]
        elif method == "ResetPassword":
            for name, ids in CALLERS.items():
                if ids.get("nip") == request.nip:  # type: ignore[attr-defined]
                    self._passwords[name] = request.password_baru  # type: ignore[attr-defined]
