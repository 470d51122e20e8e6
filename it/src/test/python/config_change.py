"""Every commit publishes an RFC 6470 netconf-config-change notification to subscribed sessions, naming the
session that made the change and the nodes it changed."""

from lxml import etree

import twampit

NOTIFICATIONS_NS = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications"


def main():
    listener = twampit.Client("listener")
    changer = twampit.Client("changer")
    twampit.reset(changer.session)
    listener.session.create_subscription()
    twampit.ok("the listener subscribed to the NETCONF stream")
    changer.edit("<server-inactivity-timeout>5</server-inactivity-timeout>")
    changer.session.commit()
    notification = listener.session.take_notification(block=True, timeout=30)
    twampit.check(notification is not None, "a notification arrives within 30 s of the commit")
    xml = notification.notification_xml
    xml = xml.decode() if isinstance(xml, bytes) else xml
    print(xml, flush=True)
    root = etree.fromstring(xml.encode())
    change = root.find("{%s}netconf-config-change" % NOTIFICATIONS_NS)
    twampit.check(change is not None, "it is a netconf-config-change", xml)
    if listener.lint.notification_modules:
        listener.lint.validate_notification(xml, "the netconf-config-change notification",
                                            listener.get_config("running"))
    ns = {"n": NOTIFICATIONS_NS}
    twampit.check_equal(change.xpath("string(n:changed-by/n:username)", namespaces=ns),
                        twampit.env("TWAMP_IT_USER"), "changed-by names the user who committed")
    twampit.check_equal(change.xpath("string(n:changed-by/n:session-id)", namespaces=ns),
                        str(changer.session_id), "changed-by names the committing session")
    twampit.check_equal(change.xpath("string(n:datastore)", namespaces=ns) or "running", "running",
                        "the changed datastore is running")
    targets = change.xpath("n:edit/n:target", namespaces=ns)
    twampit.check(any("twamp" in (t.text or "") for t in targets), "an edit's target points into /twamp", xml)
    twampit.reset(changer.session)
    changer.close()
    listener.close()


if __name__ == "__main__":
    twampit.run(main)
