"""Whose rank a ranking phrase gives when the clause before it names no one (增速排名全市第6; 比去年同期加快2.2个百分点，
六县市排名第三), and a group of peers as part of the rank (sentences written for these tests)."""

from briefgen.extract.figures import find_figures


def _ranks(text: str) -> list[tuple[str, str]]:
    return [(r.subject, r.rank) for r in find_figures(text).rankings]


def test_a_growth_ranks_for_the_figure_the_sentence_opens_with():
    assert _ranks("1-9月，全区实现生产总值644.63亿元，同比增长4.1%，增速排名全市第6；"
                  "规模以上工业增加值194.6亿元，同比下降0.4%，增速排名全市第6。") == [
        ("生产总值增速", "全市第6"), ("规模以上工业增加值增速", "全市第6")]


def test_a_comparison_before_the_rank_is_no_subject_and_peers_are_part_of_the_rank():
    assert _ranks("根据地区生产总值统一核算结果，全县地区生产总值总量为52.22亿元，同比增长4.0%，"
                  "比去年同期加快2.2个百分点，六县市排名第三。") == [("地区生产总值", "六县市第三")]
    assert _ranks("（一）全县规模以上工业增加值同比增长7.5%（全市11.1%），较去年同期回落0.9个百分点，六县市排名第五。") == [
        ("规模以上工业增加值增速", "六县市第五")]
