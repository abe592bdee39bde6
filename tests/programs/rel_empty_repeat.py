# Found by the program generator: an empty sequence times a huge count is empty at once.
for s in ["", [], (), b"", bytearray()]:
    print(repr(s * 2**47), repr(2**62 * s))
