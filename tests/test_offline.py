"""healthlint never touches the network and never imports NLTK, yet textstat uses the CMU dictionary."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import socket, sys

    def refuse(*args, **kwargs):
        raise OSError("network access attempted: " + repr(args[:2]))

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse

    from healthlint import lint_text
    from healthlint.syllables import textstat

    text = "# Medicine\\n\\n" + "The area of medicine is an idea that needs every reader. " * 30
    result = lint_text(text, "markdown")
    assert result.readability["flesch_kincaid_grade"] > 0, result.readability
    ts = textstat()
    # CMU counts (pyphen alone says 1 for each of these): proof the dictionary is in use.
    assert ts.syllable_count("medicine") == 3, ts.syllable_count("medicine")
    assert ts.syllable_count("area") == 3
    assert ts.syllable_count("idea") == 3
    assert "nltk" not in sys.modules, "NLTK was imported"
    print("OK", result.readability)
    """
)


def test_readability_offline_without_nltk(tmp_path):
    env = dict(os.environ)
    env["NLTK_DATA"] = str(tmp_path / "no-nltk-data")  # no CMU data from an NLTK install either
    env["HOME"] = str(tmp_path)
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("OK")


def test_real_nltk_import_later_is_not_shadowed():
    """The stand-in lives only inside textstat; user code importing nltk afterwards gets the real one."""
    code = textwrap.dedent(
        """
        import sys
        from healthlint.syllables import textstat
        textstat()
        assert "nltk" not in sys.modules
        try:
            import nltk
        except ImportError:
            print("no nltk installed")
        else:
            assert hasattr(nltk, "__version__"), "got the stand-in instead of NLTK"
            print("real nltk", nltk.__version__)
        """
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_cmu_word_list():
    from healthlint.syllables import is_word, syllables_in_dictionary

    assert is_word("relief") and is_word("Patients")
    assert not is_word("relie")
    assert syllables_in_dictionary("diabetes") == 4
    assert syllables_in_dictionary("qzxv") is None
