# operator / itertools / heapq / bisect / functools / copy with user-defined classes
import operator, itertools, heapq, bisect, copy, functools


class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __abs__(self):
        return self.x * self.x + self.y * self.y

    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)

    def __lt__(self, o):
        return abs(self) < abs(o)

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __contains__(self, v):
        return v in (self.x, self.y)

    def __index__(self):
        return self.x

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def norm(self, scale=1):
        return abs(self) * scale


a, b = Vec(1, 2), Vec(3, -1)
print(operator.add(a, b), operator.sub(a, b), operator.mul(a, 3), operator.neg(a), operator.abs(b))
print(operator.eq(a, Vec(1, 2)), operator.ne(a, b), operator.lt(a, b), operator.getitem(b, 1), operator.contains(a, 2))
print(operator.index(a), operator.attrgetter("x", "y")(b), operator.methodcaller("norm", scale=10)(a))
print(operator.itemgetter(0, 1)(b), functools.reduce(operator.add, [a, b, Vec(0, 5)]), sum([1, 2], 0))
print(sorted([b, a, Vec(0, 0)]), min(a, b), list(itertools.accumulate([a, b, b])))
print(list(itertools.accumulate([a, b], operator.sub)), [[v.x for v in g] for _, g in itertools.groupby([a, a, b], key=abs)])
print(list(itertools.starmap(Vec, [(1, 1), (2, 3)])), list(itertools.compress([a, b], [0, 1])))
h = []
for v in [Vec(5, 5), a, b, Vec(0, 1), Vec(2, 2)]:
    heapq.heappush(h, v)
print(h, heapq.heappop(h), heapq.nsmallest(2, h), heapq.nlargest(1, h))
pts = sorted([Vec(3, 3), a, b])
bisect.insort(pts, Vec(2, 0))
print(pts, bisect.bisect_left(pts, Vec(0, 3)), bisect.bisect(pts, Vec(2, 1), key=None))
print(list(heapq.merge([a, Vec(5, 0)], [b], key=abs)))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + (other.cents if isinstance(other, Money) else other))

    __radd__ = __add__

    def __repr__(self):
        return f"${self.cents / 100:.2f}"


print(sum([Money(150), Money(275)]), list(itertools.accumulate([Money(1), Money(2)], initial=Money(10))))
try:
    itertools.count(Money(100), Money(25))
except TypeError as e:
    print("TypeError", e)


class Num:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v

    def __add__(self, o):
        return Num(self.v + o.v)

    def __repr__(self):
        return f"Num({self.v})"


cnt = itertools.count(Num(1), Num(10))
print(next(cnt), next(cnt), cnt, list(itertools.islice("abcdef", Num(1), Num(5))), list(itertools.repeat(0, Num(2))))


class Account:
    def __init__(self, owner, history):
        self.owner = owner
        self.history = history


acct = Account("ann", [Money(5)])
shallow, deep = copy.copy(acct), copy.deepcopy(acct)
print(shallow.owner, shallow.history is acct.history, deep.history is acct.history, deep.history)


@functools.total_ordering
class Grade:
    order = "FDCBA"

    def __init__(self, g):
        self.g = g

    def __eq__(self, o):
        return self.g == o.g

    def __lt__(self, o):
        return self.order.index(self.g) < self.order.index(o.g)

    def __repr__(self):
        return self.g


gs = [Grade(c) for c in "BDAFC"]
print(sorted(gs), max(gs), Grade("B") >= Grade("C"), Grade("F") > Grade("D"))
print(list(itertools.takewhile(lambda g: g > Grade("D"), gs)), list(itertools.filterfalse(lambda g: g <= Grade("C"), gs)))
