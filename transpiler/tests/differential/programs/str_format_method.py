print("{} + {} = {}".format(2, 3, 5))
print("{0}{1}{0}".format("ab", "cd"))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:05d} {:x} {:o} {:b} {:X}".format(42, 255, 8, 5, 3054))
print("{:.3f} {:e} {:,}".format(3.14159, 12345.6789, 1234567))
print("{{literal}} {}".format("value"))
name = "Ada"
age = 36
print("{} is {} years old".format(name, age))
print("{!r} vs {}".format("quoted", "plain"))
