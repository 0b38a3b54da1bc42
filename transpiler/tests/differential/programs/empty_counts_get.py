def main() -> None:
    text = "the cat and the hat and the bat"
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    print(counts)
    for w in sorted([k for k in counts], key=lambda k: -counts[k]):
        print(w, counts[w])


main()
