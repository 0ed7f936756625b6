"""glued_words: stretches of words whose spaces the extractor lost are cut
into the words of the language; names, compounds and rare words stay."""
from __future__ import annotations

import pytest

from conftest import blocks, decisions, normalise
from seedconv.passes.glued_words import segment


@pytest.mark.parametrize("run, lang, pieces", [
    ("Provaretuttiicomandiseguentidaunaccountutente", "it",
     ["Provare", "tutti", "i", "comandi", "seguenti", "da", "un", "account", "utente"]),
    ("wennSieaufeinederfolgendenArtenaufgerufenwerden", "de",
     ["wenn", "Sie", "auf", "eine", "der", "folgenden", "Arten", "aufgerufen", "werden"]),
    ("будутвключенывсефайлы", "ru", ["будут", "включены", "все", "файлы"]),
])
def test_segment(run, lang, pieces):
    assert segment(run, lang) == pieces


_IT = ("Questo capitolo descrive i comandi di base del sistema e il loro uso quotidiano.\n"
       "Provaretuttiicomandiseguentidaunaccountutente\n"
       "normale, non da root.\n"
       "Il resto del capitolo spiega le opzioni più comuni di ciascun comando.\n")


def test_glued_stretch_is_cut_and_recorded():
    doc = normalise(_IT)
    text = blocks(doc)[0][1]
    assert "Provare tutti i comandi seguenti da un account utente normale, non da root." in text
    [d] = decisions(doc, "glued_words")
    assert d[0] == "split-glued-words" and d[2] == "Provaretuttiicomandiseguentidaunaccountutente"
    assert not [g for g in doc.diagnostics if g.code == "words-lost"]  # the pieces count as the run


@pytest.mark.parametrize("line", [
    # a German compound: no function words among its parts
    "Die Systemadministrationsaufgabenverwaltung ist ein Teil der Arbeit.",
    # CamelCase: a wiki page's name
    "Siehe die Seite MaConAggiornamentiAutomaticiPerDebian im Wiki.",
    # a name (short pieces of it are not common words)
    "Der Bericht von Berdimuhamedowitschenkowa wurde gestern veröffentlicht.",
    # inside an address
    "Siehe https://wiki.example.org/wennSieaufeinederfolgendenArten dazu.",
])
def test_compounds_names_and_addresses_stay(line):
    doc = normalise("Dies ist ein einleitender Satz mit vielen gewöhnlichen deutschen Wörtern.\n" + line + "\n")
    assert not decisions(doc, "glued_words")


def test_short_run_alone_on_a_line_stays():
    """``sourceless`` (unknown, but 'source' + 'less'): one short run on a
    line is more likely a rare word than lost spaces."""
    doc = normalise("The package is sourceless and cannot be rebuilt from its own files at all.\n")
    assert not decisions(doc, "glued_words")
