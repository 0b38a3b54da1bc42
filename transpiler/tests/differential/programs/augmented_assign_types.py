x = 5
x += 2.5
print(x, type(x))
n = 10
n /= 4
print(n)
s = "ab"
s *= 3
print(s)
xs = [1]
xs += [2]
print(xs)
