values = [0, 1, -1, 0.0, -0.0, 0.5, float('nan'), "", " ", "0", [], [0], (), (None,),
          {}, {0: 0}, set(), {0}, frozenset(), None, True, False, range(0), range(1), 10 ** 100]
for v in values:
    print(repr(v), bool(v), not v, "T" if v else "F")
print(len([v for v in values if v]))
print(0 or 0.0 or "" or [] or "fallback")
print(1 and "x" and [1] and (2,))
print(None is None, None == None, None is not False, not None)
print(type(None), type(True), type(1), type(1.0), type(""), type([]), type(()), type({}), type(set()))
print(type(frozenset()), type(range(1)), type(lambda: 0))
print(isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)), isinstance("x", (list, tuple)))
print(type(1) is int, type(True) is int, type(True) is bool, type(1.5) is not float)
print(isinstance(None, type(None)), isinstance([], list), isinstance({}, dict))
