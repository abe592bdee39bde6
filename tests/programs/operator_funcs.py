# The operator module: functions, dunder aliases, itemgetter / attrgetter / methodcaller
import operator
from operator import itemgetter, attrgetter, methodcaller
from functools import reduce

print(operator.add(2, 3), operator.sub(2, 3), operator.mul("ab", 3), operator.truediv(7, 2))
print(operator.floordiv(-7, 2), operator.mod(-7, 3), operator.pow(2, 10), operator.neg(5), operator.pos(-2.5))
print(operator.abs(-4), operator.abs(-2.5), operator.invert(5), operator.inv(0), operator.not_([]), operator.truth("x"))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.lshift(1, 5), operator.rshift(256, 3))
print(operator.and_({1, 2}, {2, 3}), operator.or_(True, False), operator.mod("%s-%s", (1, 2)))
print(operator.eq(1, 1.0), operator.ne(1, 2), operator.lt("a", "b"), operator.le(2, 2), operator.gt([2], [1, 5]), operator.ge((1,), (1, 0)))
print(operator.is_(None, None), operator.is_not(1, None), operator.contains([1, 2], 2), operator.contains("abc", "bc"))
print(operator.concat([1], [2]), operator.concat("a", "b"), operator.concat((1,), (2,)))
print(operator.index(7), operator.index(True), operator.countOf([1, 2, 1, 1], 1), operator.indexOf("abc", "c"))
d = {"a": 1}
operator.setitem(d, "b", 2)
print(d, operator.getitem(d, "b"), operator.getitem("hello", slice(1, 3)), operator.getitem([5, 6, 7], -1))
operator.delitem(d, "a")
lst = [1, 2, 3, 4]
operator.delitem(lst, slice(0, 2))
print(d, lst)
acc = [1]
r = operator.iadd(acc, [2, 3])
print(r, acc, r is acc, operator.iadd(1, 2), operator.imul("ab", 2), operator.ipow(3, 2), operator.ior({1}, {2}))
print(operator.__add__(1, 2), operator.__not__(0), operator.__and__(6, 3), operator.__getitem__("ab", 0), operator.__add__ is operator.add)
print(reduce(operator.mul, range(1, 11)), reduce(operator.add, ["a", "b", "c"]), list(map(operator.neg, [1, -2])))
print(sorted([3, 1, 2], key=operator.neg), list(map(operator.mul, [1, 2, 3], [4, 5, 6])))

pairs = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(pairs, key=itemgetter(1)), sorted(pairs, key=itemgetter(0)))
print(itemgetter(1)([10, 20]), itemgetter(0, 2)("xyz"), itemgetter("k")({"k": "v"}), itemgetter(slice(1, None))([1, 2, 3]))
print(itemgetter(1), itemgetter(1, "a"), attrgetter("a.b"), attrgetter("x", "y"))
print(methodcaller("f"), methodcaller("split", ","), methodcaller("f", 1, x=2, y="s"))
print(methodcaller("upper")("ab"), methodcaller("split", ",")("a,b"), methodcaller("split", sep="-", maxsplit=1)("a-b-c"))
print(attrgetter("__name__")(len), attrgetter("__name__", "__qualname__")(sorted))
print(list(map(methodcaller("strip"), [" a ", "b  "])), list(map(itemgetter(-1), ["xy", "z"])))
rows = [{"n": "x", "v": 3}, {"n": "y", "v": 1}]
print(max(rows, key=itemgetter("v")), min(rows, key=itemgetter("v"))["n"])
print(type(itemgetter(0)), type(attrgetter("a")).__name__, itemgetter.__module__)
