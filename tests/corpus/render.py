"""Typeset an intermediate document (see sources.py) with LaTeX or LibreOffice.

Both renderers read the same structure: title, authors, blocks (heading,
paragraph, list_item), notes referenced inline as [^N], URLs as plain text.
They return the page furniture they print (running heads, copyright line) so
that the gold can list it.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

CALL = re.compile(r"\[\^(\w+)\]")
# A URL stops before a note call written right after it ("https://x.org/[^2]").
URL = re.compile(r"https?://[\w-]+(?:\.[\w-]+)+(?:(?!\[\^\w+\])[^\s\"<>])*")


def split_url(m_text: str) -> tuple[str, str]:
    """A URL matched by URL, minus trailing punctuation that is not part of it."""
    u = m_text
    tail = ""
    while u and (u[-1] in ".,;:»”" or (u[-1] == ")" and u.count("(") < u.count(")"))):
        tail = u[-1] + tail
        u = u[:-1]
    return u, tail


def urls_in(text: str) -> list[str]:
    return [split_url(m.group(0))[0] for m in URL.finditer(text)]


# ----------------------------------------------------------------------------
# LaTeX

BABEL = {"en": "english", "fr": "french", "de": "ngerman", "es": "spanish",
         "it": "italian", "ru": "russian"}
TEX_ESC = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&",
           "#": r"\#", "^": r"\textasciicircum{}", "_": r"\_", "%": r"\%",
           "~": r"\textasciitilde{}", "|": r"\textbar{}", "<": r"\textless{}",
           ">": r"\textgreater{}", '"': r"\textquotedbl{}", "'": r"\textquotesingle{}",
           "`": r"\textasciigrave{}"}


def tex_plain(s: str, lang: str = "") -> str:
    out = "".join(TEX_ESC.get(c, c) for c in s)
    if lang == "ru":
        # accented Latin letters are composed from separate accents in T2A and
        # extract as "Fern´andez": set such words in T1 (babel's English)
        out = re.sub(r"[\w-]*[\u00c0-\u017f][\w-]*", lambda m: r"\foreignlanguage{english}{%s}" % m.group(0), out)
    return out


def tex_inline(s: str, notes: dict, lang: str = "") -> str:
    out, pos = [], 0
    pattern = re.compile(r"\[\^(\w+)\]|" + URL.pattern)
    for m in pattern.finditer(s):
        out.append(tex_plain(s[pos:m.start()], lang))
        if m.group(1):
            out.append(r"\footnote{%s}" % tex_inline(notes[m.group(1)], notes, lang))
            pos = m.end()
        else:
            u, tail = split_url(m.group(0))
            out.append(r"\url{%s}" % u)
            pos = m.start() + len(u)
    out.append(tex_plain(s[pos:], lang))
    return "".join(out)


def section_numbers(blocks: list) -> list:
    """The numbers LaTeX prints before numbered headings (\\section: "2",
    \\subsection: "2.1"), one per block, None for other blocks."""
    sec = sub = 0
    out = []
    for b in blocks:
        if b["type"] != "heading":
            out.append(None)
        elif b["level"] == 2:
            sec, sub = sec + 1, 0
            out.append(str(sec))
        else:
            sub += 1
            out.append(f"{sec}.{sub}")
    return out


# Running-head layouts: "mirrored" (the corpus's: even pages page number +
# journal at the left, odd pages running head + page number at the right) and
# "centred" (journal / running head centred in the header, page numbers
# centred in the footer).
def latex(doc: dict, columns: int, workdir: Path, size: str | None = None, numbered: bool = False,
          heads: str = "mirrored") -> tuple[Path, list[str]]:
    lang = doc["lang"]
    notes = {n["id"]: n["text"] for n in doc["notes"]}
    enc = "T2A,T1" if lang == "ru" else "T1"
    size = size or ("11pt" if columns == 1 else "10pt")
    margins = "top=2.6cm,bottom=2.6cm,left=2.7cm,right=2.7cm" if columns == 1 else \
        "top=2.2cm,bottom=2.4cm,left=1.8cm,right=1.8cm"
    L = [
        rf"\documentclass[{size},a4paper,twoside{',twocolumn' if columns == 2 else ''}]{{article}}",
        rf"\usepackage[{enc}]{{fontenc}}",
        r"\usepackage[utf8]{inputenc}",
        r"\usepackage{lmodern}" if lang != "ru" else r"\usepackage{textcomp}",
        rf"\usepackage[shorthands=off,{BABEL[lang]}]{{babel}}",
        rf"\usepackage[{margins}]{{geometry}}",
        r"\usepackage{microtype}",
        r"\setlength{\columnsep}{0.75cm}",
        r"\DisableLigatures{encoding = *, family = *}",
        r"\usepackage[hyphens]{url}",
        r"\usepackage[hidelinks]{hyperref}",
        r"\usepackage{fancyhdr}",
        r"\pagestyle{fancy}\fancyhf{}",
        *([rf"\fancyhead[LE]{{\small\thepage\qquad {tex_plain(doc['journal'])}}}",
           rf"\fancyhead[RO]{{\small {tex_plain(doc['running_head'])}\qquad\thepage}}"] if heads == "mirrored" else
          [rf"\fancyhead[CE]{{\small\itshape {tex_plain(doc['journal'])}}}",
           rf"\fancyhead[CO]{{\small\itshape {tex_plain(doc['running_head'])}}}",
           r"\fancyfoot[C]{\small\thepage}"]),
        r"\renewcommand{\headrulewidth}{0.4pt}",
        r"\fancypagestyle{plain}{\fancyhf{}\renewcommand{\headrulewidth}{0pt}"
        rf"\fancyfoot[L]{{\footnotesize {tex_plain(doc['copyright'])}}}\fancyfoot[R]{{\small\thepage}}}}",
        rf"\title{{{tex_plain(doc['title'])}}}",
        r"\author{%s}" % r" \and ".join(tex_plain(a, lang) for a in doc["authors"]),
        r"\date{}",
        r"\begin{document}",
        rf"\setcounter{{page}}{{{doc['first_page']}}}",
        r"\maketitle",
    ]
    open_list = None
    for b in doc["blocks"]:
        kind = b.get("list") if b["type"] == "list_item" else None
        if open_list and kind != open_list:
            L.append(r"\end{itemize}" if open_list == "bullet" else r"\end{enumerate}")
            open_list = None
        if kind and not open_list:
            L.append(r"\begin{itemize}" if kind == "bullet" else r"\begin{enumerate}")
            open_list = kind
        if b["type"] == "heading":
            cmd = ("section" if b["level"] == 2 else "subsection") + ("" if numbered else "*")
            L.append(rf"\{cmd}{{{tex_inline(b['text'], notes, lang)}}}")
        elif b["type"] == "list_item":
            L.append(r"\item " + tex_inline(b["text"], notes, lang))
        else:
            L.append("")
            L.append(tex_inline(b["text"], notes, lang))
            L.append("")
    if open_list:
        L.append(r"\end{itemize}" if open_list == "bullet" else r"\end{enumerate}")
    L.append(r"\end{document}")
    name = f"{doc['name']}_latex_{columns}col"
    tex = workdir / f"{name}.tex"
    tex.write_text("\n".join(L) + "\n")
    for _ in range(2):
        r = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", tex.name],
                           cwd=workdir, capture_output=True, text=True, errors="replace")
        if r.returncode:
            raise RuntimeError(f"pdflatex failed for {name}:\n{r.stdout[-3000:]}")
    furniture = [doc["journal"], doc["running_head"], doc["copyright"]]
    return workdir / f"{name}.pdf", furniture


# ----------------------------------------------------------------------------
# LibreOffice (flat ODT, converted headless)

COUNTRY = {"en": "GB", "fr": "FR", "de": "DE", "es": "ES", "it": "IT", "ru": "RU"}
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"')


def odt_inline(s: str, notes: dict, counter: list) -> str:
    out, pos = [], 0
    pattern = re.compile(r"\[\^(\w+)\]|" + URL.pattern)
    for m in pattern.finditer(s):
        out.append(xml_escape(s[pos:m.start()]))
        if m.group(1):
            counter[0] += 1
            body = odt_inline(notes[m.group(1)], notes, counter)
            out.append(f'<text:note text:id="ftn{counter[0]}" text:note-class="footnote">'
                       f'<text:note-citation>{m.group(1)}</text:note-citation><text:note-body>'
                       f'<text:p text:style-name="Footnote">{body}</text:p></text:note-body></text:note>')
            pos = m.end()
        else:
            u, tail = split_url(m.group(0))
            href = xml_escape(u, {'"': "&quot;"})
            out.append(f'<text:a xlink:type="simple" xlink:href="{href}">{xml_escape(u)}</text:a>')
            pos = m.start() + len(u)
    out.append(xml_escape(s[pos:]))
    return "".join(out)


def odt_text(doc: dict, columns: int, upper_headings: bool, size: str | None = None) -> str:
    lang = doc["lang"]
    lp = f'fo:language="{lang}" fo:country="{COUNTRY[lang]}"'
    hy = 'fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"'
    font = "Liberation Serif"
    size = size or ("11pt" if columns == 1 else "10pt")
    margin = "2.5cm" if columns == 1 else "1.8cm"
    text_w = 21 - 2 * float(margin[:-2])
    notes = {n["id"]: n["text"] for n in doc["notes"]}
    transform = ' fo:text-transform="uppercase"' if upper_headings else ""
    styles = f"""
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman" style:font-pitch="variable"/>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
 <style:font-face style:name="Symbol" svg:font-family="Symbol" style:font-charset="x-symbol"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties style:tab-stop-distance="1.25cm"/>
  <style:text-properties style:font-name="{font}" fo:font-size="{size}" {lp} {hy}/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
  <style:paragraph-properties fo:text-align="justify" fo:margin-top="0cm" fo:margin-bottom="0.18cm" fo:line-height="115%"/>
  <style:text-properties {hy}/>
 </style:style>
 <style:style style:name="List_20_Paragraph" style:display-name="List Paragraph" style:family="paragraph" style:parent-style-name="Text_20_body"/>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="17pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Author" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.6cm"/>
  <style:text-properties fo:font-size="12pt" fo:font-style="italic" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2">
  <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="13pt" fo:font-weight="bold" fo:hyphenate="false"{transform}/>
 </style:style>
 <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="3">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:font-weight="bold" fo:font-style="italic" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:margin-left="0.5cm" fo:text-indent="-0.5cm"/>
  <style:text-properties fo:font-size="8.5pt" {hy}/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:border-bottom="0.5pt solid #000000" fo:padding-bottom="0.1cm">
   <style:tab-stops><style:tab-stop style:position="{text_w:.2f}cm" style:type="right"/></style:tab-stops>
  </style:paragraph-properties>
  <style:text-properties fo:font-size="9pt" fo:font-style="italic" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties>
   <style:tab-stops><style:tab-stop style:position="{text_w:.2f}cm" style:type="right"/></style:tab-stops>
  </style:paragraph-properties>
  <style:text-properties fo:font-size="9pt" fo:hyphenate="false"/>
 </style:style>
 <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1" style:page-usage="mirrored">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.4cm" fo:margin-bottom="1.4cm" fo:margin-left="{margin}" fo:margin-right="{margin}"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.5cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Sect2" style:family="section">
  <style:section-properties text:dont-balance-text-columns="false">
   <style:columns fo:column-count="{columns}" fo:column-gap="0.7cm"/>
  </style:section-properties>
 </style:style>
 <style:style style:name="PTitle" style:family="paragraph" style:parent-style-name="Title" style:master-page-name="First_20_Page">
  <style:paragraph-properties style:page-number="{doc['first_page']}"/>
 </style:style>
 <text:list-style style:name="LB">
  <text:list-level-style-bullet text:level="1" text:bullet-char="\uf0b7">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.9cm" fo:text-indent="-0.5cm" fo:margin-left="0.9cm"/>
   </style:list-level-properties>
   <style:text-properties style:font-name="Symbol"/>
  </text:list-level-style-bullet>
 </text:list-style>
 <text:list-style style:name="LN">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.9cm" fo:text-indent="-0.6cm" fo:margin-left="0.9cm"/>
   </style:list-level-properties>
  </text:list-level-style-number>
 </text:list-style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Header">{xml_escape(doc['running_head'])}<text:tab/><text:page-number text:select-page="current">1</text:page-number></text:p></style:header>
  <style:header-left><text:p text:style-name="Header"><text:page-number text:select-page="current">1</text:page-number><text:tab/>{xml_escape(doc['journal'])}</text:p></style:header-left>
 </style:master-page>
 <style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name="pm1" style:next-style-name="Standard">
  <style:footer><text:p text:style-name="Footer">{xml_escape(doc['copyright'])}<text:tab/><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
 </style:master-page>
</office:master-styles>"""
    body = [f'<text:p text:style-name="PTitle">{xml_escape(doc["title"])}</text:p>',
            f'<text:p text:style-name="Author">{xml_escape(", ".join(doc["authors"]))}</text:p>',
            '<text:section text:style-name="Sect2" text:name="Body">']
    counter = [0]
    open_list = None
    for b in doc["blocks"]:
        kind = b.get("list") if b["type"] == "list_item" else None
        if open_list and kind != open_list:
            body.append("</text:list>")
            open_list = None
        if kind and not open_list:
            body.append(f'<text:list text:style-name="{"LB" if kind == "bullet" else "LN"}">')
            open_list = kind
        inner = odt_inline(b["text"], notes, counter)
        if b["type"] == "heading":
            body.append(f'<text:h text:style-name="Heading_20_{b["level"]}" text:outline-level="{b["level"]}">{inner}</text:h>')
        elif b["type"] == "list_item":
            body.append(f'<text:list-item><text:p text:style-name="List_20_Paragraph">{inner}</text:p></text:list-item>')
        else:
            body.append(f'<text:p text:style-name="Text_20_body">{inner}</text:p>')
    if open_list:
        body.append("</text:list>")
    body.append("</text:section>")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
            f'office:mimetype="application/vnd.oasis.opendocument.text">{styles}\n'
            f'<office:body><office:text>\n' + "\n".join(body) + "\n</office:text></office:body></office:document>\n")


def libreoffice(doc: dict, columns: int, workdir: Path, upper_headings=False,
                size: str | None = None) -> tuple[Path, list[str]]:
    name = f"{doc['name']}_lo_{columns}col"
    src = workdir / f"{name}.fodt"
    src.write_text(odt_text(doc, columns, upper_headings, size))
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    profile = (workdir / "lo-profile").resolve()
    r = subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(workdir.resolve()), str(src.resolve())],
                       capture_output=True, text=True, timeout=300)
    pdf = workdir / f"{name}.pdf"
    if not pdf.exists():
        raise RuntimeError(f"libreoffice failed for {name}: {r.stdout}{r.stderr}")
    return pdf, [doc["journal"], doc["running_head"], doc["copyright"]]
