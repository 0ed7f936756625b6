"""Turn DocBook HTML from Debian documentation packages into the corpus's
intermediate document structure (title, authors, blocks, notes).

The structure is the known truth from which both the typeset PDFs and the gold
files are produced.  Run `python tests/corpus/sources.py` to rebuild
tests/corpus/sources/*.json (needs the Debian packages named in SPECS).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from lxml import html

HERE = Path(__file__).resolve().parent
OUT = HERE / "sources"

DEBREF = "/usr/share/debian-reference/{ch}.{lang}.html"
FAQ = "/usr/share/doc/debian/FAQ/{lang}/{ch}.{lang}.html"
DEBREF_URL = "https://www.debian.org/doc/manuals/debian-reference/{ch}.{lang}.html"
FAQ_URL = "https://www.debian.org/doc/manuals/debian-faq/{ch}.{lang}.html"

# Further DocBook manuals (used by the held-out set, tests/heldout/build.py).
MAINT = "/usr/share/doc/maint-guide{pkg}/html/{ch}.{lang}.html"
MAINT_URL = "https://www.debian.org/doc/manuals/maint-guide/{ch}.{lang}.html"
FAQ_EN = "/usr/share/doc/debian/FAQ/{ch}.{lang}.html"   # English FAQ sits beside the translations

# Further manuals (used by the second held-out set, tests/heldout2/build.py):
# the Developer's Reference (Sphinx HTML) and the Securing Debian Manual
# (harden-doc, Publican DocBook HTML); both are first rewritten into the
# DocBook shape the Walker reads (see docbookify).
DEVREF_DEV = "/usr/share/developers-reference/{dir}{ch}.html"
DEVREF_DEV_URL = "https://www.debian.org/doc/manuals/developers-reference/{ch}.{lang}.html"
HARDEN = "/usr/share/doc/harden-doc/html/{loc}/{ch}.html"
HARDEN_URL = "https://www.debian.org/doc/manuals/securing-debian-manual/{ch}.{lang}.html"
HARDEN_LOCALE = {"en": "en-US", "fr": "fr-FR", "de": "de-DE", "es": "es-ES", "it": "it-IT"}
DEVELOPERS_AUTHORS = ["Andreas Barth", "Adam Di Carlo", "Raphaël Hertzog", "Lucas Nussbaum",
                      "Christian Schwarz", "Ian Jackson"]
HARDEN_AUTHORS = ["Javier Fernández-Sanguino Peña", "Alexander Reelsen"]

DEBREF_AUTHORS = ["Osamu Aoki"]
MAINT_AUTHORS = ["Josip Rodin", "Osamu Aoki"]
BOOKS = {
    "maint": {"en": "Debian New Maintainers' Guide", "fr": "Guide du nouveau responsable Debian",
              "de": "Debian-Leitfaden für Neue Paketbetreuer", "es": "Guía del nuevo desarrollador de Debian",
              "it": "Guida per il nuovo Maintainer", "ru": "Руководство начинающего разработчика Debian"},
    "faq": {"en": "The Debian GNU/Linux FAQ", "fr": "La FAQ Debian GNU/Linux",
            "de": "Die Debian GNU/Linux-FAQ", "it": "Le FAQ di Debian GNU/Linux",
            "ru": "ЧаВО по Debian GNU/Linux"},
    "developers": {"en": "Debian Developer's Reference", "fr": "Référence du développeur Debian",
                   "de": "Debian-Entwicklerreferenz", "es": "Referencia del desarrollador de Debian",
                   "it": "Guida di riferimento per lo sviluppatore Debian",
                   "ru": "Справочник разработчика Debian"},
    "harden": {"en": "Securing Debian Manual", "fr": "Manuel de sécurisation de Debian",
               "de": "Securing-Debian-Handbuch", "es": "Manual de seguridad de Debian",
               "it": "Manuale sulla sicurezza di Debian"},
}
FAQ_AUTHORS = ["Susan G. Kleinmann", "Sven Rudolph", "Santiago Vila", "Josip Rodin",
               "Javier Fernández-Sanguino Peña"]

# Journal-like running heads, one per language (furniture, not body text).
JOURNAL = {
    "en": "Free Software Documentation Review",
    "fr": "Revue de la documentation libre",
    "de": "Zeitschrift für freie Dokumentation",
    "es": "Revista de Documentación Libre",
    "it": "Rivista di documentazione libera",
    "ru": "Вестник свободной документации",
}
SEE = {"en": "See", "fr": "Voir", "de": "Siehe", "es": "Véase", "it": "Si veda", "ru": "См."}
CITE = {  # real bibliographic reference to the source, attached to the first paragraph
    "en": "{authors}, “{book}”, Debian Documentation Project, {year}, {url}",
    "fr": "{authors}, « {book} », projet de documentation Debian, {year}, {url}",
    "de": "{authors}, „{book}“, Debian-Dokumentationsprojekt, {year}, {url}",
    "es": "{authors}, «{book}», Proyecto de Documentación de Debian, {year}, {url}",
    "it": "{authors}, «{book}», Progetto di documentazione Debian, {year}, {url}",
    "ru": "{authors}, «{book}», Проект документации Debian, {year}, {url}",
}

# name, package, kind, lang, chapter file, section id (None = whole chapter),
# word budget, volume/issue label, first page number
SPECS = [
    ("en_pkgprereq", "debian-reference-en", "debref", "en", "ch02", ["_debian_package_management_prerequisites"], 1500, 113),
    ("en_console", "debian-reference-en", "debref", "en", "ch01", ["_console_basics"], 1500, 41),
    ("fr_pkgtips", "debian-reference-fr", "debref", "fr", "ch02", ["_tips_for_the_package_management"], 1600, 7),
    ("fr_console", "debian-reference-fr", "debref", "fr", "ch01", ["_console_basics"], 1500, 215),
    ("de_pkginternals", "debian-reference-de", "debref", "de", "ch02", ["_debian_package_management_internals", "_recovery_from_a_broken_system"], 1500, 88),
    ("de_workenv", "debian-reference-de", "debref", "de", "ch01", ["_the_basic_unix_like_work_environment"], 1500, 301),
    ("es_pkgprereq", "debian-reference-es", "debref", "es", "ch02", ["_debian_package_management_prerequisites"], 1500, 19),
    ("es_console", "debian-reference-es", "debref", "es", "ch01", ["_console_basics"], 1500, 64),
    ("it_pkgtips", "debian-reference-it", "debref", "it", "ch02", ["_tips_for_the_package_management"], 1600, 131),
    ("it_workenv", "debian-reference-it", "debref", "it", "ch01", ["_the_basic_unix_like_work_environment"], 1500, 5),
    ("ru_basicdefs", "debian-faq-ru", "faq", "ru", "basic-defs", None, 1600, 27),
    ("ru_software", "debian-faq-ru", "faq", "ru", "software", None, 1600, 152),
]

MAX_ITEMS = 5  # long lists are cut to keep documents prose-like

SKIP_CLASSES = {"table", "informaltable", "screen", "programlisting", "warning", "note",
                "tip", "caution", "important", "figure", "mediaobject", "toc", "literallayout",
                "navheader", "navfooter", "titlepage"}

# Characters the LaTeX (T1/T2A) and LibreOffice paths both render and that
# extractors read back faithfully.
SAFE = re.compile(r"^[\x20-\x7e\u00a0-\u017f\u0400-\u045f\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2026\u00ab\u00bb]*$")


STOP = {
    "en": {"the", "and", "is", "of", "to", "are", "with", "for", "this", "you", "by", "which"},
    "fr": {"le", "la", "les", "et", "est", "des", "du", "un", "une", "pour", "dans", "vous"},
    "de": {"der", "die", "das", "und", "ist", "nicht", "mit", "für", "sie", "ein", "eine", "zu"},
    "es": {"el", "la", "los", "las", "y", "es", "del", "para", "con", "una", "que", "por"},
    "it": {"il", "la", "di", "e", "è", "che", "per", "un", "una", "con", "dei", "non"},
}


def untranslated(text: str, lang: str) -> bool:
    """True for an English paragraph left untranslated in a translation."""
    if lang in ("en", "ru"):
        return lang == "ru" and not re.search("[а-яА-Я]", text)
    ws = re.findall(r"\w+", text.lower())
    en = sum(w in STOP["en"] for w in ws)
    own = sum(w in STOP[lang] for w in ws)
    return en > own


def clean(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u2011", "-").replace("\u200b", "")
    return re.sub(r"\s+", " ", text).strip()


def strip_number(title: str) -> str:
    return clean(re.sub(r"^\s*[\d.]+\s*", "", title.replace("\u00a0", " ")))


class Walker:
    """Collect blocks from a DocBook HTML section, turning some hyperlinks into
    footnotes (call right after the link text) and some into inline URLs."""

    def __init__(self, lang):
        self.lang = lang
        self.blocks = []
        self.notes = []
        self.n_links = 0

    def inline(self, el) -> str:
        out = [el.text or ""]
        for ch in el:
            cls = set((ch.get("class") or "").split())
            if ch.tag == "a" and "ulink" in cls:
                out.append(self.link(ch))
            elif ch.tag in ("sup",) or "footnote" in cls:
                pass
            else:
                out.append(self.inline(ch))
            out.append(ch.tail or "")
        return "".join(out)

    def link(self, a) -> str:
        text = clean(self.inline(a))
        href = (a.get("href") or "").strip()
        usable = re.match(r"^https?://[A-Za-z0-9./_:=?&()+,-]+$", href) and text
        if not usable:
            return text
        self.n_links += 1
        k = self.n_links
        if k % 3 == 1 and len(self.notes) < 9 and not any(href in n["text"] for n in self.notes):      # footnote citing the link target
            nid = str(len(self.notes) + 1)
            self.notes.append({"id": nid, "text": f"{SEE[self.lang]} {href}"})
            return f"{text}\x00{nid}\x00"
        if k % 3 == 2 and "(" not in href and len(href) > 30:   # long inline URL
            return f"{text} ({href})"
        return text

    def para(self, el, kind="paragraph", **extra):
        text = clean(self.inline(el))
        # footnote calls go after the link text, and after punctuation that follows it
        text = re.sub(r"\x00(\d+)\x00([.,;:]?)", lambda m: f"{m.group(2)}[^{m.group(1)}]", text)
        if not text or not SAFE.match(text.replace("[^", "").replace("]", "")):
            return False
        if untranslated(text, self.lang):
            self.notes = [n for n in self.notes if f"[^{n['id']}]" not in text]
            return False
        self.blocks.append({"type": kind, "text": text, **extra})
        return True

    def walk(self, el, depth, budget):
        for ch in el:
            if not isinstance(ch.tag, str):
                continue
            if self.words() >= budget:
                return
            cls = set((ch.get("class") or "").split())
            if ch.tag == "div" and "section" in cls:
                t = ch.find(".//div[@class='titlepage']//*[@class='title']")
                if t is not None and self.words() < budget * 0.85:
                    title = strip_number(t.text_content())
                    if SAFE.match(title) and not untranslated(title, self.lang):
                        self.blocks.append({"type": "heading", "level": min(depth, 3), "text": title})
                    self.walk(ch, depth + 1, budget)
                continue
            if cls & SKIP_CLASSES or ch.tag in ("pre", "table", "h1", "h2", "h3", "h4"):
                continue
            if ch.tag == "p":
                self.para(ch)
            elif ch.tag in ("ul", "ol"):
                kind = "bullet" if ch.tag == "ul" else "ordered"
                items = [li for li in ch if li.tag == "li"]
                n = 0
                for li in items[:MAX_ITEMS]:
                    extra = {"list": kind}
                    if kind == "ordered":
                        extra["marker"] = str(n + 1)
                    ps = li.findall("p")
                    target = ps[0] if len(ps) == 1 else li
                    if any(x.tag in ("pre", "table", "ul", "ol") for x in li.iter()):
                        target = ps[0] if ps else None
                    if target is not None and self.para(target, "list_item", **extra):
                        n += 1
            elif ch.tag in ("div", "span", "blockquote"):
                self.walk(ch, depth, budget)

    def words(self):
        return sum(len(b["text"].split()) for b in self.blocks)


def docbookify(tree, kind):
    """Rewrite Sphinx (kind "developers") or Publican (kind "harden") HTML in
    place into the DocBook HTML shape the Walker reads: div.chapter /
    div.section with a div.titlepage holding the .title heading, <p>
    paragraphs, a.ulink external links; footnotes and admonitions left out."""
    def drop(el):   # remove an element, keeping the text that follows it
        parent, prev = el.getparent(), el.getprevious()
        if el.tail:
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)

    if kind == "developers":
        for el in tree.xpath("//a[contains(@class, 'headerlink')] | //a[contains(@class, 'footnote-reference')]"
                             " | //aside | //div[contains(@class, 'admonition')]"):
            drop(el)
        body = tree.xpath("//div[@role='main']")[0]
        for i, sec in enumerate(list(body.iter("section"))):
            sec.tag = "div"
            sec.set("class", "chapter" if i == 0 else "section")
            h = next((c for c in sec if c.tag in ("h1", "h2", "h3", "h4", "h5", "h6")), None)
            if h is not None:
                h.set("class", "title")
                wrap = html.Element("div", {"class": "titlepage"})
                h.addprevious(wrap)
                wrap.append(h)   # moves the heading (and its tail) into the wrapper
        for a in body.xpath(".//a[contains(@class, 'reference external')]"):
            a.set("class", "ulink")
    elif kind == "harden":
        for el in tree.xpath("//div[@class='footnotes'] | //a[@class='footnote'] | //sup"):
            drop(el)
        for a in tree.xpath("//div[@class='chapter']//a[starts-with(@href, 'http')]"):
            a.set("class", "ulink")
        for p in tree.xpath("//div[@class='para']"):
            p.tag, p.attrib["class"] = "p", "para"
            # blocks inside a paragraph (lists, screens) become its following siblings
            for c in reversed([c for c in p if c.tag in ("div", "pre", "table", "ul", "ol")]):
                p.addnext(c)
    return tree


def build(spec):
    name, pkg, kind, lang, ch, sec, budget, first_page = spec
    if kind == "maint":
        path = MAINT.format(pkg="" if lang == "en" else f"-{lang}", ch=ch, lang=lang)
    elif kind == "faq" and lang == "en":
        path = FAQ_EN.format(ch=ch, lang=lang)
    elif kind == "developers":
        path = DEVREF_DEV.format(dir="" if lang == "en" else f"{lang}/", ch=ch)
    elif kind == "harden":
        path = HARDEN.format(loc=HARDEN_LOCALE[lang], ch=ch)
    else:
        path = (DEBREF if kind == "debref" else FAQ).format(ch=ch, lang=lang)
    tree = html.parse(path)
    if kind in ("developers", "harden"):
        docbookify(tree, kind)
    w = Walker(lang)
    if sec:
        title = None
        for i, sid in enumerate(sec):
            anchor = tree.xpath(f"//a[@id='{sid}']")[0]
            h = anchor.getparent()
            root = h.getparent()
            while not (root.tag == "div" and "section" in (root.get("class") or "")):
                root = root.getparent()
            if i == 0:
                title = strip_number(h.text_content())
                w.walk(root, 2, budget)
            else:   # a further section becomes a level-2 heading of its own
                w.blocks.append({"type": "heading", "level": 2, "text": strip_number(h.text_content())})
                w.walk(root, 3, budget)
    else:
        title = strip_number(tree.xpath("//h1 | //h2[@class='title']")[0].text_content())
        title = re.sub(r"^(Глава|Chapter|Chapitre|Kapitel|Capítulo|Capitolo)\s+\d+\.\s*", "", title)
        root = tree.xpath("//div[@class='chapter']")[0]
        w.walk(root, 2, budget)
    blocks = w.blocks
    # drop a leading heading equal to the title and trailing headings
    while blocks and blocks[-1]["type"] == "heading":
        blocks.pop()
    url = {"debref": DEBREF_URL, "faq": FAQ_URL, "maint": MAINT_URL, "developers": DEVREF_DEV_URL,
           "harden": HARDEN_URL}[kind].format(ch=ch, lang=lang)
    authors = {"debref": DEBREF_AUTHORS, "faq": FAQ_AUTHORS, "maint": MAINT_AUTHORS,
               "developers": DEVELOPERS_AUTHORS, "harden": HARDEN_AUTHORS}[kind]
    bookname = {"debref": {"en": "Debian Reference", "fr": "Référence Debian",
                           "de": "Debian-Referenz", "es": "Referencia de Debian",
                           "it": "Guida di riferimento Debian"}.get(lang),
                "faq": "ЧаВО по Debian GNU/Linux"}
    book = bookname["debref"] if kind == "debref" else bookname["faq"] if kind == "faq" and lang == "ru" \
        else BOOKS[kind][lang]
    authors_cite = authors[0] if len(authors) == 1 else authors[0] + " et al."
    # Renumber notes in reading order and add the citation note to the first paragraph.
    cite = CITE[lang].format(authors=authors_cite, book=book, year="2024", url=url)
    first = next(i for i, b in enumerate(blocks) if b["type"] == "paragraph")
    b = blocks[first]
    m = re.search(r"[.!?](?=\s)|[.!?]$", b["text"])
    pos = m.end() if m else len(b["text"])
    b["text"] = b["text"][:pos] + "[^C]" + b["text"][pos:]
    old_notes = {n["id"]: n["text"] for n in w.notes}
    old_notes["C"] = cite
    # Documents with few link notes get notes citing the manual pages they name.
    seen = set()
    for b in blocks:
        if len(old_notes) >= 6:
            break
        if b["type"] == "heading" or "[^" in b["text"]:
            continue
        m = re.search(r"(?<![\w/$-])([a-z][\w.+-]*)\(([1-8])\)([.,;:]?)", b["text"])
        if m and m.group(1) not in seen:
            seen.add(m.group(1))
            key = f"M{len(old_notes)}"
            old_notes[key] = f"{SEE[lang]} https://manpages.debian.org/bookworm/{m.group(1)}.{m.group(2)}"
            b["text"] = b["text"][:m.end()] + f"[^{key}]" + b["text"][m.end():]
    order, new_notes = {}, []

    def renum(m):
        old = m.group(1)
        if old not in order:
            order[old] = str(len(order) + 1)
            new_notes.append({"id": order[old], "text": old_notes[old]})
        return f"[^{order[old]}]"

    for b in blocks:
        b["text"] = re.sub(r"\[\^(\w+)\]", renum, b["text"])
    surname = authors[0].split()[-1]
    short = title if len(title) < 45 else title[:42].rsplit(" ", 1)[0]
    return {
        "name": name, "lang": lang, "title": title, "authors": authors,
        "journal": JOURNAL[lang],
        "running_head": f"{surname}{' et al.' if len(authors) > 1 else ''}: {short}",
        "first_page": first_page,
        "copyright": f"© 2024 {authors_cite}. GPL-2.0-or-later.",
        "source": {"package": pkg, "file": path, "section": sec,
                   "licence": "GPL-2.0-or-later" if kind in ("debref", "maint", "developers", "harden") else "GPL-2.0-or-later (Debian FAQ)"},
        "blocks": blocks, "notes": new_notes,
    }


def main(argv):
    OUT.mkdir(exist_ok=True)
    for spec in SPECS:
        if argv and spec[0] not in argv:
            continue
        doc = build(spec)
        (OUT / f"{doc['name']}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
        kinds = {}
        for b in doc["blocks"]:
            kinds[b["type"]] = kinds.get(b["type"], 0) + 1
        words = sum(len(b["text"].split()) for b in doc["blocks"])
        print(f"{doc['name']:14} {words:5} words {kinds} notes={len(doc['notes'])} | {doc['title']}")


if __name__ == "__main__":
    main(sys.argv[1:])
