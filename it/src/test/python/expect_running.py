"""Checks leaves of /twamp/server in running. Usage: expect_running.py LEAF=VALUE... (LEAF relative to
/twamp/server, e.g. port=1862 or client-list/address/prefix=127.0.0.0/8)."""

import sys

import twampit


def main():
    if len(sys.argv) < 2 or any("=" not in a for a in sys.argv[1:]):
        twampit.fail("usage: expect_running.py LEAF=VALUE...")
    client = twampit.Client()
    running = client.get_config("running")
    for expectation in sys.argv[1:]:
        leaf, expected = expectation.split("=", 1)
        path = "t:twamp/t:server/" + "/".join("t:" + step for step in leaf.split("/"))
        found = twampit.values(running, path)
        twampit.check(expected in found, "running has %s = %s" % (leaf, expected),
                      "found %s in %s" % (found, twampit.pretty(running)))
    client.close()


if __name__ == "__main__":
    twampit.run(main)
