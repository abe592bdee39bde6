from itertools import islice
print(list(islice("abc", 1, None)))
print(list(islice("abc", -1)))
