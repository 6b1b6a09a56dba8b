#!/usr/bin/env python3
"""Edits Codex's config.toml for opensessions: turns the hooks engine on ([features] codex_hooks = true)
and, when no other notify command is set, makes the hook Codex's notify command (older Codex builds
only have notify). Uninstall removes only our notify line and leaves the feature flag, which other hooks
may need.

Usage: codex_config.py install|uninstall CONFIG HOOK

TOML is edited as text, line by line, so comments and layout stay; every edit is checked by parsing the
result (tomllib) and comparing it with the original: anything else changed, or a shape we do not edit
(inline tables, dotted keys, multi-line values), leaves the file untouched with a message instead.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from hooks_json import backup, write_atomically  # noqa: E402

try:
    import tomllib
except ImportError:  # Python before 3.11
    tomllib = None

MARKER = "/integrations/codex/opensessions-hook"
HEADER = re.compile(r"^\s*\[")
FEATURES = re.compile(r"^\s*\[\s*features\s*\]\s*(#.*)?$")
NOTIFY = re.compile(r"^\s*notify\s*=")
FLAG = re.compile(r"^\s*codex_hooks\s*=")


def ours(notify):
    return isinstance(notify, list) and bool(notify) and str(notify[0]).endswith(MARKER)


def first_header(lines):
    return next((i for i, line in enumerate(lines) if HEADER.match(line)), len(lines))


def set_flag(lines):
    start = next((i for i, line in enumerate(lines) if FEATURES.match(line)), None)
    if start is None:
        return lines + (["\n"] if lines else []) + ["[features]\n", "codex_hooks = true\n"]
    end = next((i for i in range(start + 1, len(lines)) if HEADER.match(lines[i])), len(lines))
    for i in range(start + 1, end):
        if FLAG.match(lines[i]):
            return lines[:i] + ["codex_hooks = true\n"] + lines[i + 1:]
    return lines[:start + 1] + ["codex_hooks = true\n"] + lines[start + 1:]


def set_notify(lines, hook):
    line = f"notify = [{json.dumps(hook, ensure_ascii=False)}]\n"
    top = first_header(lines)
    for i in range(top):
        if NOTIFY.match(lines[i]):
            return lines[:i] + [line] + lines[i + 1:]
    return lines[:top] + [line] + (["\n"] if top < len(lines) else []) + lines[top:]


def drop_notify(lines):
    top = first_header(lines)
    at = next(i for i in range(top) if NOTIFY.match(lines[i]))
    after = at + 1
    # The blank line set_notify put before the first table goes too, unless it separates other keys.
    if after < len(lines) and not lines[after].strip() and (at == 0 or not lines[at - 1].strip()):
        after += 1
    return lines[:at] + lines[after:]


def expected(before, action, hook):
    after = json.loads(json.dumps(before))
    if action == "install":
        after.setdefault("features", {})["codex_hooks"] = True
        if "notify" not in before or ours(before["notify"]):
            after["notify"] = [hook]
    elif ours(before.get("notify")):
        del after["notify"]
    return after


def main(argv):
    if len(argv) != 3 or argv[0] not in ("install", "uninstall"):
        print("usage: codex_config.py install|uninstall CONFIG HOOK", file=sys.stderr)
        return 2
    action, given, hook = argv
    if tomllib is None:
        print(f"{given}: left unchanged: editing it needs Python 3.11 or newer (tomllib)", file=sys.stderr)
        return 1
    path = os.path.realpath(given)
    text = ""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as source:
            text = source.read()
    try:
        before = tomllib.loads(text)
    except tomllib.TOMLDecodeError as problem:
        print(f"{given}: left unchanged: it is not valid TOML ({problem})", file=sys.stderr)
        return 1
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if action == "install":
        if "notify" in before and not ours(before["notify"]):
            print(f"{given}: keeps its own notify command; the hooks engine reports the turns instead")
        else:
            lines = set_notify(lines, hook)
        if before.get("features", {}).get("codex_hooks") is not True:
            lines = set_flag(lines)
    else:
        lines = drop_notify(lines) if ours(before.get("notify")) else lines
    updated = "".join(lines)
    try:
        after = tomllib.loads(updated)
    except tomllib.TOMLDecodeError:
        after = None
    if after != expected(before, action, hook):
        print(f"{given}: left unchanged: its layout is not one this installer edits; see README.md "
              "for the lines to add by hand", file=sys.stderr)
        return 1
    if updated == text or (not text and action == "uninstall"):
        print(f"{given}: already {'set' if action == 'install' else 'clean'}")
        return 0
    mode = 0o600
    if os.path.exists(path):
        mode = os.stat(path).st_mode & 0o777
        print(f"{given}: backed up to {backup(path)}")
    write_atomically(path, updated, mode)
    print(f"{given}: {'set the hooks feature and notify' if action == 'install' else 'removed our notify'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
