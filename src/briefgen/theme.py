"""Theme files (TOML or YAML) -> a validated Theme: page, sizes, fonts per role, page numbers, marks.

A theme may ``extends`` another (a built-in name or a file); its tables are merged key by key over
the parent's. Built-ins live in ``briefgen/themes``; ``--theme path/to/theme.toml`` loads a user's.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import ThemeError

BUILTIN_DIR = Path(__file__).parent / "themes"
MM = 72 / 25.4  # points per millimetre


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Size = Annotated[float, Field(ge=4, le=96)]  # type sizes in points: 4 pt is unreadable, 96 pt a poster
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
            raise ValueError(
                f"the margins leave a text block of {self.text_width_mm:g} x {self.text_height_mm:g} mm; "
                "it must be at least 30 x 30 mm"
            )
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
            raise ValueError(f"line_pitch_pt {self.line_pitch_pt:g} is smaller than size_pt {self.size_pt:g}: lines would overlap")
        if self.min_size_pt > self.size_pt:
            raise ValueError(f"min_size_pt {self.min_size_pt:g} is larger than size_pt {self.size_pt:g}")
        return self


class TitleStyle(_Part):
    size_pt: Size = 22
    space_after_lines: float = Field(1, ge=0, le=10)


class Headings(_Part):
    sizes_pt: list[Size] = Field([16, 16, 16, 16], min_length=4, max_length=4, description="一、 （一） 1. （1）")
    roles: list[str] = Field(["h1", "h2", "h3", "h4"], min_length=4, max_length=4)


class PageNumber(_Part):
    format: str = "— {n} —"
    size_pt: Size = 14
    below_text_mm: Length = 7
    position: Literal["outside", "center", "right", "none"] = "outside"
    inset_chars: float = Field(1, ge=0, le=10)

    @field_validator("format")
    @classmethod
    def _has_number(cls, v: str) -> str:
        if "{n}" not in v:
            raise ValueError('must contain {n} where the page number goes, e.g. "— {n} —"')
        return v


class Mark(_Part):
    text: str = ""
    size_pt: Size = 12


class FontRole(_Part):
    """How one role (title, body, h1 …) is set: the name a DOCX carries and where the PDF finds a file."""

    docx: str
    latin: str = "Times New Roman"
    file: str | None = Field(default=None, description="an explicit font file for the PDF (.ttf, .ttc, .otf)")
    index: int = Field(default=0, description="the face in a .ttc collection")
    system: list[str] = []
    bundled: Literal["serif", "sans"] = "serif"
    fake_bold: bool = False


class Theme(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    description: str = ""
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
        """The theme with body, table, title and heading sizes scaled (the one-page fit, ``briefgen.fit``)."""
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
        return self.fonts.get(role) or self.fonts["body"]

    def role_size(self, role: str) -> float:
        """The type size of a font role, in points: both writers set each role at this size."""
        if role in ("table", "table_header"):
            return self.body.table_size_pt
        if role in self.headings.roles:
            return self.headings.sizes_pt[self.headings.roles.index(role)]
        if role == "title":
            return self.title.size_pt
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
    if kind == "extra_forbidden":
        return "unknown setting; check its spelling"
    if kind == "missing":
        return "this setting is required"
    if kind in ("greater_than_equal", "less_than_equal", "too_short", "too_long"):
        return err["msg"].replace("Input should be", "should be").replace("List should have", "should have")
    if kind in ("float_parsing", "float_type"):
        return f"{err.get('input')!r} is not a number"
    msg = err["msg"]
    return msg[len("Value error, "):] if msg.startswith("Value error, ") else msg


def builtin_names() -> list[str]:
    return sorted(p.stem for p in BUILTIN_DIR.glob("*.toml"))


def _read(path: Path) -> dict[str, Any]:
    from .textfile import decode_text

    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(decode_text(path.read_bytes(), str(path)))
        else:
            data = tomllib.loads(decode_text(path.read_bytes(), str(path)))
    except (tomllib.TOMLDecodeError, ValueError) as exc:
        raise ThemeError(f"{path}: invalid theme file: {exc}") from None
    except OSError as exc:
        raise ThemeError(f"{path}: cannot read theme file: {exc.strerror}") from None
    if not isinstance(data, dict):
        raise ThemeError(f"{path}: a theme file must hold a table of settings")
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
        raise ThemeError(f"{name_or_path}: theme file not found")
    builtin = BUILTIN_DIR / f"{name_or_path}.toml"
    if builtin.is_file():
        return builtin
    raise ThemeError(f"unknown theme {name_or_path!r}; built-in themes: {', '.join(builtin_names())}, or give a .toml/.yaml file")


def _raw(name_or_path: str, relative_to: Path | None, seen: tuple[Path, ...]) -> tuple[dict, Path, tuple[Path, ...]]:
    path = _locate(name_or_path, relative_to).resolve()
    if path in seen:
        raise ThemeError(f"{path}: theme extends itself (through {' -> '.join(p.name for p in seen)})")
    data = _read(path)
    parent = data.get("extends")
    chain: tuple[Path, ...] = (path,)
    if parent:
        try:
            base, _, inherited = _raw(str(parent), path.parent, seen + (path,))
            chain += inherited
        except ThemeError as exc:
            if str(path) in str(exc):
                raise
            raise ThemeError(f"{path}: extends: {exc}") from None
        data = _merge(base, data)
    return data, path, chain


_cache: dict[str, Theme] = {}


def load_theme(name_or_path: str = "official") -> Theme:
    """A built-in theme by name, or a theme file by path, with its ``extends`` chain merged."""
    if name_or_path in _cache:
        return _cache[name_or_path]
    data, path, chain = _raw(name_or_path, None, ())
    data.setdefault("name", path.stem)
    data["source"] = str(path)
    data["chain"] = tuple(str(p) for p in chain)
    try:
        theme = Theme.model_validate(data)
    except ValidationError as exc:
        raise ThemeError(*[f"{path}: {_field(err['loc'])}: {_theme_message(err)}" for err in exc.errors(include_url=False)]) from None
    if "body" not in theme.fonts:
        raise ThemeError(f"{path}: fonts.body: a theme must define the body font role")
    _cache[name_or_path] = theme
    return theme
