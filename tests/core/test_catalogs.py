"""Every interface message is translated in all 24 catalogs, and the catalogs match the code."""

from onboard.devtools.catalogs import problems


def test_catalogs_are_complete_and_current():
    found = problems()
    assert not found, "\n".join(found[:40])


def test_no_message_hides_inside_an_f_string():
    """Babel cannot extract `_("...")` written inside an f-string: such a message would never be translated."""
    import io
    import re
    import tokenize
    from pathlib import Path

    import onboard

    literal_call = re.compile(r"""\b(_|N_|ngettext|pgettext)\(\s*['"]""")
    hidden = []
    for path in Path(onboard.__file__).parent.rglob("*.py"):
        for token in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
            prefix = re.match(r"[A-Za-z]*", token.string).group().lower()
            if token.type == tokenize.STRING and "f" in prefix and literal_call.search(token.string):
                hidden.append(f"{path.name}:{token.start[0]}")
    assert not hidden, hidden
