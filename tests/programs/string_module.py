import string
from string import capwords, ascii_letters
print(repr(string.ascii_letters), repr(string.ascii_lowercase), repr(string.ascii_uppercase))
print(repr(string.digits), repr(string.hexdigits), repr(string.octdigits))
print(repr(string.punctuation))
print(repr(string.printable), len(string.printable), repr(string.whitespace))
print(capwords("hello   world  foo"), capwords(" a-b c-d ", "-"), capwords("ÉCOLE élève"), repr(capwords("")), capwords("one,two,,three", ","))
print(capwords("hELLO wORLD"), ascii_letters == string.ascii_letters, string.capwords("x y", None))
print([c for c in "Hello, World! 123" if c in string.punctuation], sum(1 for c in "a1b2c3" if c in string.digits))
print(string.__name__)
