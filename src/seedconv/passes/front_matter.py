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

from .base import Context
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
    fr = ctx.frags
    head = []
    for f in fr[:5]:
        t = " ".join(f.line_texts()).strip()
        if f.kind != "body" or len(f.lines) > 3 or len(t) > 200 or re.search(r"[.;,]$", t):
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


_EDGE_NUMBER = re.compile(r"^\d{1,5}\s+|\s+\d{1,5}$")
_WORD = re.compile(r"[^\W\d_]{2,}")
_JOINERS = {"and", "und", "et", "al", "y", "e", "и", "др"}  # "Smith and Doe", "Smith et al."


def _key(t: str) -> str:
    return " ".join(_WORD.findall(t.casefold()))


def _is_title_head(t: str, title: str, names: set[str]) -> bool:
    """``Aoki: Internas des Debian-Paketmanagements 91``, ``Smith et al.: A
    Study of`` or the title alone: the document's own title (or its first
    words, at least two) after its authors' names and a colon, with or
    without a page number."""
    s = _EDGE_NUMBER.sub("", t.strip())
    if not s or len(s) > 150:
        return False
    if _key(s) == title:
        return True
    who, colon, rest = s.partition(": ")
    if not colon:
        return False
    who_words = [w for w in _WORD.findall(who.casefold()) if w not in _JOINERS]
    rest_key = _key(rest)
    return bool(who_words) and all(w in names for w in who_words) and len(rest_key.split()) >= 2 \
        and (title + " ").startswith(rest_key + " ")


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
