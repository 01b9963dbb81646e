"""Prints how many fuzz inputs the audit tests sent."""


def pytest_terminal_summary(terminalreporter):
    from audit_fuzz import KNOWN_BUGS, KNOWN_SEEN, Counter

    if Counter.total:
        terminalreporter.write_line(f"audit fuzz: {Counter.total} inputs sent")
    for name, count in KNOWN_SEEN.items():
        terminalreporter.write_line(f"audit fuzz: known bug {name} hit {count} times "
                                    f"({KNOWN_BUGS[name][1]})")
