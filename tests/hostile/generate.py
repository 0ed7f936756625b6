"""The hostile-input corpus of tests/test_hostile.py.

Small inputs are committed in ``tests/hostile/inputs/`` and made by
:func:`small_inputs` (``python tests/hostile/generate.py`` rewrites them;
a test checks that the committed files are what this module makes).  Large
inputs are never committed: :func:`large_inputs` writes them at test time
(into pytest's ``tmp_path``).

Each input has an expected outcome: ``ok`` (exit 0, every format written and
valid) or ``refused`` (exit 2, one line on stderr naming the problem, nothing
written).
"""
from __future__ import annotations

import codecs
import random
import sys
import zlib
from pathlib import Path

INPUTS = Path(__file__).resolve().parent / "inputs"

_PROSE = (
    "The committee met in the spring to discuss the future of cooperation between the two "
    "regions. Its members agreed that the situation required a careful and patient approach, "
    "and that nothing should be decided before the next session."
)

# name -> (bytes, expected outcome, what the input is about)
Corpus = dict[str, tuple[bytes, str, str]]


def _pages(n: int, body: str) -> str:
    return "\f".join(f"Running Head of the Report\n\n{body}\n\n{i}\n" for i in range(1, n + 1))


def small_inputs() -> Corpus:
    fr = "Le café était très chaud ; les élèves étudiaient à l'école près du théâtre. Où êtes-vous ?\n"
    de = "Die Größe der Übung war für die Schüler außergewöhnlich. Äpfel und Öl kosten mehr.\n"
    markup = "\n\n".join([
        "<script>alert('x')</script> and <b>bold</b> & ampersands &amp; entities ]]> end.",
        "# Not a heading",
        "* not a list item",
        "> not a quote",
        "1. not a numbered list",
        "| not | a | table |",
        "[click here](javascript:alert(1)) and [x](data:text/html,hi) are not links.",
        "<div onclick=\"evil()\">raw html</div> <!-- comment -->",
        "---\ntitle: injected\nauthor: nobody\n---",
        "Backslashes \\*stay\\* and `backticks` and $math$ and ~~strike~~ and @cite [@key].",
        "A real address https://example.org/a_b?c=d&e=f stays a link; javascript:void(0) does not.",
    ]) + "\n"
    rtl = ("هذا نص عربي للاختبار. الكلمات تبقى كما هي.\n\n"
           "זהו טקסט בעברית. המילים נשארות.\n\n"
           "Mixed: the word سلام means peace, and שלום too.\n\n"
           "فارسی: می‌خواهم کتاب بخوانم.\n")
    cjk = ("日本語の文章です。これはテストのための文章で、改行が\n"
           "途中に入っています。句読点も残ります。\n\n"
           "中文文本测试。这是第二段，包含标点符号。\n\n"
           "한국어 문장입니다. 띄어쓰기가 있습니다.\n")
    emoji = ("Family 👨\u200d👩\u200d👧\u200d👦 and flags 🇫🇷🇯🇵 and skin tones 👍🏽 and a rainbow "
             "flag 🏳️\u200d🌈 stay intact.\n\n"
             "A line ending with an emoji 👩\u200d💻-\n"
             "continues here, and keycaps 1️⃣ 2️⃣ too.\n")
    hyphens = ("Pathological hyphens: a-\n-b, --\n--, ---\nword- \n-word, non-\nexistent, re-\n"
               "-enter, well-\nknown.\n\n"
               "- - - - -\n\n"
               "----------\n\n"
               "x-y-z-a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p\n\n"
               "Ends with a hyphen-\n")
    notes = ("Body text with a call.1 More text with another call.2 And a third.3\n\n"
             + "\n".join(f"{i} A fake footnote number {i} with its text." for i in range(1, 60))
             + "\n")
    invisibles = ("Soft\u00adhyphen\u00adated words, zero\u200bwidth\u200cjoin\u200dless, "
                  "no\u00a0break\u00a0spaces, word\u2060joiner, thin\u2009space, "
                  "BOM\ufeffinside, LTR\u200emark, RTL\u200fmark.\n")
    controls = ("NUL\x00inside, bell\x07, escape\x1b[31mred\x1b[0m, backspace\x08, "
                "vertical\x0btab, file\x1csep, C1\x85next\x9dline, DEL\x7f end.\n"
                "Line\u2028separator and paragraph\u2029separator.\n")
    mojibake = ("CafÃ© naÃ¯ve rÃ©sumÃ© â€” the Ã©lÃ¨ves of the Ã©cole "
                "said â€œhelloâ€ to everyone.\n").encode("utf-8")
    cr = "First line of text\rsecond line of text\r\rA new paragraph after a blank line.\r"
    crlf = "First line of text\r\nsecond line of text\r\n\r\nA new paragraph after a blank line.\r\n"
    tabs = "Column\tseparated\ttext\there.\n\tIndented with a tab.\n\n\t\t\n"
    rng = random.Random(7)
    corpus: Corpus = {
        "utf8_plain.txt": ((fr + de).encode("utf-8"), "ok", "UTF-8 without BOM"),
        "utf8_bom.txt": (codecs.BOM_UTF8 + (fr + de).encode("utf-8"), "ok", "UTF-8 with BOM"),
        "utf16le_bom.txt": (codecs.BOM_UTF16_LE + (fr + de).encode("utf-16-le"), "ok",
                            "UTF-16 LE with BOM"),
        "utf16be_bom.txt": (codecs.BOM_UTF16_BE + (fr + de).encode("utf-16-be"), "ok",
                            "UTF-16 BE with BOM"),
        "utf16le_nobom.txt": ((fr + de).encode("utf-16-le"), "ok", "UTF-16 LE without BOM"),
        "cp1252.txt": ((fr * 3 + "Prix : 5 € – “citation” — fin.\n").encode("cp1252"), "ok",
                       "Windows-1252 (detected, recorded)"),
        "latin1.txt": ((de * 3).encode("latin-1"), "ok", "ISO-8859-1 (detected, recorded)"),
        "invalid_utf8.txt": (fr.encode("utf-8") + b"bad bytes \xff\xfe and \xc3 here\n"
                             + de.encode("utf-8"), "ok", "UTF-8 with invalid byte sequences"),
        "utf8_bom_invalid.txt": (codecs.BOM_UTF8 + fr.encode("utf-8") + b"stray \x81\xff bytes\n", "ok",
                                 "UTF-8 with BOM and invalid byte sequences"),
        "mojibake.txt": (mojibake, "ok", "UTF-8 read as latin-1 (repaired with ftfy)"),
        "crlf.txt": (crlf.encode(), "ok", "CRLF line ends"),
        "lone_cr.txt": (cr.encode(), "ok", "old Mac CR line ends"),
        "formfeeds.txt": (_pages(4, _PROSE).encode(), "ok", "form feeds as page breaks"),
        "tabs.txt": (tabs.encode(), "ok", "tabs"),
        "controls.txt": (controls.encode("utf-8"), "ok",
                         "NUL, C0 and C1 control characters, U+2028/U+2029"),
        "invisibles.txt": (invisibles.encode("utf-8"), "ok",
                           "soft hyphens, zero-width characters, NBSP"),
        "empty.txt": (b"", "ok", "empty file"),
        "whitespace_only.txt": (b" \n\t\n\r\n \f \n\n", "ok", "whitespace only"),
        "single_word.txt": (b"Word", "ok", "a single word, no newline"),
        "only_numbers.txt": ("\n".join(str(rng.randint(0, 99999)) for _ in range(200)).encode(),
                             "ok", "only numbers"),
        "rtl.txt": (rtl.encode("utf-8"), "ok", "Arabic, Hebrew, Persian (ZWNJ)"),
        "cjk.txt": (cjk.encode("utf-8"), "ok", "Japanese, Chinese, Korean"),
        "emoji.txt": (emoji.encode("utf-8"), "ok", "emoji ZWJ sequences, flags, keycaps"),
        "markup.txt": (markup.encode("utf-8"), "ok", "text that looks like markup"),
        "hyphens.txt": (hyphens.encode("utf-8"), "ok", "pathological hyphen runs"),
        "fake_notes.txt": (notes.encode("utf-8"), "ok", "many fake footnotes"),
        "paper.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "refused",
                      "a PDF"),
        "image.png": (b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(200)), "refused",
                      "a PNG image"),
        "archive.gz": (b"\x1f\x8b\x08\x00" + bytes(rng.randrange(256) for _ in range(200)), "refused",
                       "a gzip archive"),
        "random.bin": (bytes(rng.randrange(256) for _ in range(4096)), "refused", "random bytes"),
        "nul_heavy.bin": (b"\x00\x01\x02\x03" * 1000, "refused", "binary with many NUL bytes"),
        "compressed.txt": (zlib.compress(_PROSE.encode() * 20), "refused",
                           "zlib data behind a .txt name"),
    }
    return corpus


def write_small(dest: Path = INPUTS) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for name, (data, _, _) in small_inputs().items():
        (dest / name).write_bytes(data)


# --------------------------------------------------------------------------
# Large inputs, made at test time


def long_line(size: int = 1_000_000) -> bytes:
    """One line of ``size`` bytes, no newline at all."""
    words = ("alpha", "beta", "gamma", "delta", "epsilon", "café", "Straße")
    rng = random.Random(1)
    out, n = [], 0
    while n < size:
        w = rng.choice(words)
        out.append(w)
        n += len(w.encode()) + 1
    return " ".join(out).encode()[:size].decode("utf-8", "ignore").encode()


def many_lines(n: int = 1_000_000) -> bytes:
    """``n`` very short lines."""
    return b"x\n" * n


def big_document(size: int = 10_500_000) -> bytes:
    """A document of ``size`` bytes: paragraphs, one line each, with
    headings and pages (form feeds), as a word processor exports them."""
    rng = random.Random(2)
    words = _PROSE.replace(".", "").replace(",", "").split()
    parts, n, page = [], 0, 1
    while n < size:
        if rng.random() < 0.05:
            para = "Section " + " ".join(rng.choice(words).capitalize() for _ in range(3))
        else:
            para = " ".join(rng.choice(words) for _ in range(rng.randint(80, 200))) + "."
        if rng.random() < 0.02:
            para += f"\n\n{page}\n\f"
            page += 1
        parts.append(para)
        n += len(para) + 2
    return "\n\n".join(parts).encode()


def fake_footnotes(n: int = 5000) -> bytes:
    """Thousands of lines that look like notes, calls and page numbers."""
    body = " ".join(f"claim.{i}" for i in range(1, n + 1))
    notes = "\n".join(f"{i} Note {i} says something about the claim." for i in range(1, n + 1))
    return (body + "\n\n" + notes + "\n").encode()


def hyphen_runs(n: int = 100_000) -> bytes:
    """Lines that all end with a hyphen, runs of hyphens, hyphens alone."""
    rng = random.Random(3)
    pieces = ("word-", "re-", "-", "--", "a-b-", "non-", "x", "—", "-pre")
    return "\n".join(rng.choice(pieces) for _ in range(n)).encode()


def mixed(scale: int) -> bytes:
    """Hostile material of every kind, ``scale`` times: for the 1x/10x
    timing test."""
    one = b"".join(data for data, outcome, _ in small_inputs().values()
                   if outcome == "ok" and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
                   and b"\x00" not in data[:1])
    one = one.decode("utf-8", "replace").replace("\x00", "").encode()
    return (one + _pages(20, _PROSE).encode() + fake_footnotes(50) + hyphen_runs(500)) * scale


LARGE = {
    "long_line_1mb.txt": (long_line, "a 1 MB line without a newline"),
    "million_lines.txt": (many_lines, "a million short lines"),
    "big_10mb.txt": (big_document, "a 10+ MB document"),
    "fake_footnotes_5000.txt": (fake_footnotes, "5000 fake footnotes and calls"),
    "hyphen_runs.txt": (hyphen_runs, "100 000 lines of hyphen runs"),
}


def large_input(name: str, dest: Path) -> Path:
    make, _ = LARGE[name]
    p = dest / name
    p.write_bytes(make())
    return p


if __name__ == "__main__":
    write_small(Path(sys.argv[1]) if len(sys.argv) > 1 else INPUTS)
