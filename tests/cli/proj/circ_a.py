import circ_b
X = 1
