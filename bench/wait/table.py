"""Prints the table of a bench/wait/run.sh result: one row per phase, then the medians over the phases with no
wait open and over those with waits open, side by side. Usage: python3 table.py wait-<timestamp>.json"""
import json
import statistics
import sys

COLUMNS = [
    ("events/s", lambda p: p["measured"]["events"]["eventsPerSecond"], "{:.0f}"),
    ("lost", lambda p: p["measured"]["events"]["lost"], "{:.0f}"),
    ("server µs/event", lambda p: p["measured"]["events"]["serverCpuUsPerEvent"], "{:.0f}"),
    ("server CPU %", lambda p: p["measured"]["events"]["serverCpuPercent"], "{:.0f}"),
    ("push p50 ms", lambda p: p["pushMs"]["p50"], "{:.1f}"),
    ("push p99 ms", lambda p: p["pushMs"]["p99"], "{:.1f}"),
    ("RSS MiB", lambda p: p["measured"]["serverRssKiB"] / 1024, "{:.1f}"),
    ("threads", lambda p: p["measured"]["serverThreads"], "{:.0f}"),
    ("GCs in the load", lambda p: p["measured"]["gcDuringEventLoad"]["collections"], "{:.0f}"),
    ("GC ms in the load", lambda p: p["measured"]["gcDuringEventLoad"]["ms"], "{:.0f}"),
]


def row(cells):
    return "| " + " | ".join(cells) + " |"


def main(path):
    with open(path) as f:
        result = json.load(f)
    phases = result["phases"]
    print(row(["round", "open waits"] + [name for name, _, _ in COLUMNS] + ["wait answered p50 / p99 ms"]))
    print(row(["---"] * (len(COLUMNS) + 3)))
    for p in phases:
        answers = p["waitAnswerMs"]
        answered = "" if answers is None else "{:.1f} / {:.1f} ({} of {} `200`)".format(
            answers["p50"], answers["p99"], p["answered200"], p["openWaits"])
        print(row([str(p["round"]), str(p["openWaits"])]
                  + [fmt.format(get(p)) for _, get, fmt in COLUMNS] + [answered]))
    print()
    kinds = sorted({p["openWaits"] for p in phases})
    print(row(["median over the rounds"] + ["{} open waits".format(k) for k in kinds]))
    print(row(["---"] * (len(kinds) + 1)))
    for name, get, fmt in COLUMNS:
        print(row([name] + [fmt.format(statistics.median(get(p) for p in phases if p["openWaits"] == k))
                            for k in kinds]))
    early = sum(p["answeredBeforeTheirEvent"] + p["answeredDuringEventLoad"] for p in phases)
    print()
    print("waits answered before their own event: {}; load average {} before, {} after; {} s".format(
        early, result["loadBefore"], result["loadAfter"], result["seconds"]))
    launcher = result["launcherWaitMs"]["fromEventAnswered"]
    print("opensessions wait, from the event's 204 to the launcher's exit 0 ({} samples): p50 {} ms, p90 {} ms, "
          "p99 {} ms".format(launcher["n"], launcher["p50"], launcher["p90"], launcher["p99"]))


if __name__ == "__main__":
    main(sys.argv[1])
