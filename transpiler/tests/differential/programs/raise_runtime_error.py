steps = 0
while True:
    steps += 1
    if steps * steps > 50:
        print("giving up after", steps)
        raise RuntimeError("too many steps: " + str(steps))
