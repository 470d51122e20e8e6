"""The hello: the capabilities that clients (ncclient, Ansible, NSO) look for are all announced, with the
parameters they parse, and the session runs with NETCONF 1.1 chunked framing."""

import urllib.parse

from ncclient.transport.session import NetconfBase

import twampit
from twampit import check

REQUIRED = [
    "urn:ietf:params:netconf:base:1.0",
    "urn:ietf:params:netconf:base:1.1",
    "urn:ietf:params:netconf:capability:candidate:1.0",
    "urn:ietf:params:netconf:capability:writable-running:1.0",
    "urn:ietf:params:netconf:capability:validate:1.1",
    "urn:ietf:params:netconf:capability:confirmed-commit:1.1",
    "urn:ietf:params:netconf:capability:rollback-on-error:1.0",
    "urn:ietf:params:netconf:capability:notification:1.0",
    "urn:ietf:params:netconf:capability:interleave:1.0",
]
# Refused by the agent (no copy-config to or from a file), so it must not be announced.
ABSENT = ["urn:ietf:params:netconf:capability:url:1.0"]


def main():
    client = twampit.Client()
    session = client.session
    announced = list(session.server_capabilities)
    print("the hello announces:\n  " + "\n  ".join(announced), flush=True)
    bare = {c.split("?")[0] for c in announced}
    for uri in REQUIRED:
        check(uri in bare, "the hello announces " + uri)
    for uri in ABSENT:
        check(uri not in bare, "the hello does not announce " + uri + " (not supported)")

    with_defaults = [c for c in announced
                     if c.startswith("urn:ietf:params:netconf:capability:with-defaults:1.0")]
    check(len(with_defaults) == 1, "the hello announces :with-defaults once", str(with_defaults))
    params = urllib.parse.parse_qs(urllib.parse.urlparse(with_defaults[0]).query)
    check(params.get("basic-mode") == ["explicit"], "with-defaults basic-mode is explicit", with_defaults[0])
    also = set(",".join(params.get("also-supported", [])).split(","))
    check({"report-all", "trim"} <= also, "with-defaults also supports report-all and trim", with_defaults[0])

    module = [c for c in announced if urllib.parse.parse_qs(urllib.parse.urlparse(c).query).get("module")
              == ["twamp-server"]]
    check(len(module) == 1 and module[0].startswith(twampit.TWAMP_NS + "?"),
          "the hello announces the twamp-server module in its namespace", str(module))
    revision = urllib.parse.parse_qs(urllib.parse.urlparse(module[0]).query).get("revision")
    check(revision == ["2026-11-26"], "the twamp-server capability names revision 2026-11-26", module[0])
    monitoring = [c for c in announced if c.startswith("urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring?")]
    check(len(monitoring) == 1, "the hello announces ietf-netconf-monitoring (get-schema)", str(monitoring))

    check(client.session_id > 0, "the server gave a session-id (%d)" % client.session_id)
    # ncclient switches to chunked framing only when both hellos list base:1.1.
    check(session._session._base == NetconfBase.BASE_11, "the session uses NETCONF 1.1 chunked framing")
    client.get_config("running")
    client.close()


if __name__ == "__main__":
    twampit.run(main)
