parts = []
for i in range(10):
    parts.append(str(i * i))
print(",".join(parts))
print("".join(reversed("stressed")))
print(" ".join(w.capitalize() for w in "the quick brown fox".split()))
print("-".join(map(str, range(1, 8))))
rows = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print("\n".join(" ".join(str(v) for v in r) for r in rows))
acc = ""
for c in "abcdef":
    acc = acc + c.upper() + c
print(acc)
s = "x"
for i in range(5):
    s = "(" + s + ")"
print(s, len(s))
print("/".join(["usr", "local", "bin"]).split("/"))
table = [("apple", 3), ("kiwi", 12), ("banana", 100)]
for name, n in table:
    print(name.ljust(10, ".") + str(n).rjust(5))
print("".join(chr(ord(c) + 1) for c in "HAL"))
print(" ".join(sorted("the quick brown fox jumps".split(), key=len)))
