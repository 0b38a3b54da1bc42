stack = [1, 2, 3]
while len(stack) > 0:
    top = stack.pop()
    print("popped", top, "left", stack)
print("empty:", stack)
stack.pop()
