def check_all(rows: list[list[int]]) -> list[str]:
    out: list[str] = []
    for row in rows:
        for v in row:
            if v < 0:
                out.append(f"negative in {row}")
                break
            if v == 0:
                continue
        else:
            out.append(f"ok {sum(row)}")
    return out


print(check_all([[1, 2], [3, -1, 4], [], [0, 0, 5]]))
