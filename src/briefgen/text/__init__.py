"""Chinese text, independent of any output format: line breaking by the rules of Chinese typesetting, and word
segmentation (rjieba) with its cache."""
