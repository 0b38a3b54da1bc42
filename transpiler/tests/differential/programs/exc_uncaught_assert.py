stack = [1, 2, 3]
while stack:
    print(stack.pop())
assert stack, "stack is empty"
