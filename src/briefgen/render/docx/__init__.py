"""The DOCX writer: Document IR + Theme -> a Word file that Word and WPS open as a proper 公文.

    from briefgen.render.docx import write_docx
    write_docx(document, theme, Path("out.docx"))                      # theme styles and page setup
    write_docx(document, theme, Path("out.docx"), reference_docx=ref)  # a house template's styles/page

See :mod:`.writer` for what each block becomes and how a reference DOCX is used, :mod:`.oxml` for the
raw OOXML, :mod:`.package` for the deterministic, atomic file. python-docx is imported on first use.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ...atomic import write_atomic
from .chart import with_charts
from .package import _order, deflated, normalized_zip, write_package, zip_date
from .writer import DocxBuilder

if TYPE_CHECKING:
    from ...ir import Document
    from ...theme import Theme

__all__ = ["write_docx", "docx_bytes"]


def docx_bytes(doc: "Document", theme: "Theme", reference_docx: Path | None = None) -> bytes:
    """The finished .docx file as bytes: identical bytes for an identical Document, Theme and reference."""
    if reference_docx is None:
        return _from_skeleton(doc, theme)

    builder = DocxBuilder(doc, theme, Path(reference_docx)).build()
    data = normalized_zip(builder.save(), zip_date(doc.meta.created), builder.part_replacements())
    return with_charts(data, builder, zip_date(doc.meta.created))


class _Skeleton:
    """A package set up for one theme and mark (styles, page, header, footer), kept per process: each document
    copies its w:document and core properties, fills the body, and the other entries are written as they are,
    deflated once. The bytes are those of building the whole package for the document (``DocxBuilder.build``)."""
    def __init__(self, doc: "Document", theme: "Theme") -> None:
        import copy


        b = self.builder = DocxBuilder(doc, theme).setup()
        core = b.doc.core_properties._element  # made here if the default template had none
        self.document = copy.deepcopy(b.doc.element)
        self.core = copy.deepcopy(core)
        parts = {p._element: str(p.partname).lstrip("/") for p in b.doc.part.package.iter_parts() if hasattr(p, "_element")}
        self.document_name, self.core_name = parts[b.doc.element], parts[core]
        import io
        import zipfile

        replace = b.part_replacements()
        with zipfile.ZipFile(io.BytesIO(b.save())) as src:
            self.entries = []
            for name in sorted(src.namelist(), key=_order):
                if name in (self.document_name, self.core_name):
                    self.entries.append((name, None, None))
                    continue
                payload = replace.get(name)
                payload = payload if payload is not None else src.read(name)
                self.entries.append((name, payload, deflated(payload)))

    def render(self, doc: "Document") -> bytes:
        import copy

        from docx.opc.coreprops import CoreProperties
        from docx.opc.oxml import serialize_part_xml


        root, core = copy.deepcopy(self.document), copy.deepcopy(self.core)
        b = DocxBuilder.on_skeleton(self.builder, doc, root).fill()
        b._set_core_properties(CoreProperties(core))
        fresh = {self.document_name: serialize_part_xml(root), self.core_name: serialize_part_xml(core)}
        entries = [(name, fresh[name], None) if payload is None else (name, payload, packed)
                   for name, payload, packed in self.entries]

        return with_charts(write_package(entries, zip_date(doc.meta.created)), b, zip_date(doc.meta.created))


_skeletons: dict[tuple, _Skeleton] = {}


def _from_skeleton(doc: "Document", theme: "Theme") -> bytes:
    # everything ``DocxBuilder.setup`` reads: the theme, the mark, and how the document numbers its pages
    key = (theme.model_dump_json(), doc.meta.mark or theme.mark.text or "",
           getattr(doc, "page_numbers", True), getattr(doc, "first_page", 1))
    skeleton = _skeletons.get(key)
    if skeleton is None:
        if len(_skeletons) >= 8:  # a long-lived process with many themes or marks
            _skeletons.pop(next(iter(_skeletons)))
        skeleton = _skeletons[key] = _Skeleton(doc, theme)
    return skeleton.render(doc)


def write_docx(doc: "Document", theme: "Theme", path: Path, reference_docx: Path | None = None) -> None:
    """Write ``doc`` as a .docx at ``path`` (atomically: a temporary file in the same folder, then a rename)."""
    write_atomic(Path(path), docx_bytes(doc, theme, reference_docx))
