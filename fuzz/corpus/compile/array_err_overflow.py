# Storing an out-of-range value into a 'B' array ends with an uncaught OverflowError.
from array import array

pixels = array('B', [0] * 4)
for i in range(4):
    pixels[i] = 100 * i
    print(pixels)
