"""Front matter: title, subtitle and authors from the first page.

Repairs::

     Water Rights in the Lower Valley:        title: Water Rights in the Lower
                                         →           Valley: Custom or Law?
    Custom or Law?
                                              authors: [Maria Lindqvist]
    Maria Lindqvist

The title is the run of short title-like blocks at the very start that ends
at a line of personal names; without such a line, a lone Title Case line of
three words or more before the first paragraph.  An ALL CAPS opener is a
section heading, not a title.
"""
from __future__ import annotations

import re

from .base import Context, Frag
from .headings import _is_caps, _is_title_case

NAME = "front_matter"
_NAME = r"[A-ZÀ-ÞА-ЯЁ][\w’'\-]*\.?(?:\s+[A-ZÀ-ÞА-ЯЁ][\w’'\-]*\.?){1,3}"
AUTHORS = re.compile(rf"^{_NAME}(?:\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bи\b)\s*{_NAME})*$")


def split_authors(t: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bи\b)\s*", t)
    return [p.strip() for p in parts if p.strip()]


def run(ctx: Context) -> None:
    if not ctx.settings.front_matter or not ctx.frags:
        return
    if _front_lines(ctx):
        _title_running_heads(ctx)
        return
    fr = ctx.frags
    head = []
    for f in fr[:5]:
        if f.kind != "body" or len(f.lines) > 3:
            break  # (a note's texts may hold its paragraph separators: None)
        t = " ".join(f.line_texts()).strip()
        if len(t) > 200 or re.search(r"[.;,]$", t):
            break
        head.append((f, t))
    for j, (f, t) in enumerate(head):
        if j == 0:
            continue
        if AUTHORS.match(t) and len(t) <= 120 and not re.search(r"\d", t):
            title_frags = head[:j]
            title = " ".join(x for _, x in title_frags)
            if len(title) > 250:
                return
            for tf, _ in title_frags:
                tf.kind = "title"
            f.kind = "authors"
            ctx.meta["title"] = title
            ctx.meta["authors"] = split_authors(t)
            # one author per line: the following lines of names too
            k = fr.index(f) + 1
            while k < len(fr) and fr[k].kind == "body" and len(fr[k].lines) <= 2:
                more = " ".join(fr[k].line_texts()).strip()
                if not (AUTHORS.match(more) and len(more) <= 120 and not re.search(r"\d", more)):
                    break
                fr[k].kind = "authors"
                ctx.meta["authors"] += split_authors(more)
                ctx.decide(NAME, "authors", (fr[k].first, fr[k].last), "", more, "another line of names")
                k += 1
            ctx.decide(NAME, "title", (title_frags[0][0].first, title_frags[-1][0].last), "", title,
                       "short blocks at the start, followed by a line of names")
            ctx.decide(NAME, "authors", (f.first, f.last), "", t, "line of capitalised names after the title")
            _title_running_heads(ctx)
            return
    if head:
        f, t = head[0]
        nxt = fr[1] if len(fr) > 1 else None
        if len(t.split()) >= 3 and not _is_caps(t) and _is_title_case(t) and nxt is not None \
                and len(nxt.lines) >= 2:
            f.kind = "title"
            ctx.meta["title"] = t
            ctx.decide(NAME, "title", (f.first, f.last), "", t, "Title Case line before the first paragraph")
            _title_running_heads(ctx)


_TOKEN_NAME = re.compile(r"^(?:[A-ZÀ-ÞА-ЯЁ][\w’'\-]*|[A-ZÀ-ÞА-ЯЁ]\.(?:-?[A-ZÀ-ÞА-ЯЁ]\.)?)$")
_PARTICLES = {"van", "von", "de", "da", "del", "der", "den", "di", "du", "la", "le", "ten", "ter", "y"}
_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bи\b)\s*|\s{2,}")


def names_of(t: str, lang: str = "en") -> list[str] | None:
    """The personal names on a line of authors, or None when it is not one.

    Names are separated by commas, conjunctions or wide gaps (a centred
    line: ``Susan G. Kleinmann     Sven Rudolph``); without separators a
    line of up to four capitalised words is one name, a longer one is cut
    after each surname (``Susan G. Kleinmann Sven Rudolph Santiago Vila``:
    initials stay inside a name).  Every word is capitalised (or an initial
    or a particle such as ``van``), no digit, and the words are not mostly
    common words of the language (``Package Management Basics``)."""
    from .words import zipf_any

    t = t.strip()
    if not t or len(t) > 200 or re.search(r"\d", t) or t.endswith((".", ":", "?", "!")) and not t.endswith(" al."):
        return None
    parts = [p for p in _SEPARATORS.split(t) if p and p.strip()]
    names: list[str] = []
    for part in parts:
        toks = part.split()
        if not toks or not all(_TOKEN_NAME.match(x) or x in _PARTICLES or x in ("al.",) for x in toks):
            return None
        if len(toks) <= 4:
            names.append(" ".join(toks))
            continue
        cur: list[str] = []
        for x in toks:  # no separators: a name ends at a full word after its first
            cur.append(x)
            if len(cur) >= 2 and not x.endswith(".") and x not in _PARTICLES:
                names.append(" ".join(cur))
                cur = []
        if cur:
            return None
    words = [w for n in names for w in n.split() if len(w) > 2 and not w.endswith(".")]
    # every name has two words or more, but the last of several may have been
    # cut at the line's end ("..., Jane" / "Roe")
    if not names or not words or any(len(n.split()) < 2 for n in names[:-1]) or \
            len(names[-1].split()) < 2 and len(names) < 2 or all(w.isupper() for w in words):
        return None  # a lone word ("Debian"), or capitals (a heading)
    common = sum(1 for w in words if zipf_any(w.casefold(), lang) >= 4.5)
    return names if common * 2 <= len(words) else None


def _front_lines(ctx: Context) -> bool:
    """Title and authors read line by line, where the extractor left no
    blank line between them (pypdf, PyMuPDF) or cut the names over several
    lines: up to three title lines, then one or more lines of names (a lone
    surname after a line of names not ending with a comma is its tail)."""
    seen: list[tuple[Frag, int]] = []
    texts: list[str] = []
    for f in ctx.frags[:12]:  # (a name a block: pdfminer)
        if f.kind != "body":
            break
        ft = f.line_texts()
        for k in range(min(len(f.lines), 12 - len(seen))):
            seen.append((f, k))
            texts.append((ft[k] or "").strip())
        if len(seen) >= 12:
            break
    for a in range(1, min(4, len(texts))):
        title = texts[:a]
        if any(re.search(r"[.;,]$", x) or not x for x in title) or len(" ".join(title)) > 250 \
                or not title[0][:1].isupper() or names_of(title[0], ctx.language):
            continue
        names = names_of(texts[a], ctx.language)
        if not names:
            continue
        if len(names) == 1 and not _SEPARATORS.search(texts[a].strip()) and a + 1 < len(texts) and a < 3 \
                and len(names_of(texts[a + 1], ctx.language) or []) > 1:
            continue  # one name-like pair of words before a line of several names: the title goes on
        b = a + 1
        while b < len(texts) and b < a + 8:
            more = names_of(texts[b], ctx.language)
            if more:
                names += more
            elif not texts[b - 1].endswith(",") and re.fullmatch(r"[A-ZÀ-ÞА-ЯЁ][\w’'\-]+", texts[b]) \
                    and len(names[-1].split()) < 4:
                names[-1] += " " + texts[b]  # the tail of a name cut at the line's end
            elif len(names[-1].split()) == 1 and (tail := names_of(names[-1] + " " + texts[b], ctx.language)):
                names[-1:] = tail  # 'Jane' / 'Roe, Mary Major'
            else:
                break
            b += 1
        if len(names[-1].split()) < 2:
            continue
        if b >= len(texts):
            return False  # nothing but names: no body to tell them from
        _cut_front(ctx, seen, a, b)
        ctx.meta["title"] = " ".join(title)
        ctx.meta["authors"] = names
        first, last = seen[0][0].lines[seen[0][1]].no, seen[a - 1][0].lines[seen[a - 1][1]].no
        ctx.decide(NAME, "title", (first, last), "", ctx.meta["title"],
                   "line(s) at the start, followed by a line of names")
        ctx.decide(NAME, "authors", (seen[a][0].lines[seen[a][1]].no, seen[b - 1][0].lines[seen[b - 1][1]].no),
                   "", ", ".join(names), "line(s) of capitalised personal names after the title")
        return True
    return False


def _cut_front(ctx: Context, seen: list, a: int, b: int) -> None:
    """Give the first ``a`` lines of ``seen`` to a title block, the next
    ones up to ``b`` to an authors block; the rest stays body."""
    title = Frag(lines=[f.lines[k] for f, k in seen[:a]], kind="title",
                 texts=[f.line_texts()[k] for f, k in seen[:a]])
    authors = Frag(lines=[f.lines[k] for f, k in seen[a:b]], kind="authors",
                   texts=[f.line_texts()[k] for f, k in seen[a:b]])
    taken = {id(f.lines[k]) for f, k in seen[:b]}
    out = [title, authors]
    done = set()
    for f in ctx.frags:
        if id(f) in done:
            continue
        done.add(id(f))
        if not any(id(ln) in taken for ln in f.lines):
            out.append(f)
            continue
        keep = [k for k, ln in enumerate(f.lines) if id(ln) not in taken]
        if keep:
            texts = f.line_texts()
            out.append(Frag(lines=[f.lines[k] for k in keep], kind=f.kind, texts=[texts[k] for k in keep],
                            label=f.label, list_kind=f.list_kind))
    ctx.frags = out


_EDGE_NUMBER = re.compile(r"^\d{1,5}\s+|\s+\d{1,5}$")
_WORD = re.compile(r"[^\W\d_]{2,}")
_HEAD_SPLIT = re.compile(r"^(.{2,80}?)(: | [–—] )(.+)$")
_SENTENCE_END = re.compile(r"[.!?:;,]$")
_JOINERS = {"and", "und", "et", "al", "y", "e", "и", "др", "u", "a"}  # "Smith and Doe", "Smith et al."


def _key(t: str) -> str:
    return " ".join(_WORD.findall(t.casefold()))


def _is_title_head(t: str, title: str, names: set[str]) -> bool:
    """``Aoki: Internas des Debian-Paketmanagements 91``, ``Smith et al.: A
    Study of`` or the title alone: the document's own title (or its first
    words, at least two) after its authors' names and a colon, or alone (at
    least three of its first words), with or without a page number; or the
    authors' names, a dash and a few words (a short title of its own)."""
    s = _EDGE_NUMBER.sub("", t.strip())
    if not s or len(s) > 150:
        return False
    key = _key(s)
    if key == title or len(key.split()) >= 3 and (title + " ").startswith(key + " "):
        return True  # the title, or its first words (a short title) alone
    m = _HEAD_SPLIT.match(s)
    if not m:
        return False
    who, sep, rest = m.groups()
    who_words = [w for w in _WORD.findall(who.casefold()) if w not in _JOINERS]
    rest_key = _key(rest)
    if not who_words or not all(w in names for w in who_words) or len(rest_key.split()) < 2:
        return False
    if (title + " ").startswith(rest_key + " "):
        return True
    # 'S. G. Kleinmann u. a. – Debian aktuell halten': the authors and a short
    # title of their own words, set apart by a dash
    return sep.strip() in "–—" and len(rest.split()) <= 8 and not _SENTENCE_END.search(rest)


def _title_running_heads(ctx: Context) -> None:
    """Running heads that occur once (a two-page document) are not found by
    repetition; those made of the document's own title and authors are found
    here, once the first page has told them, and removed as furniture."""
    title = _key(ctx.meta.get("title") or "")
    if len(title.split()) < 2:
        return
    names = {w for a in ctx.meta.get("authors", []) for w in _WORD.findall(a.casefold())}
    frags = []
    for f in ctx.frags:
        if f.kind not in ("body", "caption", "note"):
            frags.append(f)
            continue
        texts = f.line_texts()
        keep = [k for k, t in enumerate(texts) if not (t and _is_title_head(t, title, names))]
        if len(keep) < len(texts):
            for k in range(len(texts)):
                if k not in keep:
                    ctx.remove(f.lines[k], "running-head", "the document's title (after its authors' names)")
                    ctx.decide(NAME, "title-running-head", (f.lines[k].no, f.lines[k].no), texts[k], "",
                               "the document's title, after its authors' names: a running head")
            if f.texts is not None:
                f.texts = [texts[k] for k in keep]
            f.lines = [f.lines[k] for k in keep]
        if f.lines:
            frags.append(f)
    ctx.frags = frags
