print(repr("hello"), repr('it\'s'), repr("say \"hi\""), repr("both ' and \""))
print(repr("line1\nline2"), repr("tab\there"), repr("back\\slash"), repr("cr\r"))
print(repr("é中文"), repr("\x00\x01\x7f"), repr("\x1b[0m"), repr("\u200b"))
print(repr(""), repr("'"), repr('"'), repr("\\"), repr("\\n"))
print(repr("a\u00e9b"), repr("\xa0"), repr("\xff"), repr("\u0100"))
print(["a", 'b"', "c'", "d\n"], ("x",), {"k": "v'"})
print(str(["é", "中"]), repr(["\t"]))
print("tab:\tend", "nl:\\n", "quote:\"")
s = "mixed 'single' and \"double\""
print(s)
print(repr(s))
print(repr(repr("a")), len(repr("a\nb")))
print(repr("\U0001F600"), repr("\x08\x0c\x0b"))
r = r"raw\nstring\t"
print(r, repr(r), len(r))
print("""triple
quoted
string""")
print(repr('''a
b'''))
