"""Issue 8: any file, any folder, hostile config and rules, nothing lost or touched, determinism.
One test per item, with the exact inputs the issue names."""

from __future__ import annotations

import codecs
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from healthlint.config import Config
from healthlint.engine import Linter

from conftest import EXAMPLES
from helpers import run_cli, run_json

ARTICLE = "# Sleep\n\nMost adults need seven or more hours of sleep. Many people sleep less than that.\n"


def lint_dir(tmp_path: Path, *args: str) -> tuple[int, dict]:
    code, data = run_json("--no-cache", *args, ".", cwd=tmp_path)
    assert code in (0, 1)
    return code, data


def by_name(data: dict) -> dict:
    return {Path(f["path"]).name: f for f in data["files"]}


# --- 1. any file content ----------------------------------------------------------------------------

@pytest.mark.parametrize("name,content", [
    ("empty.md", b""),
    ("spaces.md", b"   \n\n\t  \n"),
    ("scripts.html", b"<html><head><script>var a = 1;</script></head><body><script>go()</script></body></html>"),
    ("unclosed.html", b"<html><body><p>Open <b>bold <i>italic <div>inner <p>another"),
    ("table.md", ("| a | b |\n|---|---|\n" + "| x | y |\n" * 5000).encode()),
    ("code.md", ("```\n" + "print('x')\n" * 20000 + "```\n").encode()),
])
def test_odd_but_valid_files_lint_cleanly(tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "ok.md").write_text(ARTICLE)
    code, data = lint_dir(tmp_path)
    assert not [f for f in by_name(data)[name]["findings"] if f["category"] == "input"]
    assert by_name(data)["ok.md"]["words"] > 5


@pytest.mark.parametrize("name,content,reason", [
    ("binary.md", bytes(range(256)) * 4, "binary"),
    ("nul.txt", b"Some text\x00with a NUL byte\n", "binary"),
])
def test_binary_and_nul_give_one_input_finding(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "ok.md").write_text(ARTICLE)
    code, data = lint_dir(tmp_path)
    [f] = by_name(data)[name]["findings"]
    assert f["rule"] == "HL001" and f["category"] == "input" and reason in f["message"]
    assert by_name(data)["ok.md"]["words"] > 5


@pytest.mark.parametrize("encoding,expect_note", [("latin-1", True), ("cp1252", True)])
def test_legacy_encodings_are_decoded_with_a_note(tmp_path, encoding, expect_note):
    text = "# Café\n\nThe café’s “quiet room” is open. Many people sleep better after a calm evening.\n"
    if encoding == "latin-1":
        text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    (tmp_path / "a.md").write_bytes(text.encode(encoding))
    code, data = lint_dir(tmp_path, "--select", "HL0,HL107")
    notes = [f for f in data["files"][0]["findings"] if f["rule"] == "HL002"]
    assert len(notes) == 1 and "decoded as" in notes[0]["message"]
    assert data["files"][0]["words"] > 10


def test_invalid_utf8_in_the_middle(tmp_path):
    (tmp_path / "a.md").write_bytes(b"# Title\n\nGood text here. Then a bad byte \xff appears.\n")
    code, data = lint_dir(tmp_path, "--select", "HL0")
    assert [f["rule"] for f in data["files"][0]["findings"]] == ["HL002"]


def test_bom_and_utf16_keep_positions(tmp_path):
    body = "# T\n\nThis miracle cream is guaranteed to work.\n"
    (tmp_path / "bom.md").write_bytes(codecs.BOM_UTF8 + body.encode())
    (tmp_path / "u16.md").write_bytes(body.encode("utf-16"))
    code, data = lint_dir(tmp_path, "--select", "HL405")
    for name in ("bom.md", "u16.md"):
        [f] = by_name(data)[name]["findings"]
        assert (f["line"], f["column"], f["end_column"]) == (3, 6, 13), name  # 'miracle', BOM not counted


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr_positions(tmp_path, newline):
    body = newline.join(["# T", "", "Fine text.", "", "Then: this miracle cream is guaranteed to work.", ""])
    (tmp_path / "a.md").write_bytes(body.encode())
    code, data = lint_dir(tmp_path, "--select", "HL405")
    [f] = data["files"][0]["findings"]
    assert (f["line"], f["column"]) == (5, 12)  # 'miracle' on the fifth line


def test_fifty_megabyte_article_is_refused_with_a_reason(tmp_path):
    big = tmp_path / "big.md"
    with big.open("wb") as fh:
        line = b"Sleep matters for health and mood. " * 30 + b"\n"
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(line)
    (tmp_path / "ok.md").write_text(ARTICLE)
    code, data = lint_dir(tmp_path)
    [f] = by_name(data)["big.md"]["findings"]
    assert f["rule"] == "HL001" and "over the 10 MB limit" in f["message"]
    assert by_name(data)["ok.md"]["words"] > 5


def test_file_read_whole_whatever_its_reported_size(tmp_path):
    """Files are read by their stat size plus one byte; one that reports size 0 (a /proc file, a
    pipe) or grew since stat is read on, up to the limit."""
    from healthlint.discovery import read_file

    f = tmp_path / "a.md"
    f.write_bytes(b"x" * 5000)
    assert read_file(str(f)) == (b"x" * 5000, None)
    status = Path("/proc/self/status")
    if status.exists():  # Linux: st_size 0, content present
        data, error = read_file(str(status))
        assert error is None and b"Name:" in data
    f.write_bytes(b"y" * (1024 * 1024 + 10))
    data, error = read_file(str(f), max_mb=1.0)
    assert data is None and "over the 1 MB limit" in error


def test_single_one_megabyte_line(tmp_path):
    words = ["care", "sleep", "health", "walk", "doctor", "night", "pain", "relief", "the", "a"]
    (tmp_path / "line.md").write_text(" ".join(words[i % 10] for i in range(180_000)))
    code, data = lint_dir(tmp_path, "--select", "HL1,HL2")
    f = data["files"][0]
    assert f["words"] >= 179_000
    assert all(x["line"] == 1 for x in f["findings"])


def test_deeply_nested_html(tmp_path):
    depth = 20_000
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * depth + "<p>Deep text here.</p>" + "</div>" * depth + "</body></html>")
    code, data = lint_dir(tmp_path)
    f = data["files"][0]
    assert f["words"] == 3 and not [x for x in f["findings"] if x["category"] == "input"]


def test_front_matter_that_is_not_yaml(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: [unclosed\nauthor: {x\n---\n" + ARTICLE)
    code, data = lint_dir(tmp_path, "--select", "HL0")
    assert [f["rule"] for f in data["files"][0]["findings"]] == ["HL003"]


def test_internal_error_becomes_an_input_finding(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text(ARTICLE)
    (tmp_path / "b.md").write_text(ARTICLE)
    linter = Linter(Config())
    real = linter.lint_document

    def boom(doc):
        if doc.path.endswith("a.md"):
            raise ValueError("simulated bug")
        return real(doc)

    monkeypatch.setattr(linter, "lint_document", boom)
    report = linter.lint_paths([str(tmp_path)])
    a, b = sorted(report.files, key=lambda r: r.path)
    assert [f.rule for f in a.findings] == ["HL001"] and "simulated bug" in a.findings[0].message
    assert b.words > 5


# --- 2. any folder ------------------------------------------------------------------------------------

def test_symlink_loop_is_not_followed(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text(ARTICLE)
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    code, data = lint_dir(tmp_path)
    assert [Path(f["path"]).name for f in data["files"]] == ["a.md"]


def test_unreadable_file_and_folder(tmp_path, monkeypatch):
    (tmp_path / "ok.md").write_text(ARTICLE)
    (tmp_path / "secret.md").write_text(ARTICLE)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.md").write_text(ARTICLE)
    real_open, real_scandir, real_listdir = open, os.scandir, os.listdir

    def fake_open(path, *a, **k):
        if str(path).endswith("secret.md"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *a, **k)

    def fake_scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def fake_listdir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_listdir(path)

    monkeypatch.setattr("builtins.open", fake_open)
    monkeypatch.setattr(os, "scandir", fake_scandir)
    monkeypatch.setattr(os, "listdir", fake_listdir)
    report = Linter(Config()).lint_paths([str(tmp_path)])
    by = {Path(r.path).name: r for r in report.files}
    assert [f.message for f in by["secret.md"].findings] == ["File could not be linted: cannot read file: Permission denied"]
    assert [f.message for f in by["locked"].findings] == ["File could not be linted: cannot read folder: Permission denied"]
    assert by["ok.md"].words > 5


def test_odd_file_names(tmp_path):
    names = ["with space.md", "new\nline.md"]
    for n in names:
        (tmp_path / n).write_text(ARTICLE)
    raw = os.path.join(os.fsencode(tmp_path), b"latin\xe9.md")
    with open(raw, "wb") as fh:
        fh.write(ARTICLE.encode())
    proc = run_cli("check", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    paths = sorted(f["path"] for f in json.loads(proc.stdout)["files"])
    assert paths == ["./latin\\xe9.md", "./new\\nline.md", "./with space.md"]
    text = run_cli("check", "--no-cache", ".", cwd=tmp_path)
    assert text.returncode in (0, 1) and b"Traceback" not in text.stderr
    assert len(text.stdout.decode().splitlines()) == len([ln for ln in text.stdout.decode().splitlines()])


def test_file_that_disappears_mid_run(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE)
    (tmp_path / "gone.md").write_text(ARTICLE)
    linter = Linter(Config())
    files = [str(tmp_path / "a.md"), str(tmp_path / "gone.md")]
    (tmp_path / "gone.md").unlink()
    report = linter.lint_files(files)
    gone = next(r for r in report.files if r.path.endswith("gone.md"))
    assert [f.rule for f in gone.findings] == ["HL001"] and "No such file" in gone.findings[0].message


def test_one_hundred_thousand_small_files(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(100_000):
        (folder / f"n{i:06d}.txt").write_bytes(b"Sleep well.\n")
    proc = subprocess.run(
        [sys.executable, "-m", "healthlint", "check", "--no-cache", "-j", "2", "--select", "HL0", "--statistics", str(folder)],
        capture_output=True, text=True, timeout=1800,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().endswith("0 findings in 100000 files.")


# --- 3. hostile config and rules ---------------------------------------------------------------------

def test_yaml_tags_in_rule_files_are_refused(tmp_path):
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / "evil.yaml").write_text("code: !!python/object/apply:os.system ['touch pwned']\n")
    (tmp_path / ".healthlint.yaml").write_text("rule-paths: [myrules]\n")
    (tmp_path / "a.md").write_text(ARTICLE)
    proc = run_cli("check", "a.md", cwd=tmp_path)
    assert proc.returncode == 2 and b"evil.yaml" in proc.stderr
    assert not (tmp_path / "pwned").exists()


MY_RULE = """code: XX901
name: house-style
category: residue
severity: warning
check: existence
scope: paragraph
params:
  patterns: [{pattern}]
message: "House style: '{{match}}'"
summary: A house rule.
rationale: Ours.
sources: [{{title: Our style guide}}]
examples:
  bad: "aaaa"
  good: "bbbb"
"""


def test_catastrophic_user_regex_is_stopped_and_named(tmp_path):
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / "slow.yaml").write_text(MY_RULE.format(pattern='"(?:[a-z]|[a-z ])+\\\\d"'))
    (tmp_path / ".healthlint.yaml").write_text("rule-paths: [myrules]\nrule-timeout: 0.2\n")
    (tmp_path / "a.md").write_text("# T\n\n" + "most adults need seven or more hours of sleep each night and feel better " * 3 + "\n")
    (tmp_path / "b.md").write_text("# T\n\nThis miracle cream is guaranteed to work.\n")
    t = time.monotonic()
    code, data = run_json("--no-cache", "-j", "1", ".", cwd=tmp_path)
    assert time.monotonic() - t < 60
    a, b = by_name(data)["a.md"], by_name(data)["b.md"]
    timeouts = [f for f in a["findings"] if f["rule"] == "HL005"]
    assert len(timeouts) == 1 and "XX901" in timeouts[0]["message"]
    assert any(f["rule"] == "HL405" for f in b["findings"])  # everything else still ran


def test_rule_file_with_bad_field_names_file_line_field(tmp_path):
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / "bad.yaml").write_text(MY_RULE.format(pattern='"x"').replace("severity: warning", "severity: loud"))
    (tmp_path / ".healthlint.yaml").write_text("rule-paths: [myrules]\n")
    (tmp_path / "a.md").write_text(ARTICLE)
    proc = run_cli("check", "a.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert b"bad.yaml:4" in proc.stderr and b"severity" in proc.stderr


@pytest.mark.parametrize("override,words", [
    ("HL103: {params: {max_words: -5}}", [b"max_words", b"at least 1"]),
    ("HL301: {params: {max_n: 500}}", [b"max_n", b"at most 8"]),
    ("HL201: {params: {threshold: 7}}", [b"threshold", b"at most 1.0"]),
    ("HL203: {params: {sketch_size: 100000}}", [b"sketch_size", b"at most 256"]),
])
def test_absurd_parameters_are_rejected(tmp_path, override, words):
    (tmp_path / ".healthlint.yaml").write_text(f"rules:\n  {override}\n")
    (tmp_path / "a.md").write_text(ARTICLE)
    proc = run_cli("check", "a.md", cwd=tmp_path)
    assert proc.returncode == 2
    for w in words:
        assert w in proc.stderr, proc.stderr


# --- 4. nothing lost, nothing touched --------------------------------------------------------------

def test_articles_are_never_modified(tmp_path):
    for src in (EXAMPLES / "spammy").iterdir():
        (tmp_path / src.name).write_bytes(src.read_bytes())
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    run_cli("check", "--format", "html", "--output", "r.html", ".", cwd=tmp_path)
    run_cli("check", "--write-baseline", "b.json", ".", cwd=tmp_path)
    run_cli("check", "--statistics", ".", cwd=tmp_path)
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir() if p.name in before}
    assert after == before


def test_interrupted_run_leaves_no_partial_report_or_corrupt_cache(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from corpus import write_corpus

    n = 1500  # several seconds of work, so the interrupt lands mid-run on a fast machine too
    write_corpus(tmp_path / "c", n, 900)
    proc = subprocess.Popen(
        [sys.executable, "-m", "healthlint", "check", "-j", "2", "--format", "json", "--output", "report.json",
         "--cache-dir", "cache", "c"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not (tmp_path / "cache").exists() and time.monotonic() < deadline:  # linting has started
        time.sleep(0.05)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 2, err.decode()[-2000:]
    assert b"Traceback" not in err and b"interrupted" in err
    assert not (tmp_path / "report.json").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".healthlint-")]
    db = tmp_path / "cache" / "results.sqlite"
    if db.exists():
        con = sqlite3.connect(db)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()
    # and the next run works and reuses what was stored
    done = subprocess.run([sys.executable, "-m", "healthlint", "check", "-j", "2", "--format", "json",
                           "--cache-dir", "cache", "c"], cwd=tmp_path, capture_output=True)
    assert done.returncode == 1 and len(json.loads(done.stdout)["files"]) == n


def test_corrupt_cache_is_ignored_and_rebuilt(tmp_path):
    (tmp_path / "a.md").write_text("# T\n\nThis miracle cream is guaranteed to work.\n")
    first = run_cli("check", "--format", "json", "--cache-dir", "cache", "a.md", cwd=tmp_path)
    (tmp_path / "cache" / "results.sqlite").write_bytes(b"this is not a database" * 100)
    for f in ("results.sqlite-wal", "results.sqlite-shm"):
        (tmp_path / "cache" / f).unlink(missing_ok=True)
    second = run_cli("check", "--format", "json", "--cache-dir", "cache", "a.md", cwd=tmp_path)
    assert second.returncode == first.returncode == 1 and second.stdout == first.stdout
    con = sqlite3.connect(tmp_path / "cache" / "results.sqlite")
    assert con.execute("SELECT count(*) FROM results").fetchone()[0] == 1


def test_report_is_written_atomically(tmp_path, monkeypatch):
    from healthlint.cli import write_atomic

    target = tmp_path / "report.json"
    target.write_text("old report")

    class Boom(Exception):
        pass

    real_replace = os.replace

    def failing_replace(a, b):
        raise Boom()

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(Boom):
        write_atomic(str(target), "new report")
    assert target.read_text() == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    monkeypatch.setattr(os, "replace", real_replace)
    write_atomic(str(target), "new report")
    assert target.read_text() == "new report"


# --- 5. deterministic ----------------------------------------------------------------------------------

def test_byte_identical_across_runs_jobs_and_orderings(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from corpus import write_corpus

    write_corpus(tmp_path / "a", 40, 300)
    write_corpus(tmp_path / "b", 40, 300)
    for src in (EXAMPLES / "spammy").iterdir():
        (tmp_path / "b" / src.name).write_bytes(src.read_bytes())

    def run(*args):
        proc = run_cli("check", "--no-cache", "--format", "json", *args, cwd=tmp_path)
        assert proc.returncode in (0, 1)
        return proc.stdout

    reference = run("-j", "1", "a", "b")
    assert run("-j", "1", "a", "b") == reference
    assert run("-j", "2", "a", "b") == reference
    assert run("-j", "2", "b", "a") == reference
    files = sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "a").iterdir()) + \
        sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "b").iterdir())
    assert run("-j", "2", *reversed(files)) == run("-j", "1", *files)


# --- issue 16 (part): nothing lost, nothing hangs, nothing counted twice -----------------------------

def test_output_never_overwrites_an_article_but_replaces_its_own_report(tmp_path):
    from helpers import run_cli

    site = tmp_path / "site"
    site.mkdir()
    article = site / "a.md"
    article.write_text("# Sleep\n\nSleep matters for health and mood, and most adults need seven hours.\n", encoding="utf-8")
    before = article.read_bytes()
    for args in (["--output", str(article)], ["--write-baseline", str(article)]):
        proc = run_cli("check", str(site), *args)
        assert proc.returncode == 2 and b"would overwrite" in proc.stderr, proc.stderr
        assert article.read_bytes() == before
    report = site / "report.txt"
    assert run_cli("check", str(site), "--output", str(report)).returncode in (0, 1)
    assert run_cli("check", str(site), "--output", str(report)).returncode in (0, 1)  # its own report: replaced
    for fmt, name in (("json", "r.json.md"), ("sarif", "r.sarif.txt"), ("html", "r.html")):
        assert run_cli("check", str(site), "--format", fmt, "--output", str(site / name)).returncode in (0, 1)
    proc = run_cli("check", str(site), "--format", "json")
    import json

    assert [f["path"].rsplit("/", 1)[-1] for f in json.loads(proc.stdout)["files"]] == ["a.md"]


def test_a_named_pipe_is_an_input_finding_not_a_hang(tmp_path):
    import os

    from helpers import run_json

    (tmp_path / "a.md").write_text("# A\n\nSome text about sleep and health for adults.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.md")
    code, data = run_json(str(tmp_path))
    pipe = next(f for f in data["files"] if f["path"].endswith("pipe.md"))
    assert [x["rule"] for x in pipe["findings"]] == ["HL001"] and "regular file" in pipe["findings"][0]["message"]


def test_the_same_file_named_twice_is_linted_once(tmp_path):
    from helpers import run_json

    (tmp_path / "a.md").write_text("# A\n\n" + "Sleep is important for adults and children alike, every night. " * 5 + "\n", encoding="utf-8")
    code, data = run_json(str(tmp_path / "a.md"), str(tmp_path), str(tmp_path / ".." / tmp_path.name / "a.md"))
    assert len(data["files"]) == 1
    assert not [x for x in data["files"][0]["findings"] if x["rule"] == "HL203"]


def _alias_bomb(levels: int = 9) -> list[str]:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    return lines


def test_front_matter_that_cannot_be_built_is_hl003_and_the_body_is_linted(tmp_path):
    # Issue 16, items 5 and 8: a huge integer, an impossible date, an alias bomb in front matter.
    from helpers import run_json

    body = "# Tonic\n\nThis herbal formula flushes toxins from the liver.\n"
    cases = {"int.md": "n: " + "9" * 5000, "date.md": "date: 2023-02-30", "bomb.md": "\n".join(_alias_bomb())}
    for name, fm in cases.items():
        (tmp_path / name).write_text(f"---\n{fm}\n---\n{body}", encoding="utf-8")
    code, data = run_json(str(tmp_path), "--select", "HL003,HL408")
    for f in data["files"]:
        rules = sorted(x["rule"] for x in f["findings"])
        assert rules == ["HL003", "HL408"], (f["path"], rules)


def test_config_values_that_cannot_be_built_are_exit_2_naming_file_line_and_key(tmp_path):
    from helpers import run_cli

    (tmp_path / "a.md").write_text("# A\n\nText.\n", encoding="utf-8")
    (tmp_path / "date.yaml").write_text("audience: patient\nkeyphrase: 2023-02-29\n", encoding="utf-8")
    proc = run_cli("check", str(tmp_path / "a.md"), "--config", str(tmp_path / "date.yaml"))
    assert proc.returncode == 2 and b"date.yaml:2: 'keyphrase'" in proc.stderr and b"Traceback" not in proc.stderr
    (tmp_path / "bomb.yaml").write_text("\n".join(_alias_bomb()) + "\n", encoding="utf-8")
    proc = run_cli("check", str(tmp_path / "a.md"), "--config", str(tmp_path / "bomb.yaml"))
    assert proc.returncode == 2 and b"expands to over" in proc.stderr


def test_a_lost_report_is_exit_2_with_one_line(tmp_path):
    # Issue 16, item 9: disk full, a closed pipe, a stream that cannot encode the text.
    import os
    import subprocess
    import sys

    (tmp_path / "café.md").write_text("# Café\n\nUn café très noir et une naïve façade “quoted” text for you and\n\nMore.\n",
                                      encoding="utf-8")
    cmd = [sys.executable, "-m", "healthlint", "check", str(tmp_path / "café.md"), "--no-cache", "--select", "HL212"]
    if os.path.exists("/dev/full"):
        with open("/dev/full", "w") as full:
            proc = subprocess.run(cmd, stdout=full, stderr=subprocess.PIPE)
        assert proc.returncode == 2 and proc.stderr.count(b"\n") == 1 and b"not written" in proc.stderr
    proc = subprocess.run(cmd, capture_output=True, env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    assert b"caf\\xe9.md" in proc.stdout or "café.md".encode() in proc.stdout, proc.stdout
    pipe = subprocess.Popen(cmd[:4] + [str(tmp_path)] * 1 + ["--no-cache"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    pipe.stdout.close()  # the reader goes away before the report is written
    _, err = pipe.communicate()
    assert pipe.returncode == 2 and b"Traceback" not in err


def test_timeouts_are_never_cached_and_the_timeout_is_part_of_the_cache_key(tmp_path):
    # Issue 16, item 13: a result that depends on the machine's load must not be replayed.
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / "slow.yaml").write_text(MY_RULE.format(pattern='"(?:[a-z]|[a-z ])+\\\\d"'))
    (tmp_path / ".healthlint.yaml").write_text("rule-paths: [myrules]\nrule-timeout: 0.2\n")
    (tmp_path / "a.md").write_text("# T\n\n" + "most adults need seven or more hours of sleep each night and feel better " * 3 + "\n")
    run_json("-j", "1", ".", cwd=tmp_path)  # fills the cache, except the timed-out file
    from healthlint.cache import Cache, ruleset_fingerprint
    from healthlint.config import load_file
    from healthlint.engine import Linter

    cfg = load_file(tmp_path / ".healthlint.yaml")
    linter = Linter(cfg)
    cache = Cache(tmp_path / ".healthlint_cache", ruleset_fingerprint(linter))
    data = (tmp_path / "a.md").read_bytes()
    assert cache.get(cache.key(str(tmp_path / "a.md"), data), "a.md") is None
    before = ruleset_fingerprint(linter)
    raised = load_file(tmp_path / ".healthlint.yaml")
    raised.rule_timeout = 5.0
    assert ruleset_fingerprint(Linter(raised)) != before


def _processes_mentioning(marker: str) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "cmdline").read_bytes():
                    out.append(int(entry.name))
            except OSError:
                pass
    return out


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to list processes")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_sigterm_and_kill_leave_no_worker_behind(tmp_path, sig):
    # Issue 16, item 12: SIGTERM is handled as Ctrl-C (exit 2, no partial report); after SIGTERM or
    # kill -9 of the main process no worker is left sleeping.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from corpus import write_corpus

    folder = tmp_path / f"corpus-{int(sig)}"
    write_corpus(folder, 1500, 900)
    proc = subprocess.Popen([sys.executable, "-m", "healthlint", "check", "-j", "2", "--no-cache", "--format", "json",
                             "--output", "report.json", str(folder)], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(_processes_mentioning(str(folder))) < 3 and time.monotonic() < deadline:  # the workers run
        time.sleep(0.05)
    time.sleep(0.3)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=120)
    if sig == signal.SIGTERM:
        assert proc.returncode == 2 and b"interrupted" in err and b"Traceback" not in err, err.decode()[-1500:]
    assert not (tmp_path / "report.json").exists()
    deadline = time.monotonic() + 20
    while _processes_mentioning(str(folder)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_mentioning(str(folder)) == []


def test_text_nested_past_the_parser_is_reported_not_dropped(tmp_path):
    # Issue 16, item 7: twenty levels of ">" or of lists hid a claim from every check.
    from helpers import run_json

    claim = "This herbal formula flushes toxins from the liver and rebuilds damaged cells."
    (tmp_path / "quotes.md").write_text("# T\n\n" + "> " * 25 + claim + "\n", encoding="utf-8")
    (tmp_path / "lists.md").write_text("# T\n\n" + "\n".join("  " * i + f"- level {i}" for i in range(20))
                                       + "\n" + "  " * 20 + "- " + claim + "\n", encoding="utf-8")
    (tmp_path / "flat.md").write_text("# T\n\n> > " + claim + "\n", encoding="utf-8")
    code, data = run_json(str(tmp_path), "--select", "HL006,HL408")
    got = {f["path"].rsplit("/", 1)[-1]: sorted(x["rule"] for x in f["findings"]) for f in data["files"]}
    assert got == {"flat.md": ["HL408"], "lists.md": ["HL006"], "quotes.md": ["HL006"]}


def test_standard_input_obeys_max_file_size(tmp_path):
    from helpers import run_cli

    (tmp_path / ".healthlint.yaml").write_text("max-file-size: 0.01\n", encoding="utf-8")
    proc = run_cli("check", "-", "--stdin-filename", "a.md", cwd=tmp_path, stdin=b"# T\n\n" + b"word " * 10_000)
    assert proc.returncode == 1 and b"HL001" in proc.stdout and b"standard input is over" in proc.stdout


def test_utf32_article_is_linted_through_the_cli(tmp_path):
    import codecs

    from helpers import run_json

    text = "# Tonic\n\nThis herbal formula flushes toxins from the liver.\n"
    (tmp_path / "a.md").write_bytes(codecs.BOM_UTF32_LE + text.encode("utf-32-le"))
    code, data = run_json(str(tmp_path / "a.md"), "--select", "HL408,HL001,HL212")
    assert [x["rule"] for x in data["files"][0]["findings"]] == ["HL408"]
