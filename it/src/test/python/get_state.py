"""Reads /twamp (configuration and state) with <get>, has yanglint validate the reply, and writes its <data>
to a file for the JUnit test to check against what its TWAMP client did. Usage: get_state.py OUT_FILE"""

import sys

import twampit


def main():
    if len(sys.argv) != 2:
        twampit.fail("usage: get_state.py OUT_FILE")
    client = twampit.Client()
    data = client.get()
    twampit.write(sys.argv[1], twampit.pretty(data))
    twampit.ok("wrote the <get> reply's data to " + sys.argv[1])
    client.close()


if __name__ == "__main__":
    twampit.run(main)
