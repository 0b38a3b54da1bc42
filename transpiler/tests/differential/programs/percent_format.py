name = "Ann"
n = 42
x = 3.14159
neg = -7
items = ("pen", 3)
print("%s has %d items" % (name, n))
print("%5d|%-5d|%05d|%+d|% d" % (n, n, n, n, n))
print("%x %X %#x %o %#o" % (255, 255, 255, 8, 8))
print("%f|%.2f|%8.3f|%-8.1f|%+.1e|%E" % (x, x, x, x, x, x))
print("%g %g %g %.3g" % (x, 1e20, 0.0001, 123456))
print("%s|%10s|%-10s|%.2s" % (name, name, name, name))
print("%r %r" % (name, [1, 2]))
print("%c%c" % (65, "b"))
print("100%% done, %d%%" % n)
print("%d" % 3.99, "%i" % -2.5, "%d" % True)
print("%s" % None, "%s" % 1.5, "%s" % [1, 2], "%s" % (items,))
print("%s x %d" % items)
print("no fields" % ())
print("%s" % name)
print("%6.2f%%" % 12.3456)
print("%d items" % neg)
