"""Write examples/指标.xlsx and examples/任务.xlsx from the sample data, as staff keep such tables in Excel.

    .venv/bin/python examples/make_excel_samples.py [DATA.yaml]

The workbooks have a merged title row, a heading row and (for tasks) a merged row per section; they load back
through briefgen's table loader to the same indicators and tasks (``briefgen build DATA --indicators
examples/指标.xlsx --tasks examples/任务.xlsx``). The files are deterministic: rerunning gives the same bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from briefgen.inputs import load_report_data
from briefgen.model import validate
from briefgen.scaffold import write_excel_samples

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "data" / "qianjiang-2022-h1.yaml"


def main(argv: list[str]) -> int:
    data = Path(argv[0]) if argv else SAMPLE
    report = validate(*load_report_data(data))
    for path in write_excel_samples(report, HERE):
        print(f"wrote {path.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
