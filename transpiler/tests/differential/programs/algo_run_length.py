def encode(s: str) -> str:
    if len(s) == 0:
        return ""
    out = ""
    cur = s[0]
    n = 1
    for i in range(1, len(s)):
        if s[i] == cur:
            n += 1
        else:
            out += f"{n}{cur}"
            cur = s[i]
            n = 1
    return out + f"{n}{cur}"


for s in ["aaabccdddd", "abc", "", "zzzzzzzzzzzz", "aabbaa"]:
    print(f"{s!r} -> {encode(s)!r}")
