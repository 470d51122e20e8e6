"""Bad values are rejected with the right rpc-error and change nothing.

Values outside a type's range, length or pattern are refused by <edit-config> itself: error-tag invalid-value
(RFC 7950 section 8.3.1) and an error-path that selects the offending node. Values each fine alone but breaking
a must rule pass <edit-config> and are refused by <validate> and by <commit>: error-tag operation-failed and the
rule's own error-app-tag (RFC 7950 section 15.4), again with an error-path. The candidate is unchanged after a
refused edit, running after a refused commit. max-elements is max_elements.py.
"""

from lxml import etree

import twampit
from twampit import check, expect_error

KEY_CHAIN = ("<authentication-key-chain><name>chain-a</name><key-id><id>k1</id><secret>s1</secret></key-id>"
             "</authentication-key-chain>")

# (what, server content, the leaf the error-path must select): each edge of each range, plus one value
# of each length and pattern restriction.
TYPE_ERRORS = [
    ("count 9", "<count>9</count>", "count"),
    ("count 16", "<count>16</count>", "count"),
    ("max-connection-duration 121", "<max-connection-duration>121</max-connection-duration>",
     "max-connection-duration"),
    ("maximum-connections 0", "<maximum-connections>0</maximum-connections>", "maximum-connections"),
    ("maximum-connections 1001", "<maximum-connections>1001</maximum-connections>", "maximum-connections"),
    ("maximum-connections-per-client 0", "<maximum-connections-per-client>0</maximum-connections-per-client>",
     "maximum-connections-per-client"),
    ("maximum-connections-per-client 501",
     "<maximum-connections-per-client>501</maximum-connections-per-client>", "maximum-connections-per-client"),
    ("maximum-sessions 0", "<maximum-sessions>0</maximum-sessions>", "maximum-sessions"),
    ("maximum-sessions 2049", "<maximum-sessions>2049</maximum-sessions>", "maximum-sessions"),
    ("maximum-sessions-per-connection 0", "<maximum-sessions-per-connection>0</maximum-sessions-per-connection>",
     "maximum-sessions-per-connection"),
    ("maximum-sessions-per-connection 1025",
     "<maximum-sessions-per-connection>1025</maximum-sessions-per-connection>", "maximum-sessions-per-connection"),
    ("port 0", "<port>0</port>", "port"),
    ("port 65536", "<port>65536</port>", "port"),
    ("server-inactivity-timeout 31", "<server-inactivity-timeout>31</server-inactivity-timeout>",
     "server-inactivity-timeout"),
    ("reflector-inactivity-timeout 0", "<reflector-inactivity-timeout>0</reflector-inactivity-timeout>",
     "reflector-inactivity-timeout"),
    ("reflector-inactivity-timeout 604801",
     "<reflector-inactivity-timeout>604801</reflector-inactivity-timeout>", "reflector-inactivity-timeout"),
    ("routing-instance-list port 65536",
     "<routing-instance-list><name>default</name><port>65536</port></routing-instance-list>", "port"),
    ("authentication-mode bogus", "<authentication-mode>bogus</authentication-mode>", "authentication-mode"),
    ("secret of 1025 characters",
     "<authentication-key-chain><name>c</name><key-id><id>k</id><secret>%s</secret></key-id>"
     "</authentication-key-chain>" % ("s" * 1025), "secret"),
    ("key-id of 81 characters",
     "<authentication-key-chain><name>c</name><key-id><id>%s</id><secret>s</secret></key-id>"
     "</authentication-key-chain>" % ("k" * 81), "id"),
    ("client-list prefix not a prefix",
     "<client-list><name>l</name><address><prefix>not-an-address</prefix></address></client-list>", "prefix"),
    ("routing-instance name with a slash",
     "<routing-instance-list><name>a/b</name></routing-instance-list>", "name"),
]

# (what, server content, error-app-tag, the leaf or list the error-path must select)
RULE_ERRORS = [
    ("authenticated mode without a key", "<authentication-mode>authenticated</authentication-mode>",
     "key-required", "authentication-mode"),
    ("the same key-id in two chains",
     KEY_CHAIN + "<authentication-key-chain><name>chain-b</name><key-id><id>k1</id><secret>s2</secret>"
     "</key-id></authentication-key-chain>", "duplicate-key-id", "key-id"),
    ("client prefix 0.0.0.0/0",
     "<client-list><name>l</name><address><prefix>0.0.0.0/0</prefix></address></client-list>",
     "client-address-unspecified", "prefix"),
    ("client prefix ::/0",
     "<client-list><name>l</name><address><prefix>::/0</prefix></address></client-list>",
     "client-address-unspecified", "prefix"),
    ("client prefix 255.255.255.255/32",
     "<client-list><name>l</name><address><prefix>255.255.255.255/32</prefix></address></client-list>",
     "client-address-broadcast", "prefix"),
    ("client prefix 224.0.0.1/32",
     "<client-list><name>l</name><address><prefix>224.0.0.1/32</prefix></address></client-list>",
     "client-address-multicast", "prefix"),
    ("client prefix ff02::1/128",
     "<client-list><name>l</name><address><prefix>ff02::1/128</prefix></address></client-list>",
     "client-address-multicast", "prefix"),
    ("maximum-connections-per-client above maximum-connections",
     "<maximum-connections>10</maximum-connections>", "per-client-above-maximum",
     "maximum-connections-per-client"),
    ("maximum-sessions-per-connection above maximum-sessions",
     "<maximum-sessions>10</maximum-sessions>", "per-connection-above-maximum",
     "maximum-sessions-per-connection"),
]


def main():
    client = twampit.Client()
    twampit.reset(client.session)
    running = twampit.canonical(client.get_config("running"))

    for what, content, leaf in TYPE_ERRORS:
        before = twampit.canonical(client.get_config("candidate"))
        edit = twampit.config(content)
        errors = expect_error("edit-config " + what, lambda: client.edit(content), "invalid-value",
                             error_type="application")
        twampit.check_error_path("edit-config " + what, errors, etree.fromstring(edit), leaf)
        check(twampit.canonical(client.get_config("candidate")) == before,
              "the refused edit (%s) left the candidate as it was" % what)

    for what, content, app_tag, leaf in RULE_ERRORS:
        client.edit(content)
        twampit.ok("edit-config accepts %s: it breaks a rule checked at validate and commit" % what)
        candidate = client.get_config("candidate")
        # A rule may fail on a default value (maximum-connections-per-client 64 when maximum-connections is
        # lowered to 10): the error-path must select it in the candidate with its defaults.
        with_defaults = client.get_config("candidate", with_defaults="report-all")
        errors = expect_error("validate " + what, lambda: client.session.validate(source="candidate"),
                              "operation-failed", app_tag=app_tag, error_type="application")
        twampit.check_error_path("validate " + what, errors, with_defaults, leaf)
        errors = expect_error("commit " + what, lambda: client.session.commit(), "operation-failed",
                              app_tag=app_tag, error_type="application")
        twampit.check_error_path("commit " + what, errors, with_defaults, leaf)
        check(twampit.canonical(client.get_config("running")) == running,
              "the refused commit (%s) left running as it was" % what)
        check(twampit.canonical(client.get_config("candidate")) == twampit.canonical(candidate),
              "the refused commit (%s) left the client's edits in the candidate" % what)
        client.session.discard_changes()
    client.close()


if __name__ == "__main__":
    twampit.run(main)
