"""The review page: one self-contained HTML file for auditing a conversion.

``seedconv review INPUT -o page.html`` (or :func:`review_file`) shows

* on top, the document's diagnostics, each linked to its source lines;
* the input, line by line and numbered (``#L12``), as the normaliser read it
  (decoded with :func:`seedconv.reader.decode`, split with
  :func:`seedconv.pipeline.split_lines`), page breaks marked;
* beside it the recovered document: metadata, blocks (``#b3``, list items
  ``#b3-2``) and notes (``#note1``), each linked to its source spans;
* the audit: every decision (``#d12``) and every line removed as furniture
  (``#f4``), each linked to its source lines.

Links go both ways: a source line carries links to the blocks, notes,
decisions, furniture entries and diagnostics that start on it, and is
highlighted when a decision covers it (``dec``), when it was removed
(``furn``), or when nothing accounts for it (``unacc``: a non-blank line in
no block, note, furniture entry or decision).  Clicking an entry highlights
all of its source lines.

Safety: the page is built as an lxml tree (:mod:`lxml.html.builder`), so
every piece of input text is a text node or an attribute value that lxml
escapes; characters XML cannot hold (controls) are shown as their Unicode
control pictures (U+2400…).  The CSS and the one small script are inline;
a Content-Security-Policy allows no network access and no script but that
one (by its SHA-256), so even text that looks like ``<script>`` could not
run.  Links in the text become links only for http(s)/ftp/mailto URLs.
"""
from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path

from lxml import html as lhtml
from lxml.html import builder as E

from .model import (Caption, Document, Email, Heading, Inline, Link, ListBlock, NoteRef,
                    Paragraph, Quote, Text)
from .passes.base import Line
from .pipeline import split_lines
from .reader import decode
from .settings import Settings

# --------------------------------------------------------------------------
# Text that XML can hold

_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def _picture(m: re.Match) -> str:
    c = ord(m.group())
    if c < 0x20:
        return chr(0x2400 + c)
    if c == 0x7F:
        return "\u2421"
    return "\ufffd"


def clean(text) -> str:
    """``text`` with characters XML cannot hold made visible (U+2400…)."""
    return _BAD.sub(_picture, "" if text is None else str(text))


# --------------------------------------------------------------------------
# Static parts (no document text in them)

CSS = """
:root{--furn:#fde2e1;--furn-b:#d93025;--dec:#fff4cc;--dec-b:#e0a800;--blk:#e6f0ff;--blk-b:#3367d6;
--un:#f3e8fd;--un-b:#8e24aa;--hl:#c8f7c5;--hl-b:#188038;--mute:#5f6368}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#202124;background:#fff}
header{padding:.6rem 1rem;border-bottom:1px solid #dadce0;background:#f8f9fa}
h1{font-size:1.15rem;margin:0 0 .2rem}
h2{font-size:1rem;margin:.2rem 0 .4rem}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.92em}
.meta,.counts{margin:.1rem 0;color:var(--mute)}
.counts b{color:#202124}
#diagnostics ul{margin:.2rem 0;padding-left:1.2rem}
.diag .lvl{display:inline-block;min-width:6em;margin-right:.5em;font-weight:600;text-transform:uppercase;font-size:.75em}
.diag code{margin-right:.3em}
.diag.warning .lvl{color:#b06000}.diag.error .lvl{color:#c5221f}.diag.info .lvl{color:var(--mute)}
.none{color:var(--mute);font-style:italic}
.legend{margin:.3rem 0 0;font-size:.85em;color:var(--mute)}
.legend span{display:inline-block;padding:0 .4em;margin-right:.4em;border-left:4px solid}
.legend .furn{background:var(--furn);border-color:var(--furn-b)}
.legend .dec{background:var(--dec);border-color:var(--dec-b)}
.legend .blk{background:var(--blk);border-color:var(--blk-b)}
.legend .unacc{background:var(--un);border-color:var(--un-b)}
.legend .hl{background:var(--hl);border-color:var(--hl-b)}
main{display:grid;grid-template-columns:minmax(0,5fr) minmax(0,4fr) minmax(0,3fr);gap:0}
.pane{height:100vh;overflow:auto;padding:.4rem .7rem 40vh;border-right:1px solid #dadce0;position:sticky;top:0}
.pane>h2{position:sticky;top:-.4rem;background:#fff;padding:.3rem 0;margin-top:-.4rem;z-index:1;border-bottom:1px solid #eee}
.src{font:12px/1.5 ui-monospace,"DejaVu Sans Mono",monospace}
.ln{display:grid;grid-template-columns:3.6em minmax(0,1fr) auto;border-left:4px solid transparent;min-height:1.5em}
.ln .no{color:#9aa0a6;text-align:right;padding-right:.6em;text-decoration:none;user-select:none}
.ln .tx{white-space:pre-wrap;overflow-wrap:anywhere}
.ln .refs{padding-left:.4em;white-space:nowrap}
.ln.pg{border-top:1px dashed #9aa0a6;margin-top:.4em}
.ln.pg::before{content:"page " attr(data-page);position:absolute;right:1rem;margin-top:-1.1em;font-size:10px;color:#9aa0a6}
.ln.dec{background:var(--dec);border-left-color:var(--dec-b)}
.ln.furn{background:var(--furn);border-left-color:var(--furn-b)}
.ln.furn .tx{text-decoration:line-through;text-decoration-color:var(--furn-b)}
.ln.unacc{background:var(--un);border-left-color:var(--un-b)}
.ln.hl,.hl{background:var(--hl)!important;border-left-color:var(--hl-b)!important}
:target{outline:2px solid var(--hl-b);outline-offset:-2px}
.ref{display:inline-block;font:10px/1.4 system-ui,sans-serif;padding:0 .35em;margin-left:.2em;border-radius:3px;text-decoration:none;color:#fff}
.ref.blk{background:var(--blk-b)}.ref.note{background:#5f6368}.ref.dec{background:#a06e00}
.ref.furn{background:var(--furn-b)}.ref.diag{background:#c5221f}
.blk{border-left:4px solid var(--blk);padding:.1em .5em;margin:.35em 0}
.blk.heading{font-weight:700;font-size:1.05em;border-left-color:var(--blk-b)}
.blk.lv2{font-size:1.1em}.blk.lv1{font-size:1.2em}
.blk.quote{font-style:italic;margin-left:1.5em}
.blk.caption{font-size:.9em;color:#3c4043}
.blk ul,.blk ol{margin:.2em 0;padding-left:1.6em}
.kind{font-size:.7em;color:var(--mute);text-transform:uppercase;margin-right:.4em}
.srcl{font-size:.75em;margin-left:.4em;white-space:nowrap}
.srcl a{color:var(--blk-b)}
.call a{text-decoration:none;font-weight:600}
.docmeta{margin:.2em 0 .6em;padding:.3em .5em;background:#f1f3f4;border-radius:4px}
.docmeta dt{font-weight:600;float:left;clear:left;width:6.5em;color:var(--mute)}
.docmeta dd{margin-left:7em}
.notes li{margin:.3em 0}
.audit ol{padding-left:0;list-style:none;margin:0}
.audit li{border-left:4px solid var(--dec-b);padding:.15em .4em;margin:.3em 0;background:#fffbea;font-size:.9em}
.audit li.f{border-left-color:var(--furn-b);background:#fff5f5}
.audit .pass{font-weight:600}.audit .act{color:#3c4043}
.audit .ba{font:11px/1.4 ui-monospace,"DejaVu Sans Mono",monospace;color:#3c4043;overflow-wrap:anywhere}
.audit .why{color:var(--mute)}
.filter{font-size:.85em;margin:.2em 0}
.hidden{display:none}
"""

# No "<" or "&" in here: the script's text is serialised byte for byte, and its
# SHA-256 goes into the Content-Security-Policy.
SCRIPT = """
(function(){
  document.documentElement.classList.add("js");
  function clear(){
    document.querySelectorAll(".hl").forEach(function(e){e.classList.remove("hl");});
  }
  function mark(spec){
    clear();
    var first=null;
    (spec||"").split(" ").forEach(function(r){
      if(!r){return;}
      var ab=r.split("-"), a=parseInt(ab[0],10), b=parseInt(ab[1]||ab[0],10);
      for(var i=a;b>=i;i++){
        var e=document.getElementById("L"+i);
        if(e){e.classList.add("hl");if(!first){first=e;}}
      }
    });
    return first;
  }
  document.addEventListener("click",function(ev){
    if(ev.target.closest("a")){return;}
    var el=ev.target.closest("[data-lines]");
    if(!el){return;}
    var first=mark(el.getAttribute("data-lines"));
    el.classList.add("hl");
    if(first){first.scrollIntoView({block:"center"});}
  });
  function onhash(){
    var id=decodeURIComponent(location.hash.slice(1));
    var el=id?document.getElementById(id):null;
    if(el){
      if(el.hasAttribute("data-lines")){mark(el.getAttribute("data-lines"));}
      else{clear();}
    }
  }
  window.addEventListener("hashchange",onhash);
  onhash();
  var sel=document.getElementById("passfilter");
  if(sel){
    sel.addEventListener("change",function(){
      var v=sel.value;
      document.querySelectorAll("#decisions li").forEach(function(li){
        li.classList.toggle("hidden",v!=="" ? li.getAttribute("data-pass")!==v : false);
      });
    });
  }
})();
"""

_SAFE_SCHEMES = ("http://", "https://", "ftp://", "mailto:")


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    return ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'")


# --------------------------------------------------------------------------
# The page


def _range(a: int, b: int) -> str:
    return f"{a}" if a == b else f"{a}\u2013{b}"


class _Page:
    def __init__(self, doc: Document, lines: list[Line]):
        self.doc = doc
        self.lines = lines
        self.n = len(lines)
        # per source line: list of (kind, id, label) references, and classes
        self.refs: dict[int, list[tuple[str, str, str]]] = {}
        self.cls: dict[int, set[str]] = {}
        self.note_ids = {n.id: f"note{i}" for i, n in enumerate(doc.notes, 1)}
        self.note_callers: dict[str, list[str]] = {}

    # helpers ---------------------------------------------------------------

    def _ok(self, a: int, b: int) -> tuple[int, int] | None:
        """The part of [a, b] that exists in the input, or None."""
        a, b = min(a, b), max(a, b)
        a, b = max(a, 1), min(b, self.n)
        return (a, b) if a <= b else None

    def ref(self, line: int, kind: str, id_: str, label: str) -> None:
        if 1 <= line <= self.n:
            self.refs.setdefault(line, []).append((kind, id_, label))

    def tag(self, a: int, b: int, cls: str) -> None:
        for i in range(max(a, 1), min(b, self.n) + 1):
            self.cls.setdefault(i, set()).add(cls)

    def spans_attr(self, spans) -> str:
        ok = [self._ok(int(a), int(b)) for a, b in spans]
        return " ".join(f"{a}-{b}" for a, b in (s for s in ok if s))

    def span_links(self, spans, owner_id: str, kind: str, label: str):
        """Links to the source lines of ``spans``; registers the back links."""
        out = E.SPAN(E.CLASS("srcl"), "lines ")
        first = True
        for a, b in spans:
            ok = self._ok(int(a), int(b))
            if not first:
                out.append(E.SPAN(", "))
            first = False
            if ok is None:
                out.append(E.SPAN(_range(int(a), int(b)) + " (not in input)"))
                continue
            out.append(E.A(_range(*ok), href=f"#L{ok[0]}"))
            self.ref(ok[0], kind, owner_id, label)
            self.tag(ok[0], ok[1], "inb")
        if first:
            out.append(E.SPAN("none"))
        return out

    # inlines ---------------------------------------------------------------

    def inlines(self, content: list[Inline], owner_id: str, parent) -> None:
        for x in content:
            if isinstance(x, Text):
                _append_text(parent, clean(x.text))
            elif isinstance(x, NoteRef):
                nid = self.note_ids.get(x.note or "")
                if nid:
                    self.note_callers.setdefault(nid, []).append(owner_id)
                    parent.append(E.SUP(E.CLASS("call"), E.A(clean(x.label), href=f"#{nid}")))
                else:
                    parent.append(E.SUP(E.CLASS("call missing"), clean(x.label),
                                        title="call without a note"))
            elif isinstance(x, Link):
                url = clean(x.url).strip()
                label = clean(x.text or x.url)
                if url.lower().startswith(_SAFE_SCHEMES):
                    parent.append(E.A(label, href=url, rel="noopener noreferrer nofollow"))
                else:
                    parent.append(E.SPAN(E.CLASS("url"), label))
            elif isinstance(x, Email):
                parent.append(E.SPAN(E.CLASS("email"), clean(x.address)))

    # panes -----------------------------------------------------------------

    def blocks(self):
        pane = E.SECTION(E.CLASS("pane doc"), E.H2("Recovered document"), id="document")
        md = self.doc.metadata
        dl = E.DL(E.CLASS("docmeta"))
        for key, value in (("title", md.title), ("subtitle", md.subtitle),
                           ("authors", "; ".join(md.authors)), ("date", md.date),
                           ("publisher", md.publisher), ("rights", md.rights),
                           ("language", md.language)):
            if value:
                dl.append(E.DT(key))
                dl.append(E.DD(clean(value)))
        if len(dl):
            pane.append(dl)
        if not self.doc.blocks:
            pane.append(E.P(E.CLASS("none"), "No blocks."))
        for i, b in enumerate(self.doc.blocks, 1):
            bid = f"b{i}"
            if isinstance(b, ListBlock):
                lst = (E.OL if b.kind == "ordered" else E.UL)()
                el = E.DIV(E.CLASS("blk list"), id=bid, **{"data-lines": self.spans_attr(b.spans)})
                el.append(E.SPAN(E.CLASS("kind"), f"{b.kind} list"))
                el.append(self.span_links(b.spans, bid, "blk", f"\u00b6{i}"))
                for j, item in enumerate(b.items, 1):
                    iid = f"{bid}-{j}"
                    li = E.LI(id=iid, **{"data-lines": self.spans_attr(item.spans)})
                    if item.marker:
                        li.append(E.SPAN(E.CLASS("kind"), clean(item.marker)))
                    self.inlines(item.content, iid, li)
                    if item.spans:
                        li.append(self.span_links(item.spans, iid, "blk", f"\u00b6{i}.{j}"))
                    lst.append(li)
                el.append(lst)
                pane.append(el)
                continue
            if isinstance(b, Heading):
                kind, cls = f"heading {b.level}", f"blk heading lv{min(max(b.level, 1), 6)}"
                el = E.DIV(E.CLASS(cls), role="heading", id=bid,
                           **{"aria-level": str(min(max(b.level, 1), 6) + 2)})
            else:
                kind = {Paragraph: "paragraph", Quote: "quote", Caption: "caption"}.get(type(b), "block")
                el = E.DIV(E.CLASS(f"blk {kind}"), id=bid)
            el.set("data-lines", self.spans_attr(b.spans))
            el.append(E.SPAN(E.CLASS("kind"), kind))
            self.inlines(b.content, bid, el)
            el.append(self.span_links(b.spans, bid, "blk", f"\u00b6{i}"))
            pane.append(el)
        if self.doc.notes:
            pane.append(E.H2(f"Notes ({len(self.doc.notes)})", id="notes"))
            ol = E.OL(E.CLASS("notes"))
            for i, n in enumerate(self.doc.notes, 1):
                nid = f"note{i}"
                li = E.LI(id=nid, **{"data-lines": self.spans_attr(n.spans)})
                li.append(E.B(clean(n.label) + " "))
                for k, para in enumerate(n.paragraphs):
                    if k:
                        li.append(E.BR())
                    self.inlines(para, nid, li)
                li.append(self.span_links(n.spans, nid, "note", f"n{clean(n.label)}"[:12]))
                callers = self.note_callers.get(nid, [])
                if callers:
                    back = E.SPAN(E.CLASS("srcl"), "called in ")
                    for k, c in enumerate(dict.fromkeys(callers)):
                        if k:
                            back.append(E.SPAN(" "))
                        back.append(E.A("\u00b6" + c[1:], href=f"#{c}"))
                    li.append(back)
                else:
                    li.append(E.SPAN(E.CLASS("srcl"), "not called"))
                ol.append(li)
            pane.append(ol)
        return pane

    def audit(self):
        pane = E.SECTION(E.CLASS("pane audit"),
                         E.H2(f"Decisions ({len(self.doc.decisions)}) and furniture "
                              f"({len(self.doc.furniture)})"), id="audit")
        passes = list(dict.fromkeys(d.pass_ for d in self.doc.decisions))
        if passes:
            sel = E.SELECT(E.OPTION("all passes", value=""), id="passfilter")
            for p in passes:
                sel.append(E.OPTION(clean(p), value=clean(p)))
            pane.append(E.P(E.CLASS("filter"), E.LABEL("Show ", sel)))
        ol = E.OL(id="decisions")
        for i, d in enumerate(self.doc.decisions, 1):
            did = f"d{i}"
            a, b = int(d.lines[0]), int(d.lines[1])
            ok = self._ok(a, b)
            li = E.LI(E.CLASS("d"), id=did, **{"data-pass": clean(d.pass_),
                                               "data-lines": f"{ok[0]}-{ok[1]}" if ok else ""})
            li.append(E.SPAN(E.CLASS("id"), f"d{i} "))
            if ok:
                li.append(E.A("lines " + _range(*ok), href=f"#L{ok[0]}"))
                self.ref(ok[0], "dec", did, f"d{i}")
                self.tag(ok[0], ok[1], "dec")
            else:
                li.append(E.SPAN(f"lines {_range(a, b)} (not in input)"))
            li.append(E.SPAN(" "))
            li.append(E.SPAN(E.CLASS("pass"), clean(d.pass_)))
            li.append(E.SPAN(" "))
            li.append(E.SPAN(E.CLASS("act"), clean(d.action)))
            if d.before or d.after:
                li.append(E.DIV(E.CLASS("ba"), E.SPAN(clean(d.before)), " \u2192 ",
                                E.SPAN(clean(d.after))))
            if d.detail:
                li.append(E.DIV(E.CLASS("why"), clean(d.detail)))
            ol.append(li)
        if not self.doc.decisions:
            pane.append(E.P(E.CLASS("none"), "No decisions."))
        pane.append(ol)
        pane.append(E.H2(f"Furniture removed ({len(self.doc.furniture)})", id="furniture"))
        fol = E.OL()
        for i, f in enumerate(self.doc.furniture, 1):
            fid = f"f{i}"
            ok = self._ok(int(f.line), int(f.line))
            li = E.LI(E.CLASS("f"), id=fid, **{"data-lines": f"{ok[0]}-{ok[1]}" if ok else ""})
            li.append(E.SPAN(E.CLASS("id"), f"f{i} "))
            if ok:
                li.append(E.A(f"line {f.line}", href=f"#L{f.line}"))
                self.ref(f.line, "furn", fid, f"f{i}")
                self.tag(f.line, f.line, "furn")
            else:
                li.append(E.SPAN(f"line {f.line} (not in input)"))
            li.append(E.SPAN(" "))
            li.append(E.SPAN(E.CLASS("pass"), clean(f.kind)))
            li.append(E.DIV(E.CLASS("ba"), clean(f.text)))
            if f.reason:
                li.append(E.DIV(E.CLASS("why"), clean(f.reason)))
            fol.append(li)
        if not self.doc.furniture:
            pane.append(E.P(E.CLASS("none"), "No lines removed."))
        pane.append(fol)
        return pane

    def diagnostics(self):
        sec = E.SECTION(E.H2(f"Diagnostics ({len(self.doc.diagnostics)})"), id="diagnostics")
        if not self.doc.diagnostics:
            sec.append(E.P(E.CLASS("none"), "No diagnostics: nothing needs a look."))
            return sec
        ul = E.UL()
        for i, g in enumerate(self.doc.diagnostics, 1):
            gid = f"g{i}"
            ok = self._ok(int(g.lines[0]), int(g.lines[1])) if g.lines else None
            li = E.LI(E.CLASS(f"diag {clean(g.level)}"), id=gid,
                      **{"data-lines": f"{ok[0]}-{ok[1]}" if ok else ""})
            li.append(E.SPAN(E.CLASS("lvl"), clean(g.level)))
            li.append(E.CODE(clean(g.code)))
            li.append(E.SPAN(" " + clean(g.message) + " "))
            if ok:
                li.append(E.A("lines " + _range(*ok), href=f"#L{ok[0]}"))
                self.ref(ok[0], "diag", gid, "!")
                self.tag(ok[0], ok[1], "diagl")
            elif g.lines:
                li.append(E.SPAN(f"lines {_range(*g.lines)} (not in input)"))
            ul.append(li)
        sec.append(ul)
        return sec

    def source(self):
        pane = E.SECTION(E.CLASS("pane"), E.H2(f"Input ({self.n} lines)"), id="source")
        box = E.DIV(E.CLASS("src"))
        page = self.lines[0].page if self.lines else 0
        for ln in self.lines:
            cls = set(self.cls.get(ln.no, ()))
            if ln.text.strip() and not cls & {"inb", "furn", "dec"}:
                cls.add("unacc")
            if ln.page != page:
                cls.add("pg")
                page = ln.page
            shown = {"dec", "furn", "unacc", "pg"} & cls
            div = E.DIV(E.CLASS(" ".join(["ln", *sorted(shown)])), id=f"L{ln.no}")
            if "pg" in cls:
                div.set("data-page", str(ln.page + 1))
            div.append(E.A(str(ln.no), E.CLASS("no"), href=f"#L{ln.no}"))
            div.append(E.SPAN(E.CLASS("tx"), clean(ln.text)))
            refs = E.SPAN(E.CLASS("refs"))
            for kind, id_, label in self.refs.get(ln.no, []):
                refs.append(E.A(label, E.CLASS(f"ref {kind}"), href=f"#{id_}"))
            div.append(refs)
            box.append(div)
        pane.append(box)
        return pane

    def page(self, generator: str):
        md = self.doc.metadata
        name = clean(md.source.name)
        # the panes register line references, so build them before the source
        diags = self.diagnostics()
        doc_pane = self.blocks()
        audit = self.audit()
        src = self.source()
        counts = E.P(E.CLASS("counts"))
        for k, (num, what) in enumerate([(self.n, "input lines"), (len(self.doc.blocks), "blocks"),
                                         (len(self.doc.notes), "notes"),
                                         (len(self.doc.furniture), "furniture lines removed"),
                                         (len(self.doc.decisions), "decisions"),
                                         (len(self.doc.diagnostics), "diagnostics")]):
            if k:
                counts.append(E.SPAN(" \u00b7 "))
            counts.append(E.B(str(num)))
            counts.append(E.SPAN(" " + what))
        meta = E.P(E.CLASS("meta"), clean(md.title or "(no title)"))
        if md.authors:
            meta.append(E.SPAN(" \u2014 " + clean("; ".join(md.authors))))
        meta.append(E.SPAN(f" \u00b7 language {clean(md.language or '?')} \u00b7 "
                           f"{clean(md.source.encoding)} \u00b7 sha256 {clean(md.source.sha256)[:12]}\u2026"))
        legend = E.P(E.CLASS("legend"), "Source lines: ",
                     E.SPAN(E.CLASS("dec"), "covered by a decision"),
                     E.SPAN(E.CLASS("furn"), "removed as furniture"),
                     E.SPAN(E.CLASS("unacc"), "in no block, note or decision"),
                     E.SPAN(E.CLASS("hl"), "selected"),
                     " \u00b7 click an entry to select its lines; badges on a line link to "
                     "what starts there (\u00b6 block, n note, d decision, f furniture, ! diagnostic).")
        head = E.HEAD(
            E.META(charset="utf-8"),
            E.META(**{"http-equiv": "Content-Security-Policy", "content": _csp()}),
            E.META(name="viewport", content="width=device-width, initial-scale=1"),
            E.META(name="generator", content=clean(generator)),
            E.META(name="referrer", content="no-referrer"),
            E.TITLE(f"Review: {name}"),
            E.STYLE(CSS),
        )
        body = E.BODY(
            E.HEADER(E.H1("Review of ", E.CODE(name)), meta, counts, diags, legend, id="top"),
            E.MAIN(src, doc_pane, audit),
            E.SCRIPT(SCRIPT),
        )
        lang = md.language if md.language and re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*",
                                                            md.language) else "und"
        return E.HTML(head, body, lang=lang)


def _append_text(parent, text: str) -> None:
    """Append ``text`` after the last child of ``parent`` (as text or tail)."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def build_review(doc: Document, lines: list[Line]):
    """The review page for ``doc`` as an lxml ``<html>`` element; ``lines``
    are the input lines (:func:`source_lines`)."""
    return _Page(doc, lines).page(doc.generator)


def render_review(doc: Document, lines: list[Line]) -> bytes:
    """The review page as UTF-8 bytes (``<!DOCTYPE html>`` first)."""
    root = build_review(doc, lines)
    return lhtml.tostring(root, doctype="<!DOCTYPE html>", encoding="utf-8", method="html",
                          pretty_print=False) + b"\n"


def source_lines(data: bytes, name: str = "input.txt") -> list[Line]:
    """The input lines as the normaliser numbers them."""
    return split_lines(decode(data, name).text)


def review_bytes(data: bytes, name: str = "input.txt", settings: Settings | None = None) -> bytes:
    """Normalise ``data`` and return its review page."""
    from .pipeline import normalise_bytes

    doc = normalise_bytes(data, name=name, settings=settings)
    return render_review(doc, source_lines(data, name))


def review_file(path: str | os.PathLike, settings: Settings | None = None) -> bytes:
    """Normalise the file at ``path`` and return its review page."""
    from .api import normalise_file

    p = Path(path)
    doc = normalise_file(p, settings)  # raises InputError with the usual messages
    return render_review(doc, source_lines(p.read_bytes(), p.name))
