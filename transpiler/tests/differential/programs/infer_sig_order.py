# Helpers may call helpers defined later in the file.
def report(items):
    return ", ".join(render(k, v) for k, v in items.items())


def render(key, value):
    return f"{key}={fmt(value)}"


def fmt(value):
    if value >= 1000:
        return f"{value / 1000:.1f}k"
    return str(value)


def noop():
    pass


def shout(msg):
    print(msg.upper() + "!")


stock = {"apples": 1500, "pears": 12}
print(report(stock))
print(noop())
shout("done")
