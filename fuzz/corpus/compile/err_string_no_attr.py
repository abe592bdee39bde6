import string
print(string.digits)
print(string.letters)
