a = "abc"
b = "xyz"
print(a + b, a * 3, 3 * b, a * 0, a * -2, len(a * 100))
print("b" in a, "bc" in a, "ac" in a, "" in a, "z" not in a)
print(a < b, a == "abc", a != "abd", "abc" < "abd", "ab" < "abc", "B" < "a")
print("apple" > "Apple", "" < "a", "Z" < "a", "abc" <= "abc", "b" >= "abc")
print(sorted(["pear", "Apple", "banana", "apple", "Banana", "cherry"]))
print(max("hello"), min("hello"), sorted("hello"), list("abc"))
s = ""
for ch in "python":
    s = ch + s
print(s)
s += "!"
s *= 2
print(s)
print(str(123), str(-4.5), str(True), str(None), str([1, 'a']), str((1,)))
print(len(""), len("  "), len("\n\t"), len("中文"))
print("a" "b" "c", 'single' + "double")
print("abc" == 'abc', "a" * 3 == "aaa", "ab" * 2 + "c")
print(bool(""), bool(" "), bool("0"), not "")
x = "spam"
x += "eggs"
print(x, x[2:6])
print(ord("A"), ord("a"), ord("0"), ord("é"), ord("中"), ord("\n"))
print(chr(65), chr(97), chr(233), chr(20013), chr(48) + chr(49), repr(chr(10)))
print([chr(c) for c in range(ord('a'), ord('a') + 10)])
