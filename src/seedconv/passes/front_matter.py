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
            return
    if head:
        f, t = head[0]
        nxt = fr[1] if len(fr) > 1 else None
        if len(t.split()) >= 3 and not _is_caps(t) and _is_title_case(t) and nxt is not None \
                and len(nxt.lines) >= 2:
            f.kind = "title"
            ctx.meta["title"] = t
            ctx.decide(NAME, "title", (f.first, f.last), "", t, "Title Case line before the first paragraph")
