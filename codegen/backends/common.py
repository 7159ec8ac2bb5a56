"""Text helpers for every backend: comments, keywords as names, string literals.

Generic on purpose: nothing here knows a target language's types or the catalog. A helper belongs here
once two backends would otherwise write it twice.
"""

from __future__ import annotations

import textwrap

# Generated sources keep to the width the repository's formatters use (rustfmt.toml's max_width).
WIDTH = 120


def line_comment(text: str, prefix: str, indent: str = "", width: int = WIDTH) -> str:
    """`text` as line comments (`///`, `#`), wrapped to `width`; "" when there is no text.

    The text's own line breaks are kept (they separate paragraphs or list items in the catalog).
    """
    lines = _wrapped(text, width - len(indent) - len(prefix) - 1)
    return "".join(f"{indent}{prefix} {line}".rstrip() + "\n" for line in lines)


def block_comment(text: str, indent: str = "", width: int = WIDTH) -> str:
    """`text` as a `/** ... */` comment (KDoc, JSDoc), on one line when it fits; "" when there is no text."""
    text = text.strip().replace("*/", "*&#47;")  # the text must not end the comment early
    if not text:
        return ""
    one_line = f"{indent}/** {text} */"
    if "\n" not in text and len(one_line) <= width:
        return one_line + "\n"
    body = "".join(f"{indent} * {line}".rstrip() + "\n" for line in _wrapped(text, width - len(indent) - 3))
    return f"{indent}/**\n{body}{indent} */\n"


def backticked(name: str, keywords: set[str]) -> str:
    """`name`, in backticks when it is one of the language's keywords (how Swift and Kotlin escape them)."""
    return f"`{name}`" if name in keywords else name


def string_literal(text: str, escape_also: str = "", quote: str = '"') -> str:
    """`text` as a double-quoted literal of the C family (Swift, Kotlin, Rust, JavaScript); `quote="'"`
    for the single-quoted literals of JavaScript and Python.

    Backslash, quote, newline, carriage return and tab are escaped; `escape_also` lists characters that
    the target language also reads specially inside a literal (Kotlin's `$`), escaped with a backslash.
    """
    escapes = {"\\": "\\\\", quote: "\\" + quote, "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    escapes.update({char: "\\" + char for char in escape_also})
    out = []
    for char in text:
        if char not in escapes and ord(char) < 0x20:
            # Each language spells other control characters differently; the catalog has none.
            raise ValueError(f"control character {char!r} in {text!r}")
        out.append(escapes.get(char, char))
    return quote + "".join(out) + quote


def wrapped_lines(text: str, width: int = WIDTH) -> list[str]:
    """`text` as lines of at most `width` (a longer word stays whole), its own line breaks kept; [] when
    there is no text. For comment styles the helpers above do not cover (Python docstrings)."""
    return _wrapped(text, width)


def _wrapped(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for line in text.strip().splitlines():
        lines.extend(textwrap.wrap(line, max(width, 40), break_long_words=False, break_on_hyphens=False) or [""])
    return lines if text.strip() else []


def per_resource(catalog, offline, online) -> str:
    """The text of every resource in catalog order: `offline(catalog, resource)` for a resource whose
    operations need no client, `online(catalog, resource)` for the others."""
    return "".join(
        offline(catalog, resource) if catalog.is_offline(resource) else online(catalog, resource)
        for resource in catalog.resources()
    )
