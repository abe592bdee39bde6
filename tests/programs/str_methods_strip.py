s = "   hello world   "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("\t\n x \r\n".strip()), repr("xxhixx".strip("x")), repr("abcHELLOcba".strip("abc")))
print(repr("www.example.com".lstrip("w.")), repr("www.example.com".rstrip(".moc")))
print(repr("".strip()), repr("   ".strip()), repr("aaa".strip("a")))
print(repr("  a  ".lstrip(" ")), repr("12300".rstrip("0")), repr("00123".lstrip("0")))
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "hello".replace("x", "y"))
print("aaaa".replace("aa", "b"), "abc".replace("", "-"), "abc".replace("b", ""))
print("banana".replace("na", "NA", 0), "banana".replace("a", "o", 2), "".replace("", "x"))
print("hello".upper(), "HeLLo".lower(), "hello world".capitalize(), "HELLO wORLD".capitalize())
print("hello world foo".title(), "they're bill's".title(), "abc123def".title(), "x".title())
print("Hello World".swapcase(), "ÉcOLE".swapcase(), "straße".upper())
print("abc".center(9), "|" + "abc".center(8, "*") + "|", "abc".center(2), "ab".center(7, "-"))
print("|" + "abc".ljust(6) + "|", "|" + "abc".rjust(6) + "|", "abc".ljust(6, "."), "abc".rjust(6, "0"))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(2), "".zfill(3), "-".zfill(3))
print("3.14".zfill(8), "1234567".zfill(3))
words = ["a", "bb", "ccc", "dddd"]
for w in words:
    print("[" + w.ljust(5) + "][" + w.rjust(5) + "][" + w.center(6) + "]")
