"""Whether the terminal the TUI runs in is gone.

When its terminal disappears without a SIGHUP (a tmux session killed, an
SSH client's pty closed by a parent that set up no controlling terminal),
Textual's input thread reads end-of-file over and over: the TUI would stay
alive, spinning a core, on a screen nobody sees. The app asks this once a
second and exits (tui/app.py)."""

from __future__ import annotations

import select

_PUTUS = select.POLLHUP | select.POLLERR | select.POLLNVAL


def putus(fd: int) -> bool:
    """True when `fd` (the terminal's input) has hung up or is no more."""
    pengamat = select.poll()
    pengamat.register(fd, select.POLLIN)
    return any(kejadian & _PUTUS for _, kejadian in pengamat.poll(0))
