"""PDF bytes -> PDF/A-2b bytes, for files an archive keeps (the check of the same properties: ``pdfa_check``).

    from briefgen.render.pdfa import to_pdfa
    from briefgen.render.pdfa_check import check_pdfa
    archived = to_pdfa(pdf, title=meta.title, author=meta.author, subject=meta.subject,
                       keywords=meta.keywords, created=meta.created)
    assert check_pdfa(archived) == []

``to_pdfa`` is a pure function (pikepdf, nothing written to disk). It adds what PDF/A-2b (ISO 19005-2,
level B) asks of a reportlab PDF:

- XMP metadata with ``pdfaid:part=2``, ``pdfaid:conformance=B``, and the same title, author, subject,
  keywords, creator, producer and dates as the Info dictionary (pikepdf keeps the two in step);
- an sRGB OutputIntent carrying its ICC profile (made by LittleCMS through Pillow's ImageCms, with the
  creation date in its header fixed so that the bytes never change);
- the document's language in the catalog (``/Lang``).

Dates come from ``created`` (Beijing time, as the PDF writer stamps them), never from the clock; the
trailer's document ID is derived from the content (``deterministic_id``); the XMP packet has no
instance IDs: the same input bytes always give the same output bytes.

PDF/A also forbids what briefgen never writes (encryption, transparency, JavaScript, external
references, fonts that are not embedded). ``to_pdfa`` does not repair those: it checks its result with
:func:`check_pdfa` and raises :class:`PdfaError` naming each problem, so a PDF that claims PDF/A is one.
"""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Sequence

from .. import messages as M
from ..errors import BriefgenError
from .pdfa_check import CONFORMANCE, PART, check_pdfa

BEIJING = timezone(timedelta(hours=8))  # the PDF writer's dates are D:YYYYMMDD000000+08'00'
SRGB_ID = "sRGB IEC61966-2.1"
# Fixed into the ICC header (bytes 24-35), which LittleCMS fills with the time the profile was made.
ICC_DATE = (2000, 1, 1, 0, 0, 0)
# Info dictionary keys and the XMP properties that must say the same (ISO 19005-2, 6.6.2.3.1)


class PdfaError(BriefgenError):
    """A PDF that cannot be made PDF/A-2b (one line per problem)."""

    def __str__(self) -> str:
        return "\n".join(str(a) for a in self.args)


# --------------------------------------------------------------------------------------------
# conversion


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """An sRGB ICC profile (LittleCMS's built-in, v4), the same bytes on every call and every day."""
    import struct

    from PIL import ImageCms

    icc = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    icc[24:36] = struct.pack(">6H", *ICC_DATE)
    icc[84:100] = bytes(16)  # profile ID: "not computed" (it would hash the date just changed)
    return bytes(icc)


def _xmp_date(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, tzinfo=BEIJING)


def _pdf_date(d: date) -> str:
    return f"D:{d.year:04d}{d.month:02d}{d.day:02d}000000+08'00'"


def _keywords(keywords: str | Sequence[str]) -> str:
    if isinstance(keywords, str):
        return keywords
    return ", ".join(k for k in keywords if k)


def to_pdfa(
    pdf: bytes,
    *,
    title: str,
    author: str = "",
    subject: str = "",
    keywords: str | Sequence[str] = "",
    created: date | None = None,
    lang: str = "zh-CN",
) -> bytes:
    """``pdf`` as PDF/A-2b, with the given metadata in both the Info dictionary and XMP.

    An empty ``author``, ``subject`` or ``keywords`` leaves the entry out; without ``created`` the file
    carries no creation or modification date. The input's Creator and Producer are kept. Raises
    PdfaError if the input cannot be read or the result would not be PDF/A-2b (see :func:`check_pdfa`).
    """
    import pikepdf

    try:
        doc = pikepdf.open(io.BytesIO(pdf))
    except pikepdf.PasswordError:
        raise PdfaError(M.pdfa_encrypted_input()) from None
    except pikepdf.PdfError as exc:
        raise PdfaError(M.pdfa_unreadable(detail=str(exc))) from None
    with doc:
        if doc.is_encrypted:
            raise PdfaError(M.pdfa_encrypted_input())
        info = doc.docinfo
        stamp = None if created is None else _xmp_date(created)
        values = {
            "/Title": title,
            "/Author": author,
            "/Subject": subject,
            "/Keywords": _keywords(keywords),
        }
        for key, value in values.items():
            if value:
                info[key] = value
            elif key in info:
                del info[key]
        for key in ("/CreationDate", "/ModDate"):
            if stamp is None and key in info:
                del info[key]
        if "/Trapped" in info:
            del info["/Trapped"]  # not one of the entries XMP mirrors; PDF/A readers need not see it
        if "/Metadata" in doc.Root:
            del doc.Root["/Metadata"]  # start from an empty packet: nothing of another tool's (IDs, dates)
        with doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
            meta.load_from_docinfo(info, raise_failure=True)
            if stamp is not None:
                meta["xmp:CreateDate"] = stamp.isoformat()
                meta["xmp:ModifyDate"] = stamp.isoformat()
            meta["pdfaid:part"] = PART
            meta["pdfaid:conformance"] = CONFORMANCE
            if lang:
                meta["dc:language"] = [lang]
        if stamp is not None:  # pikepdf writes +08'00 from XMP; keep the writer's own form, the same instant
            info["/CreationDate"] = info["/ModDate"] = pikepdf.String(_pdf_date(created))
        if lang:
            doc.Root.Lang = pikepdf.String(lang)
        profile = doc.make_stream(srgb_profile())
        profile.N = 3
        intent = pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent,
            S=pikepdf.Name.GTS_PDFA1,
            OutputConditionIdentifier=pikepdf.String(SRGB_ID),
            Info=pikepdf.String(SRGB_ID),
            RegistryName=pikepdf.String("http://www.color.org"),
            DestOutputProfile=profile,
        )
        doc.Root.OutputIntents = pikepdf.Array([intent])
        out = io.BytesIO()
        # PDF/A-2 is a profile of PDF 1.7; the ID is a hash of the content, not of the time
        doc.save(out, deterministic_id=True, min_version="1.7", compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.preserve)
    data = out.getvalue()
    problems = check_pdfa(data)
    if problems:
        raise PdfaError(*[M.pdfa_not(problem=p) for p in problems])
    return data


# --------------------------------------------------------------------------------------------
# checking


