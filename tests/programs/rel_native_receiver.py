# Builtin methods called through their type check their receiver (no crash on a missing or
# foreign `self`); attribute names must be str.
class C:
    pass

o = C()
cases = [
    lambda: setattr(C, 5, 1),
    lambda: setattr(o, 5, 1),
    lambda: getattr(o, 5),
    lambda: delattr(o, None),
    lambda: hasattr(o, 1.5),
    lambda: object.__setattr__(o, 5, 1),
    lambda: object.__getattribute__(o, 5),
    lambda: object.__delattr__(o, 5),
    lambda: dict.__init__(),
    lambda: list.__init__(),
    lambda: set.__init__(),
    lambda: list.__init__(5),
    lambda: float.is_integer(),
    lambda: float.conjugate(),
    lambda: float.as_integer_ratio(),
    lambda: float.as_integer_ratio([1]),
    lambda: str.upper(5),
    lambda: list.append(),
    lambda: dict.keys(5),
    lambda: int.bit_length('x'),
    lambda: str.join(),
    lambda: dict.fromkeys(),
    lambda: str.maketrans(),
    lambda: int.from_bytes(),
    lambda: bytes.fromhex(1),
]
for f in cases:
    try:
        f()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
print(vars(o))
print(dict.fromkeys([1, 2]), {}.fromkeys("ab", 0), dict.fromkeys({}, []))
print(str.maketrans("ab", "cd"), "x".maketrans({"a": "b"}), str.maketrans("a", "b", "c"))
print(bytes.maketrans(b"a", b"b")[97:99], b"".maketrans(b"a", b"c")[97])
print(int.from_bytes(b"\x01\x00", "big"), (5).from_bytes(b"\x01", "little", signed=True))
print(bytes.fromhex("ab cd"), bytearray.fromhex("00"), b"".fromhex("ff"))
print(float.as_integer_ratio(0.75), float.is_integer(2.0), float.conjugate(1.5))
x = []
list.__init__(x, (1, 2))
print(x)
