# Mixed tabs and spaces: TabError.
print("never")
if 1:
	x = 1
        y = 2
