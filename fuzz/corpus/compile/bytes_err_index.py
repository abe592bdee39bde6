# An uncaught IndexError from bytes indexing ends the program.
data = b'xyz'
total = 0
for i in range(4):
    total += data[i]
    print(total)
