"""Shared helpers for the seedconv tests.

The pass tests build small inputs from :data:`LINES` (distinct, full-width
prose lines, so nothing repeats by accident and line widths look like a real
column) and read the result back through the small accessors below.  Import
them in a test module with ``from conftest import ...``.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

# `from conftest import ...` works under every pytest import mode
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLDEN = Path(__file__).resolve().parent / "golden"

# Forty distinct prose lines of about the same width; every pair (2k, 2k+1)
# is a complete two-line paragraph ending with a full stop.
LINES = [
    "The government announced a new policy on trade with its neighbours today,",
    "and officials said the measures would take effect at the start of next year.",
    "The opposition criticised the plan in parliament during a very long debate,",
    "but ministers defended the decision and promised further consultations soon.",
    "Analysts expect the markets to react calmly to the announcement this week,",
    "although some traders remain cautious about its effects over the long run.",
    "Farmers in the south complained that water was scarce again this summer,",
    "and the ministry promised to repair the old canals before the next harvest.",
    "Teachers in the capital went on strike for higher wages in early autumn,",
    "and the schools stayed closed for nine days until an agreement was reached.",
    "The railway line to the border was finally reopened after two years of work,",
    "which allowed the first freight trains to reach the port in the same month.",
    "Doctors warned that the hospitals in the provinces lacked basic equipment,",
    "so the health ministry sent new supplies to several regions in the north.",
    "Journalists reported that access to foreign websites had become harder,",
    "as the authorities blocked several popular news services without warning.",
    "The central bank raised its interest rate for the third time in one year,",
    "hoping to slow the inflation that had eaten into the savings of families.",
    "Cotton production fell sharply because of a long drought in the valleys,",
    "and many workers left the fields to look for jobs in the neighbouring states.",
    "The president visited the new gas field in the desert with foreign guests,",
    "where he praised the engineers who had built the pipeline in record time.",
    "Human rights groups asked for the release of the activists held in prison,",
    "but the courts rejected every appeal and confirmed the original sentences.",
    "A new airport terminal opened on the coast to attract more foreign visitors,",
    "though few airlines added flights because of the strict visa requirements.",
    "The parliament passed a law on local elections after months of discussion,",
    "giving the district councils more control over their own modest budgets.",
    "Students protested against the rising cost of tuition at the university,",
    "and the rector agreed to freeze the fees for the next two academic years.",
    "Exports of electricity to the southern neighbours grew by a third last year,",
    "thanks to the new power stations that were built along the river banks.",
    "Small businesses complained about the frequent checks by tax inspectors,",
    "which they said were used to extract bribes rather than to collect taxes.",
    "The census showed that the population of the capital had doubled since,",
    "the country became independent, while many villages lost most of their people.",
    "Foreign investors were invited to a conference on the future of the economy,",
    "yet most of them left without signing any contracts with the government.",
    "The ministry of culture restored an old fortress on the edge of the city,",
    "and it now hosts a museum of local history that is open to visitors daily.",
]


def para(k: int) -> str:
    """Paragraph ``k`` (0..19): two lines of :data:`LINES`, ending with a newline."""
    return LINES[2 * k] + "\n" + LINES[2 * k + 1] + "\n"


def para_text(k: int) -> str:
    """The text paragraph ``k`` should normalise to."""
    return LINES[2 * k] + " " + LINES[2 * k + 1]


def normalise(text: str, **settings):
    import seedconv
    from seedconv.settings import Settings

    return seedconv.normalise(text, settings=Settings(**settings) if settings else None)


def inline_str(content) -> str:
    """Inline content as a string; note calls written ``[^label]``, links as
    ``<url|text>`` when the text differs from the URL, else ``<url>``."""
    from seedconv.model import Email, Link, NoteRef, Text

    out = []
    for x in content:
        if isinstance(x, Text):
            out.append(x.text)
        elif isinstance(x, NoteRef):
            out.append(f"[^{x.label}]")
        elif isinstance(x, Link):
            out.append(f"<{x.url}>" if x.url == x.text else f"<{x.url}|{x.text}>")
        elif isinstance(x, Email):
            out.append(f"<mailto:{x.address}>")
    return "".join(out)


def blocks(doc) -> list[tuple]:
    """The body as a list of tuples: ``("p", text)``, ``("h2", text)``,
    ``("caption", text)``, ``("quote", text)``, ``("bullet"|"ordered",
    [(marker, text), ...])``; note calls as ``[^label]``."""
    from seedconv.model import Heading, ListBlock

    out = []
    for b in doc.blocks:
        if isinstance(b, ListBlock):
            out.append((b.kind, [(i.marker, inline_str(i.content)) for i in b.items]))
        elif isinstance(b, Heading):
            out.append((f"h{b.level}", inline_str(b.content)))
        else:
            out.append(({"paragraph": "p"}.get(b.type, b.type), inline_str(b.content)))
    return out


def notes(doc) -> list[tuple[str, str]]:
    """Notes as ``(label, text)``, paragraphs joined with `` ¶ ``."""
    return [(n.label, " ¶ ".join(inline_str(p) for p in n.paragraphs)) for n in doc.notes]


def furniture(doc) -> list[tuple[int, str, str]]:
    return [(f.line, f.text, f.kind) for f in doc.furniture]


def decisions(doc, pass_: str | None = None, action: str | None = None) -> list[tuple]:
    """Decisions as ``(action, (first, last), before, after)``."""
    return [(d.action, tuple(d.lines), d.before, d.after) for d in doc.decisions
            if (pass_ is None or d.pass_ == pass_) and (action is None or d.action.startswith(action))]


@pytest.fixture(scope="session")
def seed_docs():
    """Every seed normalised once per test session: {name: Document}."""
    import seedconv

    return {p.stem: seedconv.normalise_file(p) for p in SEEDS}

