"""Text extractors run on the generated PDFs, each as an ordinary user would call it."""
from __future__ import annotations

import subprocess
from pathlib import Path


def pdftotext(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout


def pdftotext_layout(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout


def pdfminer(pdf: Path) -> str:
    from pdfminer.high_level import extract_text
    return extract_text(str(pdf))


def pdfminer_lines(pdf: Path) -> str:
    """pdfminer with line_margin=0: every text line becomes its own box, so the
    output has a blank line after every line (the 'double-spaced' damage)."""
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    return extract_text(str(pdf), laparams=LAParams(line_margin=0.0))


def pypdf(pdf: Path) -> str:
    from pypdf import PdfReader
    return "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)


def pymupdf(pdf: Path) -> str:
    import pymupdf as fitz
    with fitz.open(str(pdf)) as doc:
        return "".join(page.get_text() for page in doc)


EXTRACTORS = {
    "pdftotext": pdftotext,
    "pdftotextlayout": pdftotext_layout,
    "pdfminer": pdfminer,
    "pdfminerlines": pdfminer_lines,
    "pypdf": pypdf,
    "pymupdf": pymupdf,
}


def page_count(pdf: Path) -> int:
    from pypdf import PdfReader
    return len(PdfReader(str(pdf)).pages)
