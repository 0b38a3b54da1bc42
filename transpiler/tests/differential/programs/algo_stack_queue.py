def balanced(s: str) -> bool:
    stack: list[str] = []
    pairs = {")": "(", "]": "[", "}": "{"}
    for i in range(len(s)):
        ch = s[i]
        if ch in "([{":
            stack.append(ch)
        elif ch in ")]}":
            if len(stack) == 0 or stack.pop() != pairs[ch]:
                return False
    return len(stack) == 0


for s in ["()", "([]{})", "(]", "((", "", "a(b[c]d)e", "}{"]:
    print(f"{s!r}", balanced(s))
queue = [1, 2, 3]
queue.append(4)
front = queue.pop(0)
print(front, queue)
