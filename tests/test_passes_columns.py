"""columns: two columns printed side by side (pdftotext -layout) are read
left column first, then the right one; the source line numbers come back."""
from __future__ import annotations

import textwrap

from conftest import blocks, decisions, normalise, para_text
from seedconv.passes.columns import _cut, _gutter

GUTTER = 44


def _column(paras: list[int], width: int = 38) -> list[str]:
    """Paragraphs wrapped to a column, a blank line between them."""
    out: list[str] = []
    for k in paras:
        if out:
            out.append("")
        out += textwrap.wrap(para_text(k), width)
    return out


def _side_by_side(left: list[str], right: list[str], gutter: int = GUTTER) -> list[str]:
    rows = []
    for k in range(max(len(left), len(right))):
        a = left[k] if k < len(left) else ""
        b = right[k] if k < len(right) else ""
        rows.append((a.ljust(gutter) + b).rstrip() if b else a)
    return rows


def test_two_columns_are_read_one_after_the_other():
    rows = _side_by_side(_column([0, 1, 2]), _column([3, 4, 5]))
    text = "A Short Report on Trade\n\n" + "\n".join(rows) + "\n"
    doc = normalise(text)
    paras = [t for k, t in blocks(doc) if k == "p"]
    assert paras == [para_text(k) for k in range(6)]
    [d] = decisions(doc, "columns")
    assert d[0] == "unfold-columns" and d[3] == f"column 2 from character {GUTTER}"


def test_source_line_numbers_come_back():
    left, right = _column([0, 1]), _column([2, 3])
    text = "\n".join(_side_by_side(left, right)) + "\n"
    doc = normalise(text)
    paras = [b for b in doc.blocks if type(b).__name__ == "Paragraph"]
    # the right column's first paragraph was printed on the first source rows
    n0 = len(textwrap.wrap(para_text(0), 38))
    assert paras[0].spans == [(1, n0)]
    assert paras[2].spans == [(1, len(textwrap.wrap(para_text(2), 38)))]


def test_one_column_with_wide_spaces_is_left_alone():
    # justified text with runs of spaces at different places; no gutter
    rows = []
    for k, line in enumerate(_column(list(range(8)), 70)):
        words = line.split(" ")
        if len(words) > 4:
            words[1 + k % 3] += "  "
        rows.append(" ".join(words))
    assert _gutter(rows) is None
    doc = normalise("\n".join(rows) + "\n")
    assert decisions(doc, "columns") == []


def test_a_table_inside_prose_is_not_a_second_column():
    prose = _column([0, 1, 2, 3], 70)
    table = [f"{name:<30}{value}" for name, value in [
        ("Cotton", "1200 tonnes"), ("Wheat", "800 tonnes"), ("Gas", "70 billion m3"),
        ("Electricity", "3 TWh"), ("Oil", "10 million tonnes"), ("Carpets", "200 000")]]
    rows = prose[:6] + [""] + table + [""] + prose[6:]
    assert _gutter(rows) is None


def test_cut_keeps_the_right_column_indent():
    row = "the end of a left column line".ljust(GUTTER) + "   An indented first line"
    assert _cut(row, GUTTER) == ("the end of a left column line", "   An indented first line")
    assert _cut("only a left column line", GUTTER) == ("only a left column line", "")
    assert _cut(" " * GUTTER + "only the right one", GUTTER) == ("", "only the right one")
    # a line running across the gutter is not cut
    assert _cut("x" * 30 + " centred title across the gutter", GUTTER) is None


def test_title_above_the_columns_stays_first():
    rows = _side_by_side(_column([0, 1]), _column([2, 3]))
    title = " " * 30 + "A Short Report on Trade"     # centred across the gutter
    doc = normalise(title + "\n\n" + "\n".join(rows) + "\n")
    assert doc.metadata.title == "A Short Report on Trade"
    assert [t for k, t in blocks(doc) if k == "p"] == [para_text(k) for k in range(4)]


def _names_over_the_gutter(second_row: str) -> str:
    rows = _side_by_side(_column([0, 1, 2]), _column([3, 4, 5]))
    names = ("      Ann Roberts          Jon Doeman" + " " * 11 + "Eva Poulsen          Mark Major\n"
             + second_row)
    return "                    A Short Report on Trade\n" + names + "\n\n" + "\n".join(rows) + "\n"


def test_authors_spread_over_the_gutter_stay_one_row():
    """The authors' rows of a two-column paper run over the page's width,
    their gaps one of them at the gutter: they are not cut into columns."""
    doc = normalise(_names_over_the_gutter("                          Lisa Ferrante          Ian Jackson\n"))
    assert doc.metadata.authors == ["Ann Roberts", "Jon Doeman", "Eva Poulsen", "Mark Major",
                                    "Lisa Ferrante", "Ian Jackson"]
    assert [t for k, t in blocks(doc) if k == "p"] == [para_text(k) for k in range(6)]


def test_a_row_of_two_names_alone_is_not_an_authors_row():
    from seedconv.passes.columns import _names_row
    assert _names_row("Ann Roberts          Jon Doeman", 3) is False
    assert _names_row("Ann Roberts          Jon Doeman          Eva Poulsen", 3) is True
    assert _names_row("The trade grew          by a third          last year", 3) is False
