s = "the cat sat on the mat with the hat"
print(s.find("the"), s.find("the", 1), s.find("the", 20), s.find("dog"), s.find(""))
print(s.rfind("the"), s.rfind("the", 0, 20), s.rfind("dog"), s.rfind(""))
print(s.index("cat"), s.index("at", 10), s.rindex("at"))
print(s.count("at"), s.count("the"), s.count("x"), s.count(""), "aaaa".count("aa"))
print(s.count("at", 10), s.count("at", 5, 20), "abc".count("", 1))
print(s.startswith("the"), s.startswith("cat"), s.startswith("cat", 4), s.startswith(("x", "th")))
print(s.endswith("hat"), s.endswith("mat"), s.endswith("mat", 0, 18), s.endswith(("at", "zz")))
print("".startswith(""), "abc".startswith(""), "abc".endswith("abc"), "ab".endswith("abc"))
print("hello".find("l", -2), "hello".find("l", -1), "hello".find("h", -10), "hello".rfind("l", -5, -2))
print("a.b.c".partition("."), "a.b.c".rpartition("."), "abc".partition("x"), "abc".rpartition("x"))
print("key: value: more".partition(": "), "key: value: more".rpartition(": "))
print("".partition("a"), "aaa".partition("a"), "aaa".rpartition("a"))
text = "one fish two fish red fish blue fish"
pos = 0
found = []
while True:
    i = text.find("fish", pos)
    if i == -1:
        break
    found.append(i)
    pos = i + 1
print(found)
print("中文中文".find("文"), "中文中文".rfind("文"), "éé".count("é"))
