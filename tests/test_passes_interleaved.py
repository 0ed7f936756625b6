"""interleaved: two columns whose lines the extractor wrote one of each in
turn (pdfminer, a box for every line) are read one after the other."""
from __future__ import annotations

from conftest import blocks, decisions, normalise, para_text

LEFT = [
    "The maintainers of the archive decided to change the rule of se-",
    "lection for the candidate versions of each package, as de-",
    "scribed in the manual page of the preferences file, which",
    "most users never open.",
]
RIGHT = [
    "Being a project of volunteers spread over many countries,",
    "it is developed in many places, and its archive holds pac-",
    "kages of very different quality and purpose, so the admi-",
    "nistrator has to choose with care.",
]


def _interleaved(left, right) -> str:
    rows = [x for pair in zip(left, right) for x in pair]
    return "Some Title\n\n" + "\n".join(rows) + "\n"


def _texts(doc):
    return [b[1] for b in blocks(doc) if isinstance(b[1], str)]


def test_alternating_lines_of_two_columns_are_read_one_column_after_the_other():
    doc = normalise(_interleaved(LEFT, RIGHT))
    body = " ".join(_texts(doc))
    assert "rule of selection for the candidate versions of each package, as described in the manual" in body
    assert "its archive holds packages of very different quality and purpose, so the administrator" in body
    assert body.index("most users never open.") < body.index("Being a project")
    got = [d for d in decisions(doc) if d[0] == "deinterleave"]
    assert len(got) == 1 and got[0][3] == "8 lines in two columns"
    # source line numbers are back in the decision (the run covers rows 3-10)
    assert got[0][1] == (3, 10)


def test_one_break_skipping_a_line_proves_nothing():
    # only the first column's first break skips a line: the order stays
    left = LEFT[:1] + ["lection for the candidate versions of each package and the", "rest of it."]
    right = RIGHT[:1] + ["it is developed in many places and its archive is large,", "which is fine."]
    doc = normalise(_interleaved(left, right))
    assert [d for d in decisions(doc) if d[0] == "deinterleave"] == []


def test_ordinary_hyphenated_lines_are_left_in_order():
    text = "\n".join(LEFT[:1]) + "\n" + "\n".join(
        ["lection for the candidate versions, and the pac-", "kages of the archive were de-",
         "scribed again."]) + "\n\n" + para_text(0) + "\n"
    doc = normalise(text)
    assert [d for d in decisions(doc) if d[0] == "deinterleave"] == []
    assert "rule of selection for the candidate versions, and the packages of the archive were described" \
        in " ".join(_texts(doc))
