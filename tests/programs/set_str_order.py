# Iteration order of sets of strings and bytes (CPython with PYTHONHASHSEED=0, as the
# expectations are recorded).
words = "the quick brown fox jumps over the lazy dog".split()
print(set(words))
print({w.upper() for w in words})
print(set("mississippi"), frozenset("abracadabra"))
print({"é", "ü", "€", "ß", "日本", "😀", "a"})
print({b"x", b"yy", b"zzz", b""})
s = set()
for i in range(30):
    s.add("k%d" % i)
print(s)
s.discard("k7")
s |= {"new", "k99"}
print(sorted(s) == sorted(list(s)), list(s)[:10])
print(hash("abc"), hash("") == 0, hash(b"abc") == hash(b"abc"))
print(set(words) - {"the"}, set(words) & {"fox", "dog", "cat"})
