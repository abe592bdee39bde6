s = "Hello, World"
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize())
print(s.count("l"), s.count("lo"), s.find("o"), s.rfind("o"), s.index("W"), s.rindex("l"))
print(s.startswith("Hell"), s.endswith("ld"), s.replace("l", ""), s.split(", "))
print(s.center(20, "*"), s.ljust(15, "-"), s.rjust(15, "-"), s.zfill(15))
print(s.partition(", "), s.rpartition("o"), s.strip("Hd"), s.lstrip("Hel"), s.rstrip("dl"))
print("  x  ".strip() == "x", "x".join("abc"), "".join([]) == "")
print("ab\ncd\n".splitlines(), "ab cd".split(" "), "a\tb c".split())
print("42".isdigit(), "4.2".isdigit(), "abc".isalpha(), "ab1".isalnum(), "  ".isspace())
print("HELLO".isupper(), "Hello".isupper(), "hello".islower(), "hello1".islower(), "123".islower())
title_cases = ["hello world", "HELLO WORLD", "hELLO wORLD", "o'neil mc-donald", "a1b2 c3d4"]
for t in title_cases:
    print(repr(t), t.title(), t.capitalize(), t.swapcase())
print("é".upper(), "ÀÉÎ".lower(), "ß".upper())
sentence = "  Python   is   fun  "
print("|" + " ".join(sentence.split()) + "|")
print(sentence.strip().replace("   ", " ").upper().split(" "))
print("a,b;c d".replace(",", " ").replace(";", " ").split())
print("CamelCaseString"[0].lower() + "CamelCaseString"[1:])
print(sum(1 for c in "Hello World" if c.isupper()), "".join(c for c in "Hello World" if not c.isspace()))
