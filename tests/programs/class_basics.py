class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"Animal({self.name!r})"
    @property
    def upper(self):
        return self.name.upper()
    @classmethod
    def create(cls, n):
        return cls(n)
    @staticmethod
    def helper(x):
        return x * 2

class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return super().speak() + " (woof)"
    def __eq__(self, other):
        return isinstance(other, Dog) and self.name == other.name
    def __lt__(self, other):
        return self.name < other.name

a = Animal("cat")
d = Dog("rex", "lab")
print(a, a.speak(), d.speak(), a.upper, Animal.create("x"), Dog.create("y") if False else "", Animal.helper(4))
print(Animal.count, type(d).__name__, isinstance(d, Animal), issubclass(Dog, Animal), Dog.__mro__)
print(d == Dog("rex", "x"), d != Dog("rex", "x"), sorted([Dog("b", 1), Dog("a", 2)]))
class V:
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return V(self.x + o.x, self.y + o.y)
    def __mul__(self, k): return V(self.x * k, self.y * k)
    def __rmul__(self, k): return self * k
    def __repr__(self): return "V(%r, %r)" % (self.x, self.y)
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __iter__(self): yield self.x; yield self.y
    def __hash__(self): return hash((self.x, self.y))
    def __eq__(self, o): return (self.x, self.y) == (o.x, o.y)
    def __bool__(self): return bool(self.x or self.y)
v = V(1, 2)
print(v + V(3, 4), v * 3, 3 * v, len(v), v[1], list(v), {v: 1}[V(1, 2)], bool(V(0, 0)))
x, y = v
print(x, y)
class E(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise E("bad", 42)
except E as e:
    print(e, e.code, e.args, repr(e))
class Slotted:
    __slots__ = ("a", "b")
s = Slotted()
s.a = 1
try:
    s.c = 2
except AttributeError as e:
    print(e)
class G:
    def __getattr__(self, n):
        return n * 2
print(G().abc)
class Ctx:
    def __enter__(self):
        print("enter"); return self
    def __exit__(self, t, v, tb):
        print("exit", t, v); return True
with Ctx() as c:
    raise ValueError("inside")
print("after with")
class MyList(list):
    def total(self): return sum(self)
m = MyList([1, 2, 3])
m.append(4)
print(m, m.total(), len(m), type(m).__name__)
class MyDict(dict):
    def __missing__(self, k): return 0
md = MyDict(a=1)
print(md, md["a"])
