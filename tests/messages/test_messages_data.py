"""The data side's messages in the clerk's language (issue 10 §1): a field named by its column heading and its
task or indicator, a Chinese numeral with the digits it should be, a misspelt key with the one it meant, an input
method's full-width colon with the ASCII one. Each through the CLI, in Chinese (LANG=zh_CN.UTF-8) and English
(LANG=C), asserting the whole located line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main

CHINESE = {"LC_ALL": None, "LC_MESSAGES": None, "LANGUAGE": None, "LANG": "zh_CN.UTF-8"}
ENGLISH = {"LC_ALL": None, "LC_MESSAGES": None, "LANGUAGE": None, "LANG": "C"}

REPORT = """\
report:
  title: 示例街道2022年上半年工作总结和下半年工作思路
  issuer: 示例街道
  date: 2022-07-29
  period: 2022年1—6月
indicators:
  - name: 规上工业增加值
    value: 31.3
    unit: 亿元
    yoy: 9.5
plan:
  sections:
    - title: 加强稳链复链
      tasks:
        - title: 加快优势产业复工提产
          lead: 经济发展办公室
          due: 年内
        - title: 加快重点项目落地扩量
          detail: 加快节奏，靠前安排。
          lead: 经济发展办公室
          due: 2022年10月底前
"""


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def validate(tmp_path: Path, text: str, env: dict) -> str:
    """The one problem `briefgen validate` prints for ``text`` (exit 2, no traceback)."""
    path = tmp_path / "report.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner(env=env).invoke(main, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    return lines[0].replace(str(tmp_path) + "/", "")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def test_a_missing_field_is_named_by_its_heading_and_its_task(tmp_path):
    text = REPORT.replace("          lead: 经济发展办公室\n          due: 年内\n", "          due: 年内\n")
    line = line_of(text, "title: 加快优势产业复工提产")
    assert validate(tmp_path, text, CHINESE) == f"report.yaml:{line}:11: 任务“加快优势产业复工提产”的牵头单位：缺少，请填写"
    assert validate(tmp_path, text, ENGLISH) == (
        f'report.yaml:{line}:11: plan.sections[1].tasks[1].lead (task "加快优势产业复工提产"): this field is required but missing')


def test_a_task_without_a_title_is_named_by_its_place(tmp_path):
    text = REPORT.replace("        - title: 加快重点项目落地扩量\n          detail:", "        - detail:")
    line = line_of(text, "detail: 加快节奏")
    assert validate(tmp_path, text, CHINESE) == f"report.yaml:{line}:11: 第1部分第2项任务的任务名称：缺少，请填写"
    assert validate(tmp_path, text, ENGLISH) == f"report.yaml:{line}:11: plan.sections[1].tasks[2].title: this field is required but missing"


def test_a_report_field_in_chinese(tmp_path):
    text = REPORT.replace("  date: 2022-07-29\n", "  date: 七月二十九\n")
    line = line_of(text, "date:")
    problems = _all(tmp_path, text, CHINESE)
    assert problems[0] == f"report.yaml:{line}:9: 报告的日期：“七月二十九”不是日期，请写成 2022-07-29 这样的格式"
    # the deadline that names no year cannot take it from the date
    assert problems[1].startswith(f"report.yaml:{line_of(text, 'due: 年内')}:16: 任务“加快优势产业复工提产”的完成时限：“年内”没有写年份")


def test_a_chinese_numeral_gets_the_digits_it_should_be(tmp_path):
    text = REPORT.replace("value: 31.3", "value: 三十一点三")
    line = line_of(text, "value:")
    assert validate(tmp_path, text, CHINESE) == f"report.yaml:{line}:12: 指标“规上工业增加值”的本期值：“三十一点三”不是数字，请写成 31.3"
    assert validate(tmp_path, text, ENGLISH) == (
        f'report.yaml:{line}:12: indicators[1].value (indicator "规上工业增加值"): "三十一点三" is not a number; write 31.3')
    text = REPORT.replace("yoy: 9.5", "yoy: 九点五")
    line = line_of(text, "yoy:")
    assert validate(tmp_path, text, CHINESE) == f"report.yaml:{line}:10: 指标“规上工业增加值”的同比增长：“九点五”不是百分数，请写成 9.5"


def test_a_near_miss_key_gets_a_did_you_mean(tmp_path):
    text = REPORT.replace("unit: 亿元", "units: 亿元")
    line = line_of(text, "units:")
    assert validate(tmp_path, text, CHINESE) == (
        f"report.yaml:{line}:12: 指标“规上工业增加值”的units：没有这个字段，是不是要写“unit”（单位）？")
    assert validate(tmp_path, text, ENGLISH) == (
        f'report.yaml:{line}:12: indicators[1].units (indicator "规上工业增加值"): unknown field; did you mean "unit"?')


def test_a_key_written_as_its_chinese_heading_is_matched(tmp_path):
    text = REPORT.replace("          lead: 经济发展办公室\n          due: 年内\n", "          牵头单位: 经济发展办公室\n          due: 年内\n")
    line = line_of(text, "牵头单位:")
    assert f"report.yaml:{line}:17: 任务“加快优势产业复工提产”的牵头单位：没有这个字段；键要用英文写，“牵头单位”请写成 lead" in (
        _all(tmp_path, text, CHINESE))
    assert (f'report.yaml:{line}:17: plan.sections[1].tasks[1].牵头单位 (task "加快优势产业复工提产"): unknown field; keys are '
            "written in English: write lead instead of 牵头单位") in _all(tmp_path, text, ENGLISH)


def test_a_full_width_colon_gets_the_ascii_one(tmp_path):
    text = REPORT.replace("    value: 31.3", "    value：31.3")
    line = line_of(text, "value：")
    assert validate(tmp_path, text, CHINESE) == (
        f"report.yaml:{line}:5: YAML 格式有误：“value：31.3”用了全角冒号“：”；请改用英文冒号加空格，写成“value: 31.3”")
    assert validate(tmp_path, text, ENGLISH) == (
        f'report.yaml:{line}:5: invalid YAML: "value：31.3" has a full-width colon (：); write "value: 31.3" with the ASCII '
        "colon and a space")


def test_a_full_width_space_after_the_colon(tmp_path):
    text = REPORT.replace("    unit: 亿元", "    unit:\u3000亿元")
    line = line_of(text, "unit:")
    # the full-width space is shown escaped: one cannot see it otherwise
    assert validate(tmp_path, text, ENGLISH) == (
        f'report.yaml:{line}:5: invalid YAML: "unit:\\u3000亿元" has a full-width space; write "unit: 亿元" with an ASCII space')


def test_a_list_item_with_a_full_width_colon(tmp_path):
    # `- name：规上工业增加值` starts a mapping YAML cannot read on: the slip is on the line before the problem
    text = REPORT.replace("  - name: 规上工业增加值", "  - name：规上工业增加值")
    line = line_of(text, "name：")
    assert validate(tmp_path, text, CHINESE).startswith(f"report.yaml:{line}:3: YAML 格式有误：“- name：规上工业增加值”用了全角冒号")


def _all(tmp_path: Path, text: str, env: dict) -> list[str]:
    path = tmp_path / "report.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner(env=env).invoke(main, ["validate", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    return [line for line in result.stderr.splitlines() if line.strip()]


@pytest.mark.parametrize("written, digits", [
    ("九点五", "9.5"), ("三十一点三", "31.3"), ("一百二十", "120"), ("两千零五", "2005"), ("二〇二二", "2022"),
    ("一万二千", "12000"), ("十五", "15"), ("负零点二", "-0.2"), ("百分之九点五", "9.5"), ("31。3", "31.3"),
    ("高", None), ("约3亿", None), ("三五十", None), ("一点", None), ("31.3", None),
])
def test_the_digits_a_chinese_numeral_should_be(written, digits):
    from briefgen.model.values import chinese_digits

    assert chinese_digits(written) == digits
