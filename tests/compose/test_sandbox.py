"""The template sandbox (issue 11): known escapes are blocked, and known denial-of-service templates are refused
with one TemplateError that names the template file, the line and the limit, before the work is done.

Each template is rendered through ``briefgen.compose.templates.render`` from a folder of its own; the DoS templates put
the hostile expression on line 3, so that the test can check the line the message names.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefgen.errors import TemplateError
from briefgen.compose.templates import render


def _render(tmp_path: Path, body: str, name: str = "t", context: dict | None = None, files: dict | None = None) -> str:
    folder = tmp_path / "tpl"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.xml.j2").write_text(body, encoding="utf-8")
    for other, text in (files or {}).items():
        (folder / other).write_text(text, encoding="utf-8")
    return render(name, context or {}, (folder,))[0]


# ---- escapes: every one is refused or renders nothing of Python's insides ------------------------------------

ESCAPES = {
    "class-mro-subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "cycler-globals-os": "{{ cycler.__init__.__globals__.os.system('echo pwned') }}",
    "joiner-globals": "{{ joiner.__init__.__globals__ }}",
    "namespace-globals": "{{ namespace.__init__.__globals__['__builtins__'] }}",
    "range-self": "{{ range.__self__ }}",
    "lipsum-globals": "{{ lipsum.__globals__['os'] }}",
    "self-context": "{{ self._TemplateReference__context }}",
    "attr-filter-class": "{{ (''|attr('__class__')).__base__ }}",
    "format-attribute": "{{ '{0.__class__.__base__}'.format('') }}",
    "format-map-attribute": "{{ '{x.__class__}'.format_map({'x': 1}) }}",
    "printf-dict": "{{ '%(a)s' % {'a': ''.__class__} }}",
    "list-append": "{% set x = [] %}{{ x.append(1) }}",
    "dict-update": "{% set d = {} %}{{ d.update({'a': 1}) }}",
    "warn-globals": "{{ warn.__globals__ }}",
    "context-value-class": "{{ value.__class__.__init__.__globals__ }}",
    "getitem-dunder": "{{ ''['__class__'] }}",
    "config": "{{ config.items() }}",
    "request": "{{ request.application.__globals__ }}",
    "import-os": "{% import 'os' as os %}{{ os.system('id') }}",
    "include-parent": "{% include '../../../../../../etc/passwd' %}",
}


@pytest.mark.parametrize("name", sorted(ESCAPES))
def test_escape_attempt_is_blocked(tmp_path, name):
    body = "<document><p>" + ESCAPES[name] + "</p></document>\n"
    try:
        out = _render(tmp_path, body, context={"warn": lambda m: "", "value": 1})
    except TemplateError as exc:
        assert str(exc).startswith(str(tmp_path / "tpl" / "t.xml.j2")), str(exc)
        return
    # rendered: then it printed nothing of the interpreter (no class, function, module or file content)
    assert "<class" not in out and "function" not in out and "module" not in out and "root:" not in out, out


def test_include_by_absolute_path_stays_in_the_folder(tmp_path):
    outside = tmp_path / "secret.xml.j2"
    outside.write_text("SECRET", encoding="utf-8")
    with pytest.raises(TemplateError, match="TemplateNotFound"):
        _render(tmp_path, f"<document>{{% include '{outside}' %}}</document>\n")


def test_link_out_of_the_template_folder_is_not_followed(tmp_path):
    outside = tmp_path / "secret.xml.j2"
    outside.write_text("<document><p>SECRET</p></document>", encoding="utf-8")
    folder = tmp_path / "tpl"
    folder.mkdir()
    os.symlink(outside, folder / "linked.xml.j2")
    with pytest.raises(TemplateError, match="unknown template 'linked'"):
        render("linked", {}, (folder,))
    with pytest.raises(TemplateError, match="TemplateNotFound"):
        _render(tmp_path, "<document>{% include 'linked.xml.j2' %}</document>\n")


@pytest.mark.parametrize("name", ["/etc/passwd", "../summary", "..", "sub/summary", "C:summary", "sub\\summary",
                                  ".hidden", "a\x00b", "a\nb"])
def test_template_name_is_never_a_path(tmp_path, name):
    with pytest.raises(TemplateError, match="a template is given by its name"):
        render(name, {}, ())
    from briefgen.compose.templates import template_info

    with pytest.raises(TemplateError, match="a template is given by its name"):
        template_info(name, ())


def test_data_is_never_rendered_as_a_template(tmp_path):
    out = _render(tmp_path, "<document><p>{{ value }}</p></document>\n", context={"value": "{{ 7*7 }}{% for %}<b>&amp;"})
    assert "{{ 7*7 }}{% for %}&lt;b&gt;&amp;amp;" in out


# ---- denial of service: refused at the line, naming the limit ---------------------------------------------------

DOS = {
    "range-1e9": ("{% for i in range(10**9) %}x{% endfor %}", "limits.MAX_TEMPLATE_RANGE"),
    "range-list": ("{{ range(10**9)|list|length }}", "limits.MAX_TEMPLATE_RANGE"),
    "nested-range": ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
                     "limits.MAX_TEMPLATE_STEPS"),
    "nested-loops-over-a-string": ("{% set s = 'x' * 100000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
                                   "limits.MAX_TEMPLATE_STEPS"),
    "string-times-1e9": ("{{ 'x' * 10**9 }}", "limits.MAX_TEMPLATE_TEXT_CHARS"),
    "int-times-string": ("{{ 10**9 * 'x' }}", "limits.MAX_TEMPLATE_TEXT_CHARS"),
    "list-times-1e9": ("{{ ([1] * 10**9)|length }}", "limits.MAX_TEMPLATE_ITEMS"),
    "power-tower": ("{{ 10 ** (10 ** 8) }}", "limits.MAX_TEMPLATE_INT_DIGITS"),
    "power-chain": ("{{ 9 ** 9 ** 9 ** 9 }}", "limits.MAX_TEMPLATE_INT_DIGITS"),
    "squaring-loop": ("{% set ns = namespace(n=10) %}{% for i in range(64) %}{% set ns.n = ns.n * ns.n %}{% endfor %}",
                      "limits.MAX_TEMPLATE_INT_DIGITS"),
    "doubling-by-tilde": ("{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
                          "limits.MAX_TEMPLATE_TEXT_CHARS"),
    "doubling-by-plus": ("{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
                         "limits.MAX_TEMPLATE_TEXT_CHARS"),
    "doubling-by-captured-block": ("{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set block %}{{ ns.s }}{{ ns.s }}"
                                   "{% endset %}{% set ns.s = block %}{% endfor %}", "limits.MAX_TEMPLATE_TEXT_CHARS"),
    "macro-doubling": ("{% macro d(n) %}{% if n %}{{ d(n - 1) }}{{ d(n - 1) }}{% else %}xxxxxxxx{% endif %}{% endmacro %}"
                       "{{ d(40) }}", "limits.MAX_TEMPLATE_"),
    "macro-recursion": ("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}", "limits.MAX_TEMPLATE_DEPTH"),
    "macro-fork-bomb": ("{% macro m(n) %}{% if n %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}{% endmacro %}{{ m(40) }}",
                        "limits.MAX_TEMPLATE_STEPS"),
    "mutual-recursion": ("{% macro a(n) %}{{ b(n) }}{% endmacro %}{% macro b(n) %}{{ a(n) }}{% endmacro %}{{ a(1) }}",
                         "limits.MAX_TEMPLATE_DEPTH"),
    "recursive-loop": ("{% for x in [1] recursive %}{{ loop([x]) }}{% endfor %}", "limits.MAX_TEMPLATE_DEPTH"),
    "center-1e9": ("{{ 'x'|center(10**9) }}", "limits.MAX_TEMPLATE_TEXT_CHARS"),
    "ljust-1e9": ("{{ 'x'.ljust(10**9) }}", "limits.MAX_TEMPLATE_TEXT_CHARS"),
    "zfill-1e9": ("{{ '1'.zfill(10**9) }}", "limits.MAX_TEMPLATE_TEXT_CHARS"),
    "expandtabs-1e9": ("{{ '\\t\\t'.expandtabs(10**9) }}", "limits.MAX_TEMPLATE_TEXT_CHARS"),
    "printf-width": ("{{ '%0999999999d' % 1 }}", "limits.MAX_TEMPLATE_TEXT_CHARS"),
    "printf-star-width": ("{{ '%*d' % (10**9, 1) }}", "a width taken from the arguments"),
    "format-filter-width": ("{{ '%999999999s'|format('x') }}", "limits.MAX_TEMPLATE_TEXT_CHARS"),
    "str-format-width": ("{{ '{:>999999999}'.format('x') }}", "limits.MAX_TEMPLATE_TEXT_CHARS"),
    "str-format-nested-width": ("{{ '{:{}}'.format('x', 10**9) }}", "a width taken from the arguments"),
    "replace-amplifies": ("{% set s = 'x' * 100000 %}{{ s.replace('x', s) }}", "limits.MAX_TEMPLATE_TEXT_CHARS"),
    "replace-filter-amplifies": ("{% set s = 'x' * 100000 %}{{ s|replace('x', s) }}", "limits.MAX_TEMPLATE_TEXT_CHARS"),
    "join-repeated": ("{% set s = 'x' * 1000000 %}{{ ([s] * 100000)|join }}", "limits.MAX_TEMPLATE_TEXT_CHARS"),
    "str-join-repeated": ("{% set s = 'x' * 1000000 %}{{ ''.join([s] * 100000) }}", "limits.MAX_TEMPLATE_TEXT_CHARS"),
    "indent-wide": ("{% set s = '\\n' * 100000 %}{{ s|indent(100000) }}", "limits.MAX_TEMPLATE_TEXT_CHARS"),
    "batch-fill": ("{{ [1]|batch(10**9, 'x')|list|length }}", "limits.MAX_TEMPLATE_ITEMS"),
    "slice-fill": ("{{ [1]|slice(10**9, 'x')|list|length }}", "limits.MAX_TEMPLATE_ITEMS"),
    "wordwrap-wrapstring": ("{% set s = 'x ' * 500000 %}{{ s|wordwrap(1, wrapstring='y' * 100000) }}",
                            "limits.MAX_TEMPLATE_TEXT_CHARS"),
    "output-3-million-chars": ("{% for i in range(3000) %}{{ 'x' * 1000 }}{% endfor %}", "limits.MAX_TEMPLATE_TEXT_CHARS"),
    "100000-paragraphs": ("{% for i in range(100000) %}<p>x</p>{% endfor %}", "limits.MAX_MARKUP_ELEMENTS"),
}


@pytest.mark.parametrize("name", sorted(DOS))
def test_denial_of_service_is_refused_at_its_line(tmp_path, name):
    expression, limit = DOS[name]
    body = "<document>\n<p>start</p>\n" + expression + "\n</document>\n"
    with pytest.raises(TemplateError) as caught:
        _render(tmp_path, body)
    message = str(caught.value)
    assert limit in message, message
    assert "\n" not in message
    template = str(tmp_path / "tpl" / "t.xml.j2")
    if limit == "limits.MAX_MARKUP_ELEMENTS":  # counted on the whole document
        assert message.startswith(f"{template}: "), message
    else:
        assert message.startswith(f"{template}:3: "), message


def test_self_include_is_refused(tmp_path):
    with pytest.raises(TemplateError, match=r"t\.xml\.j2:\d+: .*(call each other|limits\.MAX_TEMPLATE)"):
        _render(tmp_path, "<document>\n{% include 't.xml.j2' %}\n</document>\n")


def test_limit_in_an_included_template_names_that_template(tmp_path):
    with pytest.raises(TemplateError) as caught:
        _render(tmp_path, "<document>\n{% include '_part.xml.j2' %}\n</document>\n",
                files={"_part.xml.j2": "<p>a</p>\n<p>b</p>\n{{ 'x' * 10**9 }}\n"})
    assert str(caught.value).startswith(str(tmp_path / "tpl" / "_part.xml.j2") + ":3: "), str(caught.value)


def test_template_file_too_big(tmp_path, monkeypatch):
    from briefgen import limits

    monkeypatch.setattr(limits, "MAX_TEMPLATE_FILE_BYTES", 1000)
    with pytest.raises(TemplateError, match="limits.MAX_TEMPLATE_FILE_BYTES"):
        _render(tmp_path, "<document>" + "<p>x</p>" * 200 + "</document>\n", name="big")


def test_what_real_templates_do_still_renders(tmp_path):
    body = """<document>
{% macro row(i) %}<p>{{ i }}{{ '—' * 3 }}{{ '%05.1f' % 3.14159 }}{{ '{:>4}'.format(i) }}{{ 'a b'|replace(' ', '') }}</p>{% endmacro %}
{% for i in range(2000) %}{% if loop.last %}{{ row(loop.length) }}{% endif %}{% endfor %}
{% for x in [[1, [2, [3]]]] recursive %}{% if x is iterable %}{{ loop(x) }}{% else %}<p>{{ x }}</p>{% endif %}{% endfor %}
<p>{{ 2 ** 64 }} {{ (['a', 'b'] * 3)|join('、') }} {{ 'x'|center(9) }} {{ range(5)|batch(2)|list|length }}</p>
</document>
"""
    out = _render(tmp_path, body)
    assert "<p>2000———003.1{:>4}ab</p>".replace("{:>4}", "2000") in out
    assert "<p>1</p><p>2</p><p>3</p>" in out.replace("\n", "")
    assert "18446744073709551616 a、b、a、b、a、b" in out
