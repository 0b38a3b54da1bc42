trace: list[str] = []


def run_case(fail: bool) -> None:
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


run_case(False)
print(trace)
trace.clear()
run_case(True)
print(trace)
