"""What every human-readable format shares (healthlint/report/__init__.py): article text and file names
pass through safe_text, so control and bidi characters never reach a terminal, a log or a page."""

from __future__ import annotations


def test_control_and_bidi_characters_never_reach_a_human_readable_report(tmp_path):
    # Issue 16, item 3: ESC sequences, C1 controls and bidi overrides from file names and quoted
    # text are shown as escapes; a text line never begins with "::" (a fake GitHub annotation).
    from helpers import run_cli

    body = "This herbal formula flushes toxins from the liver and rebuilds damaged cells.\n"
    names = ["::error file=x::boom.md", "a\x1b[31mred.md", "b\u202egnp.md", "c\u009bx.md"]
    for name in names:
        (tmp_path / name).write_text("# Tonic\n\n" + body, encoding="utf-8")
    for fmt in ("text", "github", "html"):
        out = run_cli("check", str(tmp_path), "--select", "HL408", "--format", fmt, "--no-cache").stdout.decode("utf-8")
        for bad in ("\x1b", "\u202e", "\u009b"):
            assert bad not in out, (fmt, repr(bad))
        if fmt == "text":
            assert not any(line.startswith("::") for line in out.splitlines())
            assert "\\x1b" in out and "\\u202e" in out
    named = run_cli("check", "::error file=x::boom.md", "--select", "HL408", "--no-cache", cwd=tmp_path).stdout.decode()
    assert "\n./::error file=x::boom.md:3:1: HL408" in named and not named.startswith("::")
    assert not any(line.startswith("::") for line in named.splitlines())
    from healthlint.report import safe_text

    assert safe_text("tab\tstays, é stays") == "tab\tstays, é stays"
    assert safe_text("a\x07b\u2066c") == "a\\x07b\\u2066c"
