"""Timing and output shared by the Python peers' runners (k-corrset and vitals).

The timing mirrors the Java harness (fasterjava.ladder.LadderRunner): one run on the reference items, then runs
grown until one lasts min_seconds (these are the warm-up), then repetitions at that size, keeping the best.
Everything goes to standard output as JSON lines, one object per line, each with a "kind"; the Java side
(fasterjava.peers) parses them. Diagnostics go to standard error.
"""

import json
import math
import os
import platform
import sys
import time


def budget_arguments(parser):
    """Adds the timing budget's options (the Java side passes its ladder's budget)."""
    parser.add_argument("--reference-items", type=int, required=True, help="items of the first run")
    parser.add_argument("--max-items", type=int, required=True, help="largest run")
    parser.add_argument("--min-seconds", type=float, required=True, help="grow runs until one lasts this long")
    parser.add_argument("--repetitions", type=int, required=True, help="timed runs at the final size")
    parser.add_argument("--step-seconds", type=float, required=True, help="stop repeating after this much")


def versions_argument(parser, choices):
    parser.add_argument("--versions", required=True,
                        help="comma-separated, in order; any of: " + ", ".join(choices))


def chosen_versions(text, choices):
    chosen = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in choices]
    if unknown or not chosen:
        fail("unknown version(s) %s: expected any of %s" % (", ".join(unknown) or "(none)", ", ".join(choices)))
    return chosen


def measure(compute, available, args):
    """Times compute(items) like the Java harness; returns (items, runs, best_seconds, result of the last run)."""
    items = max(1, min(args.reference_items, available))
    max_items = max(items, min(args.max_items, available))
    seconds, result = _timed(compute, items)
    while seconds < args.min_seconds and items < max_items:
        factor = min(100.0, max(2.0, 1.5 * args.min_seconds / max(seconds, 1e-9)))
        items = int(min(max_items, math.ceil(items * factor)))
        seconds, result = _timed(compute, items)
    best, runs = seconds, 1
    # A run longer than the whole step budget is its own sample; otherwise the run above was the warm-up.
    if seconds < args.step_seconds:
        best, runs, spent = math.inf, 0, 0.0
        while runs < args.repetitions and (runs == 0 or spent < args.step_seconds):
            seconds, result = _timed(compute, items)
            best = min(best, seconds)
            spent += seconds
            runs += 1
    return items, runs, best, result


def timed(action):
    """(seconds, value) of one call."""
    return _timed(lambda _: action(), None)


def _timed(compute, items):
    start = time.perf_counter()
    result = compute(items)
    return time.perf_counter() - start, result


def emit(record):
    """One JSON line; NaN becomes null (JSON has no NaN)."""
    sys.stdout.write(json.dumps(record, allow_nan=False, separators=(",", ":")) + "\n")


def number(value):
    """A float for JSON: None for NaN."""
    value = float(value)
    return None if math.isnan(value) else value


def environment(libraries):
    """The 'environment' line: interpreter, library versions, cores."""
    return {"kind": "environment", "python": platform.python_version(),
            "libraries": {module.__name__: module.__version__ for module in libraries},
            "cores": os.cpu_count()}


def timing(version, items, runs, best, prepare_seconds, compile_seconds, threads):
    return {"kind": "timing", "version": version, "items": items, "runs": runs, "best_seconds": best,
            "prepare_seconds": prepare_seconds, "compile_seconds": compile_seconds, "threads": threads}


def fail(message):
    sys.stderr.write("peers: " + message + "\n")
    sys.exit(1)
