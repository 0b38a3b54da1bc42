trace: list[str] = []


def run(fail: bool) -> None:
    try:
        trace.append("outer try")
        try:
            trace.append("inner try")
            if fail:
                raise ValueError("inner failure")
        finally:
            trace.append("inner finally")
        trace.append("after inner")
    except ValueError as e:
        trace.append(f"outer except {e}")
    finally:
        trace.append("outer finally")


run(False)
print(trace)
trace.clear()
run(True)
print(trace)
