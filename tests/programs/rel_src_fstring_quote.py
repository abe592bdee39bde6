# 3.12-style nested same-quote f-strings are a SyntaxError in 3.11.
x = 1
print(f"{f"{x}"}")
