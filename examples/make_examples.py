"""Write the generated files of the example folders from the sample data, as staff keep such files:

    .venv/bin/python examples/make_examples.py [OUT]

- ``excel-office/指标.xlsx`` and ``excel-office/任务.xlsx``: the sample's indicators (under merged group rows such as
  "一、工业和服务业") and tasks (under a merged row per section), with a merged title row and a heading row;
- ``excel-office/report.yaml``: the report's own facts (title, issuer, date, period), the light tally, the rankings,
  the plan's introduction and the departments: what the workbooks do not hold;
- ``my-office/report.yaml``: the sample data as it is.

The files are deterministic: rerunning gives the same bytes (a test checks that the folders are current). OUT
(default: this folder) is where the folders are written.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from briefgen.compose import load_report
from briefgen.workdir.scaffold import write_excel_samples

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "data" / "qianjiang-2022-h1.yaml"

# The groups a 主要经济指标 sheet puts the sample's indicators under (names as the sample has them).
GROUPS = {
    "工业和服务业": ("规上工业增加值", "规上服务业增加值"),
    "商贸消费": ("限上商品销售额", "限上社会消费品零售总额"),
    "投资和招商": ("固定资产投资", "实际利用外资"),
    "市场主体": ("新注册企业", "新注册企业注册资金", "直播经济企业", "港航服务业企业"),
}

REPORT_HEADER = """\
# The report's own facts for the Excel example: title, issuer, date and period, the light tally, the rankings,
# the plan's introduction and the departments. The figures come from 指标.xlsx and the tasks from 任务.xlsx
# (briefgen.toml names them). Made from briefgen's sample data by examples/make_examples.py.
"""


def report_facts(data_path: Path) -> str:
    """The parts of the sample data that the workbooks do not hold, as YAML."""
    raw = yaml.safe_load(data_path.read_text(encoding="utf-8"))
    facts = {"report": raw["report"], "tally": raw.get("tally"), "rankings": raw.get("rankings", []),
             "plan": {"intro": raw.get("plan", {}).get("intro", "")}, "departments": raw.get("departments", [])}
    facts = {k: v for k, v in facts.items() if v}
    return REPORT_HEADER + "\n" + yaml.safe_dump(facts, allow_unicode=True, sort_keys=False, width=120)


def grouped(report):
    group_of = {name: group for group, names in GROUPS.items() for name in names}
    indicators = [i.model_copy(update={"group": group_of.get(i.name)}) for i in report.indicators]
    return report.model_copy(update={"indicators": indicators})


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else HERE
    report, _ = load_report(SAMPLE)
    excel = out / "excel-office"
    mine = out / "my-office"
    excel.mkdir(parents=True, exist_ok=True)
    mine.mkdir(parents=True, exist_ok=True)
    written = write_excel_samples(grouped(report), excel)
    (excel / "report.yaml").write_text(report_facts(SAMPLE), encoding="utf-8")
    (mine / "report.yaml").write_bytes(SAMPLE.read_bytes())
    for path in [*written, excel / "report.yaml", mine / "report.yaml"]:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
