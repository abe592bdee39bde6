people = [("alice", 30, "nyc"), ("bob", 25, "sf"), ("carol", 30, "la"), ("dave", 25, "nyc"),
          ("eve", 35, "sf"), ("frank", 30, "sf"), ("grace", 25, "la")]
by_age = sorted(people, key=lambda p: p[1])
for p in by_age:
    print(p)
by_city_then_age = sorted(sorted(people, key=lambda p: p[1]), key=lambda p: p[2])
print([p[0] for p in by_city_then_age])
print([p[0] for p in sorted(people, key=lambda p: (-p[1], p[0]))])
print([p[0] for p in sorted(people, key=lambda p: p[1], reverse=True)])
lst = [3, 1, 2]
lst.sort(key=lambda x: 0)
print(lst)
lst2 = [(1, "a"), (0, "b"), (1, "c"), (0, "d")]
lst2.sort(key=lambda t: t[0], reverse=True)
print(lst2)
nums = [5, -3, 2, -8, 7, 0, -1]
nums.sort(key=abs)
print(nums)
nums.sort(key=lambda n: (n % 2, n))
print(nums)
mixed = [2.5, 1, -0.5, True, 3]
mixed.sort()
print(mixed)
strs = ["b", "A", "c", "B", "a"]
strs.sort(key=lambda s: s.lower())
print(strs)
strs.sort(key=lambda s: s.lower(), reverse=True)
print(strs)
