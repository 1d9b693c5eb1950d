"""argon2id password hashing at the OWASP Password Storage minimum (m=19 MiB,
t=2, p=1): measured ~21 ms of CPU per check here, against ~210 ms for
argon2-cffi's RFC 9106 default (64 MiB, t=3, p=4) that a login storm turned
into the server's whole budget (docs/keamanan.md). Hashes made with other
parameters still verify and are rehashed at the next successful login.
Hashing runs off the event loop."""

from __future__ import annotations

import asyncio
from concurrent.futures import Executor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# Verified against when the account does not exist, so that a wrong NIP takes
# as long as a wrong password.
_DUMMY = _hasher.hash("ekinerja-tidak-ada-akun")


def hash_password_sync(password: str) -> str:
    return _hasher.hash(password)


async def hash_password(password: str, pelaksana: Executor | None = None) -> str:
    return await asyncio.get_running_loop().run_in_executor(pelaksana, _hasher.hash, password)


def perlu_hash_ulang(stored: str) -> bool:
    """True for a hash made with other parameters (or an unreadable one)."""
    try:
        return _hasher.check_needs_rehash(stored)
    except InvalidHashError:
        return True


async def verify_password(stored: str | None, password: str, pelaksana: Executor | None = None) -> bool:
    """`pelaksana`: the threads argon2 may use (its size caps how many run at once)."""

    def check() -> bool:
        try:
            return _hasher.verify(stored or _DUMMY, password) and stored is not None
        except (VerificationError, InvalidHashError):
            return False

    return await asyncio.get_running_loop().run_in_executor(pelaksana, check)
