"""The README's pictures, made by briefgen's own commands: `make docs-images` (tests/cli/test_docs_images.py fails
when they are stale).

    docs/summary.png        the one-page indicator summary
    docs/pack-cover.png     the handout pack's cover and contents, side by side
    docs/contact-sheet.png  a batch of department briefs at a glance
    docs/tasks.png          the task list's first page (docs/使用说明.md)
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "qianjiang-2022-h1.yaml"
DPI = 60


def make(folder: Path) -> dict[str, bytes]:
    """PNG bytes of each README picture, built into the scratch ``folder``."""
    from PIL import Image

    import briefgen
    from briefgen.render.preview import page_pngs

    out = {}
    built = briefgen.build(briefgen.Settings(data=SAMPLE, out=folder / "build", formats=("pdf",), templates=("summary",)))
    out["summary.png"] = page_pngs(built.outputs[0].path.read_bytes(), DPI * 1.5)[0]
    tasks = briefgen.build(briefgen.Settings(data=SAMPLE, out=folder / "tasks", formats=("pdf",), templates=("tasks",)))
    out["tasks.png"] = page_pngs(tasks.outputs[0].path.read_bytes(), DPI * 1.5)[0]
    settings = briefgen.Settings(data=SAMPLE, out=folder / "pack", formats=("pdf",), mark="内部资料 注意保存")
    pack = briefgen.pack(settings.model_copy(update={"pack": settings.pack.model_copy(update={"meeting": "前江街道2022年下半年工作部署会"})}))
    pages = page_pngs(pack.outputs[0].path.read_bytes(), DPI, [1, 2])
    images = [Image.open(io.BytesIO(p)).convert("RGB") for p in pages]
    sheet = Image.new("RGB", (sum(i.width for i in images) + 12, images[0].height), (200, 200, 200))
    x = 0
    for image in images:
        sheet.paste(image, (x, 0))
        x += image.width + 12
    buf = io.BytesIO()
    sheet.save(buf, format="PNG", optimize=True)
    out["pack-cover.png"] = buf.getvalue()
    batch = briefgen.batch(briefgen.Settings(data=SAMPLE, out=folder / "batch", formats=("pdf",), preview=True, workers=1),
                           only=("经济发展办公室", "党政办公室", "财政办公室", "城市建设管理办公室"))
    sheet_path = next(o.path for o in batch.outputs if o.format == "png")
    out["contact-sheet.png"] = sheet_path.read_bytes()
    return out


def main() -> None:
    docs = ROOT / "docs"
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in make(Path(tmp)).items():
            (docs / name).write_bytes(data)
            print(f"wrote docs/{name}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
