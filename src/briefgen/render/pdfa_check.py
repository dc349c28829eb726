"""Does a PDF have what PDF/A-2b asks, as archives and validators check it? PDF bytes -> a list of problems (worded).

    problems = check_pdfa(pdf)   # [] for a PDF that is what it claims

Metadata in step with the XMP (pdfaid part 2, conformance B, dates as one instant), an OutputIntent with its ICC
profile, no encryption, JavaScript, launch or remote actions, embedded fonts whose ToUnicode maps are well formed,
no transparency, colour spaces that the OutputIntent covers. pdfa.to_pdfa checks every file it makes with it."""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta, timezone
from typing import Iterable

from .. import messages as M

PART, CONFORMANCE = "2", "B"  # PDF/A-2b
BFCHAR_LIMIT = 100  # entries a beginbfchar/beginbfrange block may hold (CMap format, Adobe TN 5411)
INFO_XMP = {
    "/Title": "dc:title",
    "/Author": "dc:creator",
    "/Subject": "dc:description",
    "/Keywords": "pdf:Keywords",
    "/Creator": "xmp:CreatorTool",
    "/Producer": "pdf:Producer",
    "/CreationDate": "xmp:CreateDate",
    "/ModDate": "xmp:ModifyDate",
}


def check_pdfa(pdf: bytes) -> list[str]:
    """What keeps ``pdf`` from being PDF/A-2b, one line each (empty: nothing found).

    Checks the properties briefgen promises, not all of ISO 19005-2 (veraPDF does that): not
    encrypted; a document ID; XMP with pdfaid part 2 / conformance B that agrees with the Info
    dictionary; an OutputIntent with an ICC profile; every font embedded, with a ToUnicode map of no
    block over 100 entries and UTF-16 destinations; no transparency, JavaScript, other actions that
    leave the file, embedded files or external content; no DeviceCMYK beside an RGB intent.
    """
    import pikepdf

    try:
        doc = pikepdf.open(io.BytesIO(pdf))
    except pikepdf.PasswordError:
        return [M.pdfa_encrypted()]
    except pikepdf.PdfError as exc:
        return [M.pdfa_unreadable(detail=str(exc))]
    with doc:
        problems: list[str] = []
        if doc.is_encrypted or "/Encrypt" in doc.trailer:
            problems.append(M.pdfa_encrypted())
        if "/ID" not in doc.trailer:
            problems.append(M.pdfa_no_id())
        problems += _check_metadata(doc)
        problems += _check_intents(doc)
        problems += _check_catalog(doc)
        problems += _check_objects(doc)
        return list(dict.fromkeys(problems))


def _text(value) -> str:
    return str(value) if value is not None else ""


def _check_metadata(doc) -> list[str]:
    import pikepdf

    problems = []
    if "/Metadata" not in doc.Root:
        return [M.pdfa_no_xmp()]
    if "/Filter" in doc.Root.Metadata:
        problems.append(M.pdfa_xmp_compressed())
    meta = doc.open_metadata()
    part, conformance = _text(meta.get("pdfaid:part")), _text(meta.get("pdfaid:conformance"))
    if part != PART or conformance != CONFORMANCE:
        problems.append(M.pdfa_part(part=part or "(none)", conformance=conformance or "(none)", want=f"{PART}/{CONFORMANCE}"))
    info = doc.trailer.get("/Info")
    info = info if isinstance(info, pikepdf.Dictionary) else {}
    for key, prop in INFO_XMP.items():
        have = info.get(key)
        xmp = meta.get(prop)
        if have is None:
            if xmp not in (None, "", []):
                problems.append(M.pdfa_xmp_only(prop=prop, key=key))
            continue
        if xmp in (None, "", []):
            problems.append(M.pdfa_info_only(key=key, prop=prop))
            continue
        if key in ("/CreationDate", "/ModDate"):
            same = _same_instant(str(have), str(xmp))
        elif key == "/Author":
            same = str(have) == "; ".join(xmp) if isinstance(xmp, list) else str(have) == str(xmp)
        else:
            same = str(have) == str(xmp)
        if not same:
            problems.append(M.pdfa_differ(key=key, have=repr(str(have)), prop=prop, xmp=repr(xmp)))
    return problems


_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+\-])?(\d{2})?'?(\d{2})?'?")


def _same_instant(pdf_date: str, xmp_date: str) -> bool:
    m = _PDF_DATE.match(pdf_date)
    if not m:
        return False
    y, mo, d, h, mi, s = (int(g) if g else dflt for g, dflt in zip(m.groups()[:6], (0, 1, 1, 0, 0, 0)))
    sign, tzh, tzm = m.group(7), int(m.group(8) or 0), int(m.group(9) or 0)
    offset = timedelta(hours=tzh, minutes=tzm) * (-1 if sign == "-" else 1)
    first = datetime(y, mo, d, h, mi, s, tzinfo=timezone(offset) if sign else timezone.utc)
    try:
        second = datetime.fromisoformat(xmp_date.replace("Z", "+00:00"))
    except ValueError:
        return False
    if second.tzinfo is None:
        second = second.replace(tzinfo=timezone.utc)
    return first == second


def _check_intents(doc) -> list[str]:
    intents = doc.Root.get("/OutputIntents")
    if not intents:
        return [M.pdfa_no_intent()]
    problems = []
    pdfa = [i for i in intents if i.get("/S") == "/GTS_PDFA1"]
    if not pdfa:
        return [M.pdfa_no_pdfa_intent()]
    for intent in pdfa:
        profile = intent.get("/DestOutputProfile")
        if profile is None:
            problems.append(M.pdfa_no_profile())
            continue
        icc = profile.read_bytes()
        if len(icc) < 128 or icc[36:40] != b"acsp":
            problems.append(M.pdfa_not_icc())
            continue
        space, cls, major = icc[16:20], icc[12:16], icc[8]
        if cls not in (b"mntr", b"prtr"):
            problems.append(M.pdfa_icc_class(cls=repr(cls.decode("latin-1"))))
        if major >= 5:
            problems.append(M.pdfa_icc_version(major=major))
        channels = {b"RGB ": 3, b"GRAY": 1, b"CMYK": 4}.get(space)
        if channels is None or int(profile.get("/N", 0)) != channels:
            problems.append(M.pdfa_icc_channels())
    profiles = {bytes(i.DestOutputProfile.read_bytes()) for i in pdfa if "/DestOutputProfile" in i}
    if len(profiles) > 1:
        problems.append(M.pdfa_profiles_differ())
    return problems


_ACTIONS_LEAVING = {"/JavaScript": M.pdfa_javascript, "/Launch": M.pdfa_launch, "/GoToR": M.pdfa_gotor,
                    "/GoToE": M.pdfa_gotoe, "/ImportData": None, "/SubmitForm": None, "/ResetForm": None,
                    "/Sound": M.pdfa_sound, "/Movie": M.pdfa_movie, "/Hide": None, "/SetOCGState": None,
                    "/Rendition": None, "/Trans": None, "/GoTo3DView": None}  # None: the action's own name


def _check_catalog(doc) -> list[str]:
    problems = []
    names = doc.Root.get("/Names")
    if names is not None:
        if "/JavaScript" in names:
            problems.append(M.pdfa_doc_javascript())
        if "/EmbeddedFiles" in names:
            problems.append(M.pdfa_embedded_files())
    for key in ("/AA",):
        if key in doc.Root:
            problems.append(M.pdfa_catalog_aa())
    if "/AcroForm" in doc.Root and doc.Root.AcroForm.get("/NeedAppearances"):
        problems.append(M.pdfa_need_appearances())
    return problems


def _check_objects(doc) -> list[str]:
    """Fonts, actions, transparency and colour spaces, in every object of the file."""
    import pikepdf

    problems: list[str] = []
    Name = pikepdf.Name
    for d in _dictionaries(doc):
        typ = d.get("/Type")
        sub = d.get("/Subtype")
        action = d.get("/S")
        if action in _ACTIONS_LEAVING and (typ is None or typ == Name.Action):
            what = _ACTIONS_LEAVING[str(action)]
            what = what() if what is not None else M.pdfa_other_action(name=str(action).lstrip("/"))
            problems.append(M.pdfa_action(what=what, action=str(action)))
        if action == Name.URI:
            pass  # a web link is allowed: it leaves the file only when a reader follows it
        if "/AA" in d and typ in (Name.Page, None) and sub != Name.Image:
            problems.append(M.pdfa_page_aa())
        if typ == Name.Font or (sub in (Name.TrueType, Name.Type1, Name.Type0, Name.Type3, Name.MMType1,
                                        Name.CIDFontType0, Name.CIDFontType2) and "/BaseFont" in d):
            problems += _check_font(d)
        if typ == Name.ExtGState:
            problems += _check_gstate(d)
        if sub == Name.Image and "/SMask" in d:
            problems.append(M.pdfa_soft_mask_image())
        if "/Group" in d and d.Group.get("/S") == Name.Transparency:
            problems.append(M.pdfa_group_page() if typ == Name.Page else M.pdfa_group_form())
        if sub == Name.Form and "/Ref" in d:
            problems.append(M.pdfa_reference())
        if "/OPI" in d:
            problems.append(M.pdfa_opi())
        if typ == Name.Filespec or "/EF" in d:
            problems.append(M.pdfa_filespec())
        if "/Alternates" in d:
            problems.append(M.pdfa_alternates())
        if sub == Name.PS or typ == Name.PS:
            problems.append(M.pdfa_postscript())
        if typ == Name.Annot or sub in (Name.Link, Name.Widget, Name.Text, Name.FileAttachment):
            problems += _check_annotation(d)
        if "/ColorSpace" in d and typ != Name.Page:
            problems += _check_colour_spaces(d.ColorSpace)
    for page in doc.pages:
        problems += _check_page_colours(page)
    return problems


def _dictionaries(doc):
    """Every dictionary of the file (stream dictionaries too), indirect or nested directly in another."""
    import pikepdf

    def inner(obj):
        if isinstance(obj, pikepdf.Stream):
            obj = obj.stream_dict
        if isinstance(obj, pikepdf.Dictionary):
            yield obj
            children = [v for _, v in obj.items()]
        elif isinstance(obj, pikepdf.Array):
            children = list(obj)
        else:
            return
        for child in children:
            if isinstance(child, (pikepdf.Dictionary, pikepdf.Array)) and not child.is_indirect:
                yield from inner(child)

    for obj in doc.objects:
        yield from inner(obj)


def _check_font(font) -> list[str]:
    import pikepdf

    name = str(font.get("/BaseFont", "(unnamed)"))
    problems = []
    sub = font.get("/Subtype")
    if sub == pikepdf.Name.Type3:
        return problems  # glyphs drawn by content streams: nothing to embed
    if sub == pikepdf.Name.Type0:
        parts = list(font.get("/DescendantFonts", []))
    else:
        parts = [font]
    for part in parts:
        desc = part.get("/FontDescriptor")
        if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            problems.append(M.pdfa_font_not_embedded(name=name))
    if sub in (pikepdf.Name.CIDFontType0, pikepdf.Name.CIDFontType2):
        return problems  # a descendant: its Type0 parent carries the ToUnicode map
    if "/ToUnicode" not in font:
        problems.append(M.pdfa_font_no_tounicode(name=name))
    else:
        problems += [M.pdfa_font_cmap(name=name, problem=p) for p in cmap_problems(font.ToUnicode.read_bytes())]
    return problems


_BLOCK = re.compile(rb"(\d+)\s+begin(bfchar|bfrange)(.*?)end\2", re.S)


_TOKEN = re.compile(rb"<([0-9A-Fa-f\s]*)>|(\[)|(\])")


def _entries(kind: str, body: bytes) -> list[list]:
    """The entries of a bfchar block ([src, dst]) or bfrange block ([lo, hi, dst or [dst, …]]), as hex strings."""
    per = 2 if kind == "bfchar" else 3
    entries: list[list] = []
    current: list = []
    array: list[bytes] | None = None
    for m in _TOKEN.finditer(body):
        if m.group(2):
            array = []
            continue
        if m.group(3):
            current.append(array or [])
            array = None
        else:
            digits = re.sub(rb"\s", b"", m.group(1))
            if array is not None:
                array.append(digits)
                continue
            current.append(digits)
        if len(current) == per:
            entries.append(current)
            current = []
    return entries


def cmap_problems(cmap: bytes) -> list[str]:
    """What is wrong with a ToUnicode CMap: blocks over 100 entries, counts that lie, destinations
    that are not UTF-16BE (odd length, a lone surrogate, or a code point written as 5 hex digits)."""
    problems = []
    blocks = list(_BLOCK.finditer(cmap))
    if not blocks:
        return [M.pdfa_cmap_empty()]
    for m in blocks:
        declared, kind = int(m.group(1)), m.group(2).decode()
        if declared > BFCHAR_LIMIT:
            problems.append(M.pdfa_cmap_block(kind=kind, declared=declared, limit=BFCHAR_LIMIT))
        entries = _entries(kind, m.group(3))
        if len(entries) != declared:
            problems.append(M.pdfa_cmap_count(kind=kind, declared=declared, found=len(entries)))
        for entry in entries:
            dests = entry[-1] if isinstance(entry[-1], list) else [entry[-1]]
            problem = next((p for p in map(_utf16_problem, dests) if p), None)
            if problem:
                shown = " ".join(f"<{d.decode()}>" for d in dests[:3])
                problems.append(M.pdfa_cmap_dest(shown=shown, problem=problem))
                break
    return list(dict.fromkeys(problems))


def _utf16_problem(hexdigits: bytes) -> str:
    if len(hexdigits) % 4:
        return M.pdfa_utf16_length()
    units = [int(hexdigits[i:i + 4], 16) for i in range(0, len(hexdigits), 4)]
    i = 0
    while i < len(units):
        u = units[i]
        if 0xD800 <= u <= 0xDBFF:
            if i + 1 >= len(units) or not 0xDC00 <= units[i + 1] <= 0xDFFF:
                return M.pdfa_high_surrogate()
            i += 2
            continue
        if 0xDC00 <= u <= 0xDFFF:
            return M.pdfa_low_surrogate()
        i += 1
    return None


def _check_gstate(gs) -> list[str]:
    import pikepdf

    problems = []
    smask = gs.get("/SMask")
    if smask is not None and smask != pikepdf.Name("/None"):
        problems.append(M.pdfa_gs_soft_mask())
    for key in ("/CA", "/ca"):
        if key in gs and float(gs[key]) < 1.0:
            problems.append(M.pdfa_gs_alpha(key=key, value=f"{float(gs[key]):g}"))
    bm = gs.get("/BM")
    if bm is not None:
        modes = list(bm) if isinstance(bm, pikepdf.Array) else [bm]
        if any(str(m) not in ("/Normal", "/Compatible") for m in modes):
            problems.append(M.pdfa_blend(mode=str(bm)))
    if "/TR" in gs:
        problems.append(M.pdfa_transfer())
    return problems


def _check_annotation(annot) -> list[str]:
    import pikepdf

    sub = annot.get("/Subtype")
    if sub == pikepdf.Name.Popup:
        return []
    problems = []
    if sub in (pikepdf.Name.Sound, pikepdf.Name.Movie, pikepdf.Name.FileAttachment, pikepdf.Name("/3D"),
               pikepdf.Name.Screen, pikepdf.Name.RichMedia):
        problems.append(M.pdfa_annotation_type(sub=str(sub)))
    flags = int(annot.get("/F", 0))
    if not flags & 4 or flags & (1 | 2 | 32):
        problems.append(M.pdfa_annotation_hidden(sub=str(sub), flags=flags))
    return problems


def _colour_space_names(cs) -> Iterable[str]:
    import pikepdf

    if isinstance(cs, pikepdf.Name):
        yield str(cs)
    elif isinstance(cs, pikepdf.Array) and len(cs):
        yield str(cs[0])
        for item in list(cs)[1:]:
            if isinstance(item, (pikepdf.Name, pikepdf.Array)):
                yield from _colour_space_names(item)
    elif isinstance(cs, pikepdf.Dictionary):  # a resource dictionary of named colour spaces
        for _, value in cs.items():
            yield from _colour_space_names(value)


def _check_colour_spaces(cs) -> list[str]:
    if "/DeviceCMYK" in set(_colour_space_names(cs)):
        return [M.pdfa_cmyk()]
    return []


def _check_page_colours(page) -> list[str]:
    """Content operators that set CMYK colour (k, K) on a page with an RGB intent."""
    import pikepdf

    try:
        ops = pikepdf.parse_content_stream(page)
    except pikepdf.PdfError as exc:
        return [M.pdfa_page_unreadable(detail=str(exc))]
    problems = []
    for operands, op in ops:
        name = str(op)
        if name in ("k", "K"):
            problems.append(M.pdfa_cmyk_ops())
            break
        if name in ("cs", "CS") and operands and str(operands[0]) == "/DeviceCMYK":
            problems.append(M.pdfa_cmyk_space())
            break
    return problems
