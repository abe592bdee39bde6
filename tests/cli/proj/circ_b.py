from circ_a import X
