"""Valid-looking Belgian enterprise numbers: 0 or 1, seven digits, two mod-97 check digits."""
import random


def enterprise_number(rng: random.Random) -> str:
    base = rng.choice("01") + "".join(rng.choice("0123456789") for _ in range(7))
    if int(base) % 97 == 0:  # check digits would be 97: not a valid number, draw again
        return enterprise_number(rng)
    return f"{base}{97 - int(base) % 97:02d}"
