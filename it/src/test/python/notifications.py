"""Subscribes to the NETCONF event stream (RFC 5277), says "subscribed", and waits for a notification of the
given name whose leaves have the given values; every notification received is validated by yanglint.
Usage: notifications.py TIMEOUT_SECONDS NAME [LEAF=VALUE...]

The JUnit test starts it in the background, waits for "subscribed", makes the event happen, then waits for
this program's end."""

import sys
import time

from lxml import etree

import twampit

NOTIFICATION_NS = "urn:ietf:params:xml:ns:netconf:notification:1.0"


def main():
    if len(sys.argv) < 3:
        twampit.fail("usage: notifications.py TIMEOUT_SECONDS NAME [LEAF=VALUE...]")
    timeout = float(sys.argv[1])
    name = sys.argv[2]
    wanted = dict(a.split("=", 1) for a in sys.argv[3:])
    client = twampit.Client()
    client.session.create_subscription()
    print("subscribed", flush=True)
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        notification = client.session.take_notification(block=True, timeout=max(0.1, deadline - time.monotonic()))
        if notification is None:
            continue
        xml = notification.notification_xml
        xml = xml.decode() if isinstance(xml, bytes) else xml
        root = etree.fromstring(xml.encode())
        event = [child for child in root if child.tag != "{%s}eventTime" % NOTIFICATION_NS]
        if len(event) != 1:
            twampit.fail("a notification must hold eventTime and one event: " + xml)
        local = etree.QName(event[0]).localname
        seen.append(local)
        if event[0].tag.startswith("{%s}" % twampit.TWAMP_NS) or client.lint.notification_modules:
            client.lint.validate_notification(xml, "the %s notification" % local)
        if local != name:
            continue
        leaves = {etree.QName(leaf).localname: (leaf.text or "").strip() for leaf in event[0].iter()
                  if len(leaf) == 0}
        if all(leaves.get(k) == v for k, v in wanted.items()):
            twampit.ok("received %s with %s:\n%s" % (name, wanted, twampit.pretty(root)))
            client.close()
            return
        print("note: %s with other values: %s" % (name, leaves), flush=True)
    twampit.fail("no %s notification with %s within %s s; received: %s" % (name, wanted, timeout, seen))


if __name__ == "__main__":
    twampit.run(main)
