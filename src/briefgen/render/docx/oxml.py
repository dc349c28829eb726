"""All raw OOXML (WordprocessingML) of the DOCX writer, in one place, like python-docx's own oxml layer.

The writer above this module speaks in paragraphs, runs, tables and styles with values in python-docx
length types (``Pt``, ``Mm``, ``Emu``); this module turns them into ``w:`` elements and attributes.
Word is strict about the order of children in property elements (``w:pPr``, ``w:rPr``, ``w:tblPr`` …),
so every child is inserted at its schema position (the ``*_ORDER`` sequences below, from ECMA-376).
"""

from __future__ import annotations

import re
from typing import Iterable

from docx.oxml.parser import oxml_parser
from docx.oxml.ns import qn
from docx.shared import Length
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Children of each property element, in schema order (ECMA-376 Part 1, §17).
PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
    "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
    "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
    "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
).split()
RPR_ORDER = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
    "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs "
    "em lang eastAsianLayout specVanish oMath"
).split()
TBLPR_ORDER = (
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
    "tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription"
).split()
TRPR_ORDER = "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc hidden".split()
TCPR_ORDER = "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark".split()
SECTPR_ORDER = (
    "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
    "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings "
    "sectPrChange"
).split()
STYLE_ORDER = (
    "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked "
    "personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr"
).split()
DOCDEFAULTS_ORDER = ["rPrDefault", "pPrDefault"]
COMPAT_ORDER = (
    "useSingleBorderforContiguousCells wpJustification noTabHangInd noLeading spaceForUL noColumnBalance "
    "balanceSingleByteDoubleByteWidth noExtraLineSpacing doNotLeaveBackslashAlone ulTrailSpace "
    "doNotExpandShiftReturn spacingInWholePoints lineWrapLikeWord6 printBodyTextBeforeHeader printColBlack "
    "wpSpaceWidth showBreaksInFrames subFontBySize suppressBottomSpacing suppressTopSpacing "
    "suppressSpacingAtTopOfPage suppressTopSpacingWP suppressSpBfAfterPgBrk swapBordersFacingPages "
    "convMailMergeEsc truncateFontHeightsLikeWP6 mwSmallCaps usePrinterMetrics doNotSuppressParagraphBorders "
    "wrapTrailSpaces footnoteLayoutLikeWW8 shapeLayoutLikeWW8 alignTablesRowByRow forgetLastTabAlignment "
    "adjustLineHeightInTable autoSpaceLikeWord95 noSpaceRaiseLower doNotUseHTMLParagraphAutoSpacing "
    "layoutRawTableWidth layoutTableRowsApart useWord97LineBreakRules doNotBreakWrappedTables "
    "doNotSnapToGridInCell selectFldWithFirstOrLastChar applyBreakingRules doNotWrapTextWithPunct "
    "doNotUseEastAsianBreakRules useWord2002TableStyleRules growAutofit useFELayout useNormalStyleForList "
    "doNotUseIndentAsNumberingTabStop useAltKinsokuLineBreakRules allowSpaceOfSameStyleInTable "
    "doNotSuppressIndentation doNotAutofitConstrainedTables autofitToFirstFixedWidthCell underlineTabInNumList "
    "displayHangulFixedWidth splitPgBreakAndParaMark doNotVertAlignCellWithSp doNotBreakConstrainedForcedTable "
    "doNotVertAlignInTxbx useAnsiKerningPairs cachedColBalance compatSetting"
).split()

# Attributes that make Word take a font from the document theme instead of the named font.
THEME_FONT_ATTRS = tuple(qn(f"w:{a}") for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"))

_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}

# Characters Word would set in the Latin font unless the run says w:hint="eastAsia": dashes, quotes,
# ellipsis, middle dot, degree/multiplication signs, arrows, circled numbers, ℃ and the like.
_AMBIGUOUS = re.compile("[\u00a7\u00a8\u00b0\u00b1\u00b7\u00d7\u00f7\u2010-\u206f\u2100-\u2bff]")
# CJK ideographs, CJK punctuation, kana, full-width forms.
_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]")
# Characters XML 1.0 cannot carry at all.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def needs_east_asian_hint(text: str) -> bool:
    """True when the text holds CJK characters or punctuation that Word could give the Latin font."""
    return bool(_CJK.search(text) or _AMBIGUOUS.search(text))


# --------------------------------------------------------------------------------------------------
# Generic element helpers


_W_NSMAP = {"w": W_NS}
_W_NAMES: dict[str, str] = {}  # "p" -> "{W_NS}p": qn("w:p") without parsing the prefix each time


def _wn(name: str) -> str:
    clark = _W_NAMES.get(name)
    if clark is None:
        clark = _W_NAMES[name] = "{%s}%s" % (W_NS, name)
    return clark


_BLANK: dict[str, etree._Element] = {}  # "p" -> an empty w:p, never handed out: copied


def _w(tag: str, **attrs: str | int) -> etree._Element:
    # what OxmlElement(f"w:{tag}") makes (python-docx's parser, the element class of the tag, the w: namespace
    # declared), without parsing the prefixed tag again for each of the thousands of elements of a document:
    # a copy of one blank element per tag (lxml copies in C, ~4x faster than making one)
    blank = _BLANK.get(tag)
    if blank is None:
        blank = _BLANK[tag] = oxml_parser.makeelement(_wn(tag), nsmap=_W_NSMAP)
    el = blank.__copy__()
    if attrs:
        for key, value in attrs.items():
            el.set(_wn(key), str(value))
    return el


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


def child(parent: etree._Element, tag: str) -> etree._Element | None:
    return parent.find(_wn(tag))


_RANKS: dict[int, tuple[list[str], dict[str, int]]] = {}  # id of an *_ORDER sequence -> (it, name -> position)


def _ranks(order: list[str]) -> dict[str, int]:
    found = _RANKS.get(id(order))
    if found is None or found[0] is not order:
        ranks: dict[str, int] = {}
        for k, name in enumerate(order):
            ranks.setdefault(name, k)
        found = _RANKS[id(order)] = (order, ranks)
    return found[1]


def set_child(parent: etree._Element, tag: str, order: list[str], **attrs: str | int) -> etree._Element:
    """Replace (or add) the child ``w:tag`` of ``parent`` at its schema position, with these attributes.

    A replaced element loses its children: use :func:`get_or_add` for containers (w:rPr, w:spacing …).
    """
    old = child(parent, tag)
    new = _w(tag, **attrs)
    if old is not None:
        old.addprevious(new)
        parent.remove(old)
        return new
    ranks = _ranks(order)
    rank = ranks[tag]
    for sibling in parent:
        name = sibling.tag
        name = name[name.rfind("}") + 1:] if isinstance(name, str) else _local(sibling)
        if ranks.get(name, -1) > rank:
            sibling.addprevious(new)
            return new
    parent.append(new)
    return new


def get_or_add(parent: etree._Element, tag: str, order: list[str]) -> etree._Element:
    found = child(parent, tag)
    return found if found is not None else set_child(parent, tag, order)


def remove_children(parent: etree._Element, *tags: str) -> None:
    for tag in tags:
        for el in parent.findall(qn(f"w:{tag}")):
            parent.remove(el)


def twips(length: Length) -> int:
    return int(round(length / 635))


def half_points(length: Length) -> int:
    return int(round(length.pt * 2))


# --------------------------------------------------------------------------------------------------
# Run and paragraph properties


def set_run_props(
    rPr: etree._Element,
    *,
    fonts: tuple[str, str] | None = None,
    hint: bool = False,
    bold: bool | None = None,
    italic: bool | None = None,
    underline: bool | None = None,
    size: Length | None = None,
    color: str | None = None,
    lang_east_asia: str | None = None,
    tracking: Length | None = None,
) -> None:
    """Set run properties. ``fonts`` is (latin, east_asian): w:ascii/w:hAnsi/w:cs and w:eastAsia;
    ``tracking`` is the space added after each character (w:spacing, negative: condensed)."""
    if fonts is not None or hint:
        rfonts = child(rPr, "rFonts")
        if rfonts is None:
            rfonts = set_child(rPr, "rFonts", RPR_ORDER)
        if fonts is not None:
            latin, east_asian = fonts
            for attr in THEME_FONT_ATTRS:
                rfonts.attrib.pop(attr, None)
            rfonts.set(qn("w:ascii"), latin)
            rfonts.set(qn("w:hAnsi"), latin)
            rfonts.set(qn("w:eastAsia"), east_asian)
            rfonts.set(qn("w:cs"), latin)
        if hint:
            rfonts.set(qn("w:hint"), "eastAsia")
    for flag, tags in ((bold, ("b", "bCs")), (italic, ("i", "iCs"))):
        if flag is None:
            continue
        for tag in tags:
            if flag:
                set_child(rPr, tag, RPR_ORDER)
            else:
                set_child(rPr, tag, RPR_ORDER, val=0)
    if color is not None:
        set_child(rPr, "color", RPR_ORDER, val=color)
    if tracking is not None:
        set_child(rPr, "spacing", RPR_ORDER, val=twips(tracking))
    if size is not None:
        set_child(rPr, "sz", RPR_ORDER, val=half_points(size))
        set_child(rPr, "szCs", RPR_ORDER, val=half_points(size))
    if underline is not None:
        set_child(rPr, "u", RPR_ORDER, val="single" if underline else "none")
    if lang_east_asia is not None:
        set_child(rPr, "lang", RPR_ORDER, val="en-US", eastAsia=lang_east_asia, bidi="ar-SA")


def set_paragraph_props(
    pPr: etree._Element,
    *,
    style_id: str | None = None,
    align: str | None = None,
    line_exact: Length | None = None,
    before: Length | None = None,
    after: Length | None = None,
    first_line: Length | None = None,
    first_line_chars: int | None = None,
    left: Length | None = None,
    right: Length | None = None,
    keep_next: bool | None = None,
    keep_lines: bool | None = None,
    page_break_before: bool | None = None,
    outline_level: int | None = None,
    snap_to_grid: bool | None = None,
    widow_control: bool | None = None,
    no_tabs: bool = False,
    auto_space: bool | None = None,
) -> None:
    """Set paragraph properties. ``first_line_chars`` is in hundredths of a character (200 = 2 chars).

    ``auto_space`` is Word's "adjust space between Chinese and Latin text / numbers"
    (w:autoSpaceDE, w:autoSpaceDN).
    """
    if style_id is not None:
        set_child(pPr, "pStyle", PPR_ORDER, val=style_id)
    for flag, tag in ((keep_next, "keepNext"), (keep_lines, "keepLines"), (page_break_before, "pageBreakBefore"),
                      (widow_control, "widowControl")):
        if flag is not None:
            if flag:
                set_child(pPr, tag, PPR_ORDER)
            else:
                set_child(pPr, tag, PPR_ORDER, val=0)
    if no_tabs:
        remove_children(pPr, "tabs")
    if snap_to_grid is not None:
        set_child(pPr, "snapToGrid", PPR_ORDER, val=int(snap_to_grid))
    if auto_space is not None:
        set_child(pPr, "autoSpaceDE", PPR_ORDER, val=int(auto_space))
        set_child(pPr, "autoSpaceDN", PPR_ORDER, val=int(auto_space))
    if line_exact is not None or before is not None or after is not None:
        spacing = get_or_add(pPr, "spacing", PPR_ORDER)
        for key in ("beforeLines", "afterLines", "beforeAutospacing", "afterAutospacing"):
            spacing.attrib.pop(qn(f"w:{key}"), None)
        if before is not None:
            spacing.set(qn("w:before"), str(twips(before)))
        if after is not None:
            spacing.set(qn("w:after"), str(twips(after)))
        if line_exact is not None:
            spacing.set(qn("w:line"), str(twips(line_exact)))
            spacing.set(qn("w:lineRule"), "exact")
    if first_line is not None or first_line_chars is not None or left is not None or right is not None:
        ind = get_or_add(pPr, "ind", PPR_ORDER)
        for key in ("hanging", "hangingChars"):
            ind.attrib.pop(qn(f"w:{key}"), None)
        if first_line_chars is not None:
            ind.set(qn("w:firstLineChars"), str(first_line_chars))
        if first_line is not None:
            ind.set(qn("w:firstLine"), str(twips(first_line)))
        if left is not None:
            ind.set(qn("w:left"), str(twips(left)))
            ind.attrib.pop(qn("w:leftChars"), None)
        if right is not None:
            ind.set(qn("w:right"), str(twips(right)))
            ind.attrib.pop(qn("w:rightChars"), None)
    if align is not None:
        set_child(pPr, "jc", PPR_ORDER, val=_ALIGN[align])
    if outline_level is not None:
        set_child(pPr, "outlineLvl", PPR_ORDER, val=outline_level)


def paragraph_mark_rPr(pPr: etree._Element) -> etree._Element:
    """The w:rPr inside w:pPr: how the paragraph mark (and an empty paragraph) is set."""
    return get_or_add(pPr, "rPr", PPR_ORDER)


# --------------------------------------------------------------------------------------------------
# Runs


def new_run_props() -> etree._Element:
    """An empty w:rPr, not in any run."""
    return _w("rPr")


def add_run(p: etree._Element, text: str | None = None) -> tuple[etree._Element, etree._Element]:
    """Append a w:r with an (empty) w:rPr to paragraph ``p``; text with \\n and \\t becomes w:br and w:tab."""
    r = _w("r")
    rPr = _w("rPr")
    r.append(rPr)
    if text:
        add_text(r, text)
    p.append(r)
    return r, rPr


def add_text(r: etree._Element, text: str) -> None:
    text = _XML_INVALID.sub("", text)
    for i, line in enumerate(text.split("\n")):
        if i:
            r.append(_w("br"))
        for j, piece in enumerate(line.split("\t")):
            if j:
                r.append(_w("tab"))
            if piece:
                t = _w("t")
                t.text = piece
                if piece != piece.strip(" "):
                    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                r.append(t)


def add_break(r: etree._Element, page: bool = False) -> None:
    r.append(_w("br", type="page") if page else _w("br"))


def add_field(p: etree._Element, instruction: str, cached: str, make_rPr) -> None:
    """A complex field (w:fldChar begin/separate/end) whose cached result viewers show before updating."""
    begin_field(p, instruction, make_rPr)
    r, rPr = add_run(p)
    make_rPr(rPr)
    add_text(r, cached)
    end_field(p, make_rPr)


# --------------------------------------------------------------------------------------------------
# Tables


def new_table(
    width: Length,
    grid: list[Length],
    *,
    style_id: str | None,
    border: Length,
    cell_margin_lr: Length,
    cell_margin_tb: Length,
) -> etree._Element:
    """A w:tbl with fixed layout, a width in twips (Word) and a w:tblGrid (WPS), single black borders."""
    tbl = _w("tbl")
    tblPr = _w("tblPr")
    tbl.append(tblPr)
    if style_id:
        set_child(tblPr, "tblStyle", TBLPR_ORDER, val=style_id)
    set_child(tblPr, "tblW", TBLPR_ORDER, w=twips(width), type="dxa")
    set_child(tblPr, "jc", TBLPR_ORDER, val="center")
    set_child(tblPr, "tblInd", TBLPR_ORDER, w=0, type="dxa")
    borders = set_child(tblPr, "tblBorders", TBLPR_ORDER)
    eighths = int(round(border.pt * 8))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_w(side, val="single", sz=eighths, space=0, color="000000"))
    set_child(tblPr, "tblLayout", TBLPR_ORDER, type="fixed")
    mar = set_child(tblPr, "tblCellMar", TBLPR_ORDER)
    for side, value in (("top", cell_margin_tb), ("left", cell_margin_lr), ("bottom", cell_margin_tb), ("right", cell_margin_lr)):
        mar.append(_w(side, w=twips(value), type="dxa"))
    set_child(tblPr, "tblLook", TBLPR_ORDER, val="04A0", firstRow=1, lastRow=0, firstColumn=0, lastColumn=0, noHBand=1, noVBand=1)
    tblGrid = _w("tblGrid")
    for col in grid:
        tblGrid.append(_w("gridCol", w=twips(col)))
    tbl.append(tblGrid)
    return tbl


def add_row(tbl: etree._Element, *, header: bool, cant_split: bool) -> etree._Element:
    """A w:tr: ``header`` repeats it at the top of every page (w:tblHeader), ``cant_split`` keeps it whole."""
    tr = _w("tr")
    trPr = _w("trPr")
    if cant_split:
        set_child(trPr, "cantSplit", TRPR_ORDER)
    if header:
        set_child(trPr, "tblHeader", TRPR_ORDER)
    if len(trPr):
        tr.append(trPr)
    tbl.append(tr)
    return tr


def add_cell(tr: etree._Element, width: Length, *, span: int = 1, fill: str | None = None) -> etree._Element:
    """A w:tc (with its own width, for Word) whose one w:p the caller fills."""
    key = (twips(width), span, fill)
    blank = _BLANK_CELLS.get(key)
    if blank is None:  # a table has a few kinds of cell: each is made once and copied (lxml copies in C)
        blank = _w("tc")
        tcPr = _w("tcPr")
        blank.append(tcPr)
        set_child(tcPr, "tcW", TCPR_ORDER, w=key[0], type="dxa")
        if span > 1:
            set_child(tcPr, "gridSpan", TCPR_ORDER, val=span)
        if fill:
            set_child(tcPr, "shd", TCPR_ORDER, val="clear", color="auto", fill=fill)
        set_child(tcPr, "vAlign", TCPR_ORDER, val="center")
        blank.append(_w("p"))
        _keep(_BLANK_CELLS, key, blank)
    tc = blank.__copy__()
    tr.append(tc)
    return tc


def new_paragraph_props(p: etree._Element, **props) -> etree._Element:
    """A w:pPr for ``p``, which has none yet, set as ``set_paragraph_props(pPr, **props)`` sets a fresh one (copied
    from one made per distinct ``props``): what ``p.get_or_add_pPr()`` and then ``set_paragraph_props`` make."""
    key = tuple(props.items())
    blank = _BLANK_PPRS.get(key)
    if blank is None:
        blank = _w("pPr")
        set_paragraph_props(blank, **props)
        _keep(_BLANK_PPRS, key, blank)
    pPr = blank.__copy__()
    p.insert(0, pPr)
    return pPr


_BLANK_CELLS: dict[tuple, etree._Element] = {}
_BLANK_PPRS: dict[tuple, etree._Element] = {}


def _keep(kept: dict, key, value) -> None:
    if len(kept) >= 1024:  # a long-lived process meeting many widths keeps the latest ones
        kept.clear()
    kept[key] = value


def cell_paragraph(tc: etree._Element) -> etree._Element:
    return tc.find(qn("w:p"))


def new_paragraph() -> etree._Element:
    return _w("p")


# --------------------------------------------------------------------------------------------------
# Styles


def find_style(styles: etree._Element, style_type: str, ids: Iterable[str], names: Iterable[str]) -> str | None:
    """The w:styleId of the first style of ``style_type`` matching one of ``ids``, else one of ``names``.

    Names compare case-insensitively with runs of white space folded ("Heading 1" = "heading 1").
    """
    candidates = [s for s in styles.findall(qn("w:style")) if s.get(qn("w:type")) == style_type]
    by_id = {s.get(qn("w:styleId")): s for s in candidates}
    for style_id in ids:
        if style_id in by_id:
            return style_id
    wanted = [_fold(n) for n in names]
    for name in wanted:
        for s in candidates:
            name_el = child(s, "name")
            if name_el is not None and _fold(name_el.get(qn("w:val"), "")) == name:
                return s.get(qn("w:styleId"))
    return None


def _fold(name: str) -> str:
    return " ".join(name.lower().split())


def style_element(styles: etree._Element, style_id: str) -> etree._Element | None:
    for s in styles.findall(qn("w:style")):
        if s.get(qn("w:styleId")) == style_id:
            return s
    return None


def define_style(
    styles: etree._Element,
    style_id: str,
    style_type: str,
    name: str,
    *,
    based_on: str | None = None,
    next_id: str | None = None,
    custom: bool = False,
    ui_priority: int | None = None,
    quick: bool = False,
) -> tuple[etree._Element, etree._Element | None, etree._Element]:
    """(Re)define a style from scratch, keeping nothing of an earlier definition with the same id.

    Returns the style element, its w:pPr (None for character and table styles) and its w:rPr.
    """
    old = style_element(styles, style_id)
    style = _w("style", type=style_type, styleId=style_id)
    if custom:
        style.set(qn("w:customStyle"), "1")
    if old is not None and old.get(qn("w:default")) == "1":
        style.set(qn("w:default"), "1")
    style.append(_w("name", val=name))
    if based_on:
        style.append(_w("basedOn", val=based_on))
    if next_id:
        style.append(_w("next", val=next_id))
    if ui_priority is not None:
        style.append(_w("uiPriority", val=ui_priority))
    if quick:
        style.append(_w("qFormat"))
    pPr = None
    if style_type == "paragraph":
        pPr = _w("pPr")
        style.append(pPr)
    rPr = _w("rPr")
    style.append(rPr)
    if old is not None:
        old.addprevious(style)
        styles.remove(old)
    else:
        styles.append(style)
    return style, pPr, rPr


def doc_defaults(styles: etree._Element) -> tuple[etree._Element, etree._Element]:
    """The w:rPr and w:pPr of w:docDefaults (created if missing)."""
    dd = child(styles, "docDefaults")
    if dd is None:
        dd = _w("docDefaults")
        styles.insert(0, dd)
    rpr_default = get_or_add(dd, "rPrDefault", DOCDEFAULTS_ORDER)
    ppr_default = get_or_add(dd, "pPrDefault", DOCDEFAULTS_ORDER)
    rPr = child(rpr_default, "rPr")
    if rPr is None:
        rPr = _w("rPr")
        rpr_default.append(rPr)
    pPr = child(ppr_default, "pPr")
    if pPr is None:
        pPr = _w("pPr")
        ppr_default.append(pPr)
    return rPr, pPr


def strip_theme_fonts(root: etree._Element) -> int:
    """Remove asciiTheme/hAnsiTheme/eastAsiaTheme/cstheme everywhere under ``root``; drop emptied w:rFonts.

    Word takes a theme font over the named font when both are given, and WPS then warns about fonts
    that are missing: after this, only named fonts remain. Returns how many attributes went.
    """
    removed = 0
    for rfonts in root.iter(qn("w:rFonts")):
        for attr in THEME_FONT_ATTRS:
            if attr in rfonts.attrib:
                del rfonts.attrib[attr]
                removed += 1
        if not len(rfonts.attrib):
            rfonts.getparent().remove(rfonts)
    return removed


def complete_east_asian_fonts(styles: etree._Element) -> None:
    """Give every style's w:rFonts a w:eastAsia: the one it inherits (basedOn chain, else docDefaults).

    A style that names only Latin fonts (python-docx's "macro" style names Consolas) looks the same
    afterwards, but now says which Chinese font it uses, so no viewer has to guess.
    """
    dd = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    default = dd.get(qn("w:eastAsia")) if dd is not None else None
    for style in styles.findall(qn("w:style")):
        rfonts = style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if rfonts is None or rfonts.get(qn("w:eastAsia")):
            continue
        based = child(style, "basedOn")
        inherited = style_east_asian_font(styles, based.get(qn("w:val"))) if based is not None else None
        if inherited or default:
            rfonts.set(qn("w:eastAsia"), inherited or default)


def style_east_asian_font(styles: etree._Element, style_id: str | None) -> str | None:
    """The w:eastAsia font a paragraph style names itself or through its w:basedOn chain (not docDefaults)."""
    seen: set[str] = set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        style = style_element(styles, style_id)
        if style is None:
            return None
        rfonts = style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if rfonts is not None and rfonts.get(qn("w:eastAsia")):
            return rfonts.get(qn("w:eastAsia"))
        based = child(style, "basedOn")
        style_id = based.get(qn("w:val")) if based is not None else None
    return None


# --------------------------------------------------------------------------------------------------
# Sections and settings


def set_doc_grid(sectPr: etree._Element, line_pitch: Length, char_space: int | None = None) -> None:
    """A document grid at this line pitch, as Word's Page Setup writes it: lines only (w:type="lines"), or
    lines and characters (w:type="linesAndChars") whose pitch is the default size plus ``char_space``/4096 pt."""
    if char_space is None:
        # w:type="default" (Word's "no grid", the pitch kept): every paragraph has an exact line height, and
        # LibreOffice 7.4 pushes the first line of a page down (2.2 mm under a 20 pt title) on a line grid
        set_child(sectPr, "docGrid", SECTPR_ORDER, type="default", linePitch=twips(line_pitch))
    else:
        set_child(sectPr, "docGrid", SECTPR_ORDER, type="linesAndChars", linePitch=twips(line_pitch), charSpace=char_space)


def has_reference(sectPr: etree._Element, kind: str, which: str | None = None) -> bool:
    """Whether the section has a w:headerReference / w:footerReference (``kind`` = "header"/"footer"),
    of any type or of type ``which`` ("default", "even", "first")."""
    for ref in sectPr.findall(qn(f"w:{kind}Reference")):
        if which is None or ref.get(qn("w:type")) == which:
            return True
    return False


def is_block(el: etree._Element) -> bool:
    """A body-level paragraph or table (not the w:sectPr)."""
    return _local(el) in ("p", "tbl", "sdt")


def clear_body(body: etree._Element) -> None:
    """Delete a body's content, keeping its final w:sectPr (the page setup and header/footer links)."""
    for el in list(body):
        if _local(el) != "sectPr":
            body.remove(el)


def set_compat_flag(settings: etree._Element, flag: str) -> None:
    """Switch on a w:compat option (e.g. doNotExpandShiftReturn: a justified line that ends in a manual
    line break is not stretched across the measure, as Chinese documents expect)."""
    compat = child(settings, "compat")
    if compat is None:
        return
    if child(compat, flag) is None:
        set_child(compat, flag, COMPAT_ORDER)


def set_theme_font_lang(settings: etree._Element, east_asia: str) -> None:
    lang = child(settings, "themeFontLang")
    if lang is not None:
        lang.set(qn("w:eastAsia"), east_asia)


# --------------------------------------------------------------------------------------------------
# Font table and package parts (bytes in, bytes out: these parts are not loaded as XML by python-docx)


def font_table_with(blob: bytes, fonts: dict[str, str | None]) -> bytes:
    """Add a w:font entry (GB2312 charset, alternate name) for each font name not yet in fontTable.xml.

    Word and WPS look a missing font up by w:altName and w:charset before they substitute, so
    仿宋_GB2312 with altName FangSong_GB2312 and charset 86 finds 仿宋 rather than a Latin face.
    """
    root = etree.fromstring(blob)
    present = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    for name, alt in fonts.items():
        if name in present:
            continue
        font = _w("font", name=name)
        if alt:
            font.append(_w("altName", val=alt))
        cjk = bool(_CJK.search(name)) or (alt is not None and bool(_CJK.search(alt)))
        font.append(_w("charset", val="86" if cjk else "00"))
        font.append(_w("family", val="auto"))
        font.append(_w("pitch", val="variable"))
        root.append(font)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def clear_core_dates(core: etree._Element) -> None:
    """Remove dcterms:created/modified and cp:lastPrinted: no date is better than a made-up one."""
    for tag in ("{http://purl.org/dc/terms/}created", "{http://purl.org/dc/terms/}modified",
                "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastPrinted"):
        for el in core.findall(tag):
            core.remove(el)


def app_properties(application: str) -> bytes:
    """docProps/app.xml that claims nothing false: the producing application, no page or word counts."""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>{_xml_escape(application)}</Application>"
        "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
        "</Properties>"
    ).encode("utf-8")


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")



# --------------------------------------------------------------------------------------------------
# Sections and the table of contents (a pack: cover, contents, parts)


def section_properties(body_sectPr: etree._Element, *, page_numbers: bool, restart_at: int | None) -> etree._Element:
    """The w:sectPr that ends a section inside the body: the document's own page setup, with its footers
    (page numbers) or without them, and the numbering restarted at ``restart_at`` when given. A section
    without footer references shows none when it is the first, and inherits the one before it otherwise."""
    import copy

    sect = copy.deepcopy(body_sectPr)
    if not page_numbers:  # a cover or contents page: no page number, and no running header (its own mark)
        for ref in sect.findall(qn("w:footerReference")) + sect.findall(qn("w:headerReference")):
            sect.remove(ref)
    if restart_at is not None:
        set_child(sect, "pgNumType", SECTPR_ORDER, start=restart_at)
    return sect


def add_tab_stop(pPr: etree._Element, position: Length, leader: str = "dot", align: str = "right") -> None:
    tabs = get_or_add(pPr, "tabs", PPR_ORDER)
    tabs.append(_w("tab", val=align, leader=leader, pos=int(position.twips)))


def begin_field(p: etree._Element, instruction: str, make_rPr) -> None:
    """The first half of a complex field whose result spans paragraphs (a TOC): begin, code, separate."""
    for kind, payload in (("begin", None), ("instr", instruction), ("separate", None)):
        r, rPr = add_run(p)
        make_rPr(rPr)
        if kind == "instr":
            instr = _w("instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = f" {payload} "
            r.append(instr)
        else:
            r.append(_w("fldChar", fldCharType=kind))


def end_field(p: etree._Element, make_rPr) -> None:
    r, rPr = add_run(p)
    make_rPr(rPr)
    r.append(_w("fldChar", fldCharType="end"))


def add_tab(r: etree._Element) -> None:
    r.append(_w("tab"))
