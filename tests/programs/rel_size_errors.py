# Sizes a program cannot have: the same OverflowError / MemoryError / TypeError as CPython,
# raised at once; slices and some dict views are unhashable.
cases = [
    "'' * (-2**63 - 1)",
    "'' * 2**63",
    "'abcd' * 2**62",
    "[1] * 2**62",
    "(1,) * 2**62",
    "[] * 2**70",
    "b'ab' * 2**62",
    "bytearray(b'ab') * 2**62",
    "b'x' * (-2**63 - 1)",
    "None * 2**70",
    "2**70 * None",
    "'x' * 2.0",
    "1 << 2**63",
    "1 << 2**66",
    "1 << -1",
    "list(range(10**20))",
    "list(range(2**62))",
    "tuple(range(2**62))",
    "[*range(2**62)]",
    "{1: 'x'}[1:]",
    "hash(slice(1, 2))",
    "{slice(1): 1}",
    "hash({}.keys())",
    "hash({}.items())",
    "(-1) ** (2**70), (-1) ** (2**70 + 1), 0 ** (2**70), 1 ** 2**64",
    "'ab' * 3, [1, 2] * 2, 3 * (1,), 'x' * -1, [0] * 0, (1 << 100) >> 99",
    "type(hash({}.values()))",
]
for src in cases:
    try:
        print(src, "->", eval(src))
    except (OverflowError, MemoryError, TypeError, KeyError, ValueError) as e:
        print(src, "->", type(e).__name__, e)
# Found by the program generator: bytes (a mapping for CPython's %) take no positional args.
for a in [b"", bytearray(b"x"), [], {}, (), 5]:
    try:
        print(repr("abc" % a))
    except TypeError as e:
        print("TypeError", e)
