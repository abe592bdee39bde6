import string
print(string.capwords("ok then"))
string.capwords(5)
