"""What every ncclient scenario of the twamp-agent end-to-end tests shares.

The JUnit harness (net.twampagent.it.harness.Ncclient) starts each scenario with /usr/bin/python3 and tells it
where the agent is through TWAMP_IT_* environment variables. A scenario prints one "ok: ..." line per thing it
checked and exits 1 with a "FAIL: ..." line on the first thing that is wrong, so its output reads as a report.

Every <get> and <get-config> reply goes through Yanglint.validate before the scenario looks at it: the agent's
replies must be valid instance data of its own model, whatever else the scenario checks.
"""

import glob
import os
import subprocess
import sys
import time
import traceback
import urllib.parse

from lxml import etree
from ncclient import manager
from ncclient.operations import RPCError

BASE_NS = "urn:ietf:params:xml:ns:netconf:base:1.0"
TWAMP_NS = "urn:net:twampagent:yang:twamp-server"
WITH_DEFAULTS_NS = "urn:ietf:params:xml:ns:yang:ietf-netconf-with-defaults"
NS = {"nc": BASE_NS, "t": TWAMP_NS}
TWAMP_FILTER = ("subtree", '<twamp xmlns="%s"/>' % TWAMP_NS)

# yanglint needs ietf-netconf (and its with-defaults augment) to read the <rpc> a reply answers. They are
# standard modules the project does not ship; yangcli's package (a test dependency) installs them here.
NETCONF_MODULE_DIRS = ["/usr/share/yuma/modules/ietf", "/usr/share/yang/modules/ietf", "/usr/share/yang/modules"]
YANGLINT_TIMEOUT_SECONDS = 60


def env(name):
    value = os.environ.get(name)
    if not value:
        fail("environment variable %s is not set: run the scenarios from the JUnit harness (mvn -pl it verify)"
             % name)
    return value


def ok(what):
    print("ok: " + what, flush=True)


def fail(message):
    print("FAIL: " + message, file=sys.stderr, flush=True)
    sys.exit(1)


def check(condition, what, detail=""):
    """Prints ok: WHAT when condition holds, else fails with WHAT and the detail that explains it."""
    if condition:
        ok(what)
    else:
        fail(what + (": " + detail if detail else ""))


def check_equal(actual, expected, what):
    check(actual == expected, what, "expected %r, got %r" % (expected, actual))


def twamp_port():
    """The TWAMP-Control port the harness chose for this agent (free, never the well-known 862)."""
    return int(env("TWAMP_IT_TWAMP_PORT"))


def connect():
    """An ncclient session to the agent over SSH, as admin with the password of the harness's file."""
    with open(env("TWAMP_IT_PASSWORD_FILE"), encoding="utf-8") as f:
        password = f.readline().strip()
    try:
        session = manager.connect(host=env("TWAMP_IT_HOST"), port=int(env("TWAMP_IT_PORT")),
                                  username=env("TWAMP_IT_USER"), password=password, hostkey_verify=False,
                                  look_for_keys=False, allow_agent=False, timeout=60)
    except Exception as e:  # the scenario cannot go on: say why in one line
        fail("cannot open a NETCONF session over SSH to %s port %s: %s: %s"
             % (env("TWAMP_IT_HOST"), env("TWAMP_IT_PORT"), type(e).__name__, e))
    return session


def config(server_xml):
    """A <config> of /twamp whose <server> content is server_xml (None: no server container)."""
    server = "" if server_xml is None else "<server>%s</server>" % server_xml
    return '<config xmlns="%s"><twamp xmlns="%s">%s</twamp></config>' % (BASE_NS, TWAMP_NS, server)


def baseline_server():
    """The configuration every scenario starts from: the server on the harness's port, the rest default."""
    return "<port>%d</port>" % twamp_port()


def reset(session, server_xml=None):
    """Makes running (and so candidate) exactly /twamp/server with server_xml, whatever an earlier scenario left."""
    session.discard_changes()
    session.edit_config(target="candidate", config=config(server_xml or baseline_server()),
                        default_operation="replace")
    session.commit()


def values(element, path):
    """The text of every node at path (XPath with prefixes t: for twamp-server, nc: for base) under element."""
    return [node.text for node in element.xpath(path, namespaces=NS)]


def value(element, path):
    found = values(element, path)
    if len(found) != 1:
        fail("expected exactly one %s in the reply, found %d: %s" % (path, len(found), pretty(element)))
    return found[0]


def pretty(element):
    return etree.tostring(element, pretty_print=True).decode()


def canonical(element):
    """An element without whitespace-only text, for comparing two configurations node by node."""
    copy = etree.fromstring(etree.tostring(element))
    for node in copy.iter():
        if node.text is not None and not node.text.strip():
            node.text = None
        if node.tail is not None and not node.tail.strip():
            node.tail = None
    return etree.tostring(copy, method="c14n")


def expect_error(what, call, tag, app_tag=None, error_type=None):
    """Runs call, which must fail with rpc-errors of error-tag tag, or one of them when tag is a tuple where
    RFC 6241 leaves the choice open (and of app-tag, type when given).

    Returns the list of rpc-errors (one RPCError each) so the scenario can check their paths and info.
    """
    try:
        reply = call()
    except RPCError as e:
        errors = e.errlist or [e]
    else:
        fail("%s: expected an rpc-error with error-tag %s, got %s" % (what, tag, getattr(reply, "xml", reply)))
    tags = tag if isinstance(tag, tuple) else (tag,)
    for error in errors:
        detail = etree.tostring(error.xml).decode() if error.xml is not None else str(error)
        check(error.tag in tags, "%s: error-tag %s" % (what, error.tag),
              "expected %s, got error-tag %r in %s" % (" or ".join(tags), error.tag, detail))
        if error_type is not None:
            check(error.type == error_type, "%s: error-type %s" % (what, error_type),
                  "got error-type %r in %s" % (error.type, detail))
        if app_tag is not None:
            check(error.app_tag == app_tag, "%s: error-app-tag %s" % (what, app_tag),
                  "got error-app-tag %r in %s" % (error.app_tag, detail))
        check(error.severity == "error", "%s: error-severity error" % what, detail)
        message = (error.message or "").strip()
        check(message and "Exception" not in message and "\tat " not in message,
              "%s: a human error-message (%s)" % (what, shorten(message)), "got %r in %s" % (message, detail))
    return errors


def shorten(text, limit=160):
    return text if len(text) <= limit else text[:limit] + "..."


def error_path_nodes(error, document):
    """The nodes that the rpc-error's error-path selects, with the prefixes the error declares, in the datastore
    whose <config> or <data> element is document."""
    paths = error.xml.xpath("nc:error-path", namespaces=NS)
    if len(paths) != 1:
        fail("the rpc-error has %d error-path elements, expected one: %s"
             % (len(paths), etree.tostring(error.xml).decode()))
    path = paths[0].text.strip()
    prefixes = {p: ns for p, ns in paths[0].nsmap.items() if p is not None}
    if not prefixes:
        fail("the error-path %r declares no prefix: RFC 6241 wants the namespaces of its nodes" % path)
    # An error-path is absolute from the datastore's root, whose only child here is /twamp.
    twamp = document.find("{%s}twamp" % TWAMP_NS)
    if twamp is None:
        fail("no /twamp to evaluate the error-path %r in: %s" % (path, pretty(document)))
    tree = etree.ElementTree(etree.fromstring(etree.tostring(twamp)))
    try:
        return path, tree.xpath(path, namespaces=prefixes)
    except etree.XPathError as e:
        fail("the error-path %r is not an XPath over the configuration: %s" % (path, e))


def check_error_path(what, errors, document, leaf):
    """The error-path of each rpc-error must select, in document, nodes named leaf of the twamp-server
    namespace."""
    for error in errors:
        path, nodes = error_path_nodes(error, document)
        named = [n for n in nodes if isinstance(n, etree._Element) and n.tag == "{%s}%s" % (TWAMP_NS, leaf)]
        check(len(nodes) >= 1 and len(named) == len(nodes), "%s: error-path %s selects the offending %s"
              % (what, path, leaf), "it selects %d node(s) of %s" % (len(nodes), pretty(document)))


class Yanglint:
    """Checks replies against the agent's YANG model with yanglint (libyang), the reference implementation.

    Two checks per reply: the reply as an answer to its <rpc> (yanglint -t nc-reply -R, which checks the
    envelope), and the content of <data> as what a <get> (-t get) or <get-config> (-t getconfig) may return,
    which checks every node, type, range, key and config/state split against the model.
    """

    def __init__(self, session):
        self.yang_dir = env("TWAMP_IT_YANG_DIR")
        self.out_dir = env("TWAMP_IT_REPLY_DIR")
        os.makedirs(self.out_dir, exist_ok=True)
        modules = glob.glob(os.path.join(self.yang_dir, "twamp-server@*.yang"))
        if len(modules) != 1:
            fail("expected one twamp-server@REVISION.yang in %s, found %s" % (self.yang_dir, modules))
        self.module = modules[0]
        self.features = "twamp-server:" + ",".join(announced_features(session, "twamp-server"))
        self.netconf_modules = find_modules("ietf-netconf", "ietf-netconf-with-defaults")
        self.notification_modules = find_modules("ietf-netconf-notifications")
        self.count = 0

    def validate(self, reply, kind, rpc_xml):
        """kind is 'get' or 'getconfig'; rpc_xml the <rpc> the reply answers (its message-id is taken from the
        reply). Fails the scenario when yanglint rejects the reply."""
        self.count += 1
        stem = os.path.join(self.out_dir, "%02d-%s" % (self.count, kind))
        root = etree.fromstring(reply.xml.encode())
        message_id = root.get("message-id")
        data = root.find("{%s}data" % BASE_NS)
        if data is None:
            fail("the %s reply has no <data>: %s" % (kind, reply.xml))
        write(stem + ".reply.xml", reply.xml)
        write(stem + ".rpc.xml", '<rpc message-id="%s" xmlns="%s">%s</rpc>' % (message_id, BASE_NS, rpc_xml))
        if self.netconf_modules:
            # Every ietf-netconf feature: they only decide which requests parse, and the request is ours.
            self.run(["-F", "ietf-netconf:*", "-t", "nc-reply", "-R", stem + ".rpc.xml"], self.netconf_modules,
                     stem + ".reply.xml",
                     "the %s reply envelope (%s.reply.xml)" % (kind, stem))
        content = "".join(etree.tostring(child).decode() for child in data)
        if content:
            write(stem + ".data.xml", content)
            self.run(["-t", kind], [], stem + ".data.xml", "the %s data (%s.data.xml)" % (kind, stem))
        else:
            ok("the %s reply holds no data, nothing for yanglint to check" % kind)
        return data

    def validate_operation(self, reply, rpc_xml, what):
        """Validates the reply to one of the model's own operations: its output is data yanglint checks."""
        self.count += 1
        stem = os.path.join(self.out_dir, "%02d-operation" % self.count)
        message_id = etree.fromstring(reply.xml.encode()).get("message-id")
        write(stem + ".reply.xml", reply.xml)
        write(stem + ".rpc.xml", '<rpc message-id="%s" xmlns="%s">%s</rpc>' % (message_id, BASE_NS, rpc_xml))
        self.run(["-t", "nc-reply", "-R", stem + ".rpc.xml"], [], stem + ".reply.xml",
                 "the reply to %s (%s.reply.xml)" % (what, stem))

    def validate_notification(self, notification_xml, what, datastore=None):
        """Validates a <notification> of the model (or of ietf-netconf-notifications, when installed).

        datastore is a <data> element the notification may point into (the target of a netconf-config-change
        is an instance-identifier that must exist)."""
        self.count += 1
        path = os.path.join(self.out_dir, "%02d-notification.xml" % self.count)
        write(path, notification_xml)
        options = ["-t", "nc-notif"]
        if datastore is not None and len(datastore):
            operational = os.path.join(self.out_dir, "%02d-notification-datastore.xml" % self.count)
            write(operational, "".join(etree.tostring(child).decode() for child in datastore))
            options += ["-O", operational]
        self.run(options, self.notification_modules, path, "%s (%s)" % (what, path))

    def run(self, options, extra_modules, data_file, what):
        search = []
        for directory in sorted({os.path.dirname(m) for m in extra_modules}):
            search += ["-p", directory]
        command = (["yanglint", "-p", self.yang_dir] + search + ["-F", self.features] + options + [self.module]
                   + extra_modules + [data_file])
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=YANGLINT_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            fail("yanglint took more than %d s on %s" % (YANGLINT_TIMEOUT_SECONDS, what))
        check(result.returncode == 0, "yanglint accepts " + what,
              "%s\n%s%s" % (" ".join(command), result.stdout, result.stderr))


def announced_features(session, module):
    """The features the hello announces for module (the features= parameter of its capability URI)."""
    for capability in session.server_capabilities:
        query = urllib.parse.urlparse(capability).query
        params = urllib.parse.parse_qs(query)
        if params.get("module") == [module]:
            return [f for f in ",".join(params.get("features", [])).split(",") if f]
    return []


def find_modules(*names):
    """The files of the standard modules named (one revision each), or [] when one of them is not installed."""
    for directory in NETCONF_MODULE_DIRS:
        found = [glob.glob(os.path.join(directory, name + "@*.yang")) for name in names]
        if all(found):
            return [files[0] for files in found]
    print("note: %s not found in %s: the checks that need them are skipped" % (", ".join(names),
                                                                              NETCONF_MODULE_DIRS), flush=True)
    return []


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def get_config_rpc(source, filter_xml, with_defaults=None):
    wd = "" if with_defaults is None else '<with-defaults xmlns="%s">%s</with-defaults>' % (
        WITH_DEFAULTS_NS, with_defaults)
    return '<get-config><source><%s/></source><filter type="subtree">%s</filter>%s</get-config>' % (
        source, filter_xml, wd)


class Client:
    """An ncclient session whose <get>/<get-config> replies are always validated by yanglint."""

    def __init__(self, name="session"):
        self.name = name
        self.session = connect()
        self.lint = Yanglint(self.session)

    @property
    def session_id(self):
        return int(self.session.session_id)

    def get_config(self, source="running", with_defaults=None):
        """The /twamp subtree of source, validated; returns the <data> element."""
        if with_defaults is None:
            reply = self.session.get_config(source=source, filter=TWAMP_FILTER)
        else:
            reply = self.session.get_config(source=source, filter=TWAMP_FILTER, with_defaults=with_defaults)
        return self.lint.validate(reply, "getconfig", get_config_rpc(source, TWAMP_FILTER[1], with_defaults))

    def get(self, filter_xml=TWAMP_FILTER[1]):
        reply = self.session.get(filter=("subtree", filter_xml))
        return self.lint.validate(reply, "get", '<get><filter type="subtree">%s</filter></get>' % filter_xml)

    def edit(self, server_xml, target="candidate", **options):
        return self.session.edit_config(target=target, config=config(server_xml), **options)

    def close(self):
        if self.session.connected:
            self.session.close_session()


def run(main):
    """Runs a scenario's main; an rpc-error or exception it did not expect fails it with the whole story."""
    try:
        main()
    except SystemExit:
        raise
    except RPCError as e:
        traceback.print_exc()
        fail("unexpected rpc-error: %s" % (etree.tostring(e.xml).decode() if e.xml is not None else e))
    except Exception as e:
        traceback.print_exc()
        fail("unexpected %s: %s" % (type(e).__name__, e))
    print("passed", flush=True)


def wait_for(what, condition, timeout_seconds, interval_seconds=0.2):
    """Polls condition until it returns a true value (returned) or the time is up (the scenario fails)."""
    deadline = time.monotonic() + timeout_seconds
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            fail("%s did not happen within %s s" % (what, timeout_seconds))
        time.sleep(interval_seconds)
