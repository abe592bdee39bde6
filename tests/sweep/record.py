#!/usr/bin/env python3
"""Records the builtin sweep's expected outcomes from CPython 3.11 into expected.txt:
every builtin function, every public method of the builtin types (through the type and
bound to an instance), every public function of the native modules (see cases.py).

Usage: python3 tests/sweep/record.py
"""
import builtins, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cases

# Functions with effects beyond their result (exit, I/O, code execution, sleeping) and
# CPython-only internals.
SKIP = {"exit", "quit", "input", "breakpoint", "help", "open", "print", "copyright",
        "credits", "license", "exec", "eval", "compile", "aiter", "anext", "memoryview",
        "time.sleep", "time.pthread_getcpuclockid", "time.clock_settime",
        "time.clock_settime_ns", "time.tzset"}


def labels():
    for n in sorted(dir(builtins)):
        obj = getattr(builtins, n)
        if n.startswith("_") or n in SKIP or not callable(obj):
            continue
        if isinstance(obj, type) and issubclass(obj, BaseException):
            continue
        yield n
    for t in cases.SAMPLES:
        for n in sorted(dir(getattr(builtins, t))):
            if not n.startswith("_") and callable(getattr(getattr(builtins, t), n)):
                yield f"{t}.{n}"
                yield f"{t}().{n}"
    for name, mod in cases.MODULES.items():
        for n in sorted(dir(mod)):
            f = getattr(mod, n)
            label = f"{name}.{n}"
            if n.startswith("_") or label in SKIP or not callable(f) or isinstance(f, type):
                continue
            yield label


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "expected.txt")
    with open(out, "w", encoding="utf-8") as f:
        for label in labels():
            f.write(cases.line(label) + "\n")
    print("wrote", out)


if __name__ == "__main__":
    main()
