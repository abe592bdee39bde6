tests = ["abc", "ABC", "Abc", "123", "abc123", "", " ", "\t\n", "a b", "Hello World",
         "HELLO WORLD", "hello world", "é", "中", "12.5", "-5", "ABC1", "abc_", "²"]
for t in tests:
    print(repr(t), t.isdigit(), t.isalpha(), t.isspace(), t.isalnum(), t.isupper(), t.islower())
print("123".isdigit() and "abc".isalpha())
print(sum(1 for c in "Hello World 123" if c.isupper()))
print(sum(1 for c in "Hello World 123" if c.islower()))
print([c for c in "a1b2c3!" if c.isdigit()], [c for c in "a1b2c3!" if c.isalpha()])
print("".join(c for c in "H-e_l l0o" if c.isalnum()))
print("ABC DEF".isupper(), "abc def".islower(), "ABC1 ".isupper())
print("x1".isalnum(), "x 1".isalnum(), "\u3000".isspace(), "١٢".isdigit())
