"""Document IR + Theme -> a python-docx document: styles, page setup, one method per block kind.

Raw OOXML lives in :mod:`.oxml`; this module decides *what* each block becomes.

Styles. The writer uses Word's built-in style IDs (``Normal``, ``Title``, ``Heading1`` … ``Heading4``,
``Caption``, ``Header``, ``Footer``, ``TableGrid``), so Word and WPS show them under their localised names
(正文, 标题, 标题 1 …), the navigation pane and a table of contents find the headings (outline levels 0-3),
plus one custom paragraph style ``TableText`` ("Table Text") for cell text with its own leading.

Fonts. Every style names its fonts (w:ascii/w:hAnsi/w:cs = the role's Latin font, w:eastAsia = the role's
``docx`` name), and no theme-font attribute survives anywhere in styles.xml, because Word lets a theme
font override a named one. Without a reference DOCX every run names its role's fonts too, so a run copied
into another document keeps its look. A role's ``fake_bold`` becomes w:b only when the DOCX face is a
仿宋 or 楷体 face (no bold weight; Word fakes it, as the PDF strokes it); 方正小标宋 is heavy already and a
w:b would make Word embolden it twice.

Reference DOCX (like pandoc's ``--reference-doc``). Its body is emptied (keeping the final w:sectPr),
its page setup, headers and footers are kept (a footer of its own replaces the generated page number,
a header of its own replaces the mark), its styles are looked up by built-in ID first, then by English
or Chinese name ("heading 1" / "标题 1", "Title" / "标题", "Normal" / "正文" …) and used as they are;
only the missing ones are created from the theme. Theme-font attributes are removed from its styles as
well (the named fallback font they carry then applies). Runs name the theme's fonts only where the
paragraph's style (through its basedOn chain, not counting docDefaults) names no East Asian font, or
where the IR run asks for a role of its own: the reference's fonts win wherever it chose one.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Emu, Length, Mm, Pt, Twips

from ... import ir
from ... import messages as M
from ...theme import FontRole, Theme
from ..shared import (
    DISPLAY_ROLES,
    SHORT_CELL,
    body_tracking,
    known_names,
    short_cell_inlines,
    title_inlines,
    with_short_names,
)
from . import oxml
from .chart import add_chart
from .links import Targets, link_runs
from ...text import WORD_JOINER
from ...text.linebreak import figure_interiors
from .reference import open_reference

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
# Shading as the PDF writer draws it, so both formats look alike: header rows 0.88 grey, group rows
# (a section heading spanning the table) 0.93 grey.
HEADER_FILL = "E0E0E0"
GROUP_FILL = "EDEDED"
TABLE_BORDER = Pt(0.5)
# Cell padding as a share of the table text size, as the PDF writer pads its cells.
CELL_PAD_LR = 0.25
CELL_PAD_TB = 0.2
_NO_BOLD_WEIGHT = ("仿宋", "楷体", "fangsong", "kaiti")
DASH_IN_LINE = 0.54  # the page number's dash top above its exact line's foot, in ems (measured in LibreOffice)


def _open(reference: Path | None):
    """A new document from python-docx's default template, or from the office's reference DOCX, cleaned first
    (:mod:`.reference`: only styles, page setup, header and footer; no macros, embedded objects, custom XML or
    external relationships; a zip bomb or an entity bomb refused)."""
    if reference is None:
        return docx.Document()

    return open_reference(reference)


@dataclass(frozen=True)
class _StyleKey:
    key: str
    style_type: str
    ids: tuple[str, ...]
    names: tuple[str, ...]


_STYLE_KEYS = (
    _StyleKey("normal", "paragraph", ("Normal",), ("Normal", "正文")),
    _StyleKey("title", "paragraph", ("Title",), ("Title", "标题")),
    *(
        _StyleKey(f"h{n}", "paragraph", (f"Heading{n}",), (f"heading {n}", f"标题 {n}", f"标题{n}"))
        for n in range(1, 5)
    ),
    _StyleKey("caption", "paragraph", ("Caption",), ("caption", "题注")),
    _StyleKey("table_text", "paragraph", ("TableText",), ("Table Text", "表格文字")),
    _StyleKey("header", "paragraph", ("Header",), ("header", "页眉")),
    _StyleKey("footer", "paragraph", ("Footer",), ("footer", "页脚")),
    _StyleKey("table", "table", ("TableGrid",), ("Table Grid", "网格型")),
)


def alt_font_name(role: FontRole) -> str | None:
    """The role's Latin alias from its ``system`` list (SimHei for 黑体), for the font table's w:altName."""
    for name in role.system:
        if name.isascii() and "." not in name and name != role.docx:
            return name
    return None


class DocxBuilder:
    """Builds one python-docx Document from one IR Document; ``save()`` gives the raw package bytes."""
    def __init__(self, document: ir.Document, theme: Theme, reference: Path | None = None) -> None:
        self.ir = document
        self.theme = theme
        self.reference = reference
        self.doc = _open(reference)
        self.styles = self.doc.styles.element
        self.body = self.doc.element.body
        self.sectPr = self.body.find(oxml.qn("w:sectPr"))
        self.section = self.doc.sections[-1]
        self.pitch = Pt(theme.body.line_pitch_pt)
        self.sid: dict[str, str | None] = {}
        self._pending_break = False
        self._last_was_table = False
        self._style_fonts: dict[str | None, str | None] = {}
        self._known: tuple[str, ...] = ()
        self._scaled = False
        self._rpr_made: dict[tuple, object] = {}  # see _run_props

    # ---------------------------------------------------------------------------------------- build

    def build(self) -> "DocxBuilder":
        self.setup()
        self.fill()
        self._set_core_properties()
        return self

    def setup(self) -> "DocxBuilder":
        """Everything before the body: package clean-up, styles, page setup, header and footer. It depends on
        the theme, the reference and the mark only, so a writer can do it once for many documents."""
        self._clean_package()
        if self.reference is not None:
            oxml.clear_body(self.body)
        self._setup_styles()
        if self.reference is None:
            self._setup_page()
        self._setup_header_footer()
        return self

    @classmethod
    def on_skeleton(cls, skeleton: "DocxBuilder", document: ir.Document, body_root) -> "DocxBuilder":
        """A builder for ``document`` that fills ``body_root`` (a copy of the set-up skeleton's w:document)
        and shares the skeleton's styles and style IDs, which filling only reads."""
        from docx.section import Section

        self = cls.__new__(cls)
        self.ir = document
        self.theme = skeleton.theme
        self.reference = skeleton.reference
        self.doc = skeleton.doc
        self.styles = skeleton.styles
        self.body = body_root.body
        self.sectPr = self.body.find(oxml.qn("w:sectPr"))
        self.section = Section(self.sectPr, skeleton.doc.part)
        self.pitch = skeleton.pitch
        self.sid = dict(skeleton.sid)
        self._pending_break = False
        self._last_was_table = False
        self._style_fonts = dict(skeleton._style_fonts)
        self._rpr_made = {}
        return self

    def fill(self) -> "DocxBuilder":
        """The body: one block after another."""
        doc = with_short_names(self.ir, self.theme)
        self._known = known_names(doc)
        # a pack's parts may be set smaller, each as the PDF's fit set it (Document.section_scales): its text
        # then carries its size and line height itself, the styles keeping the theme's
        base, scales, section = self.theme, doc.section_scales, 0
        self._enter_section(base, scales[0] if scales else 1.0)
        for block in doc.blocks:
            self._block(block)
            if isinstance(block, ir.SectionBreak):
                section += 1
                self._enter_section(base, scales[section] if section < len(scales) else 1.0)
        self._enter_section(base, 1.0)
        if self._pending_break or not self._has_content():
            # a trailing page break; or an empty document, which still needs one paragraph for Word
            page_break = self._pending_break
            self._pending_break = False
            p = self._new_paragraph("normal")
            oxml.set_paragraph_props(p.get_or_add_pPr(), first_line=Pt(0), first_line_chars=0)
            r, rPr = oxml.add_run(p)
            self._run_props(rPr, "body", "", style_key="normal")
            if page_break:
                oxml.add_break(r, page=True)
        return self

    def _enter_section(self, base: Theme, scale: float) -> None:
        self.theme = base.scaled(scale)
        self._scaled = scale != 1.0
        self._rpr_made = {}  # run properties made for the section before

    def _has_content(self) -> bool:
        return any(oxml.is_block(el) for el in self.body)


    def save(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()

    def part_replacements(self) -> dict[str, bytes]:
        """Zip entries to rewrite after python-docx has saved: the font table, docProps/app.xml."""
        out: dict[str, bytes] = {}
        fonts: dict[str, str | None] = {}
        for role in self.theme.fonts.values():
            fonts.setdefault(role.docx, alt_font_name(role))
            fonts.setdefault(role.latin, None)
        for rel in self.doc.part.rels.values():
            if rel.reltype == RT.FONT_TABLE and not rel.is_external:
                part = rel.target_part
                out[str(part.partname).lstrip("/")] = oxml.font_table_with(part.blob, fonts)
        for rel in self.doc.part.package.rels.values():
            if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
                out[str(rel.target_part.partname).lstrip("/")] = oxml.app_properties("briefgen")
        return out

    # -------------------------------------------------------------------------------------- package

    def _clean_package(self) -> None:
        """Drop parts that would misdescribe the output: a thumbnail of another document, Word 2010's
        stylesWithEffects copy (theme fonts in it), the default template's bibliography customXml."""
        pkg_rels = self.doc.part.package.rels
        for rId, rel in list(pkg_rels.items()):
            if rel.reltype == RT.THUMBNAIL:
                del pkg_rels[rId]
        drop = {STYLES_WITH_EFFECTS}
        if self.reference is None:
            drop.add(RT.CUSTOM_XML)
        for rId, rel in list(self.doc.part.rels.items()):
            if rel.reltype in drop:
                self.doc.part.drop_rel(rId)

    def _set_core_properties(self, cp=None) -> None:
        meta = self.ir.meta
        cp = cp if cp is not None else self.doc.core_properties
        # Word keeps at most 255 characters in each of these properties
        cp.title = meta.title[:255]
        cp.author = meta.author[:255]
        cp.subject = meta.subject[:255]
        cp.keywords = meta.keywords[:255]
        cp.comments = ""
        cp.category = ""
        cp.last_modified_by = meta.author[:255]
        cp.revision = 1
        if meta.created is not None:
            # midnight of the document's date in China Standard Time, as the PDF's dates (Word shows local time)
            when = dt.datetime(meta.created.year, meta.created.month, meta.created.day,
                               tzinfo=dt.timezone(dt.timedelta(hours=8))).astimezone(dt.timezone.utc)
            cp.created = when
            cp.modified = when
            cp.last_printed = when
        else:
            oxml.clear_core_dates(cp._element)

    # --------------------------------------------------------------------------------------- styles

    def _font(self, role: str) -> tuple[str, str]:
        f = self.theme.font(role)
        return (f.latin, f.docx)

    def _style_bold(self, role: str) -> bool:
        f = self.theme.font(role)
        return f.fake_bold and any(k in f.docx.lower() for k in _NO_BOLD_WEIGHT)

    def _setup_styles(self) -> None:
        oxml.strip_theme_fonts(self.styles)
        oxml.set_theme_font_lang(self.doc.settings.element, "zh-CN")
        oxml.set_compat_flag(self.doc.settings.element, "doNotExpandShiftReturn")
        rPr, pPr = oxml.doc_defaults(self.styles)
        if self.reference is None or not self._names_east_asian(rPr):
            oxml.set_run_props(rPr, fonts=self._font("body"), size=Pt(self.theme.body.size_pt), lang_east_asia="zh-CN")
        if self.reference is None:
            oxml.set_paragraph_props(pPr, before=Pt(0), after=Pt(0))
        for key in _STYLE_KEYS:
            found = None
            if self.reference is not None:
                found = oxml.find_style(self.styles, key.style_type, key.ids, key.names)
            if found is not None:
                self.sid[key.key] = found
            elif key.style_type == "table":
                present = oxml.find_style(self.styles, "table", key.ids, key.names)
                self.sid[key.key] = present  # the default template's Table Grid; borders are set on the table
            else:
                self.sid[key.key] = key.ids[0]
                self._define(key.key)
        oxml.complete_east_asian_fonts(self.styles)

    @staticmethod
    def _names_east_asian(rPr) -> bool:
        rfonts = oxml.child(rPr, "rFonts")
        return rfonts is not None and bool(rfonts.get(oxml.qn("w:eastAsia")))

    def _define(self, key: str) -> None:
        t = self.theme
        body = Pt(t.body.size_pt)
        indent = Pt(t.body.size_pt * t.body.indent_chars)
        indent_chars = int(round(t.body.indent_chars * 100))
        normal = self.sid.get("normal") or "Normal"
        if key == "normal":
            _, pPr, rPr = oxml.define_style(self.styles, "Normal", "paragraph", "Normal", ui_priority=0, quick=True)
            # no extra space between Chinese and Latin text or digits ("2022年", not "2022 年"): the
            # PDF sets none, and the 28-characters-a-line grid of GB/T 9704 has no room for it
            oxml.set_paragraph_props(pPr, align="justify", line_exact=self.pitch, before=Pt(0), after=Pt(0),
                                     first_line=indent, first_line_chars=indent_chars, auto_space=False)
            # no paragraph's first or last line alone at a page's foot or head, as the PDF keeps them
            oxml.set_paragraph_props(pPr, widow_control=True)
            # 28 characters a full line (GB/T 9704), as the PDF sets them: the body condensed a little. A
            # character grid (w:docGrid linesAndChars) would say the same to Word, but LibreOffice 7.4 gives
            # every character two grid cells when the pitch is below the type size (14 characters a line).

            oxml.set_run_props(rPr, fonts=self._font("body"), size=body, tracking=Pt(body_tracking(t)))
        elif key == "title":
            _, pPr, rPr = oxml.define_style(self.styles, "Title", "paragraph", "Title", based_on=normal,
                                            next_id=normal, ui_priority=10, quick=True)
            size = Pt(t.title.size_pt)
            line = Emu(max(self.pitch, Pt(t.title.size_pt * 1.35)))  # the PDF writer's title leading
            oxml.set_paragraph_props(pPr, align="center", line_exact=line, before=Pt(0),
                                     after=Pt(t.body.line_pitch_pt * t.title.space_after_lines),
                                     first_line=Pt(0), first_line_chars=0, keep_next=True, keep_lines=True,
                                     snap_to_grid=False)
            # the document's (a pack part's) title in the navigation pane and the PDF bookmarks, as the PDF has it
            oxml.set_paragraph_props(pPr, outline_level=0)
            oxml.set_run_props(rPr, fonts=self._font("title"), size=size, bold=self._style_bold("title"), tracking=Pt(0))
        elif key in ("h1", "h2", "h3", "h4"):
            n = int(key[1])
            role, size_pt = t.heading(n)
            size = Pt(size_pt)
            _, pPr, rPr = oxml.define_style(self.styles, f"Heading{n}", "paragraph", f"heading {n}",
                                            based_on=normal, next_id=normal, ui_priority=9, quick=True)
            oxml.set_paragraph_props(pPr, align="left", line_exact=self.pitch, before=Pt(0), after=Pt(0),
                                     first_line=indent, first_line_chars=indent_chars, keep_next=True,
                                     keep_lines=True, outline_level=n - 1)
            oxml.set_run_props(rPr, fonts=self._font(role), size=size, bold=self._style_bold(role),
                               italic=False, color="000000")
        elif key == "caption":
            _, pPr, rPr = oxml.define_style(self.styles, "Caption", "paragraph", "caption", based_on=normal,
                                            next_id=normal, ui_priority=35, quick=True)
            oxml.set_paragraph_props(pPr, align="center", line_exact=self.pitch, before=Pt(0), after=Pt(0),
                                     first_line=Pt(0), first_line_chars=0, keep_next=True, snap_to_grid=False)
            oxml.set_run_props(rPr, fonts=self._font("caption"), size=Pt(t.body.caption_size_pt),
                               bold=self._style_bold("caption"), color="000000", tracking=Pt(0))
        elif key == "table_text":
            size = t.body.table_size_pt
            _, pPr, rPr = oxml.define_style(self.styles, "TableText", "paragraph", "Table Text", based_on=normal,
                                            custom=True, ui_priority=20, quick=True)
            oxml.set_paragraph_props(pPr, align="left", line_exact=Pt(size * t.body.table_leading), before=Pt(0),
                                     after=Pt(0), first_line=Pt(0), first_line_chars=0, snap_to_grid=False)
            oxml.set_run_props(rPr, fonts=self._font("table"), size=Pt(size), tracking=Pt(0))
        elif key in ("header", "footer"):
            role = "mark" if key == "header" else "page_number"
            size = t.mark.size_pt if key == "header" else t.page_number.size_pt
            _, pPr, rPr = oxml.define_style(self.styles, key.capitalize(), "paragraph", key, based_on=normal,
                                            ui_priority=99)
            oxml.set_paragraph_props(pPr, align="left", line_exact=Pt(size * 1.2), before=Pt(0), after=Pt(0),
                                     first_line=Pt(0), first_line_chars=0, snap_to_grid=False)
            oxml.set_run_props(rPr, fonts=self._font(role), size=Pt(size), tracking=Pt(0))

    def _style_names_font(self, key: str) -> bool:
        style_id = self.sid.get(key)
        if style_id not in self._style_fonts:
            self._style_fonts[style_id] = oxml.style_east_asian_font(self.styles, style_id)
        return self._style_fonts[style_id] is not None

    # ------------------------------------------------------------------------------ page and footer

    def _setup_page(self) -> None:
        page, t = self.theme.page, self.theme
        s = self.section
        s.page_width, s.page_height = Mm(page.width_mm), Mm(page.height_mm)
        s.top_margin, s.bottom_margin = Mm(page.margin_top_mm), Mm(page.margin_bottom_mm)
        s.left_margin, s.right_margin = Mm(page.margin_left_mm), Mm(page.margin_right_mm)
        s.gutter = Mm(0)
        # GB/T 9704: the page number's dashes lie ``below_text_mm`` under the text block. The footer's one line
        # (exactly 1.2 x the number's size) has its foot ``footer_distance`` above the page's edge; the dashes'
        # top sits DASH_IN_LINE of the size above that foot (the dash's rise plus the descent, as LibreOffice
        # and Word place an exact line).
        rise_mm = t.page_number.size_pt * DASH_IN_LINE * 25.4 / 72
        s.footer_distance = Mm(max(5.0, page.margin_bottom_mm - t.page_number.below_text_mm - rise_mm))
        mark_line_mm = t.mark.size_pt * 1.2 * 25.4 / 72
        s.header_distance = Mm(max(5.0, page.margin_top_mm - t.page_number.below_text_mm - mark_line_mm))
        oxml.set_doc_grid(self.sectPr, self.pitch)

    def _text_width(self) -> Emu:
        s = self.section
        if s.page_width is not None and s.left_margin is not None and s.right_margin is not None:
            return Emu(s.page_width - s.left_margin - s.right_margin)
        return Mm(self.theme.page.text_width_mm)

    def _setup_header_footer(self) -> None:
        t = self.theme
        position = t.page_number.position
        own_footer = self.reference is not None and oxml.has_reference(self.sectPr, "footer")
        own_header = self.reference is not None and oxml.has_reference(self.sectPr, "header")
        if position == "outside" and own_header and not oxml.has_reference(self.sectPr, "header", "even"):
            # different even-page footers would leave even pages without the reference's header
            position = "center"
        outside = position == "outside"
        if outside and not own_footer:
            self.doc.settings.odd_and_even_pages_header_footer = True
        mark = self.ir.meta.mark or t.mark.text
        if mark and not own_header:
            headers = [self.section.header]
            if self.doc.settings.odd_and_even_pages_header_footer:
                headers.append(self.section.even_page_header)
            for header in headers:
                p = self._hf_paragraph(header, "header")
                oxml.set_paragraph_props(p.get_or_add_pPr(), align="left")
                r, rPr = oxml.add_run(p, mark)
                self._hf_run_props(rPr, "mark", t.mark.size_pt, mark)
        if position == "none" or own_footer:
            return
        inset = Pt(t.page_number.inset_chars * t.page_number.size_pt)
        if outside:
            footers = [(self.section.footer, "right", 1), (self.section.even_page_footer, "left", 2)]
        else:
            footers = [(self.section.footer, "center" if position == "center" else "right", 1)]
        for footer, align, cached in footers:
            p = self._hf_paragraph(footer, "footer")
            pPr = p.get_or_add_pPr()
            oxml.set_paragraph_props(pPr, align=align,
                                     right=inset if align == "right" else None,
                                     left=inset if align == "left" else None)
            self._page_number(p, cached)

    def _hf_paragraph(self, part, key: str):
        part.is_linked_to_previous = False
        p = part.paragraphs[0]._p
        for extra in part.paragraphs[1:]:
            extra._p.getparent().remove(extra._p)
        oxml.set_paragraph_props(p.get_or_add_pPr(), style_id=self.sid[key], first_line=Pt(0), first_line_chars=0,
                                 snap_to_grid=False)
        return p

    def _hf_run_props(self, rPr, role: str, size_pt: float, text: str) -> None:
        oxml.set_run_props(rPr, fonts=self._font(role), hint=oxml.needs_east_asian_hint(text), size=Pt(size_pt))

    def _page_number(self, p, cached: int) -> None:
        """"— 1 —": the format's text around a PAGE field, with a cached "1" for viewers that never update."""
        size = self.theme.page_number.size_pt
        before, _, after = self.theme.page_number.format.partition("{n}")
        if before:
            _, rPr = oxml.add_run(p, before)
            self._hf_run_props(rPr, "page_number", size, before)
        oxml.add_field(p, "PAGE", str(cached), lambda rPr: self._hf_run_props(rPr, "page_number", size, ""))
        if after:
            _, rPr = oxml.add_run(p, after)
            self._hf_run_props(rPr, "page_number", size, after)

    # --------------------------------------------------------------------------------------- blocks

    def _block(self, block: ir.Block) -> None:
        getattr(self, ir.handler_name(ir.kind_of(block)))(block)  # one method per kind of ir.BLOCKS
        if not isinstance(block, ir.PageBreak):
            self._last_was_table = isinstance(block, ir.Table)

    def _page_break(self, block: ir.PageBreak) -> None:
        self._pending_break = True

    def _chart(self, block: ir.Chart) -> None:
        add_chart(self, block)  # render/docx/chart.py

    def _append(self, el) -> None:
        if self.sectPr is not None:
            self.sectPr.addprevious(el)
        else:
            self.body.append(el)

    def _new_paragraph(self, style_key: str, *, take_break: bool = True):
        p = oxml.new_paragraph()
        pPr = p.get_or_add_pPr()
        oxml.set_paragraph_props(pPr, style_id=self.sid[style_key])
        if self._scaled:  # a part set smaller: the line heights of its styles, scaled
            t = self.theme
            line = {"title": max(t.body.line_pitch_pt, t.title.size_pt * 1.35),
                    "table_text": t.body.table_size_pt * t.body.table_leading}.get(style_key, t.body.line_pitch_pt)
            after = t.body.line_pitch_pt * t.title.space_after_lines if style_key == "title" else None
            oxml.set_paragraph_props(pPr, line_exact=Pt(line), after=Pt(after) if after is not None else None)
        if self._pending_break and take_break:
            oxml.set_paragraph_props(pPr, page_break_before=True)
            self._pending_break = False
        self._append(p)
        return p

    def _run_props(self, rPr, role: str, text: str, *, style_key: str, bold: bool = False,
                   italic: bool = False, underline: bool = False, own_role: bool = False,
                   size: Length | None = None) -> None:
        hint = oxml.needs_east_asian_hint(text)
        if len(rPr) or rPr.attrib:  # properties already set: set these over them
            self._set_run_props(rPr, role, hint, style_key, bold, italic, underline, own_role, size)
            return
        # a document has thousands of runs and a handful of looks: each look's w:rPr is made once per section
        # and its children copied into every fresh run of that look (the same elements as setting them)
        key = (role, hint, style_key, bool(bold), bool(italic), bool(underline), bool(own_role), size)
        made = self._rpr_made.get(key)
        if made is None:
            made = self._rpr_made[key] = oxml.new_run_props()
            self._set_run_props(made, role, hint, style_key, bold, italic, underline, own_role, size)
        for el in made:
            rPr.append(el.__copy__())  # lxml: a deep copy, as copy.deepcopy gives, without the copy module

    def _set_run_props(self, rPr, role: str, hint: bool, style_key: str, bold: bool, italic: bool, underline: bool,
                       own_role: bool, size: Length | None) -> None:
        name_fonts = self.reference is None or own_role or not self._style_names_font(style_key)
        if self._scaled and size is None:
            size = Pt(self.theme.role_size(role) if style_key != "table_text" else self.theme.body.table_size_pt)
        tracking = Pt(0) if size is not None else None  # text at its own size is not body text: not set tight
        if self._scaled and abs(size.pt - self.theme.body.size_pt) < 0.01 and style_key != "table_text":

            tracking = Pt(body_tracking(self.theme))
        oxml.set_run_props(
            rPr,
            fonts=self._font(role) if name_fonts else None,
            hint=hint,
            bold=True if bold else None,
            italic=True if italic else None,
            underline=True if underline else None,
            size=size,
            tracking=tracking,
        )

    def _inlines(self, p, inlines, *, role: str, style_key: str, bold: bool = False,
                 size: Length | None = None, glue: bool = False, names: tuple[str, ...] = ()) -> None:
        """Runs of ``inlines`` into ``p``; with ``glue``, each figure with its unit in a run of its own that no word
        processor breaks (``_figure_pieces``): text the word processor wraps (titles and short cells carry the
        PDF's breaks written in)."""
        mark_rPr = oxml.paragraph_mark_rPr(p.get_or_add_pPr())
        self._run_props(mark_rPr, role, "", style_key=style_key, size=size)
        for inline in inlines:
            if isinstance(inline, ir.LineBreak):
                r, rPr = oxml.add_run(p)
                self._run_props(rPr, role, "", style_key=style_key, size=size)
                oxml.add_break(r)
                continue
            own = inline.role is not None and inline.role != role
            for text, glued in _figure_pieces(inline.text, names) if glue else ((inline.text, False),):
                r, rPr = oxml.add_run(p, text)
                self._run_props(rPr, inline.role or role, text, style_key=style_key, bold=bold or inline.bold,
                                italic=inline.italic, underline=inline.underline, own_role=own, size=size)
                if glued:
                    oxml.set_run_props(rPr, lang_east_asia=GLUE_LANG)

    def _title(self, block: ir.Title) -> None:
        p = self._new_paragraph("title")
        self._inlines(p, self._balanced_title(block.inlines), role="title", style_key="title")
        self._link_targets().mark(p, _plain(block.inlines))

    def _balanced(self, inlines: tuple[ir.Inline, ...], size: float) -> tuple[ir.Inline, ...]:
        """``inlines`` at ``size`` points broken as the PDF breaks a title (``shared.title_inlines``)."""
        keep = tuple(n for n in (self.ir.meta.author,) if n)
        return title_inlines(inlines, size, Emu(self._text_width()).pt, keep)

    def _balanced_title(self, inlines: tuple[ir.Inline, ...]) -> tuple[ir.Inline, ...]:
        """A long title broken into lines of near-equal length (w:br), never one character left alone: the
        breaks the PDF writer draws (``shared.title_inlines``), written in, so Word never wraps a line again.
        A title that already has line breaks is left as the template wrote it."""
        keep = tuple(n for n in (self.ir.meta.author,) if n)
        return title_inlines(inlines, self.theme.title.size_pt, Emu(self._text_width()).pt, keep)

    def _section_break(self, block: ir.SectionBreak) -> None:
        """End a section (cover, contents, a part of a pack): an empty paragraph carries its w:sectPr; the next
        section starts on a new page."""
        p = self._new_paragraph("normal", take_break=False)
        pPr = p.get_or_add_pPr()
        oxml.set_paragraph_props(pPr, first_line=Pt(0), first_line_chars=0)
        if self.sectPr is not None:
            pPr.append(oxml.section_properties(self.sectPr, page_numbers=block.page_numbers, restart_at=block.restart_at))
        self._pending_break = False

    def _contents(self, block: ir.Contents) -> None:
        """A TOC field, its result filled in (WPS shows an empty field otherwise): each entry with a dotted
        leader to its page number. Word's "update field" rebuilds it from the Title and Heading 1 paragraphs."""
        width = self._text_width()
        size = Pt(self.theme.body.size_pt)
        entries = block.entries or (ir.ContentsEntry("", 0),)
        last = len(entries) - 1
        for i, entry in enumerate(entries):
            p = self._new_paragraph("normal")
            pPr = p.get_or_add_pPr()
            indent = Pt(2 * self.theme.body.size_pt) if entry.level > 1 else Pt(0)
            oxml.set_paragraph_props(pPr, first_line=Pt(0), first_line_chars=0, left=indent)
            oxml.add_tab_stop(pPr, Emu(width))
            role = "h1" if entry.level <= 1 else "body"
            make = lambda rPr, text="": self._run_props(rPr, role, text, style_key="normal", own_role=True)  # noqa: E731
            if i == 0:
                oxml.begin_field(p, 'TOC \\h \\z \\t "Title,1,Heading 1,2"', make)
            r1, rPr = oxml.add_run(p, entry.text)
            make(rPr, entry.text)
            r, rPr = oxml.add_run(p)
            make(rPr)
            oxml.add_tab(r)
            r3, rPr = oxml.add_run(p, str(entry.page))
            make(rPr, str(entry.page))
            if block.entries:  # the entry a link to its title or heading (bookmarked as it is written)
                link_runs(p, [r1, r, r3], self._link_targets().expect(entry.text, i))
            if i == last:
                oxml.end_field(p, make)

    def _heading(self, block: ir.Heading) -> None:
        level = min(max(block.level, 1), 4)
        p = self._new_paragraph(f"h{level}")
        self._inlines(p, block.inlines, role=self.theme.heading(level)[0], style_key=f"h{level}", glue=True)
        self._link_targets().mark(p, _plain(block.inlines))

    def _link_targets(self) -> Targets:
        """The contents' entries waiting for their bookmarks (``links.Targets``)."""
        if getattr(self, "_targets", None) is None:
            self._targets = Targets()
        return self._targets

    def _paragraph(self, block: ir.Paragraph) -> None:
        p = self._new_paragraph("normal")
        pPr = p.get_or_add_pPr()
        oxml.set_paragraph_props(
            pPr,
            align=block.align if block.align != "justify" else None,
            first_line=Pt(0) if not block.indent else None,
            first_line_chars=0 if not block.indent else None,
            before=Pt(self.theme.body.line_pitch_pt * block.space_before) if block.space_before else None,
            keep_next=True if block.keep_next else None,
            after=Pt(self.theme.body.line_pitch_pt * block.space_after) if block.space_after else None,
        )
        size = self.theme.role_size(block.role)
        if size != self.theme.body.size_pt:
            # a paragraph in a table or heading role is set at that role's size, as in the PDF;
            # table-role text also takes the table's own leading, not the body pitch
            line = Pt(size * self.theme.body.table_leading) if block.role == "table" else None
            if block.role != "table" and size * 1.35 > self.theme.body.line_pitch_pt:
                line = Pt(size * 1.35)  # larger type (a cover's 会议材料) on the title's leading, as in the PDF
            oxml.set_paragraph_props(pPr, line_exact=line, snap_to_grid=False if line is not None else None)
        if block.role in DISPLAY_ROLES:  # a title-like line breaks where the PDF breaks it (between words)
            self._inlines(p, self._balanced(block.inlines, size), role=block.role, style_key="normal", size=Pt(size))
            return
        # a note under a table (table role) breaks only between the names it lists, as the PDF breaks it
        self._inlines(p, block.inlines, role=block.role, style_key="normal",
                      size=Pt(size) if size != self.theme.body.size_pt else None, glue=True,
                      names=self._known if block.role == "table" else ())

    def _list(self, block: ir.ListBlock) -> None:
        for n, item in enumerate(block.items, start=1):
            p = self._new_paragraph("normal")
            prefix = f"{n}." if block.ordered else "• "
            self._inlines(p, (ir.Run(prefix), *item), role="body", style_key="normal", glue=True)

    def _spacer(self, block: ir.Spacer) -> None:
        if block.lines <= 0:
            return
        p = self._new_paragraph("normal")
        # off the line grid, or a half-line spacer would snap to a whole grid line
        oxml.set_paragraph_props(p.get_or_add_pPr(), line_exact=Pt(self.theme.body.line_pitch_pt * block.lines),
                                 first_line=Pt(0), first_line_chars=0, snap_to_grid=False)
        self._run_props(oxml.paragraph_mark_rPr(p.get_or_add_pPr()), "body", "", style_key="normal")

    # --------------------------------------------------------------------------------------- tables

    def _grid(self, columns: tuple[ir.Column, ...]) -> list[Twips]:
        """Column widths in whole twips from the shares, summing exactly to the text width."""
        total = oxml.twips(self._text_width())
        shares = [max(c.width, 0.0) for c in columns]
        whole = sum(shares) or float(len(shares))
        if not sum(shares):
            shares = [1.0] * len(shares)
        widths = [int(total * s / whole) for s in shares]
        widths[-1] += total - sum(widths)
        return [Twips(w) for w in widths]

    def _table(self, table: ir.Table) -> None:
        if not table.columns:
            return
        if self._last_was_table and not table.caption:
            # two w:tbl in a row would merge into one table in Word: keep a (tiny) paragraph between them
            spacer = self._new_paragraph("normal", take_break=False)  # the break goes to the table
            oxml.set_paragraph_props(spacer.get_or_add_pPr(), line_exact=Pt(2), first_line=Pt(0), first_line_chars=0)
        if table.caption:
            cap = self._new_paragraph("caption")
            self._inlines(cap, table.caption, role="caption", style_key="caption")
        grid = self._grid(table.columns)
        tbl = oxml.new_table(Emu(sum(grid)), grid, style_id=self.sid.get("table"), border=TABLE_BORDER,
                             cell_margin_lr=Pt(self.theme.body.table_size_pt * CELL_PAD_LR),
                             # a word processor sets each row's rule beside its text where the PDF draws it on
                             # the row's edge: the rule's width comes off the cell's margins, so rows are as tall
                             cell_margin_tb=Pt(self.theme.body.table_size_pt * CELL_PAD_TB - TABLE_BORDER.pt / 2))
        ncols = len(table.columns)
        first_paragraph = True
        for index, row in enumerate(table.rows, start=1):
            cells = list(row.cells)
            used = sum(max(c.colspan, 1) for c in cells)
            if used > ncols:
                raise ValueError(M.row_too_wide(n=index, used=used, columns=ncols))
            if used < ncols:
                cells.append(ir.Cell((), colspan=ncols - used))
            header = row.kind == "header"
            group = row.kind == "group"
            # a row with a long cell (a task's text) may run on to the next page, as the PDF's do (the cell's
            # widow control keeps two lines on each side); a row of short cells (names, figures) never splits
            tr = oxml.add_row(tbl, header=header, cant_split=header or group or not _has_long_cell(cells))
            col = 0
            for cell in cells:
                span = max(cell.colspan, 1)
                width = Emu(sum(grid[col:col + span]))
                tc = oxml.add_cell(tr, width, span=span, fill=GROUP_FILL if group else HEADER_FILL if header else
                                   (ir.CELL_FILLS[cell.fill] if cell.fill else None))
                p = oxml.cell_paragraph(tc)
                # section rows in 楷体 and header cells in 黑体, as the PDF sets them: neither face has a
                # bold weight, and a faked one is what staff notice first
                if group:
                    align, role, bold = cell.align or "left", "h2", False
                elif header or cell.header:
                    align, role, bold = cell.align or ("center" if header else table.columns[col].align), "table_header", False
                else:
                    align, role, bold = cell.align or table.columns[col].align, table.role, False
                pPr = oxml.new_paragraph_props(p, style_id=self.sid["table_text"], align=align,
                                               keep_next=True if group else None)
                if first_paragraph and self._pending_break:
                    oxml.set_paragraph_props(pPr, page_break_before=True)
                    self._pending_break = False
                first_paragraph = False
                inlines = cell.inlines
                if row.kind == "body":  # a name or a deadline breaks where the PDF breaks it
                    inlines = short_cell_inlines(inlines, Emu(width).pt - 2 * CELL_PAD_LR * self.theme.body.table_size_pt,
                                                 self.theme.body.table_size_pt, self._known)
                self._inlines(p, inlines, role=role, style_key="table_text", bold=bold,
                              glue=len(ir.plain_text(cell.inlines)) > SHORT_CELL)
                col += span
        self._append(tbl)


# A figure and its unit (2022年, 1.75万方, 5.8亿元) stay on one line, as in the PDF: U+2060 WORD JOINER (no line
# break on either side, Unicode line breaking) beside each Chinese character of it. LibreOffice breaks Chinese
# text by rules of its own that ignore the joiner (and it does not read a DOCX's w:noLineBreaksAfter), but breaks
# text in other languages by Unicode's, joiner included: the glued run's East Asian language is this one.
GLUE_LANG = "en-US"


def _figure_pieces(text: str, names: tuple[str, ...] = ()) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, glued): each figure with its magnitude and unit (``linebreak.figure_interiors``),
    and each of ``names`` found, a glued piece with word joiners between its characters."""
    inside = figure_interiors(text)
    for name in sorted({n for n in names if len(n) > 1}, key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            inside.update(range(start + 1, start + len(name)))
            start = text.find(name, start + len(name))
    if not inside:
        return [(text, False)]
    out: list[tuple[str, bool]] = []
    start = 0
    k = 0
    while k < len(text):
        if k + 1 in inside:  # a figure starts at k: it runs while the next offset is inside
            end = k + 1
            while end in inside:
                end += 1
            if start < k:
                out.append((text[start:k], False))
            out.append((_joined(text[k:end]), True))
            start = k = end
            continue
        k += 1
    if start < len(text):
        out.append((text[start:], False))
    return out


def _joined(figure: str) -> str:
    """A word joiner beside each Chinese character of ``figure`` (the digits hold together by themselves)."""
    out = [figure[0]]
    for before, ch in zip(figure, figure[1:]):
        if ord(before) >= 0x2E80 or ord(ch) >= 0x2E80:
            out.append(WORD_JOINER)
        out.append(ch)
    return "".join(out)


def _has_long_cell(cells: list[ir.Cell]) -> bool:
    """Whether a row has a cell longer than a short one (``shared.SHORT_CELL``): the rows the PDF may split."""
    return any(len(ir.plain_text(cell.inlines)) > SHORT_CELL for cell in cells)


def _plain(inlines) -> str:
    """The text of ``inlines`` (line breaks dropped), as the contents' entries hold it."""
    return "".join(i.text for i in inlines if isinstance(i, ir.Run))
