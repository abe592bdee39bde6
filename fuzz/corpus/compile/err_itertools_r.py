import itertools
print(list(itertools.combinations("abc", 2)))
itertools.permutations("abc", -1)
