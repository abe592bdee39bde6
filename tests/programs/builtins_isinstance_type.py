vals = [1, -2.5, "s", [1], (1,), {1: 2}, {3}, frozenset([4]), None, True, range(2), 10 ** 50]
for v in vals:
    print(repr(v), type(v), isinstance(v, int), isinstance(v, (list, tuple)), isinstance(v, (int, float, str)))
print(type(type(1)), type(int), type(str), type(len) is type(print))
print(isinstance(3, int) and not isinstance(3, bool), isinstance(False, (bool,)))
print([str(type(v)) for v in [1, "", None]])
def kind(v):
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int):
        return "int"
    if isinstance(v, float):
        return "float"
    if isinstance(v, str):
        return "str"
    if isinstance(v, (list, tuple)):
        return "seq"
    if isinstance(v, dict):
        return "map"
    if isinstance(v, (set, frozenset)):
        return "set"
    if v is None:
        return "none"
    return "other"
print([kind(v) for v in vals])
print(type(1) == type(2), type(1) == type(1.0), type([]) == list, type(()) != tuple)
print(int, float, str, list, tuple, dict, set, frozenset, bool, range, type(None))
