"""A reference DOCX (``--reference-docx``), as an office passes it around -> a clean package python-docx opens.

In: the path of a Word file (.docx, or .docm/.dotx/.dotm, whose macros are stripped). Out: ``Reference``: the
cleaned package's bytes and the warnings to tell the user (what was dropped, a footer without page numbers).

Only what briefgen takes from a reference is kept: the styles (with numbering, the font table and the colour
theme they lean on), the page setup (the final ``w:sectPr`` and the settings) and the headers and footers with
their own pictures. Everything else is dropped before python-docx sees the file: the body, macros
(``vbaProject.bin``), embedded objects and OLE packages, ActiveX controls, custom XML, the glossary (building
blocks), comments, external relationships (an attached template on a server, a linked picture or a hyperlink
target), mail-merge data sources, and field codes that fetch or run something on opening (INCLUDETEXT,
INCLUDEPICTURE, DDE, LINK). An element that referred to a dropped part goes with it, so Word never finds a
dangling reference.

A hostile file is refused before the work: the archive's member count, each member's and the total
uncompressed size and each member's compression ratio are read from the directory before anything is
inflated, and every XML part is parsed without DTDs or entities (a DOCTYPE is refused), so an entity bomb,
malformed XML or a 1 GB zip bomb is one located line within a second. ``read_package`` and ``parse_part`` do the
same for ``briefgen extract``.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ... import limits
from ... import messages as M
from ...errors import BriefgenError
from ...i18n import Text

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_SUFFIXES = (".docm", ".dotm")

_REL = R.rsplit("/", 1)[0] + "/relationships/"
# relationships of the main document that briefgen uses (by their last word); every other one is dropped
_KEEP_FROM_DOCUMENT = {"styles", "stylesWithEffects", "settings", "fontTable", "theme", "numbering", "webSettings",
                       "header", "footer", "footnotes", "endnotes"}
# relationships of the package (_rels/.rels) kept: the document and its core and app properties
_KEEP_FROM_PACKAGE = {"officeDocument", "core-properties", "extended-properties"}
# relationships a kept part (a header, the styles, the settings) may keep, to internal targets only
_KEEP_FROM_PARTS = {"image", "theme", "fontTable"}
_FETCHING_FIELDS = ("INCLUDETEXT", "INCLUDEPICTURE", "DDE", "DDEAUTO", "LINK", "IMPORT", "AUTOTEXT", "DATABASE")


class ReferenceError_(BriefgenError):
    """A reference DOCX that cannot be used: not a Word file, a zip bomb, malformed or entity-laden XML."""


@dataclass
class Reference:
    data: bytes
    warnings: list[str] = field(default_factory=list)


# ---- reading a package safely -----------------------------------------------------------------------------------

def read_package(path: Path, name: str, what=None) -> dict[str, bytes]:
    """Every member of a .docx-like archive by name, after checking its size, member count, sizes and ratios
    from the archive's directory (nothing is inflated before). Refusals are one line naming the limit."""
    what = M.ref_word_file() if what is None else what

    def refuse(message):
        return ReferenceError_(M.ref_prefixed(name=name, detail=message))

    from ...load.source import outside

    if outside(path):
        raise refuse(M.outside_folder())
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise refuse(M.ref_unreadable(reason=exc.strerror or exc)) from None
    if size > limits.MAX_DOCX_FILE_BYTES:
        raise refuse(M.ref_big(what=what, size=f"{size / 1048576:.0f}", limit=limits.MAX_DOCX_FILE_BYTES // 1048576))
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise refuse(M.ref_not_zip()) from None
    with archive:
        members = archive.infolist()
        if len(members) > limits.MAX_ZIP_MEMBERS_DOCX:
            raise refuse(M.ref_members(what=what, n=f"{len(members):,}", limit=f"{limits.MAX_ZIP_MEMBERS_DOCX:,}"))
        total = 0
        for m in members:
            total += m.file_size
            if m.file_size > limits.MAX_DOCX_XML_BYTES:
                raise refuse(M.ref_part_big(part=m.filename, size=f"{m.file_size / 1048576:,.0f}", limit=limits.MAX_DOCX_XML_BYTES // 1048576))
            ratio = m.file_size / max(m.compress_size, 1)
            if m.file_size > limits.ZIP_RATIO_FLOOR_BYTES and ratio > limits.MAX_ZIP_RATIO:
                raise refuse(M.ref_ratio(part=m.filename, ratio=f"{ratio:,.0f}", limit=limits.MAX_ZIP_RATIO))
        if total > limits.MAX_ZIP_TOTAL_BYTES:
            raise refuse(M.ref_total(what=what, size=f"{total / 1048576:,.0f}", limit=limits.MAX_ZIP_TOTAL_BYTES // 1048576))
        try:
            return {m.filename: archive.read(m) for m in members if not m.is_dir()}
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise refuse(M.ref_damaged(kind=type(exc).__name__)) from None


def parse_part(data: bytes, part: str, name: str):
    """An XML part -> its lxml root; no DTD, no entities, no network. A DOCTYPE (the carrier of entity bombs and
    external entities; Word never writes one) or malformed XML is one line naming the part and its line."""
    from lxml import etree

    head = data[:4096].lstrip()
    if b"<!DOCTYPE" in data[:65536] or b"<!ENTITY" in data[:65536] or head.startswith(b"<!DOCTYPE"):
        raise ReferenceError_(M.ref_dtd(name=name, part=part))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_blank_text=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if getattr(exc, "lineno", None) else None
        where = f"{part}:{line}" if line else part
        raise ReferenceError_(M.ref_malformed(name=name, where=where, detail=exc.msg.split(",")[0] if exc.msg else "unreadable")) from None
    if root is None:
        raise ReferenceError_(M.ref_empty_part(name=name, part=part))
    return root


# ---- cleaning a reference -----------------------------------------------------------------------------------

def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _target(part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))


def _kind(rel_type: str) -> str:
    return rel_type.rsplit("/", 1)[-1]


def _serialise(root) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class _Cleaner:
    def __init__(self, parts: dict[str, bytes], name: str) -> None:
        self.src = parts
        self.name = name
        self.out: dict[str, bytes] = {}
        self.dropped: dict[str, int] = {}

    def drop(self, what: str) -> None:
        self.dropped[what] = self.dropped.get(what, 0) + 1

    def xml(self, part: str):
        if part not in self.src:
            raise ReferenceError_(M.ref_missing_part(name=self.name, part=part))
        return parse_part(self.src[part], part, self.name)

    def relationships(self, part: str, keep: set[str]) -> tuple[list[tuple[str, str, str]], set[str]]:
        """(rId, type, internal target) kept of ``part``'s relationships, and the rIds dropped; writes the .rels."""
        from lxml import etree

        rels_part = _rels_name(part) if part else "_rels/.rels"
        kept: list[tuple[str, str, str]] = []
        gone: set[str] = set()
        if rels_part not in self.src:
            return kept, gone
        root = self.xml(rels_part)
        for rel in list(root):
            rid, rel_type, target = rel.get("Id", ""), rel.get("Type", ""), rel.get("Target", "")
            kind = _kind(rel_type)
            external = rel.get("TargetMode") == "External"
            if external or kind not in keep or _target(part, target) not in self.src:
                root.remove(rel)
                gone.add(rid)
                self.drop(_dropped_words(kind, external))
                continue
            kept.append((rid, rel_type, _target(part, target)))
        self.out[rels_part] = _serialise(root)
        return kept, gone

    def strip_references(self, root, gone: set[str]) -> None:
        """Remove what refers to a dropped relationship (an embedded object, a linked picture, a hyperlink) and
        field codes that fetch or run something when Word opens the file."""
        from lxml import etree

        if gone:
            for el in list(root.iter()):
                if not isinstance(el.tag, str):
                    continue
                if any(k.startswith(f"{{{R}}}") and v in gone for k, v in el.attrib.items()):
                    holder = el
                    for ancestor in el.iterancestors():
                        if ancestor.tag in (f"{{{W}}}r", f"{{{W}}}hyperlink"):
                            holder = ancestor
                            break
                    if holder.getparent() is not None:
                        holder.getparent().remove(holder)
        for el in list(root.iter(f"{{{W}}}instrText", f"{{{W}}}fldSimple")):
            instr = (el.text or "") if el.tag == f"{{{W}}}instrText" else el.get(f"{{{W}}}instr", "")
            if instr.strip().split(" ")[0].upper() in _FETCHING_FIELDS:
                self.drop("fields that fetch or run something on opening (INCLUDETEXT, INCLUDEPICTURE, DDE, LINK)")
                if el.tag == f"{{{W}}}instrText":
                    el.text = ""
                else:
                    el.set(f"{{{W}}}instr", "")
        for tag in ("object", "control"):  # embedded OLE objects and ActiveX controls kept no part: drop them
            for el in list(root.iter(f"{{{W}}}{tag}")):
                self.drop("embedded objects (OLE, ActiveX)")
                run = next((a for a in el.iterancestors(f"{{{W}}}r")), el)
                if run.getparent() is not None:
                    run.getparent().remove(run)

    def copy_part(self, part: str, keep: set[str]) -> None:
        """A kept part (a header, the styles …) with its own kept relationships (pictures), recursively."""
        if part in self.out:
            return
        if not part.endswith(".xml"):
            self.out[part] = self.src[part]  # a picture
            return
        root = self.xml(part)
        kept, gone = self.relationships(part, keep)
        self.strip_references(root, gone)
        self.out[part] = _serialise(root)
        for _, _, target in kept:
            self.copy_part(target, _KEEP_FROM_PARTS)

    def clean(self) -> tuple[dict[str, bytes], str]:
        """The cleaned parts, and the main document's part name."""
        if any(n.lower().endswith("vbaproject.bin") for n in self.src):
            self.drop("macros (vbaProject.bin)")
        package_rels, _ = self.relationships("", _KEEP_FROM_PACKAGE)
        main = next((t for _, rt, t in package_rels if _kind(rt) == "officeDocument"), None)
        if main is None:
            raise ReferenceError_(M.ref_no_main(name=self.name))
        for _, rel_type, target in package_rels:
            if target != main:
                self.copy_part(target, set())
        document = self.xml(main)
        body = document.find(f"{{{W}}}body")
        if body is None:
            raise ReferenceError_(M.ref_no_body(name=self.name, part=main))
        sect = [el for el in body if el.tag == f"{{{W}}}sectPr"]
        for el in list(body):  # the body: only its final page setup is taken
            body.remove(el)
        if sect:
            body.append(sect[-1])
        for el in list(document):
            if el is not body and el.tag != f"{{{W}}}background":
                document.remove(el)
        kept, gone = self.relationships(main, _KEEP_FROM_DOCUMENT)
        self.strip_references(document, gone)
        for _, rel_type, target in kept:
            self.copy_part(target, _KEEP_FROM_PARTS)
        self.out[main] = _serialise(document)
        self._settings(main, kept)
        self._content_types(main)
        return self.out, main

    def _settings(self, main: str, kept) -> None:
        """Settings without an attached template, mail-merge data source or document variables."""
        target = next((t for _, rt, t in kept if _kind(rt) == "settings"), None)
        if target is None:
            return
        from lxml import etree

        root = etree.fromstring(self.out[target], etree.XMLParser(resolve_entities=False, no_network=True))
        for tag, words in (("attachedTemplate", "an attached template"), ("mailMerge", "a mail-merge data source"),
                           ("docVars", "document variables")):
            for el in root.findall(f"{{{W}}}{tag}"):
                root.remove(el)
                self.drop(words)
        self.out[target] = _serialise(root)

    def _content_types(self, main: str) -> None:
        """[Content_Types].xml for the parts kept, the main document typed as a plain .docx (a .docm, .dotx or
        .dotm's main part is another type, which python-docx and Word would take for macros or a template)."""
        root = self.xml("[Content_Types].xml")
        for el in list(root):
            part = (el.get("PartName") or "").lstrip("/")
            if el.tag == f"{{{CT_NS}}}Override":
                if part not in self.out:
                    root.remove(el)
                elif part == main:
                    el.set("ContentType", DOCUMENT_MAIN)
            elif el.tag == f"{{{CT_NS}}}Default" and "macro" in (el.get("ContentType") or "").lower():
                root.remove(el)
        self.out["[Content_Types].xml"] = _serialise(root)


def _dropped_words(kind: str, external: bool) -> str:
    if external:
        return "external relationships (links to files or servers outside the document)"
    return {
        "vbaProject": "macros (vbaProject.bin)", "wordVbaData": "macros (vbaProject.bin)",
        "oleObject": "embedded objects (OLE, ActiveX)", "package": "embedded objects (OLE, ActiveX)",
        "control": "embedded objects (OLE, ActiveX)", "activeXControl": "embedded objects (OLE, ActiveX)",
        "customXml": "custom XML", "customXmlProps": "custom XML", "custom-properties": "custom properties",
        "glossaryDocument": "building blocks (glossary)", "comments": "comments",
        "thumbnail": "the thumbnail picture", "image": "pictures of the body",
    }.get(kind, f"other parts ({kind})")


def _dropped_text(words: str):
    """The catalogue's wording of what the cleaner left out (its English is the cleaner's key)."""
    for entry in vars(M).values():
        if isinstance(entry, Text) and entry.code.startswith("BG4") and entry.english == words:
            return entry()
    m = re.fullmatch(r"other parts \((.*)\)", words)
    return M.ref_drop_other(kind=m.group(1)) if m else words


def _footers_without_page(parts: dict[str, bytes], main: str) -> tuple[bool, bool]:
    """(the reference has footers, none of them has a PAGE field) of its final page setup."""
    from lxml import etree

    document = etree.fromstring(parts[main], etree.XMLParser(resolve_entities=False, no_network=True))
    sect = document.find(f"{{{W}}}body/{{{W}}}sectPr")
    refs = [] if sect is None else sect.findall(f"{{{W}}}footerReference")
    if not refs:
        return False, False
    rels = etree.fromstring(parts[_rels_name(main)], etree.XMLParser(resolve_entities=False, no_network=True))
    targets = {rel.get("Id"): _target(main, rel.get("Target", "")) for rel in rels}
    for ref in refs:
        footer = parts.get(targets.get(ref.get(f"{{{R}}}id"), ""), b"")
        root = etree.fromstring(footer, etree.XMLParser(resolve_entities=False, no_network=True)) if footer else None
        if root is None:
            continue
        instructions = [t.text or "" for t in root.iter(f"{{{W}}}instrText")]
        instructions += [f.get(f"{{{W}}}instr", "") for f in root.iter(f"{{{W}}}fldSimple")]
        if any("PAGE" in i.upper().split() for i in instructions):
            return True, False
    return True, True


_cleaned: dict[tuple, Reference] = {}


def clean_reference(path: Path) -> Reference:
    """``path`` cleaned (see the module docstring); the same file is cleaned once per process."""
    path = Path(path)
    name = str(path)
    try:
        stamp = path.stat()
    except OSError as exc:
        raise ReferenceError_(M.ref_cannot_read(name=name, reason=exc.strerror or exc)) from None
    key = (str(path.resolve()), stamp.st_mtime_ns, stamp.st_size)
    if key in _cleaned:
        return _cleaned[key]
    parts = read_package(path, name)
    if "[Content_Types].xml" not in parts or "_rels/.rels" not in parts:
        raise ReferenceError_(M.ref_not_docx(name=name))
    cleaner = _Cleaner(parts, name)
    out, main = cleaner.clean()
    warnings = []
    if path.suffix.lower() in MACRO_SUFFIXES:
        cleaner.dropped.setdefault("macros (vbaProject.bin)", 0)
        warnings.append(M.ref_macros(name=name, suffix=path.suffix))
    dropped = [what for what in cleaner.dropped  # a thumbnail is no content: left out without a word
               if not (what.startswith("macros") and warnings) and what != "the thumbnail picture"]
    if dropped:
        warnings.append(M.ref_left_out(name=name, what=[_dropped_text(w) for w in sorted(dropped)]))
    has_footer, no_page = _footers_without_page(out, main)
    if has_footer and no_page:
        warnings.append(M.ref_no_page(name=name))
    result = Reference(_zip(out), warnings)
    _cleaned[key] = result
    import logging

    for warning in warnings:  # told once per process: the CLI shows these as warnings
        logging.getLogger("briefgen").warning(warning)
    return result


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for part in sorted(parts, key=lambda n: (n != "[Content_Types].xml", n != "_rels/.rels", n)):
            z.writestr(part, parts[part])
    return buf.getvalue()


def open_reference(path: Path):
    """A python-docx Document of the cleaned reference."""
    import docx

    reference = clean_reference(path)
    try:
        return docx.Document(io.BytesIO(reference.data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on a package it cannot use
        raise ReferenceError_(M.ref_unusable(name=path, kind=type(exc).__name__)) from None


def header_footer_text(path: Path) -> str:
    """The text of a reference DOCX's headers and footers (what its pages carry above and below the text), or ""."""
    try:
        parts = read_package(Path(path), Path(path).name)
    except Exception:  # noqa: BLE001 - an unreadable reference is refused where it is opened, with its reason
        return ""
    from lxml import etree

    texts = []
    for name in sorted(parts):
        if re.fullmatch(r"word/(header|footer)\d*\.xml", name):
            try:
                root = etree.fromstring(parts[name], etree.XMLParser(resolve_entities=False, no_network=True))
            except etree.XMLSyntaxError:
                continue
            text = "".join(t.text or "" for t in root.iter(f"{{{W}}}t")).strip()
            if text:
                texts.append(text)
    return " / ".join(texts)
