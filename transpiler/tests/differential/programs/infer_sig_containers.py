def evens(n):
    return [i for i in range(n) if i % 2 == 0]


def count_words(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts


def add_item(cart, name, qty=1):
    cart[name] = cart.get(name, 0) + qty
    return len(cart)


def pair(a, b):
    return (a, b)


def top(counts, n):
    return sorted(counts.items(), key=lambda kv: -kv[1])[:n]


print(evens(9))
c = count_words("a b a c b a")
print(c, top(c, 2))
cart: dict[str, int] = {}
print(add_item(cart, "pen"), add_item(cart, "ink", 3), add_item(cart, "pen"))
print(cart)
p = pair("x", 2)
print(p, p[0], p[1] + 1)
