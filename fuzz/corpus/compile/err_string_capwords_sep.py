import string
print(string.capwords("a b", " "))
string.capwords("a b", 5)
