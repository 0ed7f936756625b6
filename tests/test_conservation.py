"""The conservation check's token counts are those of the plain definition:
every ``\\w+`` token case-folded, counted in the order first seen."""
import random

from seedconv import conservation


def _plain(strings):
    counts = {}
    for s in strings:
        for t in conservation._WORD.findall(s):
            f = t.casefold()
            counts[f] = counts.get(f, 0) + 1
    return counts


def test_count_is_the_plain_count_in_order():
    rng = random.Random(3)
    parts = ["word", "Word", "WORD", "_x", "a_b", "İstanbul", "STRASSE", "Straße", "ﬁne", "3rd", "x-y",
             "(see", "it's", "née", "ǅ", " ", "  ", "\n", "\t", "\u00a0", ".", ",", "—", "’", "1"]
    for _ in range(500):
        strings = ["".join(rng.choice(parts) for _ in range(rng.randint(0, 12)))
                   for _ in range(rng.randint(0, 6))]
        got = conservation._count(iter(strings))
        want = _plain(strings)
        assert dict(got) == want, strings
        assert list(got) == list(want), strings


def test_input_given_as_pieces_counts_as_the_whole_text():
    from seedconv import normalise
    from seedconv.conservation import lost_words

    text = "The first line of the input.\nThe second line holds a rare word zyxwv.\n"
    doc = normalise("The first line of the input.\n")
    whole = lost_words(text, doc)
    pieces = lost_words(lambda: iter(["The first line of the input.\n", "The second line holds a rare word zyxwv.\n"]), doc)
    assert whole == pieces and whole[0] > 0 and "zyxwv" in whole[2]
