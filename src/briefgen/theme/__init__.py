"""Theme files (TOML or YAML) -> a validated Theme: page, sizes, fonts per role, page numbers, marks.

A theme may ``extends`` another (a built-in name or a file); its tables are merged key by key over
the parent's. Built-ins live in ``briefgen/theme/builtin``; ``--theme path/to/theme.toml`` loads a user's.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from .. import limits
from .. import messages as M
from ..errors import DataError, ThemeError
from ..load.text import decode_text

BUILTIN_DIR = Path(__file__).parent / "builtin"
MM = 72 / 25.4  # points per millimetre


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


# Type sizes as Chinese offices name them (字号), in points: 三号 is the body of a 公文, 二号 its title.
HAO = {"初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16, "小三": 15,
       "四号": 14, "小四": 12, "五号": 10.5, "小五": 9, "六号": 7.5, "小六": 6.5, "七号": 5.5, "八号": 5}
_HAO_DIGITS = dict(zip("12345678", "一二三四五六七八"))


def type_size(value):
    """A type size as a theme writes it -> points: 16, "16pt", "16 磅", or in 号: "三号", "小四", "3号", "小4号"."""
    if not isinstance(value, str):
        return value
    text = value.strip().replace(" ", "")
    for unit in ("pt", "PT", "Pt", "磅"):
        if text.endswith(unit):
            return text[: -len(unit)]
    text = "".join(_HAO_DIGITS.get(ch, ch) for ch in text)
    if text.startswith("小") and text.endswith("号") and len(text) == 3:
        text = text[:-1]  # 小四号 -> 小四
    if text in HAO:
        return HAO[text]
    if text + "号" in HAO:
        return HAO[text + "号"]
    raise ValueError(M.th_not_size(value=repr(value)))


def _plain_text(value: str) -> str:
    """Text a theme holds (a font name, a format, a mark): printable and short, since Word and the PDF carry it."""
    if len(value) > limits.MAX_THEME_TEXT_CHARS:
        raise ValueError(M.th_text_long(n=len(value), limit=limits.MAX_THEME_TEXT_CHARS))
    bad = next((ch for ch in value if not ch.isprintable() and ch != " "), None)
    if bad is not None:
        raise ValueError(M.th_control(code=f"{ord(bad):04X}"))
    return value


Text = Annotated[str, AfterValidator(_plain_text)]
Size = Annotated[float, BeforeValidator(type_size), Field(ge=4, le=96)]  # points: 4 pt is unreadable, 96 a poster
Length = Annotated[float, Field(ge=0, le=200)]  # margins and offsets in millimetres


class Page(_Part):
    width_mm: float = Field(210, ge=50, le=1200)
    height_mm: float = Field(297, ge=50, le=1200)
    margin_top_mm: Length = 37
    margin_bottom_mm: Length = 35
    margin_left_mm: Length = 28
    margin_right_mm: Length = 26

    @model_validator(mode="after")
    def _room_for_text(self) -> "Page":
        if self.text_width_mm < 30 or self.text_height_mm < 30:
            raise ValueError(M.th_block_small(width=f"{self.text_width_mm:g}", height=f"{self.text_height_mm:g}"))
        return self

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.margin_left_mm - self.margin_right_mm

    @property
    def text_height_mm(self) -> float:
        return self.height_mm - self.margin_top_mm - self.margin_bottom_mm


class Body(_Part):
    size_pt: Size = 16
    line_pitch_pt: float = Field(28.95, ge=4, le=150)
    indent_chars: float = Field(2, ge=0, le=10)
    table_size_pt: Size = 12
    table_leading: float = Field(1.35, ge=1.0, le=3.0)
    caption_size_pt: Size = 14
    min_size_pt: Size = 12
    min_table_size_pt: Size = 9
    # characters on a full body line (GB/T 9704: 28): both writers set the body a little tight to fit them
    # (writers.shared.body_tracking); None sets the type at its own width
    chars_per_line: float | None = Field(None, ge=4, le=200)

    @model_validator(mode="after")
    def _consistent(self) -> "Body":
        if self.line_pitch_pt < self.size_pt:
            raise ValueError(M.th_pitch(pitch=f"{self.line_pitch_pt:g}", size=f"{self.size_pt:g}"))
        if self.min_size_pt > self.size_pt:
            raise ValueError(M.th_min_size(min=f"{self.min_size_pt:g}", size=f"{self.size_pt:g}"))
        return self


class TitleStyle(_Part):
    size_pt: Size = 22
    space_after_lines: float = Field(1, ge=0, le=10)
    cover_size_pt: Size = 42  # 初号: the largest line of a cover (会议材料), in the title's font (role ``cover``)


class Headings(_Part):
    sizes_pt: list[Size] = Field([16, 16, 16, 16], min_length=4, max_length=4, description="一、 （一） 1. （1）")
    roles: list[Text] = Field(["h1", "h2", "h3", "h4"], min_length=4, max_length=4)


class PageNumber(_Part):
    format: Text = "— {n} —"
    size_pt: Size = 14
    below_text_mm: Length = 7
    position: Literal["outside", "center", "right", "none"] = "outside"
    inset_chars: float = Field(1, ge=0, le=10)

    @field_validator("format")
    @classmethod
    def _has_number(cls, v: str) -> str:
        if "{n}" not in v:
            raise ValueError(M.th_page_number())
        return v


class Mark(_Part):
    text: Text = ""
    size_pt: Size = 12


class FontRole(_Part):
    """How one role (title, body, h1 …) is set: the name a DOCX carries and where the PDF finds a file."""
    docx: Text
    latin: Text = "Times New Roman"
    file: Text | None = Field(default=None, description="an explicit font file for the PDF (.ttf, .ttc, .otf)")
    index: int = Field(default=0, description="the face in a .ttc collection")
    system: list[Text] = []
    bundled: Literal["serif", "sans"] = "serif"
    fake_bold: bool = False


class Theme(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    name: Text
    label: Annotated[str, Field(max_length=200)] = ""  # what clerks call it (会议材料): `--theme 会议材料` finds a built-in
    description: Annotated[str, Field(max_length=2000)] = ""
    description_zh: Annotated[str, Field(max_length=2000)] = ""
    extends: str | None = None
    page: Page = Page()
    body: Body = Body()
    title: TitleStyle = TitleStyle()
    headings: Headings = Headings()
    page_number: PageNumber = PageNumber()
    mark: Mark = Mark()
    fonts: dict[str, FontRole]
    source: str = ""
    chain: tuple[str, ...] = ()  # the theme files read, the theme's own first, then what it extends

    def scaled(self, scale: float) -> "Theme":
        """The theme with body, table, title and heading sizes scaled (the one-page fit, ``briefgen.render.fit``)."""
        if scale == 1.0:
            return self
        body = self.body.model_copy(update={
            "size_pt": self.body.size_pt * scale,
            "line_pitch_pt": self.body.line_pitch_pt * scale,
            "table_size_pt": max(self.body.table_size_pt * scale, self.body.min_table_size_pt),
            "chars_per_line": self.body.chars_per_line / scale if self.body.chars_per_line else None,
        })
        title = self.title.model_copy(update={"size_pt": self.title.size_pt * scale})
        headings = self.headings.model_copy(update={"sizes_pt": [s * scale for s in self.headings.sizes_pt]})
        return self.model_copy(update={"body": body, "title": title, "headings": headings})

    def font(self, role: str) -> FontRole:
        return self.fonts[self.font_role(role)]

    def font_role(self, role: str) -> str:
        """The font role of the theme that sets ``role``: itself when the theme has it, the title's for ``cover``
        (a theme may give the cover a font of its own), else the body's."""
        if role in self.fonts:
            return role
        return "title" if role == "cover" and "title" in self.fonts else "body"

    def role_size(self, role: str) -> float:
        """The type size of a font role, in points: both writers set each role at this size."""
        if role in ("table", "table_header"):
            return self.body.table_size_pt
        if role in self.headings.roles:
            return self.headings.sizes_pt[self.headings.roles.index(role)]
        if role == "title":
            return self.title.size_pt
        if role == "cover":
            return self.title.cover_size_pt
        if role == "page_number":
            return self.page_number.size_pt
        if role == "mark":
            return self.mark.size_pt
        return self.body.size_pt

    def heading(self, level: int) -> tuple[str, float]:
        """(font role, size in points) of heading level 1-4; deeper levels take level 4's."""
        index = min(max(level, 1), 4) - 1
        return self.headings.roles[index], self.headings.sizes_pt[index]


def _field(loc: tuple) -> str:
    return ".".join(str(p) for p in loc if not str(p).startswith("function-after")) or "(theme)"


def _theme_message(err: dict) -> str:
    kind = err["type"]
    ctx_error = (err.get("ctx") or {}).get("error")
    if isinstance(ctx_error, ValueError) and ctx_error.args and not isinstance(ctx_error.args[0], str):
        return ctx_error.args[0]  # a validator's own Message, worded when shown
    if kind == "extra_forbidden":
        return M.th_unknown_setting()
    if kind == "missing":
        return M.th_required()
    limit = {"greater_than_equal": ("ge", M.th_at_least), "less_than_equal": ("le", M.th_at_most),
             "greater_than": ("gt", M.th_above), "less_than": ("lt", M.th_below)}.get(kind)
    if limit and limit[0] in (err.get("ctx") or {}):
        bound = err["ctx"][limit[0]]
        return limit[1](n=f"{bound:g}" if isinstance(bound, float) else bound)
    if kind in ("greater_than_equal", "less_than_equal", "too_short", "too_long"):
        return err["msg"].replace("Input should be", "should be").replace("List should have", "should have")
    if kind in ("float_parsing", "float_type"):
        return M.th_not_number(value=repr(err.get("input")))
    if kind == "finite_number":
        return M.th_not_finite(value=repr(err.get("input")))
    msg = err["msg"]
    return msg[len("Value error, "):] if msg.startswith("Value error, ") else msg


def builtin_names() -> list[str]:
    return sorted(p.stem for p in BUILTIN_DIR.glob("*.toml"))


def builtin_labels() -> dict[str, str]:
    """The label of each built-in theme (its own, not inherited) -> its name: 会议材料 -> handout."""
    import tomllib

    out = {}
    for name in builtin_names():
        label = tomllib.loads((BUILTIN_DIR / f"{name}.toml").read_text("utf-8")).get("label")
        if isinstance(label, str) and label:
            out[label] = name
    return out


def _read(path: Path) -> dict[str, Any]:
    from ..load.source import outside

    if BUILTIN_DIR.resolve() not in path.resolve().parents and outside(path):
        raise ThemeError(M.th_cannot_read(path=path, reason=M.outside_folder()))
    try:
        size = path.stat().st_size
        if size > limits.MAX_THEME_FILE_BYTES:
            raise ThemeError(M.th_file_big(path=path, size=f"{size:,}", limit=f"{limits.MAX_THEME_FILE_BYTES:,}"))
        if path.suffix.lower() in (".yaml", ".yml"):
            from ..load.yamlfile import (
                load_yaml,  # the data files' guards: alias bombs, nesting, control characters
            )

            data, _ = load_yaml(path, str(path))
        else:
            data = tomllib.loads(decode_text(path.read_bytes(), str(path)))
    except DataError as exc:
        raise ThemeError(*exc.lines()) if len(exc.lines()) > 1 else ThemeError(exc.lines()[0]) from None
    except (tomllib.TOMLDecodeError, ValueError) as exc:
        raise ThemeError(M.th_invalid(path=path, detail=exc)) from None
    except OSError as exc:
        raise ThemeError(M.th_cannot_read(path=path, reason=exc.strerror)) from None
    if not isinstance(data, dict):
        raise ThemeError(M.th_not_table(path=path))
    return data


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _locate(name_or_path: str, relative_to: Path | None = None) -> Path:
    candidate = Path(name_or_path)
    if candidate.suffix.lower() in (".toml", ".yaml", ".yml"):
        if not candidate.is_absolute() and relative_to is not None and (relative_to / candidate).is_file():
            return relative_to / candidate
        if candidate.is_file():
            return candidate
        raise ThemeError(M.th_not_found(path=name_or_path))
    builtin = BUILTIN_DIR / f"{name_or_path}.toml"
    if builtin.is_file():
        return builtin
    by_label = builtin_labels()
    if name_or_path.strip() in by_label:
        return BUILTIN_DIR / f"{by_label[name_or_path.strip()]}.toml"
    raise ThemeError(M.th_unknown(name=repr(name_or_path), names=", ".join(builtin_names())))


def _raw(name_or_path: str, relative_to: Path | None, seen: tuple[Path, ...]) -> tuple[dict, Path, tuple[Path, ...]]:
    path = _locate(name_or_path, relative_to).resolve()
    if len(seen) >= limits.MAX_THEME_EXTENDS:
        raise ThemeError(M.th_extends_chain(path=seen[0], limit=limits.MAX_THEME_EXTENDS))
    if path in seen:
        raise ThemeError(M.th_extends_itself(path=path, chain=" -> ".join(p.name for p in seen)))
    data = _read(path)
    parent = data.get("extends")
    chain: tuple[Path, ...] = (path,)
    if parent:
        try:
            base, _, inherited = _raw(str(parent), path.parent, seen + (path,))
            chain += inherited
        except ThemeError as exc:
            if str(path) in str(exc) or str(seen[0] if seen else path) in str(exc):
                raise
            raise ThemeError(M.th_extends(path=path, detail=exc)) from None
        data = _merge(base, data)
    return data, path, chain


def _type_fits_page(theme: Theme) -> list[str]:
    """``field: message`` for each type size the text block cannot hold: a tiny page with huge type would
    otherwise fail deep inside the PDF writer (a table cell narrower than its padding)."""
    width = theme.page.text_width_mm * MM
    height = theme.page.text_height_mm * MM
    block = {"width": f"{theme.page.text_width_mm:g}", "height": f"{theme.page.text_height_mm:g}"}
    out = []
    for field, size, least in (("body.size_pt", theme.body.size_pt, 10), ("body.table_size_pt", theme.body.table_size_pt, 20),
                               ("title.size_pt", theme.title.size_pt, 4),
                               *((f"headings.sizes_pt[{i}]", s, 4) for i, s in enumerate(theme.headings.sizes_pt))):
        if width / size < least:
            out.append(M.th_chars_line(field=field, size=f"{size:g}", chars=f"{width / size:.1f}", least=least, **block))
    if height / theme.body.line_pitch_pt < 5:
        out.append(M.th_lines_page(pitch=f"{theme.body.line_pitch_pt:g}", lines=f"{height / theme.body.line_pitch_pt:.1f}", **block))
    return out


_cache: dict[str, Theme] = {}


def load_theme(name_or_path: str = "official") -> Theme:
    """A built-in theme by name, or a theme file by path, with its ``extends`` chain merged."""
    try:  # a theme file edited since (a long-lived process, a test) is read again
        stamp = Path(name_or_path).stat()
        key = f"{name_or_path}\x00{stamp.st_mtime_ns}\x00{stamp.st_size}"
    except (OSError, ValueError):
        key = name_or_path
    if key in _cache:
        return _cache[key]
    data, path, chain = _raw(name_or_path, None, ())
    data.setdefault("name", path.stem)
    data["source"] = str(path)
    data["chain"] = tuple(str(p) for p in chain)
    try:
        theme = Theme.model_validate(data)
    except ValidationError as exc:
        raise ThemeError(*[M.th_line(path=path, field=_field(err["loc"]), detail=_theme_message(err)) for err in exc.errors(include_url=False)]) from None
    if "body" not in theme.fonts:
        raise ThemeError(M.th_no_body(path=path))
    crowded = _type_fits_page(theme)
    if crowded:
        raise ThemeError(*[M.th_path_line(path=path, detail=line) for line in crowded])
    _cache[key] = theme
    return theme
