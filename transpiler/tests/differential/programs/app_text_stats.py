TEXT = """The quick brown fox jumps over the lazy dog.
The dog sleeps; the fox runs!

Über-fast foxes: ÉLAN and élan."""


def words_of(text: str) -> list[str]:
    out: list[str] = []
    for raw in text.split():
        w = raw.strip(".,;:!?").casefold()
        if w:
            out.append(w)
    return out


def main() -> None:
    lines = TEXT.splitlines()
    words = words_of(TEXT)
    print("lines", len(lines), "non-empty", sum(1 for l in lines if l.strip()))
    print("words", len(words), "unique", len({w: 1 for w in words}))
    freq = {}
    for w in words:
        freq[w] = freq.get(w, 0) + 1
    top = sorted(sorted([w for w in freq]), key=lambda w: -freq[w])[:4]
    for w in top:
        print(f"{w:>6} {freq[w]}")
    longest = sorted(words, key=lambda w: len(w))[-1]
    print("longest", longest, len(longest))
    print("avg length", round(sum(len(w) for w in words) / len(words), 3))
    print("title:", lines[0].title())
    print("caps words:", [w for w in TEXT.split() if w.isupper()])


main()
