"""Chinese text, independent of any output format: line breaking by the rules of Chinese typesetting, and word
segmentation (rjieba) with its cache."""

import re

# U+2060 WORD JOINER: no line break on either side (a DOCX glues a figure to its unit with it, render/docx/writer.py)
WORD_JOINER = "\u2060"
# the zero-width marks a reader never sees (word joiners, zero-width spaces and joiners, a BOM): text read back
# for searching or extracting drops them
ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")
