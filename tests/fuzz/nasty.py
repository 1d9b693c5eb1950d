"""Values that break careless code, independent of any field: what a user
pastes, what an attacker types, what a buggy client sends."""

from __future__ import annotations

import base64
import json

# Text that reaches SQL, the TUI's Rich markup, the typst source of the PDFs,
# log lines and e-mails.
INJECTIONS = [
    "'; DROP TABLE skp; --",
    "' OR '1'='1",
    '"; DELETE FROM pegawai; --',
    "%",
    "_",
    "%%_",
    "\\",
    "\\%",
    "*",
    "[bold]tebal[/bold]",
    "[/]",
    "[link=https://contoh.id]x[/link]",
    "[red",
    "\\[bold]",
    "<script>alert(1)</script>",
    "<b>",
    "&amp;",
    "]]>",
    '#panic("fuzz")',
    '#read("/etc/passwd")',
    "#{1/0}",
    "$x^2$",
    "= Judul",
    "*tebal*",
    "_miring_",
    "`kode`",
    "@ref",
    "<label>",
    "// komentar",
    "/* a",
    "\\u{0}",
    "#set text(size: 999pt)",
    "{{7*7}}",
    "${jndi:ldap://contoh/x}",
    "%s%s%n",
    "{0}",
    "{}",
    "%(x)s",
    "../../etc/passwd",
    "..",
    "/",
    "C:\\Windows",
    "CON",
    "\\\\server\\share",
]

CONTROL = [
    "",
    " ",
    "  \t ",
    "\n",
    "\r\n",
    "\x00",
    "a\x00b",
    "\x00" * 3,
    "\x07",
    "\x1b[31mmerah\x1b[0m",
    "\x7f",
    "\u200b",
    "\u202eterbalik",
    "\ufeffBOM",
    "\u2028",
    "\x85",
    "\U000e0041",
]

# SUTIKNO's NIP in digits str.isdigit() and int() accept but a database does not match.
NIP_ARAB = "١٩٦٩٠٣٢٣٢٠٠٢١٢١٠٠٩"
NIP_LEBAR = "１９６９０３２３２００２１２１００９"

UNICODE = [
    "😀",
    "👨‍👩‍👧‍👦",
    "🇮🇩",
    "e\u0301" * 50,
    "Ｓｕｔｉｋｎｏ",
    "ı",
    "ß",
    "İ",
    "ǅ",
    NIP_ARAB,
    NIP_LEBAR,
    "𝟏𝟐",
    "Ⅻ",
    "½",
    "-0",
    "1e309",
    "NaN",
    "Infinity",
    "-Infinity",
    "0x1f",
    "9" * 40,
]

# Built once: hypothesis would spend its whole budget growing these itself.
OVERSIZED = [
    "x" * 1001,
    "x" * 10_001,
    "é" * 5000,
    "😀" * 3000,
    "9" * 100_000,
    "a\x00" * 5000,
    "[b]" * 2000,
]

ALL = INJECTIONS + CONTROL + UNICODE + OVERSIZED


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def tokens_from(real: str) -> list[str]:
    """Page tokens that look like `real` (a token a server issued) but carry
    an offset or key the server never issued, with the query fingerprint kept."""
    try:
        data = json.loads(base64.urlsafe_b64decode(real + "=" * (-len(real) % 4)))
    except ValueError:
        return []
    out = []
    if isinstance(data, dict) and "o" in data:
        for o in (-1, 10**30, 2**63, 2**31, 1.5, "1", None, [1], {"x": 1}):
            out.append(b64(json.dumps({**data, "o": o}).encode()))
        out.append(b64(json.dumps(data).replace(str(data["o"]), "Infinity", 1).encode()))
        out.append(b64(json.dumps(data).replace(str(data["o"]), "1e999", 1).encode()))
    if isinstance(data, dict) and "k" in data:
        for k in (
            [1, 2],
            ["x"],
            ["x", "y", "z"],
            ["bukan-tanggal", "id"],
            ["9999-12-31T23:59:59+00:00", "z"],
            ["0001-01-01T00:00:00", "0"],
            ["2023-01-01T00:00:00+14:00", "\x00"],
            [None, None],
            "k",
        ):
            out.append(b64(json.dumps({**data, "k": k}).encode()))
    return out


JUNK_TOKENS = [
    "!!!",
    "=",
    "====",
    "a",
    b64(b"\xff\xfe"),
    b64(b"null"),
    b64(b"[]"),
    b64(b"{}"),
    b64(b'"o"'),
    b64(b'{"o": 1}'),
    b64(b'{"o": 1e999, "q": "x"}'),
    b64(b'{"o": Infinity}'),
    b64(b'{"k": ["a", "b"]}'),
    b64(b'{"o": NaN, "q": ""}'),
    b64(b"{" * 5000),
    b64(b"[" * 100_000),
]
