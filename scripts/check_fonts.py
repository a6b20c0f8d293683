#!/usr/bin/env python3
"""Says whether the fonts installed here can show every character of an HTML page.

    python3 scripts/check_fonts.py PAGE.html [CHAR ...]

Reads the font-family list of the page's `body` rule, asks fontconfig (`fc-list`) which of those
families are installed and which characters each covers, and takes every character of the page's
text (tags, the style sheet and character references resolved) the way a browser does: from the
first family of the list that has it. Prints one JSON line (the families found, the characters
checked, the family each CHAR given on the command line is taken from); exits 1 when a character
is covered by none of the installed families of the list (the generic `sans-serif` does not count:
it is whatever the machine has), or when a CHAR given is not on the page.
"""
import html
import json
import re
import subprocess
import sys


def charset(family):
    """The code points fontconfig says the family covers (union of its faces), or None if absent."""
    out = subprocess.run(["fc-list", "--format=%{charset}\n", f":family={family}"],
                         capture_output=True, text=True, check=True).stdout
    if not out.strip():
        return None
    ranges = []
    for token in out.split():
        lo, _, hi = token.partition("-")
        ranges.append((int(lo, 16), int(hi or lo, 16)))
    return ranges


def covers(ranges, cp):
    return any(lo <= cp <= hi for lo, hi in ranges)


def main():
    page = open(sys.argv[1], encoding="utf-8").read()
    wanted = sys.argv[2:]
    rule = re.search(r"body\s*\{[^}]*font-family:\s*([^;}]+)", page)
    if not rule:
        print(json.dumps({"error": "no font-family in the body rule"}))
        return 1
    families = [f.strip().strip('"\'') for f in rule.group(1).split(",")]
    families = [f for f in families if f not in ("sans-serif", "serif", "monospace")]
    installed = [(f, r) for f in families if (r := charset(f)) is not None]
    body = re.sub(r"<style.*?</style>|<head.*?</head>", "", page, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    chars = sorted({c for c in text if not c.isspace() and ord(c) >= 0x20})
    missing, source = [], {}
    for c in chars:
        family = next((f for f, r in installed if covers(r, ord(c))), None)
        if family is None:
            missing.append(f"U+{ord(c):04X} {c}")
        source[c] = family
    absent = [c for c in wanted if c not in source]
    print(json.dumps({"installed": [f for f, _ in installed], "characters": len(chars), "missing": missing,
                      "absent": absent, "from": {c: source.get(c) for c in wanted}}, ensure_ascii=False))
    return 1 if missing or absent or not installed else 0


if __name__ == "__main__":
    sys.exit(main())
