"""Calls the clear-connection operation. Usage: clear_connection.py ID|all EXPECTED_CLEARED"""

import sys

from lxml import etree

import twampit


def main():
    if len(sys.argv) != 3:
        twampit.fail("usage: clear_connection.py ID|all EXPECTED_CLEARED")
    target = ("<all/>" if sys.argv[1] == "all"
              else "<connection-id>%d</connection-id>" % int(sys.argv[1]))
    client = twampit.Client()
    operation = '<clear-connection xmlns="%s">%s</clear-connection>' % (twampit.TWAMP_NS, target)
    reply = client.session.dispatch(etree.fromstring(operation))
    client.lint.validate_operation(reply, operation, "clear-connection")
    root = etree.fromstring(reply.xml.encode())
    cleared = root.xpath("t:cleared", namespaces=twampit.NS)
    twampit.check(len(cleared) == 1, "clear-connection answers with its cleared count", reply.xml)
    twampit.check_equal(cleared[0].text, sys.argv[2], "clear-connection %s cleared %s connection(s)"
                        % (sys.argv[1], sys.argv[2]))
    client.close()


if __name__ == "__main__":
    twampit.run(main)
