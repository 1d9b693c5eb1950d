"""argon2id password hashing (argon2-cffi defaults: RFC 9106 low-memory
profile, t=3, m=64 MiB, p=4). Hashing runs off the event loop."""

from __future__ import annotations

import asyncio
from concurrent.futures import Executor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Verified against when the account does not exist, so that a wrong NIP takes
# as long as a wrong password.
_DUMMY = _hasher.hash("ekinerja-tidak-ada-akun")


def hash_password_sync(password: str) -> str:
    return _hasher.hash(password)


async def hash_password(password: str, pelaksana: Executor | None = None) -> str:
    return await asyncio.get_running_loop().run_in_executor(pelaksana, _hasher.hash, password)


async def verify_password(stored: str | None, password: str, pelaksana: Executor | None = None) -> bool:
    """`pelaksana`: the threads argon2 may use (its size caps how many run at once)."""
    def check() -> bool:
        try:
            return _hasher.verify(stored or _DUMMY, password) and stored is not None
        except (VerificationError, InvalidHashError):
            return False

    return await asyncio.get_running_loop().run_in_executor(pelaksana, check)
