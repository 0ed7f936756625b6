"""Reading input bytes as text.

* recognises files that are not text at all (PDF, images, archives, office
  files, executables) and says what they are;
* decodes UTF-8 (with or without BOM), UTF-16/32 with BOM, and legacy
  encodings (cp1252, latin-1, ...) detected by charset-normalizer, saying
  which was assumed;
* repairs mojibake (UTF-8 read as latin-1) with ftfy and records it.

Returns the text and a list of notes (what was assumed or repaired) that the
pipeline turns into diagnostics.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from .errors import InputError

MAGIC = [
    (b"%PDF-", "a PDF; extract its text first (e.g. pdftotext FILE.pdf FILE.txt)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"GIF8", "a GIF image, not text"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/EPUB/ODT), not text"),
    (b"\x1f\x8b", "a gzip archive, not text"),
    (b"\x7fELF", "an executable, not text"),
    (b"MZ", "a Windows executable, not text"),
    (b"\xd0\xcf\x11\xe0", "an old Office document, not text"),
    (b"{\\rtf", "an RTF document; convert it to text first"),
]
BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
]


@dataclass
class Decoded:
    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)
    #: ``text`` is exactly the input bytes decoded as UTF-8 (no byte-order
    #: mark, nothing repaired): the pipeline may let ``text`` go and decode
    #: the bytes again when it needs the text once more
    verbatim: bool = False


def decode(data: bytes, name: str = "input") -> Decoded:
    for magic, what in MAGIC:
        if data.startswith(magic) and not (magic == b"MZ" and _mostly_text(data)):
            raise InputError(f"{name} is {what}")
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc.replace("-sig", ""))
            except UnicodeDecodeError as e:
                damaged = _damaged_utf8(data[len(bom):]) if enc == "utf-8-sig" else None
                if damaged is not None and _mostly_text(data[len(bom):]):
                    damaged.encoding = enc
                    return damaged
                raise InputError(f"{name}: broken {enc} text after its byte-order mark ({e.reason})") from None
            return _fix(Decoded(text, enc, [f"byte-order mark: {enc}"] if enc != "utf-8-sig" else []))
    if b"\x00" in data[:4096] and data[:4096].count(b"\x00") > len(data[:4096]) // 4:
        # UTF-16 without a BOM, or binary
        for enc in ("utf-16-le", "utf-16-be"):
            if not _utf16_zeros(data[:8192], high=1 if enc == "utf-16-le" else 0):
                continue
            try:
                text = data.decode(enc)
                if _mostly_text(text.encode("utf-8", "replace")):
                    return _fix(Decoded(text, enc, [f"no byte-order mark; decoded as {enc}"]))
            except UnicodeDecodeError:
                pass
        raise InputError(f"{name} looks binary (many NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _mostly_text(data):
            raise InputError(f"{name} looks binary (control bytes), not text")
        return _fix(Decoded(text, "utf-8", verbatim=True))
    damaged = _damaged_utf8(data)
    if damaged is not None:
        if not _mostly_text(data):
            raise InputError(f"{name} looks binary (control bytes), not text")
        return damaged  # not _fix: the bytes read as cp1252 would look like mojibake
    enc = _detect(data)
    text = data.decode(enc, errors="replace")
    if not _mostly_text(text.encode("utf-8", "replace")):
        raise InputError(f"{name} looks binary, not text")
    return _fix(Decoded(text, enc, [f"not valid UTF-8; decoded as {enc}"]))


_ESCAPED = re.compile("[\udc80-\udcff]+")


def _damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few invalid byte sequences (more valid multi-byte
    characters than invalid bytes): the invalid bytes are read as cp1252 (a
    passage pasted from a legacy-encoded file) and counted.  None when the
    data does not look like UTF-8."""
    text = data.decode("utf-8", errors="surrogateescape")
    bad = sum(len(m) for m in _ESCAPED.findall(text))
    valid = len(text) - len(text.encode("ascii", "ignore")) - bad
    if valid <= bad:
        return None
    text = _ESCAPED.sub(lambda m: bytes(ord(c) - 0xDC00 for c in m.group()).decode("cp1252", "replace"),
                        text)
    return Decoded(text, "utf-8", [f"not valid UTF-8: {bad} invalid byte(s) read as cp1252 "
                                   f"(the rest is UTF-8)"])


# Encodings charset-normalizer may name that decode Western European text
# the same way as cp1252 for the bytes at hand, or that it ties with cp1252:
# cp1252 (a superset of latin-1 for printable text) is then assumed.
def _detect(data: bytes) -> str:
    sample = data[:200_000]
    try:
        from charset_normalizer import from_bytes

        results = list(from_bytes(sample))
    except Exception:  # pragma: no cover
        results = []
    try:
        as_cp1252 = sample.decode("cp1252")
    except UnicodeDecodeError:
        as_cp1252 = None
    if not results:
        return "cp1252" if as_cp1252 is not None else "latin-1"
    best = results[0]
    if as_cp1252 is not None and best.encoding != "cp1252":
        tied = [r for r in results if r.chaos <= best.chaos + 0.01]
        if any(r.encoding == "cp1252" for r in tied) or str(best) == as_cp1252:
            return "cp1252"
        if not best.languages and best.chaos == 0.0:
            # nothing tells the candidates apart (a few stray high bytes in
            # ASCII text): the most common legacy encoding
            return "cp1252"
    return best.encoding


def _utf16_zeros(sample: bytes, high: int) -> bool:
    """UTF-16 text in a Latin script has its NUL bytes in the high byte of
    each code unit (odd positions for little-endian), almost never in the
    low byte; binary data has them anywhere."""
    hi, lo = sample[high::2], sample[1 - high::2]
    return bool(hi) and hi.count(0) >= 0.7 * len(hi) and lo.count(0) <= 0.1 * max(1, len(lo))


def _mostly_text(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return True
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(sample) < 0.05


def _fix(d: Decoded) -> Decoded:
    """Repair mojibake (UTF-8 bytes read as latin-1/cp1252) with ftfy."""
    if not any(s in d.text for s in ("Ã", "â€", "Ð", "Ñ", "Å")):
        return d
    try:
        import ftfy

        fixed = ftfy.fix_encoding(d.text)
    except Exception:  # pragma: no cover
        return d
    if fixed != d.text:
        d.notes.append("mojibake repaired with ftfy.fix_encoding")
        d.text = fixed
        d.verbatim = False
    return d
