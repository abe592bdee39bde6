# Reading a file that does not exist: an uncaught FileNotFoundError.
with open('no_such_file_for_pyrun_tests.txt') as f:
    print(f.read())
