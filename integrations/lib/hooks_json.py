#!/usr/bin/env python3
"""Adds or removes opensessions' command hooks in an agent's JSON hook settings (Claude Code's
~/.claude/settings.json, Codex's ~/.codex/hooks.json), which share one shape:
{"hooks": {"<Event>": [{"matcher": "...", "hooks": [{"type": "command", "command": "..."}]}]}}.

Usage: hooks_json.py install|uninstall FILE MARKER PROGRAM [EVENT[:MATCHER] ...]

The hook's command is PROGRAM, quoted for a POSIX shell. A hook is ours when its command's program path
ends with MARKER, so an install from a moved checkout replaces the old one. Every other key, event, group
and hook is kept as it was. The file is written only when it changes, after a backup
FILE.bak-<timestamp>, atomically and through a symlink.
"""
import json
import os
import shlex
import sys
import tempfile
import time

HOOK_TIMEOUT_S = 5
USAGE = "usage: hooks_json.py install|uninstall FILE MARKER PROGRAM [EVENT[:MATCHER] ...]"


def is_ours(hook, marker):
    command = hook.get("command") if isinstance(hook, dict) else None
    if not isinstance(command, str):
        return False
    try:
        words = shlex.split(command)
    except ValueError:
        return False
    return bool(words) and words[0].endswith(marker)


def desired_groups(command, events):
    wanted = {}
    for spec in events:
        event, _, matcher = spec.partition(":")
        group = {"matcher": matcher} if matcher else {}
        group["hooks"] = [{"type": "command", "command": command, "timeout": HOOK_TIMEOUT_S}]
        wanted[event] = group
    return wanted


def without_ours(group, marker):
    """The group with our hooks taken out: unchanged, smaller, or gone when it held only ours."""
    if not isinstance(group, dict) or not isinstance(group.get("hooks"), list):
        return [group]
    others = [hook for hook in group["hooks"] if not is_ours(hook, marker)]
    if len(others) == len(group["hooks"]):
        return [group]
    return [{**group, "hooks": others}] if others else []


def edit(settings, marker, wanted):
    """Returns the settings holding exactly the wanted groups of ours; raises ValueError on a foreign shape."""
    if not isinstance(settings, dict):
        raise ValueError("the file does not hold a JSON object")
    hooks = settings.get("hooks", {})
    if not isinstance(hooks, dict):
        raise ValueError('"hooks" is not an object')
    placed = set()
    new_hooks = {}
    for event, groups in hooks.items():
        if not isinstance(groups, list):
            raise ValueError(f'"hooks.{event}" is not a list')
        kept = []
        for group in groups:
            # An identical group of ours stays where it is, so installing twice changes nothing.
            if event in wanted and group == wanted[event] and event not in placed:
                placed.add(event)
                kept.append(group)
            else:
                kept.extend(without_ours(group, marker))
        if kept or not groups:
            new_hooks[event] = kept
    for event, group in wanted.items():
        if event not in placed:
            new_hooks.setdefault(event, []).append(group)
    result = dict(settings)
    if new_hooks:
        result["hooks"] = new_hooks
    elif hooks:
        del result["hooks"]
    return result


def indent_of(text):
    for line in text.splitlines()[1:]:
        stripped = line.lstrip(" ")
        if stripped and len(stripped) < len(line):
            return len(line) - len(stripped)
    return 2


def backup(path):
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = f"{path}.bak-{stamp}"
    suffix = 1
    while os.path.exists(target):
        target = f"{path}.bak-{stamp}-{suffix}"
        suffix += 1
    with open(path, "rb") as source, open(target, "wb") as copy:
        copy.write(source.read())
    os.chmod(target, os.stat(path).st_mode & 0o777)
    return target


def write_atomically(path, text, mode):
    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".opensessions-", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def main(argv):
    if len(argv) < 4 or argv[0] not in ("install", "uninstall"):
        print(USAGE, file=sys.stderr)
        return 2
    action, given, marker, events = argv[0], argv[1], argv[2], argv[4:]
    command = shlex.quote(argv[3])
    path = os.path.realpath(given)
    existing = None
    if os.path.exists(path):
        with open(path, encoding="utf-8") as source:
            existing = source.read()
    if existing is None and action == "uninstall":
        print(f"{given}: nothing to remove")
        return 0
    try:
        settings = json.loads(existing) if existing and existing.strip() else {}
        updated = edit(settings, marker, desired_groups(command, events) if action == "install" else {})
    except ValueError as problem:
        print(f"{given}: left unchanged: {problem}", file=sys.stderr)
        return 1
    if existing is not None and updated == settings:
        print(f"{given}: already {'installed' if action == 'install' else 'clean'}")
        return 0
    mode = 0o600
    if existing is not None:
        mode = os.stat(path).st_mode & 0o777
        print(f"{given}: backed up to {backup(path)}")
    text = json.dumps(updated, indent=indent_of(existing or ""), ensure_ascii=False) + "\n"
    write_atomically(path, text, mode)
    print(f"{given}: {'installed' if action == 'install' else 'removed'} the opensessions hooks")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
